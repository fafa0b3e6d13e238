package analyze

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"math"
)

// Model is a small calibration learned from labeled texts: two
// multinomial logistic regressions (category, and area among third-mission
// texts) over the lexicon scores of a text. The lexicons still find the
// evidence; the model learns how much each label's score is worth against
// the others, which hand-set priors only guess. It holds weights only,
// never texts. A model belongs to one codebook version: its features are
// that codebook's lexicon scores.
type Model struct {
	Codebook string  `json:"codebook"`
	Data     string  `json:"data"` // what it was trained on, and how it was validated
	Category Softmax `json:"category"`
	Area     Softmax `json:"area"`
}

// Softmax is a multinomial logistic regression.
type Softmax struct {
	Classes []string    `json:"classes"`
	Weights [][]float64 `json:"weights"` // per class: the bias, then one weight per feature
}

// Probs returns the probability of each class for features x.
func (s *Softmax) Probs(x []float64) []float64 {
	p := make([]float64, len(s.Classes))
	top := math.Inf(-1)
	for c, w := range s.Weights {
		z := w[0]
		for i, v := range x {
			if i+1 < len(w) {
				z += w[i+1] * v
			}
		}
		p[c] = z
		top = math.Max(top, z)
	}
	sum := 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - top)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p
}

// TrainSoftmax fits a multinomial logistic regression with L2 penalty l2
// (the bias is not penalised) by full-batch gradient descent from zero:
// deterministic, so training is reproducible. y holds class indices.
func TrainSoftmax(classes []string, x [][]float64, y []int, l2 float64, iters int) Softmax {
	k, d := len(classes), 0
	if len(x) > 0 {
		d = len(x[0])
	}
	w := make([][]float64, k)
	for c := range w {
		w[c] = make([]float64, d+1)
	}
	s := Softmax{Classes: classes, Weights: w}
	n := float64(len(x))
	const rate = 0.5
	grad := make([][]float64, k)
	for c := range grad {
		grad[c] = make([]float64, d+1)
	}
	for it := 0; it < iters && n > 0; it++ {
		for c := range grad {
			clear(grad[c])
		}
		for i, xi := range x {
			p := s.Probs(xi)
			for c := range p {
				g := p[c]
				if y[i] == c {
					g--
				}
				grad[c][0] += g
				for j, v := range xi {
					grad[c][j+1] += g * v
				}
			}
		}
		for c := range w {
			for j := range w[c] {
				g := grad[c][j] / n
				if j > 0 {
					g += l2 * w[c][j]
				}
				w[c][j] -= rate * g
			}
		}
	}
	return s
}

// features turns lexicon scores into the model's inputs: the log of each
// category's and each area's raw score, and the log length of the text.
func features(cats, areas []float64, ntok int) []float64 {
	x := make([]float64, 0, len(cats)+len(areas)+1)
	for _, c := range cats {
		x = append(x, math.Log1p(math.Max(c, 0)))
	}
	for _, a := range areas {
		x = append(x, math.Log1p(math.Max(a, 0)))
	}
	return append(x, math.Log1p(float64(ntok))/4)
}

// Features returns the model inputs of text (for training).
func (e *Engine) Features(text string) []float64 {
	s := e.pool.Get().(*scratch)
	defer e.pool.Put(s)
	s.tokenize(text, e.words)
	e.accumulate(s)
	areaSlot, sdgSlot, _ := slots(len(e.cb.Categories), len(e.cb.Areas))
	return features(s.score[:areaSlot], s.score[areaSlot:sdgSlot], len(s.toks))
}

//go:embed model.json
var modelJSON []byte

// DefaultModel returns the embedded model, or nil when none is embedded.
func DefaultModel() *Model {
	if len(bytes.TrimSpace(modelJSON)) == 0 {
		return nil
	}
	var m Model
	if err := json.Unmarshal(modelJSON, &m); err != nil {
		panic("analyze: embedded model.json: " + err.Error())
	}
	return &m
}
