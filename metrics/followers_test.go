package metrics

import (
	"testing"

	"kopuro"
)

func testSeries() *Series {
	return NewSeries([]kopuro.Snapshot{
		snap("2024-06-01", 2000, kopuro.Approx),
		snap("2024-01-01", 1000, kopuro.Exact),
		snap("2024-01-29", 1210, kopuro.Exact),
		snap("2024-03", 0, kopuro.None), // no data: ignored, never read as 0
		snap("2024-07-01", 1000, kopuro.Below),
		{Metric: kopuro.MetricAvgViews, Value: kopuro.Known(5), AsOf: date("2024-01-10")}, // not an audience metric
	})
}

func TestFollowersAt(t *testing.T) {
	s := testSeries()
	tests := []struct {
		at   string
		v    float64
		p    Precision
		asOf string
		days float64
	}{
		{"2024-01-10 12:00", 1000, Exact, "2024-01-01", 9},
		{"2024-01-15 12:00", 1000, Exact, "2024-01-01", 14}, // equally near: the earlier one
		{"2024-03-16 12:00", 1210, Exact, "2024-01-29", 47}, // the "none" of March is skipped
		{"2023-01-01 12:00", 1000, Exact, "2024-01-01", 365},
		{"2024-06-10 12:00", 2000, Approx, "2024-06-01", 9},
		{"2024-12-01 12:00", 1000, Below, "2024-07-01", 153},
	}
	for _, tt := range tests {
		p := s.At(day(tt.at))
		wantValue(t, tt.at, p.Value, tt.v, tt.p)
		if p.AsOf.String() != tt.asOf || p.Days != tt.days || p.Source != "test" {
			t.Errorf("%s: as_of %s, %v days, source %q; want %s, %v days", tt.at, p.AsOf, p.Days, p.Source, tt.asOf, tt.days)
		}
	}
	wantValue(t, "empty", NewSeries(nil).At(day("2024-01-01")).Value, 0, None)
	wantValue(t, "only none", NewSeries([]kopuro.Snapshot{snap("2024-01", 0, kopuro.None)}).At(day("2024-01-01")).Value, 0, None)
	// A month-only snapshot stands at the middle of its month.
	m := NewSeries([]kopuro.Snapshot{snap("2024-02", 500, kopuro.Exact)}).At(day("2024-02-01"))
	if m.Days != 14.5 {
		t.Errorf("month snapshot distance = %v days, want 14.5 (2024 February has 29 days: its middle is Feb 15 12:00)", m.Days)
	}
}

func TestGrowth(t *testing.T) {
	s := testSeries()
	g := s.Growth(day("2024-01-01 12:00"), day("2024-01-29 12:00"))
	wantValue(t, "abs", g.Absolute, 210, Exact)
	// 4 weeks from 1000 to 1210: (1.21)^(1/4) − 1 = √1.1 − 1.
	wantValue(t, "weekly", g.WeeklyPct, 4.88088482, Exact)

	// Ending on "under 1,000": the growth is at most 0.
	g = s.Growth(day("2024-01-01"), day("2024-07-01"))
	wantValue(t, "abs to below", g.Absolute, 0, Below)
	wantValue(t, "weekly to below", g.WeeklyPct, 0, Below)

	// Starting from "under 500": the growth is at least 300.
	s2 := NewSeries([]kopuro.Snapshot{snap("2024-01-01", 500, kopuro.Below), snap("2024-01-15", 800, kopuro.Exact)})
	wantValue(t, "abs from below", s2.Growth(day("2024-01-01"), day("2024-01-15")).Absolute, 300, Above)
	// (800/500)^(1/2) − 1 = 0.264911 over two weeks.
	wantValue(t, "weekly from below", s2.Growth(day("2024-01-01"), day("2024-01-15")).WeeklyPct, 26.4911064, Above)

	// Both ends on the same snapshot: nothing is known.
	g = s.Growth(day("2024-06-01"), day("2024-06-05"))
	wantValue(t, "same snapshot", g.Absolute, 0, None)
	wantValue(t, "same snapshot pct", g.WeeklyPct, 0, None)
}

func TestPerThousandStudents(t *testing.T) {
	wantValue(t, "exact", PerThousandStudents(ExactValue(1210), 5500), 220, Exact)
	wantValue(t, "below", PerThousandStudents(Value{1000, Below}, 4000), 250, Below)
	wantValue(t, "approx", PerThousandStudents(Value{3000, Approx}, 12000), 250, Approx)
	wantValue(t, "students unknown", PerThousandStudents(ExactValue(1210), 0), 0, None)
	wantValue(t, "followers none", PerThousandStudents(Missing, 5000), 0, None)
}

func TestSum(t *testing.T) {
	wantValue(t, "exact+approx", Sum(ExactValue(100), Value{50, Approx}), 150, Approx)
	wantValue(t, "with a gap", Sum(ExactValue(100), Missing), 100, Above)
	wantValue(t, "below+exact", Sum(Value{1000, Below}, ExactValue(10)), 1010, Below)
	wantValue(t, "all missing", Sum(Missing, Missing), 0, None)
}
