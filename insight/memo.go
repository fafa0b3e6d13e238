package insight

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"
	"time"

	"kopuro"
	"kopuro/metrics"
	"kopuro/store"
)

// stampedCard is a scorecard with the time it was computed at.
type stampedCard struct {
	card metrics.Scorecard
	at   time.Time
}

// memoScorecard is Scorecard through the store's cache (store.Memo): one
// computation per institution, period, scope and data version, which a
// dashboard with many readers needs (a profile's advice compares it with
// every peer's). Only data freshness depends on the clock; it is moved on
// to now when read.
func memoScorecard(ctx context.Context, db *store.DB, in kopuro.Institution, p metrics.Period, now time.Time, o Options, sc Scope) (metrics.Scorecard, error) {
	loc := ""
	if o.Loc != nil {
		loc = o.Loc.String()
	}
	key := fmt.Sprintf("insight.scorecard\x00%s\x00%d\x00%d\x00%s\x00%s\x00%s\x00%t\x00%t",
		in.Code, p.From.UnixNano(), p.To.UnixNano(), sc.Platform, sc.Label, loc, o.Clusters != nil, o.Langs != nil)
	s, err := store.Memo(ctx, db, key, func(ctx context.Context) (stampedCard, error) {
		c, err := scorecard(ctx, db, in, p, now, o, sc)
		return stampedCard{c, now}, err
	})
	if err != nil {
		return metrics.Scorecard{}, err
	}
	return s.atTime(now, o.Index), nil
}

// atTime returns the scorecard as computed at now: its own copy of the
// values and accounts (the cached one is shared), the ages of the newest
// snapshot and post moved on by the time since it was computed, and the
// index computed again from the values.
func (s stampedCard) atTime(now time.Time, ic metrics.IndexConfig) metrics.Scorecard {
	c := s.card
	c.Values = maps.Clone(c.Values)
	c.Accounts = slices.Clone(c.Accounts)
	days := now.Sub(s.at).Hours() / 24
	if days == 0 {
		return c
	}
	shift := func(v metrics.Value) metrics.Value {
		if v.OK() {
			v.V += days
		}
		return v
	}
	for i := range c.Accounts {
		c.Accounts[i].SnapshotAge, c.Accounts[i].PostAge = shift(c.Accounts[i].SnapshotAge), shift(c.Accounts[i].PostAge)
	}
	for _, id := range []string{metrics.SnapshotAgeDays, metrics.PostAgeDays} {
		if v, ok := c.Values[id]; ok {
			c.Values[id] = shift(v)
		}
	}
	c.Index = ic.Index(c.Values)
	c.Values[metrics.VisibilityIndex] = c.Index.Value
	return c
}

// Scorecards computes the scorecards of several institutions over p, in
// order, on all cores: the peers an institution's advice compares it with,
// or every institution of a ranking.
func Scorecards(ctx context.Context, db *store.DB, ins []kopuro.Institution, p metrics.Period, now time.Time, o Options, sc Scope) ([]metrics.Scorecard, error) {
	out := make([]metrics.Scorecard, len(ins))
	errs := make([]error, len(ins))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ins)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Scorecard(ctx, db, ins[i], p, now, o, sc)
			}
		}()
	}
	for i := range ins {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}
