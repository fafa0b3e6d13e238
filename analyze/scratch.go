package analyze

import (
	"slices"

	"kopuro"
)

// scratch is the working memory of one Analyze call. Calls take one from
// the engine's pool and give it back, so a text is coded without
// allocating anything but its result.
type scratch struct {
	doc
	hits      []hit
	sorted    []hit     // sortHits' other buffer
	rankStart []int     // sortHits' counts
	score     []float64 // per slot
	nev       []int     // per slot: evidence kept
	acc       []accepted
	used      []uint64              // per token, a bit per slot: the token already counted for that label
	words     int                   // uint64 words per token in used
	repeats   []int32               // per term: how often it has counted in this text (zero between calls)
	explicit  [18][]kopuro.Evidence // per goal: #SDG4, ЦУР 4, …
	refs      []evRef               // the result's evidence, before it is made
	evKeys    []uint64              // sortEvidence's keys
}

// reset readies the per-label state for a text of n tokens.
func (s *scratch) reset(e *Engine, n int) {
	nslots := len(e.slotLabel)
	s.score = resize(s.score, nslots)
	s.nev = resize(s.nev, nslots)
	s.acc = s.acc[:0]
	s.words = (nslots + 63) / 64
	s.used = resize(s.used, n*s.words)
	if len(s.repeats) != len(e.m.terms) {
		s.repeats = make([]int32, len(e.m.terms))
	}
}

// resize returns a zeroed slice of length n, reusing xs when it is large
// enough.
func resize[T any](xs []T, n int) []T {
	if cap(xs) < n {
		return make([]T, n)
	}
	xs = xs[:n]
	clear(xs)
	return xs
}

// claim marks tokens [from, to) as counted for the label in slot, unless
// one of them already is.
func (s *scratch) claim(slot int32, from, to int) bool {
	word, bit := int(slot)/64, uint64(1)<<(slot%64)
	for i := from; i < to; i++ {
		if s.used[i*s.words+word]&bit != 0 {
			return false
		}
	}
	for i := from; i < to; i++ {
		s.used[i*s.words+word] |= bit
	}
	return true
}

// sortHits orders s.hits by their terms' rank (0 … ranks-1), keeping the
// order of equal ranks: a counting sort, as ranks are few.
func (s *scratch) sortHits(ranks int) {
	if len(s.hits) < 2 {
		return
	}
	s.rankStart = resize(s.rankStart, ranks+1)
	for _, h := range s.hits {
		s.rankStart[h.rank+1]++
	}
	for r := 1; r <= ranks; r++ {
		s.rankStart[r] += s.rankStart[r-1]
	}
	s.sorted = slices.Grow(s.sorted[:0], len(s.hits))[:len(s.hits)]
	for _, h := range s.hits {
		s.sorted[s.rankStart[h.rank]] = h
		s.rankStart[h.rank]++
	}
	s.hits, s.sorted = s.sorted, s.hits
}
