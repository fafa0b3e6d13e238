// Package analyze is Kopuro's content-analysis engine: for one text it
// finds the language, the study's category and third-mission area, the
// SDGs served, the dialogic and storytelling signals, hashtags, a score
// per label and the evidence behind each label. It is pure (no I/O) and an
// Engine is safe for concurrent use.
package analyze

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"kopuro"
	"kopuro/codebook"
)

// Engine analyses texts with one codebook. Build it with New; it is
// immutable afterwards.
type Engine struct {
	cb        *codebook.Codebook
	m         *matcher
	tmIndex   int // index of third_mission among the categories
	storyIdx  int // index of the story style among the styles; -1: none
	words     *wordCache
	model     *Model    // nil: decide by lexicon scores and priors alone
	slotLabel []string  // the score and evidence key of each label slot (see slots)
	labelRank []uint16  // per slot: the rank of its label among the labels in string order
	sdgSlot   int       // the slot of SDG 1
	areaSDGs  [][]goalW // per area: the goals it usually serves
	pCategory []string  // the score keys of the model's probabilities: p_<class>
	pArea     []string
	// The keys a result's scores can have, sorted, and where each slot's
	// score and each probability goes among them.
	scoreKeys                             []string
	slotScore, pCategoryScore, pAreaScore []int
	pool                                  sync.Pool // of *scratch
}

// goalW is an SDG with a weight.
type goalW struct {
	goal   int
	weight float64
}

// New compiles a codebook into an engine. The embedded model calibrates
// the decisions when it was trained for this codebook's version; an
// analyst's own codebook (another version) is decided by its lexicons and
// priors alone.
func New(cb *codebook.Codebook) (*Engine, error) {
	m := DefaultModel()
	if cb == nil || m == nil || m.Codebook != cb.Version() {
		m = nil
	}
	return NewWithModel(cb, m)
}

// NewWithModel compiles a codebook with a given model (nil: none).
func NewWithModel(cb *codebook.Codebook, m *Model) (*Engine, error) {
	if cb == nil {
		return nil, kopuro.Errorf(kopuro.EInvalid, "codebook.error.missing", "no codebook")
	}
	e := &Engine{cb: cb, m: compile(cb), tmIndex: -1, storyIdx: -1}
	e.words = newWordCache(e.m)
	e.pool.New = func() any { return new(scratch) }
	for g := range cb.Categories {
		e.slotLabel = append(e.slotLabel, labelKey(cb, gCategory, g))
	}
	for g, a := range cb.Areas {
		e.slotLabel = append(e.slotLabel, labelKey(cb, gArea, g))
		var gs []goalW
		for k, w := range a.SDGs {
			var n int
			for _, c := range k {
				n = n*10 + int(c-'0')
			}
			gs = append(gs, goalW{n, w})
		}
		e.areaSDGs = append(e.areaSDGs, gs)
	}
	e.sdgSlot = len(e.slotLabel)
	for g := 0; g < 17; g++ {
		e.slotLabel = append(e.slotLabel, labelKey(cb, gSDG, g))
	}
	for g := range cb.Styles {
		e.slotLabel = append(e.slotLabel, labelKey(cb, gStyle, g))
	}
	sorted := slices.Clone(e.slotLabel)
	slices.Sort(sorted)
	for _, l := range e.slotLabel {
		k, _ := slices.BinarySearch(sorted, l)
		e.labelRank = append(e.labelRank, uint16(k))
	}
	for i, c := range cb.Categories {
		if c.ID == string(kopuro.ThirdMission) {
			e.tmIndex = i
		}
	}
	for i, s := range cb.Styles {
		if s.ID == "story" {
			e.storyIdx = i
		}
	}
	if m != nil {
		if err := e.checkModel(m); err != nil {
			return nil, err
		}
		e.model = m
		for _, c := range m.Category.Classes {
			e.pCategory = append(e.pCategory, "p_"+c)
		}
		for _, c := range m.Area.Classes {
			e.pArea = append(e.pArea, "p_"+c)
		}
	}
	e.scoreKeys = slices.Concat(e.slotLabel, e.pCategory, e.pArea)
	slices.Sort(e.scoreKeys)
	e.scoreKeys = slices.Compact(e.scoreKeys)
	index := func(keys []string) []int {
		var out []int
		for _, k := range keys {
			i, _ := slices.BinarySearch(e.scoreKeys, k)
			out = append(out, i)
		}
		return out
	}
	e.slotScore, e.pCategoryScore, e.pAreaScore = index(e.slotLabel), index(e.pCategory), index(e.pArea)
	return e, nil
}

// checkModel makes sure the model's classes and widths fit the codebook.
func (e *Engine) checkModel(m *Model) error {
	width := len(e.cb.Categories) + len(e.cb.Areas) + 2
	cats, areas := e.cb.CategoryIDs(), e.cb.AreaIDs()
	for _, s := range []struct {
		sm   Softmax
		want []string
	}{{m.Category, cats}, {m.Area, areas}} {
		if !slices.Equal(s.sm.Classes, s.want) || len(s.sm.Weights) != len(s.want) {
			return kopuro.Errorf(kopuro.EInvalid, "analyze.error.model", "the model does not fit the codebook")
		}
		for _, w := range s.sm.Weights {
			if len(w) != width {
				return kopuro.Errorf(kopuro.EInvalid, "analyze.error.model", "the model does not fit the codebook")
			}
		}
	}
	return nil
}

// Codebook returns the engine's codebook.
func (e *Engine) Codebook() *codebook.Codebook { return e.cb }

// Analyze codes one text.
func (e *Engine) Analyze(text string) Result {
	s := e.pool.Get().(*scratch)
	defer e.pool.Put(s)
	s.tokenize(text, e.words)
	toks := s.toks
	tune := e.cb.Tuning
	areaSlot, sdgSlot, styleSlot := slots(len(e.cb.Categories), len(e.cb.Areas))

	e.accumulate(s)
	cats := s.score[:areaSlot]
	areas := s.score[areaSlot:sdgSlot]
	sdgs := s.score[sdgSlot:styleSlot]
	styles := s.score[styleSlot:]
	e.sdgMentions(s)

	r := Result{}
	r.Scores = newScores(e.scoreKeys)
	r.Lang = decideLang(sumVotes(toks))
	r.Hashtags = kopuro.Hashtags(text)
	r.Mentions = kopuro.Mentions(text)

	// Category: priors plus lexicon, third_mission also from the best area;
	// or, with a model, the most probable category and area.
	bestArea := -1
	for i := range areas {
		r.Scores.vals[e.slotScore[areaSlot+i]] = round(areas[i] + e.cb.Areas[i].Prior)
		if bestArea < 0 || areas[i]+e.cb.Areas[i].Prior > areas[bestArea]+e.cb.Areas[bestArea].Prior {
			bestArea = i
		}
	}
	var x []float64
	if e.model != nil {
		x = features(cats, areas, len(toks))
		pa := e.model.Area.Probs(x)
		bestArea = argmax(pa)
		for i, p := range pa {
			r.Scores.vals[e.pAreaScore[i]] = round(p)
		}
	}
	bestCat := 0
	for i := range cats {
		sc := cats[i] + e.cb.Categories[i].Prior
		if i == e.tmIndex && bestArea >= 0 {
			sc += tune.AreaToThirdMission * areas[bestArea]
		}
		cats[i] = sc
		r.Scores.vals[e.slotScore[i]] = round(sc)
		if sc > cats[bestCat] {
			bestCat = i
		}
	}
	if e.model != nil {
		pc := e.model.Category.Probs(x)
		bestCat = argmax(pc)
		for i, p := range pc {
			r.Scores.vals[e.pCategoryScore[i]] = round(p)
		}
	}
	r.Category = kopuro.Category(e.cb.Categories[bestCat].ID)
	s.refs = s.refs[:0]
	e.evidence(s, int32(bestCat))
	tm := bestCat == e.tmIndex
	if tm && bestArea >= 0 {
		r.Area = kopuro.Area(e.cb.Areas[bestArea].ID)
		e.evidence(s, int32(areaSlot+bestArea))
	}

	// SDGs: lexicon (damped outside the third mission), explicit tags,
	// and the goals the chosen area usually serves.
	var total [17]float64
	for g := range total {
		sc := sdgs[g]
		if !tm {
			sc *= tune.SDGOutsideTM
		}
		total[g] = sc + float64(min(len(s.explicit[g+1]), 1))*tune.HashtagWeight // a goal tagged twice is not served more
	}
	if tm && bestArea >= 0 {
		for _, gw := range e.areaSDGs[bestArea] {
			total[gw.goal-1] += gw.weight
		}
	}
	best := 0.0
	for g, sc := range total {
		if sc > 0 {
			r.Scores.vals[e.slotScore[sdgSlot+g]] = round(sc)
		}
		best = math.Max(best, sc)
	}
	var goals [17]int
	n := 0
	for g, sc := range total {
		if sc >= tune.SDGMin && sc >= tune.SDGRelative*best {
			goals[n] = g + 1
			n++
		}
	}
	slices.SortStableFunc(goals[:n], func(a, b int) int { return cmp.Compare(total[b-1], total[a-1]) })
	r.SDGs = append([]int{}, goals[:min(n, 3)]...)
	for _, g := range r.SDGs {
		e.evidence(s, int32(sdgSlot+g-1))
		for k := range s.explicit[g] {
			s.refs = append(s.refs, evRef{start: s.explicit[g][k].Start, slot: int32(sdgSlot + g - 1), src: srcExplicit, i: int32(g), k: int32(k)})
		}
	}

	// Style markers; quotations of people speak for a story.
	var quotes []kopuro.Evidence
	if i := e.storyIdx; i >= 0 && tune.QuoteWeight > 0 {
		quotes = quotations(text, tune.QuoteWords, 2)
		for k := range quotes {
			styles[i] += tune.QuoteWeight
			quotes[k].Label, quotes[k].Weight = "story", tune.QuoteWeight
		}
	}
	for i, st := range e.cb.Styles {
		r.Scores.vals[e.slotScore[styleSlot+i]] = round(styles[i])
		on := styles[i] >= st.Threshold
		switch st.ID {
		case "cta":
			r.CTA = on
		case "question":
			r.Question = on
		case "story":
			r.Story = on
		}
		if on {
			e.evidence(s, int32(styleSlot+i))
			if st.ID == "story" {
				for k := range quotes {
					s.refs = append(s.refs, evRef{start: quotes[k].Start, slot: int32(styleSlot + i), src: srcQuote, k: int32(k)})
				}
			}
		}
	}
	r.Evidence = e.sortEvidence(s, quotes)
	if r.Hashtags == nil {
		r.Hashtags = []string{}
	}
	return r
}

// sdgMentions finds explicit goal references (s.explicit): #SDG4, #ЦУР4,
// #ТӨМ4 and "SDG 4", "ЦУР 4", "ТӨМ-4" in running text.
func (e *Engine) sdgMentions(s *scratch) {
	for n := range s.explicit {
		s.explicit[n] = s.explicit[n][:0]
	}
	toks := s.toks
	add := func(n int, from, to token) {
		if n >= 1 && n <= 17 && len(s.explicit[n]) < maxEvidence {
			s.explicit[n] = append(s.explicit[n], kopuro.Evidence{Label: e.slotLabel[e.sdgSlot+n-1], Term: "#" + strings.ToUpper(from.w.text),
				Start: from.start, End: to.end, Weight: e.cb.Tuning.HashtagWeight})
		}
	}
	for i, t := range toks {
		if !t.w.sdgTag {
			continue
		}
		for _, p := range e.m.sdgTags {
			if !strings.HasPrefix(t.w.text, p) {
				continue
			}
			rest := t.w.text[len(p):]
			switch {
			case rest != "":
				if n, ok := smallNumber(rest); ok {
					add(n, t, t)
				}
			case i+1 < len(toks) && toks[i+1].start-t.end <= 2:
				if n, ok := smallNumber(toks[i+1].w.text); ok {
					add(n, t, toks[i+1])
				}
			}
		}
	}
}

// smallNumber parses 1–2 decimal digits.
func smallNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func argmax(p []float64) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }
