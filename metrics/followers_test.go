package metrics

import (
	"math"
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

// Growth within a period runs from the newest figure dated on or before
// its first day (else the oldest dated in it) to the newest dated before
// its end; a month-only date counts from its first day.
func TestGrowth(t *testing.T) {
	tests := []struct {
		name          string
		snaps         []kopuro.Snapshot // nil: testSeries
		from, to      string
		start, end    string // as_of of the figures used, "" when missing
		abs, weekly   float64
		absP, weeklyP Precision
	}{
		// 4 weeks from 1000 to 1210: (1.21)^(1/4) − 1 = √1.1 − 1.
		{name: "snapshot exactly on the first day", from: "2024-01-01", to: "2024-02-01",
			start: "2024-01-01", end: "2024-01-29", abs: 210, absP: Exact, weekly: 4.88088482, weeklyP: Exact},
		{name: "newest on or before the first day", from: "2024-01-15", to: "2024-07-01",
			start: "2024-01-01", end: "2024-06-01", abs: 1000, absP: Approx, weekly: 3.24361995, weeklyP: Approx},
		// Ending on "under 1,000" after 1,210: at most −210.
		{name: "to an upper bound", from: "2024-02-01", to: "2024-07-02",
			start: "2024-01-29", end: "2024-07-01", abs: -210, absP: Below, weekly: -0.86271327, weeklyP: Below},
		{name: "a figure after the period is not its end", from: "2024-02-01", to: "2024-07-01",
			start: "2024-01-29", end: "2024-06-01", abs: 790, absP: Approx, weekly: 100 * (math.Pow(2000.0/1210, 7.0/124) - 1), weeklyP: Approx},
		{name: "none-precision snapshots are ignored", from: "2024-03-01", to: "2024-04-01",
			start: "2024-01-29", end: "2024-01-29", absP: None, weeklyP: None},
		// From "under 500" to 800 in two weeks: at least 300 more.
		{name: "from an upper bound", snaps: []kopuro.Snapshot{snap("2024-01-01", 500, kopuro.Below), snap("2024-01-15", 800, kopuro.Exact)},
			from: "2024-01-01", to: "2024-01-16", start: "2024-01-01", end: "2024-01-15", abs: 300, absP: Above, weekly: 26.4911064, weeklyP: Above},
		// Tracking began in the period: from its first figure.
		{name: "only snapshots inside the period", snaps: []kopuro.Snapshot{snap("2024-05-20", 700, kopuro.Exact), snap("2024-05-10", 500, kopuro.Exact), snap("2024-06-15", 900, kopuro.Exact)},
			from: "2024-05-01", to: "2024-06-01", start: "2024-05-10", end: "2024-05-20", abs: 200, absP: Exact, weekly: 26.5580064, weeklyP: Exact},
		{name: "one snapshot inside the period", snaps: []kopuro.Snapshot{snap("2024-05-20", 700, kopuro.Exact)},
			from: "2024-05-01", to: "2024-06-01", start: "2024-05-20", end: "2024-05-20", absP: None, weeklyP: None},
		{name: "only a snapshot after the period", snaps: []kopuro.Snapshot{snap("2024-07-01", 900, kopuro.Exact)},
			from: "2024-01-01", to: "2024-07-01", absP: None, weeklyP: None},
		// January's month-only figure counts from January 1: it is the
		// start; March's is before April. The weekly rate is compounded
		// over the 60 days between their middles.
		{name: "month-only dates", snaps: []kopuro.Snapshot{snap("2024-01", 1000, kopuro.Exact), snap("2024-03", 1300, kopuro.Approx)},
			from: "2024-01-01", to: "2024-04-01", start: "2024-01", end: "2024-03", abs: 300, absP: Approx, weekly: 3.10824412, weeklyP: Approx},
		// February's month-only figure is newer than January 20th and on
		// the first day; it is older than February 25th.
		{name: "a month on the first day", snaps: []kopuro.Snapshot{snap("2024-01-20", 900, kopuro.Exact), snap("2024-02", 1000, kopuro.Exact), snap("2024-02-25", 1100, kopuro.Exact)},
			from: "2024-02-01", to: "2024-03-01", start: "2024-02", end: "2024-02-25", abs: 100, absP: Exact, weekly: 6.89930449, weeklyP: Exact},
		// The month's middle (February 15) is after the 10th: the
		// time between the two is unknown, so is the weekly rate.
		{name: "a month and a day in it", snaps: []kopuro.Snapshot{snap("2024-02", 1000, kopuro.Exact), snap("2024-02-10", 1100, kopuro.Exact)},
			from: "2024-02-01", to: "2024-03-01", start: "2024-02", end: "2024-02-10", abs: 100, absP: Exact, weeklyP: None},
		{name: "a month after the end is not in the period", snaps: []kopuro.Snapshot{snap("2024-01-05", 100, kopuro.Exact), snap("2024-03", 200, kopuro.Exact)},
			from: "2024-01-01", to: "2024-03-01", start: "2024-01-05", end: "2024-01-05", absP: None, weeklyP: None},
		{name: "no snapshot", snaps: []kopuro.Snapshot{}, from: "2024-01-01", to: "2024-02-01", absP: None, weeklyP: None},
	}
	for _, tt := range tests {
		s := testSeries()
		if tt.snaps != nil {
			s = NewSeries(tt.snaps)
		}
		g := s.Growth(day(tt.from), day(tt.to))
		wantValue(t, tt.name+": absolute", g.Absolute, tt.abs, tt.absP)
		wantValue(t, tt.name+": weekly", g.WeeklyPct, tt.weekly, tt.weeklyP)
		if g.Start.AsOf.String() != tt.start || g.End.AsOf.String() != tt.end {
			t.Errorf("%s: from %q to %q, want from %q to %q", tt.name, g.Start.AsOf, g.End.AsOf, tt.start, tt.end)
		}
		if (tt.start == "") == g.Start.Value.OK() || (tt.end == "") == g.End.Value.OK() {
			t.Errorf("%s: start %v, end %v: a figure must be there exactly when it has a date", tt.name, g.Start.Value, g.End.Value)
		}
	}
	var nilSeries *Series
	if g := nilSeries.Growth(day("2024-01-01"), day("2024-02-01")); g.Absolute.OK() || g.Start.Value.OK() || g.End.Value.OK() {
		t.Errorf("a nil series has growth %+v", g)
	}
}

func TestPerThousandStudents(t *testing.T) {
	wantValue(t, "exact", PerThousandStudents(ExactValue(1210), 5500), 220, Exact)
	wantValue(t, "below", PerThousandStudents(Value{V: 1000, Prec: Below}, 4000), 250, Below)
	wantValue(t, "approx", PerThousandStudents(Value{V: 3000, Prec: Approx}, 12000), 250, Approx)
	wantValue(t, "students unknown", PerThousandStudents(ExactValue(1210), 0), 0, None)
	wantValue(t, "followers none", PerThousandStudents(Missing, 5000), 0, None)
}

func TestSum(t *testing.T) {
	wantValue(t, "exact+approx", Sum(ExactValue(100), Value{V: 50, Prec: Approx}), 150, Approx)
	wantValue(t, "with a gap", Sum(ExactValue(100), Missing), 100, Above)
	wantValue(t, "below+exact", Sum(Value{V: 1000, Prec: Below}, ExactValue(10)), 1010, Below)
	wantValue(t, "all missing", Sum(Missing, Missing), 0, None)
}

// SumChanges: a gap makes the sum of changes approximate, never a bound
// (a missing change may be negative); all missing is missing.
func TestSumChanges(t *testing.T) {
	v := func(x float64, p Precision) Value { return Value{V: x, Prec: p} }
	tests := []struct {
		name string
		in   []Value
		want Value
	}{
		{"all known", []Value{v(100, Exact), v(-30, Exact)}, v(70, Exact)},
		{"one approximate", []Value{v(100, Approx), v(-30, Exact)}, v(70, Approx)},
		{"a gap", []Value{v(100, Exact), Missing}, v(100, Approx)},
		{"a gap beside a lower bound", []Value{v(100, Above), Missing}, v(100, Approx)},
		{"all missing", []Value{Missing, Missing}, Missing},
		{"none", nil, Missing},
	}
	for _, tt := range tests {
		if got := SumChanges(tt.in...); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	// Sum keeps its meaning for counts, which are never negative.
	if got := Sum(v(100, Exact), Missing); got != v(100, Above) {
		t.Errorf("Sum with a gap: %+v, want a lower bound", got)
	}
}
