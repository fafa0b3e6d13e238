package metrics

import (
	"testing"

	"kopuro"
)

func TestPreviousPeriod(t *testing.T) {
	tests := []struct{ in, from, to string }{
		{"2025-01..2025-06", "2024-07-01", "2025-01-01"},
		{"2025-03..2025-03", "2025-02-01", "2025-03-01"},
		{"2024-01..2024-12", "2023-01-01", "2024-01-01"},
		{"2025-03-10..2025-03-19", "2025-02-28", "2025-03-10"}, // ten days
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		prev := p.Previous()
		if got := prev.From.Format("2006-01-02"); got != tt.from {
			t.Errorf("%s: previous from %s, want %s", tt.in, got, tt.from)
		}
		if got := prev.To.Format("2006-01-02"); got != tt.to {
			t.Errorf("%s: previous to %s, want %s", tt.in, got, tt.to)
		}
	}
}

func TestLatestBefore(t *testing.T) {
	s := NewSeries([]kopuro.Snapshot{
		snap("2024-02", 1300, kopuro.Approx),
		snap("2024-12-31", 1400, kopuro.Exact),
		snap("2025-01", 0, kopuro.None), // no data: skipped, never 0
		snap("2025-06", 1500, kopuro.Exact),
	})
	tests := []struct {
		end  string
		v    float64
		p    Precision
		asOf string
	}{
		{"2024-02-01", 0, None, ""}, // a month counts from its first day
		{"2024-02-02", 1300, Approx, "2024-02"},
		{"2025-01-01", 1400, Exact, "2024-12-31"},
		{"2025-06-01", 1400, Exact, "2024-12-31"}, // the none of January is skipped
		{"2025-07-01", 1500, Exact, "2025-06"},
	}
	// A month-only figure counts from its first day, also when a day of
	// the same month is known: the day is the newer.
	s.Add(snap("2024-02-10", 1350, kopuro.Below))
	tests = append(tests, []struct {
		end  string
		v    float64
		p    Precision
		asOf string
	}{
		{"2024-02-05", 1300, Approx, "2024-02"},
		{"2024-02-10", 1300, Approx, "2024-02"}, // the day is not before its own midnight
		{"2024-02-10 00:01", 1350, Below, "2024-02-10"},
		{"2024-02-20", 1350, Below, "2024-02-10"},
	}...)
	for _, tt := range tests {
		p := s.Latest(day(tt.end))
		wantValue(t, tt.end, p.Value, tt.v, tt.p)
		if p.AsOf.String() != tt.asOf {
			t.Errorf("%s: as_of %s, want %s", tt.end, p.AsOf, tt.asOf)
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		name       string
		snaps      []kopuro.Snapshot
		abs, rel   float64
		absP, relP Precision
	}{
		{"exact", []kopuro.Snapshot{snap("2024-11", 70000, kopuro.Exact), snap("2025-05", 80500, kopuro.Exact)}, 10500, 15, Exact, Exact},
		{"fall", []kopuro.Snapshot{snap("2024-11", 2000, kopuro.Exact), snap("2025-05", 1500, kopuro.Exact)}, -500, -25, Exact, Exact},
		{"approximate", []kopuro.Snapshot{snap("2024-02", 1300, kopuro.Approx), snap("2025-04", 1500, kopuro.Approx)}, 200, 200.0 / 13, Approx, Approx},
		{"approximate start", []kopuro.Snapshot{snap("2024-02", 1300, kopuro.Approx), snap("2025-04", 1500, kopuro.Exact)}, 200, 200.0 / 13, Approx, Approx},
		// From "under 1,000" to 1,400: at least 400 more.
		{"from an upper bound", []kopuro.Snapshot{snap("2024-02", 1000, kopuro.Below), snap("2025-03", 1400, kopuro.Exact)}, 400, 40, Above, Above},
		{"to an upper bound", []kopuro.Snapshot{snap("2024-02", 1000, kopuro.Exact), snap("2025-03", 500, kopuro.Below)}, -500, -50, Below, Below},
		{"no previous figure", []kopuro.Snapshot{snap("2024-02", 0, kopuro.None), snap("2025-02", 500, kopuro.Exact)}, 0, 0, None, None},
		{"nothing new in the period", []kopuro.Snapshot{snap("2024-02", 76039, kopuro.Exact)}, 0, 0, None, None},
		{"nothing before the period", []kopuro.Snapshot{snap("2025-06", 78068, kopuro.Exact)}, 0, 0, None, None},
		{"previous zero", []kopuro.Snapshot{snap("2024-10", 0, kopuro.Exact), snap("2025-03", 40, kopuro.Exact)}, 40, 0, Exact, None},
		{"no snapshot", nil, 0, 0, None, None},
	}
	p, _ := ParsePeriod("2025-01..2025-06")
	for _, tt := range tests {
		c := NewSeries(tt.snaps).Change(p.Previous().To, p.To)
		wantValue(t, tt.name+" absolute", c.Absolute, tt.abs, tt.absP)
		wantValue(t, tt.name+" relative", c.Relative, tt.rel, tt.relP)
	}
	var nilSeries *Series
	if c := nilSeries.Change(p.From, p.To); c.Absolute.OK() || c.Current.Value.OK() {
		t.Errorf("a nil series has growth %v", c)
	}
}
