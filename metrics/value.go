// Package metrics is Kopuro's aggregation maths: followers at a date and
// their growth, posting cadence, engagement rates, content shares,
// cross-platform duplication, response to comments, data freshness,
// rankings, peer groups and the Third Mission Visibility Index.
//
// Every metric is declared in Registry with its id, formula, numerator,
// denominator, aggregation and version (docs/metrics.md is the same list for
// people). Inputs are domain values from package kopuro, fed one at a time
// into accumulators (Add ... then Result) so that a store can stream a
// million posts without building slices of them.
//
// The package is pure: no I/O, no clock (callers pass "now"), no globals
// that change.
package metrics

import "kopuro"

// Precision says how far a computed value can be trusted: exact, approx,
// below (an upper bound), above (a lower bound) or none. It is the domain's
// kopuro.ValuePrecision, named here as the maths uses it.
type Precision = kopuro.ValuePrecision

// Precisions of computed values.
const (
	Exact  = kopuro.ValueExact  // computed from exact inputs
	Approx = kopuro.ValueApprox // an estimate without a known direction
	Below  = kopuro.ValueBelow  // an upper bound: the true value is at most this
	Above  = kopuro.ValueAbove  // a lower bound: the true value is at least this
	None   = kopuro.ValueNone   // no value: missing, never zero
)

// Value is a computed number with its precision (kopuro.Value: the store
// keeps goals' baselines, which are values, without depending on metrics).
type Value = kopuro.Value

// Missing is the value of a metric that cannot be computed.
var Missing = kopuro.MissingValue

// ExactValue returns an exact value.
func ExactValue(v float64) Value { return kopuro.ExactValue(v) }

// Join is kopuro.JoinPrecision: the precision of a value computed from two
// inputs that move it in the same direction.
func Join(a, b Precision) Precision { return kopuro.JoinPrecision(a, b) }

// FromKopuro maps a snapshot precision to a computed-value precision.
func FromKopuro(p kopuro.Precision) Precision {
	switch p {
	case kopuro.Approx:
		return Approx
	case kopuro.Below:
		return Below
	case kopuro.None:
		return None
	}
	return Exact
}

// share returns k ÷ n × 100 as an exact value, missing when n is 0.
func share(k, n int) Value {
	if n == 0 {
		return Missing
	}
	return ExactValue(float64(k) / float64(n) * 100)
}
