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

import (
	"encoding/json"
	"math"

	"kopuro"
)

// Precision says how far a computed value can be trusted. It extends
// kopuro.Precision with Above: dividing by an upper bound ("under 1,000
// followers") gives a lower bound.
type Precision string

// Precisions of computed values.
const (
	Exact  Precision = "exact"  // computed from exact inputs
	Approx Precision = "approx" // an estimate without a known direction
	Below  Precision = "below"  // an upper bound: the true value is at most this
	Above  Precision = "above"  // a lower bound: the true value is at least this
	None   Precision = "none"   // no value: missing, never zero
)

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

// Flip is the precision of a value after it is negated or inverted: an
// upper bound becomes a lower bound and the other way round.
func (p Precision) Flip() Precision {
	switch p {
	case Below:
		return Above
	case Above:
		return Below
	}
	return p
}

// Join is the precision of a value computed from two inputs that move it in
// the same direction (a sum, a product, a quotient's numerator): no data
// wins, then a bound in one direction is kept, and two bounds in opposite
// directions leave an estimate without direction.
func Join(a, b Precision) Precision {
	switch {
	case a == None || b == None:
		return None
	case a == b:
		return a
	case a == Exact:
		return b
	case b == Exact:
		return a
	}
	return Approx
}

// Value is a computed number with its precision. A value with precision
// None has no number: V is 0 but means nothing and is written as null.
type Value struct {
	V    float64   `json:"value"`
	Prec Precision `json:"precision"`
}

// Missing is the value of a metric that cannot be computed.
var Missing = Value{Prec: None}

// ExactValue returns an exact value.
func ExactValue(v float64) Value { return Value{V: v, Prec: Exact} }

// OK reports whether v has a number.
func (v Value) OK() bool { return v.Prec != None && v.Prec != "" }

// Div returns v ÷ d with the precision of both (d's bound flips).
// Division by a missing value or by zero is missing.
func (v Value) Div(d Value) Value {
	if !v.OK() || !d.OK() || d.V == 0 {
		return Missing
	}
	return Value{V: v.V / d.V, Prec: Join(v.Prec, d.Prec.Flip())}
}

// Scale multiplies v by a positive exact factor.
func (v Value) Scale(f float64) Value {
	if !v.OK() {
		return Missing
	}
	return Value{V: v.V * f, Prec: v.Prec}
}

// Round returns v rounded to n decimals, for stable output.
func (v Value) Round(n int) Value {
	if !v.OK() {
		return Missing
	}
	p := math.Pow(10, float64(n))
	return Value{V: math.Round(v.V*p) / p, Prec: v.Prec}
}

// MarshalJSON writes {"value":null,"precision":"none"} for a missing value.
func (v Value) MarshalJSON() ([]byte, error) {
	type out struct {
		V    *float64  `json:"value"`
		Prec Precision `json:"precision"`
	}
	if !v.OK() {
		return json.Marshal(out{Prec: None})
	}
	x := v.V
	return json.Marshal(out{V: &x, Prec: v.Prec})
}

// UnmarshalJSON is the inverse of MarshalJSON.
func (v *Value) UnmarshalJSON(b []byte) error {
	var in struct {
		V    *float64  `json:"value"`
		Prec Precision `json:"precision"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	if in.V == nil || in.Prec == None {
		*v = Missing
		return nil
	}
	if in.Prec == "" {
		in.Prec = Exact
	}
	*v = Value{V: *in.V, Prec: in.Prec}
	return nil
}

// share returns k ÷ n × 100 as an exact value, missing when n is 0.
func share(k, n int) Value {
	if n == 0 {
		return Missing
	}
	return ExactValue(float64(k) / float64(n) * 100)
}
