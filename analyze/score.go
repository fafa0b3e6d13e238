package analyze

import (
	"cmp"
	"slices"

	"kopuro"
)

// maxEvidence bounds the evidence kept per label: hits come heaviest
// first, so a long text keeps its strongest reasons and a stored coding
// stays small.
const maxEvidence = 25

// Labels are numbered in one range, their slots: the categories, then the
// areas, then the 17 SDGs, then the styles.

// slots returns the first slot of each group and the number of slots.
func slots(nCat, nArea int) (area, sdg, style int) {
	return nCat, nCat + nArea, nCat + nArea + 17
}

// accepted is a matched term that counted for its label.
type accepted struct {
	slot     int32
	term     int32
	from, to int // tokens
	weight   float64
}

// accumulate matches the lexicons in s's tokens and sums, per label
// (s.score by slot), the weights of the matched terms, keeping the
// evidence (s.acc). For each label a token counts once, for its heaviest
// term; repeats of a term add less and less (a long text must not win by
// length); matches near the start weigh more. Question-only style terms
// count inside the last two sentences when these end with a question mark.
func (e *Engine) accumulate(s *scratch) {
	tune := e.cb.Tuning
	toks := s.toks
	s.hits = e.m.find(toks, s.hits[:0])
	lastSentence := 0 // of the words; trailing hashtags and mentions do not count
	for i := len(toks) - 1; i >= 0; i-- {
		if !toks[i].hashtag && !toks[i].mention {
			lastSentence = toks[i].sentence
			break
		}
	}
	s.reset(e, len(toks))

	// Longer phrases first (they are more specific than their words, and a
	// negative phrase such as "образования и науки" must claim its tokens
	// before "наук*" does), then heavier terms: the terms' rank.
	s.sortHits(e.m.ranks)
	for _, h := range s.hits {
		t := &e.m.terms[h.term]
		if t.group == gStyleQ {
			// "you" in a question speaks to the audience when the question
			// closes the post; inside a longer text it is an interviewer's.
			if sent := toks[h.from].sentence; !s.question(sent) || sent < lastSentence-1 {
				continue
			}
		}
		if !s.claim(t.slot, h.from, h.to) {
			continue
		}
		w := t.weight / float64(1+s.repeats[h.term])
		s.repeats[h.term]++
		if t.group != gStyle && t.group != gStyleQ && tune.LeadRunes > 0 && toks[h.from].start < tune.LeadRunes {
			w *= tune.LeadBoost
		}
		s.score[t.slot] += w
		if s.nev[t.slot] < maxEvidence {
			s.nev[t.slot]++
			s.acc = append(s.acc, accepted{slot: t.slot, term: h.term, from: h.from, to: h.to, weight: w})
		}
	}
	for _, h := range s.hits {
		s.repeats[h.term] = 0
	}
}

// evRef is one piece of a result's evidence before it is made: where it
// starts, its label's slot and where it comes from. It holds no pointers,
// so gathering and sorting the refs costs the collector nothing.
type evRef struct {
	start int   // rune offset: the first sort key
	slot  int32 // the label's: the second sort key, by labelRank
	src   evSource
	i, k  int32 // srcAccepted: s.acc[k]; srcExplicit: s.explicit[i][k]; srcQuote: the quotation k
}

type evSource uint8

const (
	srcAccepted evSource = iota
	srcExplicit
	srcQuote
)

// evidence adds to s.refs the evidence of the label in slot, in the order
// it was found.
func (e *Engine) evidence(s *scratch, slot int32) {
	if s.nev[slot] == 0 {
		return
	}
	for k := range s.acc {
		if s.acc[k].slot == slot {
			s.refs = append(s.refs, evRef{start: s.toks[s.acc[k].from].start, slot: slot, src: srcAccepted, k: int32(k)})
		}
	}
}

// sortEvidence makes the result's evidence from s.refs, ordered by start,
// then label, equal pairs in the order found. Labels are compared by their
// slot's rank among the labels (labelRank), in keys that pack start, label
// rank and position: sorting distinct integers needs neither a stable sort
// nor string compares.
func (e *Engine) sortEvidence(s *scratch, quotes []kopuro.Evidence) []kopuro.Evidence {
	refs := s.refs
	keys := s.evKeys[:0]
	packed := len(refs) <= 1<<16
	for k, r := range refs {
		if !packed || r.start >= 1<<32 {
			packed = false
			break
		}
		keys = append(keys, uint64(r.start)<<32|uint64(e.labelRank[r.slot])<<16|uint64(k))
	}
	if packed {
		slices.Sort(keys)
	} else { // beyond the keys' ranges: never in practice
		keys = keys[:0]
		for k := range refs {
			keys = append(keys, uint64(k))
		}
		slices.SortStableFunc(keys, func(a, b uint64) int {
			x, y := &refs[a], &refs[b]
			if x.start != y.start {
				return cmp.Compare(x.start, y.start)
			}
			return cmp.Compare(e.slotLabel[x.slot], e.slotLabel[y.slot])
		})
	}
	out := make([]kopuro.Evidence, len(keys))
	for j, key := range keys {
		if packed {
			key &= 0xFFFF
		}
		r := &refs[key]
		switch r.src {
		case srcAccepted:
			a := &s.acc[r.k]
			out[j] = kopuro.Evidence{Label: e.slotLabel[r.slot], Term: e.m.terms[a.term].text,
				Start: r.start, End: s.toks[a.to-1].end, Weight: round(a.weight)}
		case srcExplicit:
			out[j] = s.explicit[r.i][r.k]
		case srcQuote:
			out[j] = quotes[r.k]
		}
	}
	s.evKeys = keys
	return out
}
