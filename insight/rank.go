package insight

import (
	"context"
	"time"

	"kopuro"
	"kopuro/metrics"
	"kopuro/store"
)

// Ranking is a metric's ranking of institutions on a platform (or across
// all platforms) over a period, optionally within a peer group.
type Ranking struct {
	Metric   string           `json:"metric"`
	Version  int              `json:"version"`
	Platform kopuro.Platform  `json:"platform,omitempty"`
	Peers    string           `json:"peers,omitempty"` // "type", "city" or "size" of Of
	Of       string           `json:"of,omitempty"`    // the institution whose peer group is ranked
	Period   metrics.Period   `json:"period"`
	Entries  []metrics.Ranked `json:"entries"`
}

// Rank computes metric for every institution (or the peer group of `of`
// along `peers`) and ranks them. Keyed metrics cannot be ranked.
func Rank(ctx context.Context, db *store.DB, metric string, platform kopuro.Platform, peers, of string, p metrics.Period, now time.Time, o Options) (Ranking, error) {
	d, ok := metrics.Lookup(metric)
	if !ok || d.Keyed {
		return Ranking{}, kopuro.Errorf(kopuro.EInvalid, "error.rank_metric", "%q is not a metric that can be ranked", metric).WithArg("Value", metric)
	}
	all, err := db.Institutions(ctx)
	if err != nil {
		return Ranking{}, err
	}
	r := Ranking{Metric: metric, Version: d.Version, Platform: platform, Peers: peers, Of: of, Period: p}
	if peers != "" {
		in, err := db.Institution(ctx, of)
		if err != nil {
			return Ranking{}, err
		}
		keep := map[string]bool{}
		for _, c := range metrics.Peers(in, all, peers) {
			keep[c] = true
		}
		var group []kopuro.Institution
		for _, x := range all {
			if keep[x.Code] {
				group = append(group, x)
			}
		}
		all = group
	}
	cards, err := Scorecards(ctx, db, all, p, now, o, Scope{Platform: platform})
	if err != nil {
		return Ranking{}, err
	}
	var entries []metrics.Entry
	for i, in := range all {
		entries = append(entries, metrics.Entry{Key: in.Code, Value: cards[i].Values[metric]})
	}
	r.Entries = metrics.Rank(metric, entries)
	if r.Entries == nil {
		r.Entries = []metrics.Ranked{}
	}
	return r, nil
}
