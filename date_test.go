package kopuro

import (
	"strings"
	"testing"
	"time"
)

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateBefore(t *testing.T) {
	tests := []struct {
		date string
		t    time.Time
		want bool
	}{
		{"2025-06", time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), false}, // a month counts from its first day
		{"2025-06", time.Date(2025, 6, 1, 0, 0, 1, 0, time.UTC), true},
		{"2025-06", time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), true},
		{"2025-05-31", time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{"2025-06-01", time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), false},
		{"2025-06-01", time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC), true},
		// Start is UTC: 05:00 in Bishkek on June 1 is still May 31 in UTC.
		{"2025-06-01", time.Date(2025, 6, 1, 5, 0, 0, 0, time.FixedZone("KGT", 6*3600)), false},
	}
	for _, tt := range tests {
		if got := mustDate(t, tt.date).Before(tt.t); got != tt.want {
			t.Errorf("%s before %v = %v, want %v", tt.date, tt.t, got, tt.want)
		}
	}
}

func TestDateCompare(t *testing.T) {
	// In order: a month sorts before the days in it.
	order := []string{"2023-12-31", "2024-01", "2024-01-01", "2024-01-31", "2024-02", "2024-02-01", "2024-02-15", "2024-03", "2025-01"}
	for i, a := range order {
		for j, b := range order {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			da, db := mustDate(t, a), mustDate(t, b)
			if got := da.Compare(db); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
			// The order of the stored text, which SQL's MAX(as_of) uses.
			if sk := strings.Compare(da.SortKey(), db.SortKey()); sk != want {
				t.Errorf("SortKey order of %s and %s = %d, want %d", a, b, sk, want)
			}
		}
	}
}

// BeforeKey bounds in text order exactly the dates that Before accepts,
// for every month and day of two years (a leap year among them) against
// instants at and between midnights.
func TestBeforeKey(t *testing.T) {
	var dates []Date
	for m := time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2025 || m.Month() <= 3; m = m.AddDate(0, 1, 0) {
		dates = append(dates, Date{m.Year(), m.Month(), 0})
		for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
			dates = append(dates, DateOf(d))
		}
	}
	for at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() < 2025; at = at.Add(11 * time.Hour) {
		key := BeforeKey(at)
		for _, d := range dates {
			if got, want := d.SortKey() < key, d.Before(at); got != want {
				t.Fatalf("at %v: %s < %q is %v, but Before says %v", at, d.SortKey(), key, got, want)
			}
		}
	}
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), "2025-07"},
		{time.Date(2025, 6, 30, 0, 0, 1, 0, time.UTC), "2025-07"},
		{time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC), "2025-07-15"},
		{time.Date(2025, 7, 15, 8, 0, 0, 0, time.UTC), "2025-07-16"},
	} {
		if got := BeforeKey(tt.at); got != tt.want {
			t.Errorf("BeforeKey(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestSnapshotKnown(t *testing.T) {
	tests := []struct {
		name string
		s    Snapshot
		want bool
	}{
		{"exact", Snapshot{Value: Known(1200), Precision: Exact}, true},
		{"approximate", Snapshot{Value: Known(1300), Precision: Approx}, true},
		{"below", Snapshot{Value: Known(1000), Precision: Below}, true},
		{"zero is a figure", Snapshot{Value: Known(0), Precision: Exact}, true},
		{"none", Snapshot{Precision: None}, false},
		{"none with a stray value", Snapshot{Value: Known(5), Precision: None}, false},
		{"no value", Snapshot{Precision: Exact}, false},
	}
	for _, tt := range tests {
		if got := tt.s.Known(); got != tt.want {
			t.Errorf("%s: Known() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
