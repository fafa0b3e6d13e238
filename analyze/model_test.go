package analyze

import (
	"slices"
	"strings"
	"testing"

	"kopuro"
	"kopuro/codebook"
)

func TestTrainSoftmax(t *testing.T) {
	// Three classes, each marked by one feature.
	x := [][]float64{{1, 0, 0}, {0.9, 0.1, 0}, {0, 1, 0}, {0.1, 0.8, 0}, {0, 0, 1}, {0, 0.2, 0.9}}
	y := []int{0, 0, 1, 1, 2, 2}
	s := TrainSoftmax([]string{"a", "b", "c"}, x, y, 0.001, 2000)
	for i, xi := range x {
		if got := argmax(s.Probs(xi)); got != y[i] {
			t.Errorf("row %d: class %d, want %d", i, got, y[i])
		}
	}
	again := TrainSoftmax([]string{"a", "b", "c"}, x, y, 0.001, 2000)
	if again.Weights[1][2] != s.Weights[1][2] {
		t.Error("training is not deterministic")
	}
	p := s.Probs([]float64{0.3, 0.3, 0.3})
	sum := p[0] + p[1] + p[2]
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("probabilities sum to %v", sum)
	}
}

// A model trained on our fixtures decides, and reports its probabilities.
func TestEngineWithModel(t *testing.T) {
	cb := codebook.Default()
	lex, err := NewWithModel(cb, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := readCases(t, "testdata/categories.jsonl")
	cats, areas := cb.CategoryIDs(), cb.AreaIDs()
	var cx, ax [][]float64
	var cy, ay []int
	for _, c := range cases {
		x := lex.Features(c.Text)
		cx, cy = append(cx, x), append(cy, slices.Index(cats, c.Category))
		if c.Area != "" {
			ax, ay = append(ax, x), append(ay, slices.Index(areas, c.Area))
		}
	}
	m := &Model{Codebook: cb.Version(), Category: TrainSoftmax(cats, cx, cy, 0.001, 3000), Area: TrainSoftmax(areas, ax, ay, 0.001, 3000)}
	e, err := NewWithModel(cb, m)
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for _, c := range cases {
		r := e.Analyze(c.Text)
		if _, ok := r.Scores.Get("p_" + c.Category); !ok {
			t.Fatalf("no model probabilities in %v", r.Scores)
		}
		if string(r.Category) == c.Category && (r.Category != kopuro.ThirdMission || string(r.Area) == c.Area) {
			right++
		}
	}
	if right < len(cases)*8/10 {
		t.Errorf("a model fitted on the fixtures gets only %d of %d right", right, len(cases))
	}

	bad := *m
	bad.Area.Classes = []string{"a", "b", "c", "d", "e"}
	if _, err := NewWithModel(cb, &bad); err == nil || !strings.Contains(err.Error(), "does not fit") {
		t.Errorf("mismatched model accepted: %v", err)
	}
}
