package analyze

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sort"

	"kopuro"
)

// Gold is one labeled record of an evaluation file (see the labeling
// guide). Only Text ever reaches the engine; unknown fields are ignored.
type Gold struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Lang     string `json:"lang"`
	Category string `json:"category"`
	Area     string `json:"tm_area"`
	SDGs     []int  `json:"sdgs"`
	CTA      bool   `json:"cta"`
	Question bool   `json:"question"`
	Story    bool   `json:"story"`
}

// ReadGold reads a JSONL evaluation file; name locates errors.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	var out []Gold
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var g Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, kopuro.Errorf(kopuro.EInvalid, "eval.error.json", "not a JSON object: %v", err).WithArg("Detail", err.Error()).At(name, line)
		}
		if g.Text == "" {
			return nil, kopuro.Errorf(kopuro.EInvalid, "error.required", "the field text is required").WithArg("Field", "text").InField("text").At(name, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Report holds evaluation figures; it JSON-encodes as `kopuro eval --json`.
type Report struct {
	N            int          `json:"n"`
	Lang         ClassScores  `json:"lang"`
	Category     ClassScores  `json:"category"`
	ThirdMission BinaryScores `json:"third_mission"`
	Area         ClassScores  `json:"tm_area"`
	SDGs         SetScores    `json:"sdgs"`
	CTA          F1Only       `json:"cta"`
	Question     F1Only       `json:"question"`
	Story        F1Only       `json:"story"`

	// Confusion matrices: gold label → predicted label → count.
	LangConfusion     Confusion `json:"-"`
	CategoryConfusion Confusion `json:"-"`
	AreaConfusion     Confusion `json:"-"`
	// Flag counts (true/false positives, false negatives) for cta, question, story.
	Flags map[string][3]int `json:"-"`
}

// ClassScores are the figures of a single-label field.
type ClassScores struct {
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
}

// BinaryScores are the figures of a yes/no decision.
type BinaryScores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// SetScores are micro-averaged figures of a multi-label field.
type SetScores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	MicroF1   float64 `json:"micro_f1"`
}

// F1Only is the F1 of a flag; nil (JSON null) when the gold data has no
// positives and the engine found none, where F1 is undefined.
type F1Only struct {
	F1 *float64 `json:"f1"`
}

// Confusion counts gold → predicted labels.
type Confusion map[string]map[string]int

func (c Confusion) add(gold, pred string) {
	if c[gold] == nil {
		c[gold] = map[string]int{}
	}
	c[gold][pred]++
}

// Labels returns every label in the matrix, sorted, "" (none) last.
func (c Confusion) Labels() []string {
	seen := map[string]bool{}
	for g, row := range c {
		seen[g] = true
		for p := range row {
			seen[p] = true
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "") != (out[j] == "") {
			return out[j] == ""
		}
		return out[i] < out[j]
	})
	return out
}

// scores returns accuracy and macro-F1 over the labels that occur in the
// gold data or the predictions ("" — no label — is never a class).
func (c Confusion) scores() ClassScores {
	var n, ok int
	var f1s []float64
	for _, l := range c.Labels() {
		if l == "" {
			continue
		}
		tp := c[l][l]
		var goldN, predN int
		for _, v := range c[l] {
			goldN += v
		}
		for _, row := range c {
			predN += row[l]
		}
		f1s = append(f1s, f1(tp, predN-tp, goldN-tp))
	}
	for g, row := range c {
		for p, v := range row {
			n += v
			if g == p {
				ok += v
			}
		}
	}
	var s ClassScores
	if n > 0 {
		s.Accuracy = round(float64(ok) / float64(n))
	}
	if len(f1s) > 0 {
		sum := 0.0
		for _, f := range f1s {
			sum += f
		}
		s.MacroF1 = round(sum / float64(len(f1s)))
	}
	return s
}

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return round(float64(a) / float64(b))
}

// Evaluate classifies the text of every gold record and compares.
func (e *Engine) Evaluate(golds []Gold) Report {
	preds := make([]Result, len(golds))
	for i, g := range golds {
		preds[i] = e.Analyze(g.Text)
	}
	return Score(golds, preds)
}

// Score compares predictions with gold records, index by index.
func Score(golds []Gold, preds []Result) Report {
	r := Report{N: len(golds), LangConfusion: Confusion{}, CategoryConfusion: Confusion{}, AreaConfusion: Confusion{},
		Flags: map[string][3]int{}}
	var tmTP, tmFP, tmFN, sTP, sPred, sGold int
	for i, g := range golds {
		p := preds[i]
		r.LangConfusion.add(g.Lang, string(p.Lang))
		r.CategoryConfusion.add(g.Category, string(p.Category))
		gt, pt := g.Category == string(kopuro.ThirdMission), p.Category == kopuro.ThirdMission
		switch {
		case gt && pt:
			tmTP++
		case pt:
			tmFP++
		case gt:
			tmFN++
		}
		if gt {
			area := ""
			if pt {
				area = string(p.Area)
			}
			r.AreaConfusion.add(g.Area, area)
		}
		gs := map[int]bool{}
		for _, s := range g.SDGs {
			gs[s] = true
		}
		for _, s := range p.SDGs {
			if gs[s] {
				sTP++
			}
		}
		sPred += len(p.SDGs)
		sGold += len(gs)
		for _, f := range []struct {
			name       string
			gold, pred bool
		}{{"cta", g.CTA, p.CTA}, {"question", g.Question, p.Question}, {"story", g.Story, p.Story}} {
			c := r.Flags[f.name]
			switch {
			case f.gold && f.pred:
				c[0]++
			case f.pred:
				c[1]++
			case f.gold:
				c[2]++
			}
			r.Flags[f.name] = c
		}
	}
	r.Lang = r.LangConfusion.scores()
	r.Category = r.CategoryConfusion.scores()
	r.Area = r.AreaConfusion.scores()
	r.ThirdMission = BinaryScores{ratio(tmTP, tmTP+tmFP), ratio(tmTP, tmTP+tmFN), round(f1(tmTP, tmFP, tmFN))}
	r.SDGs = SetScores{ratio(sTP, sPred), ratio(sTP, sGold), round(f1(sTP, sPred-sTP, sGold-sTP))}
	flag := func(name string) F1Only {
		c := r.Flags[name]
		if c[0]+c[1]+c[2] == 0 {
			return F1Only{}
		}
		v := round(f1(c[0], c[1], c[2]))
		return F1Only{&v}
	}
	r.CTA, r.Question, r.Story = flag("cta"), flag("question"), flag("story")
	return r
}
