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

// scored is a label's score and the evidence that made it.
type scored struct {
	score float64
	ev    []kopuro.Evidence
}

// accumulate matches the lexicons in toks and sums, per label, the
// weights of the matched terms. For each label a token counts once, for
// its heaviest term; repeats of a term add less and less (a long text must
// not win by length); matches near the start weigh more. Question-only
// style terms count inside the last two sentences when these end with a
// question mark.
func (e *Engine) accumulate(d *doc) (cats, areas, sdgs, styles []scored) {
	tune := e.cb.Tuning
	toks := d.toks
	hits := e.m.find(toks, nil)
	lastSentence := 0 // of the words; trailing hashtags and mentions do not count
	for i := len(toks) - 1; i >= 0; i-- {
		if !toks[i].hashtag && !toks[i].mention {
			lastSentence = toks[i].sentence
			break
		}
	}
	cats = make([]scored, len(e.cb.Categories))
	areas = make([]scored, len(e.cb.Areas))
	sdgs = make([]scored, 17)
	styles = make([]scored, len(e.cb.Styles))

	// Longer phrases first (they are more specific than their words, and a
	// negative phrase such as "образования и науки" must claim its tokens
	// before "наук*" does), then heavier terms.
	slices.SortStableFunc(hits, func(x, y hit) int {
		if lx, ly := x.to-x.from, y.to-y.from; lx != ly {
			return cmp.Compare(ly, lx)
		}
		return cmp.Compare(e.m.terms[y.term].weight, e.m.terms[x.term].weight)
	})
	type lkey struct {
		g     group
		label int
	}
	used := map[lkey][]bool{}
	repeats := map[int32]int{}
	for _, h := range hits {
		t := &e.m.terms[h.term]
		g := t.group
		if g == gStyleQ {
			// "you" in a question speaks to the audience when the question
			// closes the post; inside a longer text it is an interviewer's.
			if sent := toks[h.from].sentence; !d.question(sent) || sent < lastSentence-1 {
				continue
			}
			g = gStyle
		}
		k := lkey{g, t.label}
		u := used[k]
		if u == nil {
			u = make([]bool, len(toks))
			used[k] = u
		}
		free := true
		for i := h.from; i < h.to; i++ {
			free = free && !u[i]
		}
		if !free {
			continue
		}
		for i := h.from; i < h.to; i++ {
			u[i] = true
		}
		w := t.weight / float64(1+repeats[h.term])
		repeats[h.term]++
		if g != gStyle && tune.LeadRunes > 0 && toks[h.from].start < tune.LeadRunes {
			w *= tune.LeadBoost
		}
		ev := kopuro.Evidence{Label: labelKey(e.cb, g, t.label), Term: t.text,
			Start: toks[h.from].start, End: toks[h.to-1].end, Weight: round(w)}
		var dst *scored
		switch g {
		case gCategory:
			dst = &cats[t.label]
		case gArea:
			dst = &areas[t.label]
		case gSDG:
			dst = &sdgs[t.label]
		default:
			dst = &styles[t.label]
		}
		dst.score += w
		if len(dst.ev) < maxEvidence {
			dst.ev = append(dst.ev, ev)
		}
	}
	return cats, areas, sdgs, styles
}
