package report

import "testing"

// TestTable1AtPeriodEnd checks that Table 1 shows the newest figure
// recorded by the end of the report's period: KTMU's Instagram figure of
// July 2025 is left out of a report on January–June 2025.
func TestTable1AtPeriodEnd(t *testing.T) {
	m := fixtureModel(t)
	f := fmtr{lang: "en", cat: cat}
	t1 := Table1(m, f)
	for _, r := range t1.Rows {
		if r[0].Text != "KTMU" {
			continue
		}
		if got := r[1].Text + " " + r[1].AsOf; got != "19,627 February 2024" {
			t.Errorf("KTMU on Instagram: %q, want the figure of February 2024", got)
		}
		return
	}
	t.Error("no KTMU row")
}
