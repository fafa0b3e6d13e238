package kopuro

import (
	"encoding/json"
	"math"
)

// ValuePrecision says how far a computed value can be trusted. It extends
// Precision, a snapshot's, with ValueAbove: dividing by an upper bound
// ("under 1,000 followers") gives a lower bound. Package metrics calls it
// metrics.Precision.
type ValuePrecision string

// Precisions of computed values.
const (
	ValueExact  ValuePrecision = "exact"  // computed from exact inputs
	ValueApprox ValuePrecision = "approx" // an estimate without a known direction
	ValueBelow  ValuePrecision = "below"  // an upper bound: the true value is at most this
	ValueAbove  ValuePrecision = "above"  // a lower bound: the true value is at least this
	ValueNone   ValuePrecision = "none"   // no value: missing, never zero
)

// Flip is the precision of a value after it is negated or inverted: an
// upper bound becomes a lower bound and the other way round.
func (p ValuePrecision) Flip() ValuePrecision {
	switch p {
	case ValueBelow:
		return ValueAbove
	case ValueAbove:
		return ValueBelow
	}
	return p
}

// JoinPrecision is the precision of a value computed from two inputs that
// move it in the same direction (a sum, a product, a quotient's
// numerator): no data wins, then a bound in one direction is kept, and two
// bounds in opposite directions leave an estimate without direction.
func JoinPrecision(a, b ValuePrecision) ValuePrecision {
	switch {
	case a == ValueNone || b == ValueNone:
		return ValueNone
	case a == b:
		return a
	case a == ValueExact:
		return b
	case b == ValueExact:
		return a
	}
	return ValueApprox
}

// Value is a computed number with its precision: a metric's result, a
// goal's baseline. A value with precision ValueNone has no number: V is 0
// but means nothing and is written as null. Package metrics computes them
// (metrics.Value).
type Value struct {
	V    float64        `json:"value"`
	Prec ValuePrecision `json:"precision"`
}

// MissingValue is the value of a metric that cannot be computed.
var MissingValue = Value{Prec: ValueNone}

// ExactValue returns an exact value.
func ExactValue(v float64) Value { return Value{V: v, Prec: ValueExact} }

// OK reports whether v has a number.
func (v Value) OK() bool { return v.Prec != ValueNone && v.Prec != "" }

// Div returns v ÷ d with the precision of both (d's bound flips).
// Division by a missing value or by zero is missing.
func (v Value) Div(d Value) Value {
	if !v.OK() || !d.OK() || d.V == 0 {
		return MissingValue
	}
	return Value{V: v.V / d.V, Prec: JoinPrecision(v.Prec, d.Prec.Flip())}
}

// Scale multiplies v by a positive exact factor.
func (v Value) Scale(f float64) Value {
	if !v.OK() {
		return MissingValue
	}
	return Value{V: v.V * f, Prec: v.Prec}
}

// Round returns v rounded to n decimals, for stable output.
func (v Value) Round(n int) Value {
	if !v.OK() {
		return MissingValue
	}
	p := math.Pow(10, float64(n))
	return Value{V: math.Round(v.V*p) / p, Prec: v.Prec}
}

// MarshalJSON writes {"value":null,"precision":"none"} for a missing value.
func (v Value) MarshalJSON() ([]byte, error) {
	type out struct {
		V    *float64       `json:"value"`
		Prec ValuePrecision `json:"precision"`
	}
	if !v.OK() {
		return json.Marshal(out{Prec: ValueNone})
	}
	x := v.V
	return json.Marshal(out{V: &x, Prec: v.Prec})
}

// UnmarshalJSON is the inverse of MarshalJSON.
func (v *Value) UnmarshalJSON(b []byte) error {
	var in struct {
		V    *float64       `json:"value"`
		Prec ValuePrecision `json:"precision"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	if in.V == nil || in.Prec == ValueNone {
		*v = MissingValue
		return nil
	}
	if in.Prec == "" {
		in.Prec = ValueExact
	}
	*v = Value{V: *in.V, Prec: in.Prec}
	return nil
}
