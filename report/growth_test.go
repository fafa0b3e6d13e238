package report

import "testing"

// TestGrowthSincePrevious checks the growth table against the fixture
// snapshots: the report covers 2025-01..2025-06, so growth runs from the
// newest figure of 2024 or earlier to the newest of the first half of 2025.
func TestGrowthSincePrevious(t *testing.T) {
	m := fixtureModel(t)
	f := fmtr{lang: "en", cat: cat}
	rows := map[string][]Cell{}
	for _, r := range growthTable(m, f).Rows {
		rows[r[0].Text+"/"+r[1].Text] = r
	}
	tests := []struct {
		row                 string
		prev, cur, abs, rel string
		absPrec             string
	}{
		{"AUCA/Instagram", "70,000", "80,500", "+10,500", "+15.0\u202f%", "exact"},
		{"AUCA/Facebook", "79,000", "78,068", "-932", "-1.2\u202f%", "exact"},
		{"KNU/Instagram", "~1,300", "~1,500", "~+200", "~+15.4\u202f%", "approx"},
		{"OshSU/Instagram", "<1,000", "1,400", ">+400", ">+40.0\u202f%", "above"},
		// The previous figure is "no data": growth stays unknown.
		{"KSTU/Instagram", "N/A", "500", "N/A", "N/A", "none"},
		// Nothing new in the period (the July figure lies after it).
		{"KTMU/Instagram", "19,627", "19,627", "N/A", "N/A", "none"},
		{"AUCA/YouTube", "N/A", "805", "N/A", "N/A", "none"},
	}
	for _, tt := range tests {
		r, ok := rows[tt.row]
		if !ok {
			t.Errorf("%s: no row", tt.row)
			continue
		}
		got := []string{r[2].Text, r[3].Text, r[4].Text, r[5].Text}
		want := []string{tt.prev, tt.cur, tt.abs, tt.rel}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: column %d = %q, want %q", tt.row, i+3, got[i], want[i])
			}
		}
		if r[4].Prec != tt.absPrec {
			t.Errorf("%s: growth precision %q, want %q", tt.row, r[4].Prec, tt.absPrec)
		}
		if tt.absPrec == "none" && r[4].Num != nil {
			t.Errorf("%s: a missing growth has a number", tt.row)
		}
	}
}
