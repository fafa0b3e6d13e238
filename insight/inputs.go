package insight

import (
	"context"
	"time"

	"kopuro"
	"kopuro/metrics"
	"kopuro/plan"
	"kopuro/store"
)

// Period parses a period such as "2025-01..2025-06"; empty means the last
// six whole months before the current one.
func Period(s string, now time.Time) (metrics.Period, error) {
	if s != "" {
		return metrics.ParsePeriod(s)
	}
	to := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	return metrics.Period{From: to.AddDate(0, -6, 0), To: to}, nil
}

// MaxSpan is the longest calendar that may be asked for.
const MaxSpan = 3 * 366 * 24 * time.Hour

// Span reads the first and last day of a calendar ("" for today and 30
// days on; a month-only "to" means its last day).
func Span(fromS, toS string, now time.Time) (time.Time, time.Time, error) {
	from := kopuro.DateOf(now).Start()
	if fromS != "" {
		d, err := kopuro.ParseDate(fromS)
		if err != nil {
			return from, from, err
		}
		from = d.Start()
	}
	to := from.AddDate(0, 0, 30)
	if toS != "" {
		d, err := kopuro.ParseDate(toS)
		if err != nil {
			return from, to, err
		}
		to = d.Start()
		if d.MonthOnly() {
			to = to.AddDate(0, 1, -1)
		}
	}
	if to.Before(from) || to.Sub(from) > MaxSpan {
		return from, to, kopuro.Errorf(kopuro.EInvalid, "error.calendar_span", "the calendar spans from one day to three years")
	}
	return from, to, nil
}

// RunningCampaignTags returns the hashtags of the campaigns whose window
// holds today: a draft checked now could carry them.
func RunningCampaignTags(ctx context.Context, db *store.DB, now time.Time) ([]string, error) {
	cs, err := db.Campaigns(ctx)
	if err != nil {
		return nil, err
	}
	today := kopuro.DateOf(now).Start()
	var out []string
	for _, c := range cs {
		if !today.Before(c.From.Start()) && !today.After(c.To.Start()) {
			out = append(out, c.Hashtag)
		}
	}
	return out, nil
}

// AddGoal stores a goal after filling what was left out: the start is
// today, and an absolute goal's baseline is its metric measured now, so
// that progress starts at zero.
func AddGoal(ctx context.Context, db *store.DB, g plan.Goal, now time.Time, o Options) (plan.Goal, error) {
	g.ID, g.Reviewed = 0, time.Time{}
	if g.Start.IsZero() {
		g.Start = kopuro.DateOf(now)
	}
	// The store checks what a goal says of itself; that its metric exists
	// is the registry's to say.
	if err := plan.ValidateGoal(&g); err != nil {
		return g, err
	}
	_, known := metrics.Lookup(g.Metric)
	if !g.Baseline.OK() && g.Change == nil && (known || plan.IsOfflineMetric(g.Metric)) {
		v, err := Current(ctx, db, g, now, o)
		if err != nil {
			return g, err
		}
		g.Baseline = v
	}
	return db.AddGoal(ctx, g)
}
