// Package insight joins the store to the pure packages: it streams an
// institution's data into the metrics accumulators and hands the results
// to the advice rules, the goals and the campaign tracker. The CLI and the
// web API both call it, so each computation is written once.
package insight

import (
	"context"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/metrics"
	"kopuro/plan"
	"kopuro/store"
)

// Options are the settings every computation shares.
type Options struct {
	Index  metrics.IndexConfig
	Advice advise.Config
	Loc    *time.Location // the audience's time zone; nil: Asia/Bishkek
	// Clusters makes a fresh near-duplicate clusterer for one scorecard
	// (nil: duplicate_rate is missing).
	Clusters func() func(text string) string
	// Langs lists the languages of a text (nil: a "mixed" post's English
	// is unknown).
	Langs func(text string) []kopuro.Lang
	// Memo keeps scorecards in the store's cache until the data changes
	// (memo.go), for a long-running server. Set it only with the Clusters
	// and Langs of DefaultOptions: the cache cannot tell functions apart.
	Memo bool
}

// DefaultOptions uses the bundled index, the default thresholds and the
// analysis engine's near-duplicate clustering and language detection.
func DefaultOptions() Options {
	return Options{Index: metrics.DefaultIndexConfig(), Advice: advise.DefaultConfig(), Clusters: newClusters, Langs: TextLangs}
}

// Scope narrows a scorecard to one platform and/or one label.
type Scope struct {
	Platform kopuro.Platform
	Label    string
}

// Scorecard computes an institution's metrics over p.
func Scorecard(ctx context.Context, db *store.DB, in kopuro.Institution, p metrics.Period, now time.Time, o Options, sc Scope) (metrics.Scorecard, error) {
	if o.Memo {
		return memoScorecard(ctx, db, in, p, now, o, sc)
	}
	return scorecard(ctx, db, in, p, now, o, sc)
}

func scorecard(ctx context.Context, db *store.DB, in kopuro.Institution, p metrics.Period, now time.Time, o Options, sc Scope) (metrics.Scorecard, error) {
	c := metrics.NewCollector(in, p, o.Loc)
	if o.Clusters != nil {
		c.Fingerprint = o.Clusters()
	}
	c.Langs = o.Langs
	var f store.Feed = c
	if sc.Platform != "" || sc.Label != "" {
		f = scoped{c, sc}
	}
	if err := db.Stream(ctx, in.Code, p.From, p.To, f); err != nil {
		return metrics.Scorecard{}, err
	}
	card := c.Result(now, o.Index)
	// Offline figures of the same period stand beside the online metrics
	// ("offline.volunteers", ...), where goals and reports read them.
	ins, err := db.Indicators(ctx, in.Code)
	if err != nil {
		return card, err
	}
	for id, v := range plan.OfflineTotals(ins, p) {
		card.Values[id] = v
	}
	return card, nil
}

// scoped passes on only the accounts of one platform and the posts with
// one label.
type scoped struct {
	*metrics.Collector
	s Scope
}

func (s scoped) keep(p kopuro.Platform) bool { return s.s.Platform == "" || p == s.s.Platform }

func (s scoped) AddAccount(a kopuro.Account) {
	if s.keep(a.Platform) {
		s.Collector.AddAccount(a)
	}
}

func (s scoped) AddSnapshot(a kopuro.Account, sn kopuro.Snapshot) {
	if s.keep(a.Platform) {
		s.Collector.AddSnapshot(a, sn)
	}
}

func (s scoped) AddCodedPost(p kopuro.Post, l *kopuro.Labels) error {
	if !s.keep(p.Platform) || (s.s.Label != "" && !l.Has(s.s.Label)) {
		return nil
	}
	return s.Collector.AddCodedPost(p, l)
}

func (s scoped) AddLatestPost(a kopuro.Account, t time.Time) {
	if s.keep(a.Platform) {
		s.Collector.AddLatestPost(a, t)
	}
}

func (s scoped) AddComment(c kopuro.Comment) {
	if s.keep(c.Platform) {
		s.Collector.AddComment(c)
	}
}

// Peers returns the institutions compared with in: those of the same type
// (metrics.Peers), or every other institution when in has no type or is
// alone in it.
func Peers(in kopuro.Institution, all []kopuro.Institution) []kopuro.Institution {
	same := map[string]bool{}
	for _, code := range metrics.Peers(in, all, metrics.PeerType) {
		same[code] = code != in.Code
	}
	var out, others []kopuro.Institution
	for _, o := range all {
		if same[o.Code] {
			out = append(out, o)
		}
		if o.Code != in.Code {
			others = append(others, o)
		}
	}
	if len(out) == 0 {
		return others
	}
	return out
}

// Advice evaluates the ten rules for an institution over p, against the
// median of its peers, with the state of its goals; texts in lang.
func Advice(ctx context.Context, db *store.DB, code string, p metrics.Period, now time.Time, o Options, tr advise.Translator, lang string) (advise.Advice, error) {
	in, err := db.Institution(ctx, code)
	if err != nil {
		return advise.Advice{}, err
	}
	card, err := Scorecard(ctx, db, in, p, now, o, Scope{})
	if err != nil {
		return advise.Advice{}, err
	}
	all, err := db.Institutions(ctx)
	if err != nil {
		return advise.Advice{}, err
	}
	peers, err := Scorecards(ctx, db, Peers(in, all), p, now, o, Scope{})
	if err != nil {
		return advise.Advice{}, err
	}
	return AdviceFrom(ctx, db, card, peers, now, o, tr, lang)
}

// AdviceFrom is Advice on scorecards already computed: the institution's
// (card) and its peers' over the same period. A report advising every
// institution computes each scorecard once this way, not once per
// institution it is a peer of.
func AdviceFrom(ctx context.Context, db *store.DB, card metrics.Scorecard, peers []metrics.Scorecard, now time.Time, o Options, tr advise.Translator, lang string) (advise.Advice, error) {
	input := advise.Input{Card: card, Peers: peers, GoalReviewDays: metrics.Missing}
	goals, err := db.Goals(ctx, card.Institution)
	if err != nil {
		return advise.Advice{}, err
	}
	var reviewed time.Time
	for _, g := range goals {
		if !g.Deadline.IsZero() && g.Deadline.Start().AddDate(0, 0, 1).After(now) {
			input.Goals++
		}
		if g.Reviewed.After(reviewed) {
			reviewed = g.Reviewed
		}
	}
	if !reviewed.IsZero() {
		input.GoalReviewDays = metrics.ExactValue(now.Sub(reviewed).Hours() / 24)
	}
	a := advise.Evaluate(input, o.Advice)
	advise.Render(&a, tr, lang)
	return a, nil
}

// GoalStatus is a goal with its progress.
type GoalStatus struct {
	plan.Goal
	Progress plan.Progress `json:"progress"`
}

// GoalWindow is how far back a goal's current value looks when the goal
// has no start date: rates and shares over the last 90 days.
const GoalWindow = 90 * 24 * time.Hour

// Current measures a goal's metric at now: over [start, now] (or the last
// GoalWindow), in the goal's scope; offline indicators are summed over the
// same span.
func Current(ctx context.Context, db *store.DB, g plan.Goal, now time.Time, o Options) (metrics.Value, error) {
	from := now.Add(-GoalWindow)
	if !g.Start.IsZero() && g.Start.Start().Before(now) {
		from = g.Start.Start()
	}
	p := metrics.Period{From: from, To: now.Add(time.Second)}
	in, err := db.Institution(ctx, g.Institution)
	if err != nil {
		return metrics.Missing, err
	}
	sc, err := Scorecard(ctx, db, in, p, now, o, Scope{Platform: g.Platform, Label: g.Label})
	if err != nil {
		return metrics.Missing, err
	}
	if v, ok := sc.Values[g.Metric]; ok {
		return v, nil
	}
	return metrics.Missing, nil
}

// Goals returns the institution's goals with their progress at now.
func Goals(ctx context.Context, db *store.DB, code string, now time.Time, o Options) ([]GoalStatus, error) {
	goals, err := db.Goals(ctx, code)
	if err != nil {
		return nil, err
	}
	out := []GoalStatus{}
	for _, g := range goals {
		v, err := Current(ctx, db, g, now, o)
		if err != nil {
			return nil, err
		}
		out = append(out, GoalStatus{Goal: g, Progress: plan.GoalProgress(g, v, now)})
	}
	return out, nil
}

// CampaignReport counts, per university, the posts that carried the
// campaign's hashtag in its window.
func CampaignReport(ctx context.Context, db *store.DB, code string, o Options) (plan.CampaignReport, error) {
	c, err := db.Campaign(ctx, code)
	if err != nil {
		return plan.CampaignReport{}, err
	}
	t := plan.NewTracker(c, o.Loc)
	if err := db.CampaignPosts(ctx, c, t.Add); err != nil {
		return plan.CampaignReport{}, err
	}
	return t.Report(), nil
}

// Calendar lists the bundled international days, the given rubrics and
// the stored campaigns between from and to.
func Calendar(ctx context.Context, db *store.DB, from, to time.Time, rubrics []plan.Rubric) ([]plan.Event, error) {
	days, err := plan.BundledDays()
	if err != nil {
		return nil, err
	}
	cs, err := db.Campaigns(ctx)
	if err != nil {
		return nil, err
	}
	ev := plan.Calendar(from, to, days, rubrics, cs)
	if ev == nil {
		ev = []plan.Event{}
	}
	return ev, nil
}
