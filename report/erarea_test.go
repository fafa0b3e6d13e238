package report

import (
	"math"
	"testing"

	"kopuro"
	"kopuro/metrics"
)

// TestERByAreaChartPoolsPosts checks that the chart's bar for an area is
// the median of the per-post rates of all the universities' posts of the
// area, not the median of the universities' medians.
func TestERByAreaChartPoolsPosts(t *testing.T) {
	m := fixtureModel(t)
	f := fmtr{lang: "en", cat: cat}
	area := kopuro.CommunityEngagement
	var posts, medians []metrics.Value
	for _, p := range m.Top[area] {
		posts = append(posts, p.ER)
	}
	for _, in := range m.Institutions {
		if v := m.Cards[in.Code].Engagement.By[metrics.DimArea][string(area)].Median; v.OK() {
			medians = append(medians, v)
		}
	}
	if len(posts) != 3 || len(medians) != 2 {
		t.Fatalf("fixture: %d community posts with a rate, %d universities; want 3 and 2", len(posts), len(medians))
	}
	want, notWant := metrics.Median(posts), metrics.Median(medians)
	if math.Abs(want.V-notWant.V) < 1e-9 {
		t.Fatal("fixture: the pooled median equals the median of medians; the test would prove nothing")
	}
	var chart *Chart
	for _, b := range effect(m, f) {
		if b.Chart != nil && b.Chart.Sheet == "er_area_chart" {
			chart = b.Chart
		}
	}
	if chart == nil {
		t.Fatal("no ER by area chart")
	}
	name := labelName(m, f)(string(area))
	for _, bar := range chart.Bars {
		if bar.Label == name {
			if math.Abs(bar.Value-want.V) > 1e-9 {
				t.Errorf("bar = %v, want the pooled median %v (median of medians: %v)", bar.Value, want.V, notWant.V)
			}
			if chart.Note == "" {
				t.Error("the chart does not state what it measures")
			}
			return
		}
	}
	t.Errorf("no bar for %s", name)
}
