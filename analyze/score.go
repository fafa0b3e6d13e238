package analyze

import "kopuro"

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

// evidence appends to ev the evidence of the label in slot, in the order
// it was found.
func (e *Engine) evidence(s *scratch, slot int32, ev []kopuro.Evidence) []kopuro.Evidence {
	if s.nev[slot] == 0 {
		return ev
	}
	for _, a := range s.acc {
		if a.slot == slot {
			ev = append(ev, kopuro.Evidence{Label: e.slotLabel[slot], Term: e.m.terms[a.term].text,
				Start: s.toks[a.from].start, End: s.toks[a.to-1].end, Weight: round(a.weight)})
		}
	}
	return ev
}
