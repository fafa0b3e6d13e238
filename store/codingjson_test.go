package store

import (
	"encoding/json"
	"math"
	"testing"

	"kopuro"
)

// marshalled is what the store wrote before it had its own encoders.
func marshalled(v any, empty bool) string {
	if empty {
		return ""
	}
	j, _ := json.Marshal(v)
	return string(j)
}

func TestScoresJSONMatchesMarshal(t *testing.T) {
	tests := []map[string]float64{
		nil,
		{},
		{"research": 0.5},
		{"b": 1, "a": -2.25, "c": 0},
		{"tiny": 1e-7, "small": 0.000001, "huge": 1e21, "big": 1e20, "neg": -3.5e-9, "third": 1.0 / 3},
		{"<&>\"\\\n\t\b\f\x01\u2028\u2029й": 0.1, "\xff\xfe": 2},
		{"nan": math.NaN()},
		{"inf": math.Inf(1)},
	}
	for _, sc := range tests {
		if got, want := scoresJSON(sc), marshalled(sc, len(sc) == 0); got != want {
			t.Errorf("scoresJSON(%v) = %q, want %q", sc, got, want)
		}
	}
}

func TestEvidenceJSONMatchesMarshal(t *testing.T) {
	tests := [][]kopuro.Evidence{
		nil,
		{},
		{{Label: "category:research", Term: "лаборатория", Start: 3, End: 14, Weight: 1.5}},
		{{Label: "a", Term: "x<y>&\"z\"", Start: 0, End: 0}, {Label: "", Term: "\x00\x1f\u2029\xc3", Start: -1, End: 1 << 40, Weight: -1e-9}},
		{{Label: "w", Weight: math.Inf(-1)}},
	}
	for _, ev := range tests {
		if got, want := evidenceJSON(ev), marshalled(ev, len(ev) == 0); got != want {
			t.Errorf("evidenceJSON(%v) = %q, want %q", ev, got, want)
		}
	}
}

func FuzzCodingJSON(f *testing.F) {
	f.Add("research", "лаборатория <b>", 0.5, 3, 14)
	f.Add("\u2028", "\xff&", 1e-7, -1, 0)
	f.Add("", "", 1e21, 0, 0)
	f.Fuzz(func(t *testing.T, label, term string, w float64, start, end int) {
		sc := map[string]float64{label: w, term: -w}
		if got, want := scoresJSON(sc), marshalled(sc, false); got != want {
			t.Fatalf("scoresJSON(%v) = %q, want %q", sc, got, want)
		}
		ev := []kopuro.Evidence{{Label: label, Term: term, Start: start, End: end, Weight: w}, {Label: term, Term: label}}
		if got, want := evidenceJSON(ev), marshalled(ev, false); got != want {
			t.Fatalf("evidenceJSON(%v) = %q, want %q", ev, got, want)
		}
	})
}

// benchCoding is shaped like a machine coding: 18 scores, 5 evidence.
func benchCoding() (map[string]float64, []kopuro.Evidence) {
	sc := map[string]float64{}
	for i, k := range []string{"announcement", "civic_volunteering", "community_engagement", "contextual", "cta", "entrepreneurship_innovation",
		"institutional", "lifelong_learning", "partnership_regional", "question", "research", "sdg1", "sdg10", "sdg16", "sdg3", "story", "teaching", "third_mission"} {
		sc[k] = float64(i%4) * 0.75
	}
	ev := []kopuro.Evidence{{Label: "civic_volunteering", Term: "юридическ* клиник*", Start: 35, End: 54, Weight: 3.75},
		{Label: "sdg3", Term: "клиник*", Start: 47, End: 54, Weight: 2.25}, {Label: "civic_volunteering", Term: "уборк*", Start: 85, End: 91, Weight: 3},
		{Label: "civic_volunteering", Term: "осведомленност*", Start: 93, End: 108, Weight: 3}, {Label: "civic_volunteering", Term: "жашыл*", Start: 158, End: 169, Weight: 1.5}}
	return sc, ev
}

func BenchmarkCodingJSON(b *testing.B) {
	sc, ev := benchCoding()
	b.Run("hand", func(b *testing.B) {
		for b.Loop() {
			_, _ = scoresJSON(sc), evidenceJSON(ev)
		}
	})
	b.Run("marshal", func(b *testing.B) {
		for b.Loop() {
			_, _ = marshalled(sc, false), marshalled(ev, false)
		}
	})
}
