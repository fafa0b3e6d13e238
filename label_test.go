package kopuro

import "testing"

// TestLabelsHas: every name of LabelNames is recognised, and Has reads
// each kind from the right field.
func TestLabelsHas(t *testing.T) {
	l := &Labels{Category: ThirdMission, Area: CivicVolunteering, SDGs: []int{4}, Question: true}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"third_mission", true}, {"teaching", false},
		{"civic_volunteering", true}, {"lifelong_learning", false},
		{LabelQuestion, true}, {LabelCTA, false}, {LabelStory, false}, {LabelSDG, true},
		{"", false}, {"hashtag", false},
	} {
		if got := l.Has(tc.name); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.name, got, tc.want)
		}
		if IsLabel(tc.name) != (tc.name != "" && tc.name != "hashtag") {
			t.Errorf("IsLabel(%q) = %v", tc.name, IsLabel(tc.name))
		}
	}
	if len(LabelNames) != len(Categories)+len(Areas)+4 {
		t.Errorf("LabelNames = %v", LabelNames)
	}
	var none *Labels
	for _, n := range LabelNames {
		if none.Has(n) {
			t.Errorf("nil labels have %q", n)
		}
	}
	if (&Labels{SDGs: []int{}}).Has(LabelSDG) {
		t.Error("no SDG counts as one")
	}
}
