package metrics

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	c, err := ReadIndexConfig(strings.NewReader(`{"id":"t","version":2,"min_coverage":0.5,"components":[
		{"metric":"tm_share","weight":3,"target":40},
		{"metric":"regularity_cv","weight":1,"target":0.5,"lower_is_better":true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		vals     map[string]Value
		v        float64
		p        Precision
		coverage float64
	}{
		// tm 20 of 40 → 50; cv 1.0 against 0.5 → 50.
		{"half", map[string]Value{TMShare: ExactValue(20), RegularityCV: ExactValue(1)}, 50, Exact, 1},
		// Both beyond their targets: capped at 100.
		{"capped", map[string]Value{TMShare: ExactValue(60), RegularityCV: ExactValue(0.25)}, 100, Exact, 1},
		// tm 10 → 25 (weight 3), cv 0.5 → 100 (weight 1): (75 + 100) / 4.
		{"weighted", map[string]Value{TMShare: ExactValue(10), RegularityCV: ExactValue(0.5)}, 43.75, Exact, 1},
		// Regularity missing: tm alone carries 3/4 of the weight.
		{"one missing", map[string]Value{TMShare: ExactValue(20), RegularityCV: Missing}, 50, Exact, 0.75},
		// tm missing: 1/4 of the weight is under min_coverage.
		{"too little", map[string]Value{RegularityCV: ExactValue(1)}, 0, None, 0.25},
		{"approx input", map[string]Value{TMShare: {V: 20, Prec: Approx}, RegularityCV: ExactValue(1)}, 50, Approx, 1},
	}
	for _, tt := range tests {
		r := c.Index(tt.vals)
		wantValue(t, tt.name, r.Value, tt.v, tt.p)
		if r.Coverage != tt.coverage || len(r.Components) != 2 || r.Version != 2 {
			t.Errorf("%s: coverage %v, %d components, version %d", tt.name, r.Coverage, len(r.Components), r.Version)
		}
	}
}

func TestIndexConfig(t *testing.T) {
	d := DefaultIndexConfig()
	sum := 0.0
	for _, k := range d.Components {
		sum += k.Weight
	}
	if d.ID != VisibilityIndex || sum < 0.999 || sum > 1.001 {
		t.Errorf("default index %s weights sum to %v, want 1", d.ID, sum)
	}
	for _, bad := range []string{
		`{}`,
		`{"id":"x","version":1,"components":[]}`,
		`{"id":"x","version":1,"components":[{"metric":"nope","weight":1,"target":1}]}`,
		`{"id":"x","version":1,"components":[{"metric":"tm_share","weight":0,"target":1}]}`,
		`{"id":"x","version":1,"components":[{"metric":"tm_share","weight":1,"target":1},{"metric":"tm_share","weight":1,"target":1}]}`,
		`{"id":"x","version":1,"components":[{"metric":"er_by_lang","weight":1,"target":1}]}`,
		`{"id":"x","version":1,"min_coverage":2,"components":[{"metric":"tm_share","weight":1,"target":1}]}`,
		`{"id":"x","version":1,"extra":1,"components":[{"metric":"tm_share","weight":1,"target":1}]}`,
	} {
		if _, err := ReadIndexConfig(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadIndexConfig(%s) accepted a bad configuration", bad)
		}
	}
}

func FuzzReadIndexConfig(f *testing.F) {
	f.Add(string(defaultIndex))
	f.Add(`{"id":"x","version":1,"components":[{"metric":"tm_share","weight":1,"target":1}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ReadIndexConfig(strings.NewReader(s))
		if err != nil {
			return
		}
		r := c.Index(map[string]Value{TMShare: ExactValue(10)})
		if r.Value.OK() && (r.Value.V < 0 || r.Value.V > 100) {
			t.Fatalf("index %v outside 0..100", r.Value.V)
		}
	})
}
