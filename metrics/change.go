package metrics

import (
	"time"

	"kopuro"
)

// Previous is the period of equal length that ends where p starts: the
// same number of whole months when p runs from the first of a month to the
// first of a month (2025-01..2025-06 → 2024-07..2024-12), else the same
// number of days.
func (p Period) Previous() Period {
	if p.From.Day() == 1 && p.To.Day() == 1 && isMidnight(p.From) && isMidnight(p.To) {
		months := (p.To.Year()-p.From.Year())*12 + int(p.To.Month()) - int(p.From.Month())
		return Period{From: p.From.AddDate(0, -months, 0), To: p.From}
	}
	return Period{From: p.From.Add(-p.To.Sub(p.From)), To: p.From}
}

func isMidnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// Change is an account's audience growth between two moments: the latest
// figure known before the end of the period against the latest known
// before the end of the previous period.
type Change struct {
	Previous Point `json:"previous"`
	Current  Point `json:"current"`
	Absolute Value `json:"absolute"`
	// Relative is the growth in percent of the previous figure.
	Relative Value `json:"relative_pct"`
}

// Latest returns the newest snapshot with a value dated before end (a
// month-only date counts from its first day: kopuro.Date.Before; the
// newest by kopuro.Date.Compare), so that a figure recorded after a
// period never stands for it: this is an account's followers for a period
// ending at end, the rule Table 1 follows too (store.LatestAudience).
// Days is its distance from end. With no such snapshot the value is
// missing — never the nearest later one, never 0.
func (s *Series) Latest(end time.Time) Point {
	i := s.latest(end)
	if i < 0 {
		return Point{Value: Missing}
	}
	return s.point(i, end)
}

func (s *Series) latest(end time.Time) int {
	return s.newest(func(d kopuro.Date) bool { return d.Before(end) })
}

// newest is the newest snapshot (Date.Compare; of equal dates, the one
// added last) whose date is accepted; -1 when none is. The snapshots are
// in the order of their middles, in which a month and a day in it
// overlap, so every one is looked at.
func (s *Series) newest(accept func(kopuro.Date) bool) int {
	best := -1
	if s == nil {
		return best
	}
	for i, sn := range s.snaps {
		if accept(sn.AsOf) && (best < 0 || sn.AsOf.Compare(s.snaps[best].AsOf) >= 0) {
			best = i
		}
	}
	return best
}

// Change compares the latest figure before end with the latest before
// prevEnd. When both are the same snapshot (nothing new was recorded in
// the period), or either is missing, growth is missing — never zero.
// Precision follows the rules of Join: growth between approximate figures
// is approximate, growth from an upper-bounded figure ("<1 000") is a
// lower bound.
func (s *Series) Change(prevEnd, end time.Time) Change {
	c := Change{Previous: s.Latest(prevEnd), Current: s.Latest(end), Absolute: Missing, Relative: Missing}
	if i, j := s.latest(prevEnd), s.latest(end); i < 0 || i == j {
		return c
	}
	return ChangeBetween(c.Previous, c.Current)
}

// ChangeBetween is the growth from figure prev to figure cur: cur − prev,
// and (cur ÷ prev − 1) × 100. A missing figure, or a previous figure of
// zero for the relative growth, gives a missing value.
func ChangeBetween(prev, cur Point) Change {
	c := Change{Previous: prev, Current: cur, Absolute: Missing, Relative: Missing}
	a, b := prev.Value, cur.Value
	if !a.OK() || !b.OK() {
		return c
	}
	c.Absolute = Value{V: b.V - a.V, Prec: Join(b.Prec, a.Prec.Flip())}
	if r := b.Div(a); r.OK() {
		c.Relative = Value{V: (r.V - 1) * 100, Prec: r.Prec}
	}
	return c
}
