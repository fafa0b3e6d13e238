package report

import (
	"testing"

	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

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

// TestSummaryFollowersAddUpToTable1 checks that a one-university summary's
// followers are the sum of its Table 1 row for the same period: both take
// each account's newest figure dated before the period's end. KTMU has a
// figure of July 2025, after January–June, which the scorecard once
// took (34,677 where Table 1 adds up to 33,304).
func TestSummaryFollowersAddUpToTable1(t *testing.T) {
	m := fixtureModel(t, "manas")
	for _, lang := range []string{"ky", "ru", "en"} {
		f := fmtr{lang: lang, cat: cat}
		var row, card []Cell
		for _, b := range summary(m, f).Sections[0].Blocks {
			switch {
			case b.Table == nil:
			case b.Table.Sheet == "table1":
				row = b.Table.Rows[0][1:]
			case b.Table.Sheet == "card_manas":
				for _, r := range b.Table.Rows {
					if r[0].Text == f.t("report.metric."+metrics.Followers) {
						card = r
					}
				}
			}
		}
		if row == nil || card == nil {
			t.Fatalf("%s: the summary has no Table 1 row or no followers line", lang)
		}
		var sum int64
		for _, c := range row {
			if c.Num != nil {
				sum += int64(*c.Num)
			}
		}
		if want := i18n.FormatInt(lang, sum); sum != 33304 || card[1].Text != want {
			t.Errorf("%s: summary followers %q, Table 1 adds up to %q (want 33,304)", lang, card[1].Text, want)
		}
	}
}

// TestScorecardFollowersAreTable1 checks the same for every university of
// the report whose accounts are one per platform (Table 1 shows one
// account per platform, the scorecard adds up all of them).
func TestScorecardFollowersAreTable1(t *testing.T) {
	m := fixtureModel(t)
	compared := 0
	for _, r := range m.Audience.Rows {
		sc := m.Cards[r.Institution.Code]
		perPlatform := map[kopuro.Platform]int{}
		for _, a := range sc.Accounts {
			perPlatform[a.Platform]++
		}
		one := true
		for _, n := range perPlatform {
			one = one && n == 1
		}
		if !one {
			continue
		}
		compared++
		var sum int64
		known := false
		for _, c := range r.Cells {
			if c.HasSnapshot && c.Snapshot.Known() {
				sum += c.Snapshot.Value.N
				known = true
			}
		}
		got := sc.Values[metrics.Followers]
		if got.OK() != known || known && got.V != float64(sum) {
			t.Errorf("%s: scorecard followers %v, Table 1 adds up to %d (known: %v)", r.Institution.Code, got, sum, known)
		}
	}
	if compared < 10 {
		t.Errorf("only %d universities compared", compared)
	}
}
