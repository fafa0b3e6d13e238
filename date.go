package kopuro

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date of day or month resolution: the study dates many
// follower counts only to the month ("2024-02"). Day is 0 for a month.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads "2006-01" or "2006-01-02".
func ParseDate(s string) (Date, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return Date{t.Year(), t.Month(), t.Day()}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return Date{t.Year(), t.Month(), 0}, nil
	}
	return Date{}, invalid("as_of", "error.date", "date %q must be YYYY-MM or YYYY-MM-DD", s).WithArg("Value", s)
}

// DateOf returns the day of t in UTC.
func DateOf(t time.Time) Date {
	t = t.UTC()
	return Date{t.Year(), t.Month(), t.Day()}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// MonthOnly reports whether d has month resolution.
func (d Date) MonthOnly() bool { return d.Day == 0 }

// String formats d as it was given: "2024-02" or "2024-02-15".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.MonthOnly() {
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Start is the first instant d covers, in UTC.
func (d Date) Start() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, d.Month, day, 0, 0, 0, 0, time.UTC)
}

// Mid is the instant that best stands for d when measuring distances: noon
// of the day, or the middle of the month for a month-resolution date.
func (d Date) Mid() time.Time {
	if d.MonthOnly() {
		s := d.Start()
		return s.Add(s.AddDate(0, 1, 0).Sub(s) / 2)
	}
	return d.Start().Add(12 * time.Hour)
}

// SortKey orders dates; a month sorts before the days in it.
func (d Date) SortKey() string { return d.String() }

// Before reports whether d is dated before t. A month-only date counts
// from its first day: "2025-06" is before 2025-06-02 but not before
// 2025-06-01. This is the rule that decides which figures stand for a
// period ending at t, so that a figure recorded after a period never
// does: the scorecards (metrics.Series.Latest) and Table 1
// (store.LatestAudience, through BeforeKey) both follow it.
func (d Date) Before(t time.Time) bool { return d.Start().Before(t) }

// Compare orders d and e by their first day, a month before the days in
// it (-1, 0 or +1): of two snapshots, the later one is the newer. It is
// the order of SortKey and of the stored text ("2024-02" < "2024-02-01"
// < "2024-02-15" < "2024-03"), so that SQL's MAX(as_of) picks the same
// snapshot as Go does.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	}
	return cmp.Compare(d.Day, e.Day)
}

// BeforeKey is the text that exactly the dates before t sort under:
// d.Before(t) == (d.SortKey() < BeforeKey(t)). The store compares stored
// dates with it, so that SQL applies the same first-day rule as Before.
func BeforeKey(t time.Time) string {
	// The first day whose start is not before t: the days before it are
	// the days before t.
	t = t.UTC()
	first := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if first.Before(t) {
		first = first.AddDate(0, 0, 1)
	}
	d := DateOf(first)
	if d.Day == 1 {
		// A month starting on that day is not before t, and "2025-07"
		// sorts under "2025-07-01": bound by the month itself, under
		// which every day of earlier months still sorts.
		d.Day = 0
	}
	return d.SortKey()
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
