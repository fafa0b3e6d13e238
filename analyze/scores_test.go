package analyze

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
)

// A result's Scores hold exactly the keys the engine set, read back as a
// map would give them, and survive the classify JSON unchanged.
func TestScores(t *testing.T) {
	e := newEngine(t)
	r := e.Analyze("Студенты-волонтеры провели субботник в парке. #SDG11")
	m := r.Scores.Map()
	if len(m) != r.Scores.Len() || len(m) < len(e.cb.Categories)+len(e.cb.Areas)+len(e.cb.Styles) {
		t.Fatalf("%d scores, Len %d", len(m), r.Scores.Len())
	}
	if _, ok := m["sdg11"]; !ok {
		t.Errorf("no sdg11 score in %v", m)
	}
	for k, v := range m {
		if got, ok := r.Scores.Get(k); !ok || got != v || r.Scores.Value(k) != v {
			t.Errorf("%s: Get %v %v, Value %v, want %v", k, got, ok, r.Scores.Value(k), v)
		}
	}
	// Only SDGs the text scored are reported: sdg16 (peace, justice) has
	// no word here, and no SDG is listed at 0.
	if v, ok := r.Scores.Get("sdg16"); ok {
		t.Errorf("sdg16 reported (%v) for a text without its words", v)
	}
	for k, v := range m {
		if strings.HasPrefix(k, "sdg") && v == 0 {
			t.Errorf("%s reported with no score", k)
		}
	}
	if _, ok := r.Scores.Get("nope"); ok || r.Scores.Value("nope") != 0 {
		t.Errorf("an unknown key has a score")
	}
	if got, want := r.Scores.String(), fmt.Sprint(m); got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(back.Scores.Map(), m) {
		t.Errorf("read back %v, want %v", back.Scores, m)
	}
	if (Result{}).Scores.Len() != 0 || len(Result{}.Scores.Map()) != 0 {
		t.Errorf("a zero result has scores")
	}
}
