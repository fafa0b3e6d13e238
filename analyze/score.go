package analyze

import (
	"sort"

	"kopuro"
)

// scored is a label's score and the evidence that made it.
type scored struct {
	score float64
	ev    []kopuro.Evidence
}

// accumulate matches the lexicons in toks and sums, per label, the
// weights of the matched terms. For each label a token counts once, for
// its heaviest term; repeats of a term add less and less (a long text must
// not win by length); matches near the start weigh more. Question-only
// style terms count inside sentences that end with a question mark.
func (e *Engine) accumulate(toks []token, qs map[int]bool) (cats, areas, sdgs, styles []scored) {
	tune := e.cb.Tuning
	hits := e.m.find(e.cache.stemTokens(toks))
	cats = make([]scored, len(e.cb.Categories))
	areas = make([]scored, len(e.cb.Areas))
	sdgs = make([]scored, 17)
	styles = make([]scored, len(e.cb.Styles))

	sort.SliceStable(hits, func(i, j int) bool {
		a, b := &e.m.terms[hits[i].term], &e.m.terms[hits[j].term]
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return hits[i].to-hits[i].from > hits[j].to-hits[j].from
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
			if !qs[toks[h.from].sentence] {
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
		dst.ev = append(dst.ev, ev)
	}
	return cats, areas, sdgs, styles
}
