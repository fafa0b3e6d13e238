// Package analyze is Kopuro's content-analysis engine: for one text it
// finds the language, the study's category and third-mission area, the
// SDGs served, the dialogic and storytelling signals, hashtags, a score
// per label and the evidence behind each label. It is pure (no I/O) and an
// Engine is safe for concurrent use.
package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"

	"kopuro"
	"kopuro/codebook"
)

// Engine analyses texts with one codebook. Build it with New; it is
// immutable afterwards.
type Engine struct {
	cb       *codebook.Codebook
	m        *matcher
	sdgTags  map[string]bool // folded hashtag prefixes: sdg, цур, төм
	tmIndex  int             // index of third_mission among the categories
	styleIdx map[string]int
	words    *wordCache
	model    *Model // nil: decide by lexicon scores and priors alone
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
	e := &Engine{cb: cb, m: compile(cb), sdgTags: map[string]bool{}, tmIndex: -1, styleIdx: map[string]int{}}
	e.words = newWordCache(e.m)
	for _, ps := range cb.SDGTags {
		for _, p := range ps {
			e.sdgTags[Fold(p)] = true
		}
	}
	for i, c := range cb.Categories {
		if c.ID == string(kopuro.ThirdMission) {
			e.tmIndex = i
		}
	}
	for i, s := range cb.Styles {
		e.styleIdx[s.ID] = i
	}
	if m != nil {
		if err := e.checkModel(m); err != nil {
			return nil, err
		}
		e.model = m
	}
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
	var d doc
	d.tokenize(text, e.words)
	toks := d.toks
	tune := e.cb.Tuning

	cats, areas, sdgs, styles := e.accumulate(&d)
	explicit := e.sdgMentions(toks)

	r := Result{Scores: map[string]float64{}}
	r.Lang = decideLang(sumVotes(toks))
	r.Hashtags = kopuro.Hashtags(text)
	r.Mentions = kopuro.Mentions(text)

	// Category: priors plus lexicon, third_mission also from the best area;
	// or, with a model, the most probable category and area.
	bestArea := -1
	for i := range areas {
		r.Scores[e.cb.Areas[i].ID] = round(areas[i].score + e.cb.Areas[i].Prior)
		if bestArea < 0 || areas[i].score+e.cb.Areas[i].Prior > areas[bestArea].score+e.cb.Areas[bestArea].Prior {
			bestArea = i
		}
	}
	var x []float64
	if e.model != nil {
		x = features(cats, areas, len(toks))
		pa := e.model.Area.Probs(x)
		bestArea = argmax(pa)
		for i, p := range pa {
			r.Scores["p_"+e.model.Area.Classes[i]] = round(p)
		}
	}
	bestCat := 0
	for i := range cats {
		s := cats[i].score + e.cb.Categories[i].Prior
		if i == e.tmIndex && bestArea >= 0 {
			s += tune.AreaToThirdMission * areas[bestArea].score
		}
		cats[i].score = s
		r.Scores[e.cb.Categories[i].ID] = round(s)
		if s > cats[bestCat].score {
			bestCat = i
		}
	}
	if e.model != nil {
		pc := e.model.Category.Probs(x)
		bestCat = argmax(pc)
		for i, p := range pc {
			r.Scores["p_"+e.model.Category.Classes[i]] = round(p)
		}
	}
	r.Category = kopuro.Category(e.cb.Categories[bestCat].ID)
	var ev []kopuro.Evidence
	ev = append(ev, cats[bestCat].ev...)
	tm := bestCat == e.tmIndex
	if tm && bestArea >= 0 {
		r.Area = kopuro.Area(e.cb.Areas[bestArea].ID)
		ev = append(ev, areas[bestArea].ev...)
	}

	// SDGs: lexicon (damped outside the third mission), explicit tags,
	// and the goals the chosen area usually serves.
	total := make([]float64, 17)
	for g := range total {
		s := sdgs[g].score
		if !tm {
			s *= tune.SDGOutsideTM
		}
		total[g] = s + float64(min(len(explicit[g+1]), 1))*tune.HashtagWeight // a goal tagged twice is not served more
	}
	if tm && bestArea >= 0 {
		for k, w := range e.cb.Areas[bestArea].SDGs {
			var n int
			for _, c := range k {
				n = n*10 + int(c-'0')
			}
			total[n-1] += w
		}
	}
	best := 0.0
	for g, s := range total {
		if s > 0 {
			r.Scores[labelKey(e.cb, gSDG, g)] = round(s)
		}
		best = math.Max(best, s)
	}
	var goals []int
	for g, s := range total {
		if s >= tune.SDGMin && s >= tune.SDGRelative*best {
			goals = append(goals, g+1)
		}
	}
	sort.SliceStable(goals, func(i, j int) bool { return total[goals[i]-1] > total[goals[j]-1] })
	if len(goals) > 3 {
		goals = goals[:3]
	}
	r.SDGs = goals
	if r.SDGs == nil {
		r.SDGs = []int{}
	}
	for _, g := range goals {
		ev = append(ev, sdgs[g-1].ev...)
		ev = append(ev, explicit[g]...)
	}

	// Style markers; quotations of people speak for a story.
	if i, ok := e.styleIdx["story"]; ok && tune.QuoteWeight > 0 {
		for k, q := range quotations(text, tune.QuoteWords, 2) {
			if k == 2 {
				break
			}
			styles[i].score += tune.QuoteWeight
			q.Label, q.Weight = "story", tune.QuoteWeight
			styles[i].ev = append(styles[i].ev, q)
		}
	}
	for i, s := range e.cb.Styles {
		r.Scores[s.ID] = round(styles[i].score)
		on := styles[i].score >= s.Threshold
		switch s.ID {
		case "cta":
			r.CTA = on
		case "question":
			r.Question = on
		case "story":
			r.Story = on
		}
		if on {
			ev = append(ev, styles[i].ev...)
		}
	}
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Start != ev[j].Start {
			return ev[i].Start < ev[j].Start
		}
		return ev[i].Label < ev[j].Label
	})
	r.Evidence = ev
	if r.Evidence == nil {
		r.Evidence = []kopuro.Evidence{}
	}
	if r.Hashtags == nil {
		r.Hashtags = []string{}
	}
	return r
}

// sdgMentions finds explicit goal references: #SDG4, #ЦУР4, #ТӨМ4 and
// "SDG 4", "ЦУР 4", "ТӨМ-4" in running text.
func (e *Engine) sdgMentions(toks []token) map[int][]kopuro.Evidence {
	out := map[int][]kopuro.Evidence{}
	add := func(n int, from, to token) {
		if n >= 1 && n <= 17 && len(out[n]) < maxEvidence {
			out[n] = append(out[n], kopuro.Evidence{Label: labelKey(e.cb, gSDG, n-1), Term: "#" + strings.ToUpper(from.text),
				Start: from.start, End: to.end, Weight: e.cb.Tuning.HashtagWeight})
		}
	}
	for i, t := range toks {
		for p := range e.sdgTags {
			if !strings.HasPrefix(t.text, p) {
				continue
			}
			rest := t.text[len(p):]
			switch {
			case rest != "":
				if n, ok := smallNumber(rest); ok {
					add(n, t, t)
				}
			case i+1 < len(toks) && toks[i+1].start-t.end <= 2:
				if n, ok := smallNumber(toks[i+1].text); ok {
					add(n, t, toks[i+1])
				}
			}
		}
	}
	return out
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
