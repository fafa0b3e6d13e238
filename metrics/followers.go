package metrics

import (
	"math"
	"slices"
	"sort"
	"time"

	"kopuro"
)

// Point is an audience figure at a date with its provenance.
type Point struct {
	Value  Value       `json:"value"`
	AsOf   kopuro.Date `json:"as_of,omitzero"`
	Source string      `json:"source,omitempty"`
	// Days is how far the snapshot lies from the date asked for.
	Days float64 `json:"days"`
}

// Series is the audience snapshots of one account, in the order of their
// middles (Date.Mid, which Series.At measures distances from). Build it
// with NewSeries; it keeps only snapshots that have a value, because a
// "none" snapshot says nothing about the count (it is never read as 0).
type Series struct {
	snaps []kopuro.Snapshot
}

// NewSeries keeps the audience snapshots (followers or subscribers) of
// snaps that have a value, sorted by date.
func NewSeries(snaps []kopuro.Snapshot) *Series {
	s := &Series{}
	for _, sn := range snaps {
		s.Add(sn)
	}
	return s
}

// Add inserts one snapshot, keeping date order; snapshots of other metrics
// and snapshots without a value are ignored.
func (s *Series) Add(sn kopuro.Snapshot) {
	if !sn.Metric.Audience() || !sn.Known() {
		return
	}
	i := sort.Search(len(s.snaps), func(i int) bool { return s.snaps[i].AsOf.Mid().After(sn.AsOf.Mid()) })
	s.snaps = append(s.snaps, kopuro.Snapshot{})
	copy(s.snaps[i+1:], s.snaps[i:])
	s.snaps[i] = sn
}

// Len is the number of usable snapshots.
func (s *Series) Len() int { return len(s.snaps) }

// At returns the snapshot nearest to t; of two equally near, the earlier
// one (it was known at t). With no usable snapshot the value is missing.
func (s *Series) At(t time.Time) Point {
	i := s.nearest(t)
	if i < 0 {
		return Point{Value: Missing}
	}
	return s.point(i, t)
}

// point is snapshot i as a figure, with its distance in days from t.
func (s *Series) point(i int, t time.Time) Point {
	sn := s.snaps[i]
	return Point{
		Value:  Value{V: float64(sn.Value.N), Prec: FromKopuro(sn.Precision)},
		AsOf:   sn.AsOf,
		Source: sn.Source,
		Days:   math.Abs(sn.AsOf.Mid().Sub(t).Hours()) / 24,
	}
}

func (s *Series) nearest(t time.Time) int {
	if s == nil || len(s.snaps) == 0 {
		return -1
	}
	j := sort.Search(len(s.snaps), func(i int) bool { return !s.snaps[i].AsOf.Mid().Before(t) })
	switch {
	case j == 0:
		return 0
	case j == len(s.snaps):
		return j - 1
	}
	before, after := t.Sub(s.snaps[j-1].AsOf.Mid()), s.snaps[j].AsOf.Mid().Sub(t)
	if after < before {
		return j
	}
	return j - 1
}

// Growth is the change of an account's audience within a period.
type Growth struct {
	// Start is the figure growth starts from: the newest dated on or
	// before the period's first day, else (tracking began during the
	// period) the oldest dated in it; its AsOf says which.
	Start     Point `json:"start"`
	End       Point `json:"end"` // the period's figure (Series.Latest)
	Absolute  Value `json:"absolute"`
	WeeklyPct Value `json:"weekly_pct"`
}

// Growth is the change within the period [from, to): from the start
// figure (see Growth.Start) to the end figure, the newest dated before
// to. A month-only date counts from its first day on both sides. The
// weekly rate is compounded over the days between the two snapshots
// actually used (between their middles, as Series.At measures), not the
// days asked for; it is missing when the later one's middle is not after
// the earlier one's (a month and a day in it). When both ends are the
// same snapshot, or either is missing, nothing is known about growth:
// both values are missing, never zero.
func (s *Series) Growth(from, to time.Time) Growth {
	g := Growth{Start: Point{Value: Missing}, End: s.Latest(to), Absolute: Missing, WeeklyPct: Missing}
	i, j := s.start(from, to), s.latest(to)
	if i < 0 {
		return g
	}
	g.Start = s.point(i, from)
	if j < 0 || i == j {
		return g
	}
	a, b := g.Start.Value, g.End.Value
	g.Absolute = Value{V: b.V - a.V, Prec: Join(b.Prec, a.Prec.Flip())}
	days := s.snaps[j].AsOf.Mid().Sub(s.snaps[i].AsOf.Mid()).Hours() / 24
	if r := b.Div(a); r.OK() && days > 0 {
		g.WeeklyPct = Value{V: (math.Pow(r.V, 7/days) - 1) * 100, Prec: r.Prec}
	}
	return g
}

// start is the snapshot that growth within [from, to) starts from: the
// newest dated on or before from, else the oldest dated in the period;
// -1 when there is neither.
func (s *Series) start(from, to time.Time) int {
	if i := s.newest(func(d kopuro.Date) bool { return !d.Start().After(from) }); i >= 0 {
		return i
	}
	first := -1
	if s == nil {
		return first
	}
	for i, sn := range s.snaps {
		if sn.AsOf.Before(to) && (first < 0 || sn.AsOf.Compare(s.snaps[first].AsOf) < 0) {
			first = i
		}
	}
	return first
}

// Sum adds audience figures of several accounts (an institution's accounts
// on one platform). A missing figure makes the sum missing only when every
// figure is missing; otherwise the known part is a lower bound.
func Sum(vs ...Value) Value {
	out, any, gap := Value{Prec: Exact}, false, false
	for _, v := range vs {
		if !v.OK() {
			gap = true
			continue
		}
		out.V += v.V
		out.Prec = Join(out.Prec, v.Prec)
		any = true
	}
	if !any {
		return Missing
	}
	if gap {
		out.Prec = Join(out.Prec, Above)
	}
	return out
}

// SumChanges adds changes of several accounts' figures (growth), which may
// be negative: unlike Sum, a missing change leaves the known part no bound
// of the total, so the sum of the known ones is approximate. With no known
// change it is missing.
func SumChanges(vs ...Value) Value {
	out := Sum(vs...)
	if out.OK() && slices.ContainsFunc(vs, func(v Value) bool { return !v.OK() }) {
		out.Prec = Join(out.Prec, Approx)
	}
	return out
}

// PerThousandStudents is followers ÷ students × 1000; missing when the
// student count is unknown (0).
func PerThousandStudents(followers Value, students int64) Value {
	if students <= 0 {
		return Missing
	}
	return followers.Div(ExactValue(float64(students))).Scale(1000)
}
