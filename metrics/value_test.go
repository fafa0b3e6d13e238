package metrics

import (
	"encoding/json"
	"testing"
)

func TestPrecisionAlgebra(t *testing.T) {
	tests := []struct {
		a, b, join Precision
	}{
		{Exact, Exact, Exact},
		{Exact, Approx, Approx},
		{Below, Exact, Below},
		{Below, Below, Below},
		{Below, Above, Approx},
		{Approx, Below, Approx},
		{None, Exact, None},
		{Above, None, None},
	}
	for _, tt := range tests {
		if got := Join(tt.a, tt.b); got != tt.join {
			t.Errorf("Join(%s,%s) = %s, want %s", tt.a, tt.b, got, tt.join)
		}
	}
	// 40 interactions over "under 1,000" followers: at least 4 %.
	wantValue(t, "40/below1000", ExactValue(40).Div(Value{V: 1000, Prec: Below}).Scale(100), 4, Above)
	wantValue(t, "x/0", ExactValue(40).Div(ExactValue(0)), 0, None)
	wantValue(t, "none/x", Missing.Div(ExactValue(3)), 0, None)
}

func TestValueJSON(t *testing.T) {
	b, _ := json.Marshal([]Value{Missing, {V: 2.5, Prec: Below}})
	if got, want := string(b), `[{"value":null,"precision":"none"},{"value":2.5,"precision":"below"}]`; got != want {
		t.Fatalf("json = %s, want %s", got, want)
	}
	var back []Value
	if err := json.Unmarshal(b, &back); err != nil || back[0].OK() || back[1] != (Value{V: 2.5, Prec: Below}) {
		t.Fatalf("round trip = %v, %v", back, err)
	}
}

func TestMedian(t *testing.T) {
	wantValue(t, "odd", Median([]Value{ExactValue(5), ExactValue(1), ExactValue(3)}), 3, Exact)
	wantValue(t, "even", Median([]Value{ExactValue(4), ExactValue(1), ExactValue(3), ExactValue(10)}), 3.5, Exact)
	wantValue(t, "skips missing", Median([]Value{Missing, ExactValue(2), {V: 6, Prec: Approx}}), 4, Approx)
	wantValue(t, "all missing", Median([]Value{Missing}), 0, None)
}
