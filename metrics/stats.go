package metrics

import (
	"math"
	"sort"
)

// dist collects the values of one group for its median and mean. Medians
// need every value, so a dist keeps them; it is the one place where the
// package holds a slice per group (8 bytes a post).
type dist struct {
	vals []float64
	sum  float64
	prec Precision // joined precision of every value added
}

func (d *dist) add(v Value) {
	if !v.OK() {
		return
	}
	if len(d.vals) == 0 {
		d.prec = v.Prec
	} else {
		d.prec = Join(d.prec, v.Prec)
	}
	d.vals = append(d.vals, v.V)
	d.sum += v.V
}

func (d *dist) n() int { return len(d.vals) }

func (d *dist) mean() Value {
	if d == nil || len(d.vals) == 0 {
		return Missing
	}
	return Value{V: d.sum / float64(len(d.vals)), Prec: d.prec}
}

func (d *dist) median() Value {
	if d == nil || len(d.vals) == 0 {
		return Missing
	}
	sort.Float64s(d.vals)
	return Value{V: medianSorted(d.vals), Prec: d.prec}
}

// medianSorted is the middle value, or the mean of the two middle values.
func medianSorted(s []float64) float64 {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Median returns the median of the values that have a number, with their
// joined precision; missing values are skipped, and no values give Missing.
// Used for peer medians.
func Median(vs []Value) Value {
	var d dist
	for _, v := range vs {
		d.add(v)
	}
	return d.median()
}

// welford keeps a running mean and variance (Welford's algorithm), so
// regularity needs no slice of gaps.
type welford struct {
	n    int
	mean float64
	m2   float64
}

func (w *welford) add(x float64) {
	w.n++
	d := x - w.mean
	w.mean += d / float64(w.n)
	w.m2 += d * (x - w.mean)
}

// cv is the population coefficient of variation σ/μ.
func (w *welford) cv() (float64, bool) {
	if w.n < 2 || w.mean == 0 {
		return 0, false
	}
	return math.Sqrt(w.m2/float64(w.n)) / w.mean, true
}
