// Package agree measures how far two coders agree on the same items:
// percent agreement and Cohen's kappa for nominal labels, and the per-field
// comparison of two codings of a post. It is pure: no I/O, no store.
package agree

import (
	"encoding/json"
	"math"
)

// Score is the agreement of two coders on one field over N items.
type Score struct {
	N int `json:"n"`
	// Agreement is the share of items both coded alike, 0..1.
	Agreement float64 `json:"agreement"`
	// Kappa is Cohen's kappa, (po − pe) / (1 − pe); it is undefined (NaN,
	// JSON null) when the expected agreement pe is 1 — both coders gave
	// every item one and the same value — or when there are no items.
	Kappa float64 `json:"kappa"`
}

// KappaDefined reports whether Kappa has a value.
func (s Score) KappaDefined() bool { return !math.IsNaN(s.Kappa) }

// MarshalJSON writes an undefined kappa as null.
func (s Score) MarshalJSON() ([]byte, error) {
	var k *float64
	if s.KappaDefined() {
		k = &s.Kappa
	}
	return json.Marshal(struct {
		N         int      `json:"n"`
		Agreement float64  `json:"agreement"`
		Kappa     *float64 `json:"kappa"`
	}{s.N, s.Agreement, k})
}

// Nominal scores two coders' values of the same items, a[i] and b[i] being
// the two values of item i (any comparable labels: categories, "true" and
// "false", a set written canonically). The slices must have equal length.
func Nominal[T comparable](a, b []T) Score {
	if len(a) != len(b) {
		panic("agree: coders rated different numbers of items")
	}
	n := len(a)
	if n == 0 {
		return Score{Kappa: math.NaN()}
	}
	same := 0
	ca, cb := map[T]int{}, map[T]int{}
	for i := range a {
		if a[i] == b[i] {
			same++
		}
		ca[a[i]]++
		cb[b[i]]++
	}
	po := float64(same) / float64(n)
	pe := 0.0
	for v, x := range ca {
		pe += float64(x) / float64(n) * float64(cb[v]) / float64(n)
	}
	k := math.NaN()
	// pe can miss 1 by a rounding error only when it is 1 in exact terms:
	// compare in integers.
	if !sumsToAll(ca, cb, n) {
		k = (po - pe) / (1 - pe)
	}
	return Score{N: n, Agreement: po, Kappa: k}
}

// sumsToAll reports whether the expected agreement is exactly 1: the
// products of the marginal counts add up to n².
func sumsToAll[T comparable](ca, cb map[T]int, n int) bool {
	s := 0
	for v, x := range ca {
		s += x * cb[v]
	}
	return s == n*n
}
