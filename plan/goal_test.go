package plan

import (
	"math"
	"testing"
	"time"

	"kopuro"
	"kopuro/metrics"
)

func f(v float64) *float64 { return &v }

func d(s string) kopuro.Date {
	x, err := kopuro.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestGoalValidate(t *testing.T) {
	ok := []Goal{
		{Metric: "followers", Platform: kopuro.Instagram, Target: f(100000), Deadline: d("2026-12-31")},
		{Metric: "tm_share", Label: "third_mission", Change: f(50), Baseline: metrics.ExactValue(12), Deadline: d("2026-06")},
		{Metric: "offline.volunteers", Target: f(200), Deadline: d("2026-12-31")},
	}
	for _, g := range ok {
		if err := ValidateGoal(&g); err != nil {
			t.Errorf("%+v: %v", g, err)
		}
	}
	bad := []Goal{
		{Metric: "nope", Target: f(1), Deadline: d("2026-12-31")},
		{Metric: "er_by_lang", Target: f(1), Deadline: d("2026-12-31")}, // keyed: no single value
		{Metric: "offline.likes", Target: f(1), Deadline: d("2026-12-31")},
		{Metric: "followers", Deadline: d("2026-12-31")},
		{Metric: "followers", Target: f(1), Change: f(10), Deadline: d("2026-12-31")},
		{Metric: "followers", Change: f(10), Deadline: d("2026-12-31")}, // relative without baseline
		{Metric: "followers", Change: f(-100), Baseline: metrics.ExactValue(5), Deadline: d("2026-12-31")},
		{Metric: "followers", Target: f(1)},
		{Metric: "followers", Target: f(1), Start: d("2026-12-31"), Deadline: d("2026-01-01")},
		{Metric: "followers", Target: f(1), Platform: "myspace", Deadline: d("2026-12-31")},
		{Metric: "followers", Target: f(1), Label: "cats", Deadline: d("2026-12-31")},
		{Metric: "followers", Target: f(math.NaN()), Deadline: d("2026-12-31")},
	}
	for _, g := range bad {
		if err := ValidateGoal(&g); err == nil {
			t.Errorf("%+v: accepted", g)
		}
	}
}

func TestGoalProgress(t *testing.T) {
	g := Goal{Metric: "followers", Target: f(10000), Baseline: metrics.ExactValue(5000),
		Start: d("2025-01-01"), Deadline: d("2025-12-31"), Milestones: []float64{8000, 6000}}
	if err := ValidateGoal(&g); err != nil {
		t.Fatal(err)
	}
	p := GoalProgress(g, metrics.ExactValue(7500), at("2025-07-02"))
	// Half-way from 5,000 to 10,000; 182 of 365 days gone: 49.86 % expected.
	if !near(p.Percent.V, 50) || !near(p.Expected.V, 182.0/365*100) || !p.OnTrack || p.Done || p.Overdue {
		t.Errorf("progress = %+v", p)
	}
	if len(p.Milestones) != 2 || p.Milestones[0] != (Milestone{6000, true}) || p.Milestones[1] != (Milestone{8000, false}) {
		t.Errorf("milestones = %+v", p.Milestones)
	}
	// Behind the straight line in October.
	if p := GoalProgress(g, metrics.ExactValue(7500), at("2025-10-01")); p.OnTrack {
		t.Errorf("7,500 on Oct 1 is behind schedule: %+v", p)
	}
	// "Under 10,000" has not reached 10,000.
	if p := GoalProgress(g, metrics.Value{V: 10000, Prec: metrics.Below}, at("2025-12-01")); p.Done {
		t.Error("an upper bound at the target is not the target reached")
	}
	if p := GoalProgress(g, metrics.ExactValue(10400), at("2026-02-01")); !p.Done || p.Overdue || !near(p.Percent.V, 108) {
		t.Errorf("reached = %+v", p)
	}
	if p := GoalProgress(g, metrics.ExactValue(9000), at("2026-01-01")); !p.Overdue {
		t.Error("not reached after the deadline day is overdue")
	}
	if p := GoalProgress(g, metrics.Missing, at("2025-06-01")); p.Percent.OK() || p.Done || p.OnTrack {
		t.Errorf("no current value = %+v", p)
	}

	// A relative goal: +50 % over a baseline of 12 % third-mission share.
	r := Goal{Metric: "tm_share", Change: f(50), Baseline: metrics.ExactValue(12), Deadline: d("2026-06")}
	if tv := r.TargetValue(); !near(tv.V, 18) {
		t.Errorf("relative target = %v, want 18", tv)
	}
	if p := GoalProgress(r, metrics.ExactValue(15), at("2026-06-30")); !near(p.Percent.V, 50) || p.Overdue {
		t.Errorf("relative progress = %+v (a month deadline runs to the month's end)", p)
	}

	// Lower is better for regularity: from 1.5 towards 0.75.
	l := Goal{Metric: "regularity_cv", Target: f(0.75), Baseline: metrics.ExactValue(1.5), Deadline: d("2026-12-31")}
	if p := GoalProgress(l, metrics.ExactValue(1.0), at("2026-01-01")); !near(p.Percent.V, 200.0/3) || p.Done {
		t.Errorf("lower-is-better progress = %+v", p)
	}
	if p := GoalProgress(l, metrics.ExactValue(0.7), at("2026-01-01")); !p.Done {
		t.Error("0.7 ≤ 0.75 reaches a lower-is-better target")
	}
}

// Progress over a fixture period: follower snapshots of one account through
// 2025 feed the goal, month by month.
func TestGoalProgressOverPeriod(t *testing.T) {
	s := metrics.NewSeries([]kopuro.Snapshot{
		{Metric: kopuro.MetricFollowers, Value: kopuro.Known(5000), Precision: kopuro.Exact, AsOf: d("2025-01-01")},
		{Metric: kopuro.MetricFollowers, Value: kopuro.Known(6200), Precision: kopuro.Exact, AsOf: d("2025-04-01")},
		{Metric: kopuro.MetricFollowers, Value: kopuro.Known(7000), Precision: kopuro.Approx, AsOf: d("2025-07-01")},
		{Metric: kopuro.MetricFollowers, Value: kopuro.Known(10100), Precision: kopuro.Exact, AsOf: d("2025-11-01")},
	})
	g := Goal{Metric: "followers", Platform: kopuro.Instagram, Target: f(10000), Baseline: metrics.ExactValue(5000),
		Start: d("2025-01-01"), Deadline: d("2025-12-31"), Milestones: []float64{7500}}
	want := []struct {
		now     string
		percent float64
		prec    metrics.Precision
		done    bool
		mile    bool
	}{
		{"2025-04-02", 24, metrics.Exact, false, false},
		{"2025-07-02", 40, metrics.Approx, false, false},
		{"2025-11-02", 102, metrics.Exact, true, true},
	}
	for _, w := range want {
		now := at(w.now)
		p := GoalProgress(g, s.At(now).Value, now)
		if !near(p.Percent.V, w.percent) || p.Percent.Prec != w.prec || p.Done != w.done || p.Milestones[0].Reached != w.mile {
			t.Errorf("%s: %+v; want %v %% (%s), done %v", w.now, p, w.percent, w.prec, w.done)
		}
	}
}
