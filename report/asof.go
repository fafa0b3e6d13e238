package report

import (
	"context"
	"time"

	"kopuro"
	"kopuro/store"
)

// snapshotCache reads each account's snapshots once for the whole report.
type snapshotCache map[int64][]kopuro.Snapshot

func (c snapshotCache) get(ctx context.Context, db *store.DB, account int64) ([]kopuro.Snapshot, error) {
	if s, ok := c[account]; ok {
		return s, nil
	}
	s, err := db.Snapshots(ctx, account)
	if err != nil {
		return nil, err
	}
	c[account] = s
	return s, nil
}

// audienceAt is, for every account of an institution, its newest follower
// or subscriber snapshot dated before end (a "none" snapshot included: no
// data is a fact to show), so that Table 1 of a past period shows the
// figures known at its end and never one recorded after it.
func audienceAt(ctx context.Context, db *store.DB, c snapshotCache, accounts []kopuro.Account, end time.Time) ([]store.AccountSnapshot, error) {
	var out []store.AccountSnapshot
	for _, a := range accounts {
		if a.Institution == "" {
			continue
		}
		snaps, err := c.get(ctx, db, a.ID)
		if err != nil {
			return nil, err
		}
		newest := map[kopuro.Metric]kopuro.Snapshot{}
		for _, s := range snaps {
			if !s.Metric.Audience() || !s.AsOf.Start().Before(end) {
				continue
			}
			if n, ok := newest[s.Metric]; !ok || s.AsOf.SortKey() >= n.AsOf.SortKey() {
				newest[s.Metric] = s
			}
		}
		for _, m := range []kopuro.Metric{kopuro.MetricFollowers, kopuro.MetricSubscribers} {
			if s, ok := newest[m]; ok {
				out = append(out, store.AccountSnapshot{Account: a, Snapshot: s})
			}
		}
	}
	return out, nil
}
