package analyze

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
)

// Scores are a result's label scores (see Result): every category and area
// score, the non-zero SDG scores, the style scores and, with a model, the
// p_<label> probabilities. An engine's results share one sorted list of
// the keys it can give and carry only their values, so a result costs one
// small allocation without pointers instead of a map; Map makes the map
// where one is needed (a stored coding, JSON).
type Scores struct {
	keys []string  // sorted, never changed once made: shared between results
	vals []float64 // per key; absentBits where the result has no such score
}

// absentBits marks a key without a score: a signalling NaN, which no
// arithmetic produces (it makes quiet NaNs), so no real score has its bits.
const absentBits = 0x7FF4_0000_0000_0A85

// newScores returns scores for keys (sorted) with none set.
func newScores(keys []string) Scores {
	s := Scores{keys: keys, vals: make([]float64, len(keys))}
	for i := range s.vals {
		s.vals[i] = math.Float64frombits(absentBits)
	}
	return s
}

// ScoresOf returns the scores of a map (for clients reading results back).
func ScoresOf(m map[string]float64) Scores {
	s := newScores(slices.Sorted(maps.Keys(m)))
	for i, k := range s.keys {
		s.vals[i] = m[k]
	}
	return s
}

func (s Scores) has(i int) bool { return math.Float64bits(s.vals[i]) != absentBits }

// Get returns the score of key and whether the result has one.
func (s Scores) Get(key string) (float64, bool) {
	i, ok := slices.BinarySearch(s.keys, key)
	if !ok || !s.has(i) {
		return 0, false
	}
	return s.vals[i], true
}

// Value returns the score of key, 0 when the result has none (as a map
// gives).
func (s Scores) Value(key string) float64 {
	v, _ := s.Get(key)
	return v
}

// Len returns the number of scores.
func (s Scores) Len() int {
	n := 0
	for i := range s.vals {
		if s.has(i) {
			n++
		}
	}
	return n
}

// All yields the scores in key order.
func (s Scores) All() iter.Seq2[string, float64] {
	return func(yield func(string, float64) bool) {
		for i, k := range s.keys {
			if s.has(i) && !yield(k, s.vals[i]) {
				return
			}
		}
	}
}

// Map returns the scores as a new map.
func (s Scores) Map() map[string]float64 {
	m := make(map[string]float64, s.Len())
	for k, v := range s.All() {
		m[k] = v
	}
	return m
}

// String formats the scores as fmt formats their map.
func (s Scores) String() string { return fmt.Sprint(s.Map()) }
