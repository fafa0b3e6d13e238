package report

import (
	"kopuro/i18n"
	"kopuro/metrics"
)

// lastDay writes the last day of p ("30 June 2025").
func (f fmtr) lastDay(p metrics.Period) string {
	return i18n.FormatDay(f.lang, p.To.AddDate(0, 0, -1))
}

// growthTable is audience growth since the previous period: for each
// account of Table 1, its newest figure before the end of the previous
// period of equal length, its newest before the end of the report's
// period, and the growth between them, absolute and in percent. A figure
// or a growth that cannot be known is the no-data mark, never 0.
func growthTable(m *Model, f fmtr) *Table {
	t := &Table{Sheet: "growth", Caption: f.t("report.growth.caption"),
		Head: []string{f.t("table.institution"), f.t("report.growth.platform"), f.t("report.growth.previous"),
			f.t("report.growth.current"), f.t("report.metric." + metrics.FollowersChange), f.t("report.metric." + metrics.FollowersChangePct)}}
	for _, r := range m.Audience.Rows {
		card := m.Cards[r.Institution.Code]
		for _, c := range r.Cells {
			if !c.HasSnapshot {
				continue
			}
			ch := metrics.Change{Previous: metrics.Point{Value: metrics.Missing}, Current: metrics.Point{Value: metrics.Missing},
				Absolute: metrics.Missing, Relative: metrics.Missing}
			key := metrics.AccountKey(c.Account)
			for _, ac := range card.Accounts {
				if ac.Key == key {
					ch = ac.Change
				}
			}
			t.Rows = append(t.Rows, []Cell{text(f.name(r.Institution)), text(f.platform(c.Platform)),
				f.point(ch.Previous), f.point(ch.Current), f.signed(ch.Absolute, 0, false), f.signed(ch.Relative, 1, true)})
		}
	}
	return t
}

// growthLead says which two moments growth compares.
func growthLead(m *Model, f fmtr) string {
	prev := m.Period.Previous()
	return f.t("report.growth.lead", "End", f.lastDay(m.Period), "PreviousEnd", f.lastDay(prev), "Previous", f.periodText(prev), "None", f.none())
}

// point is an audience figure with its date and source, as in Table 1.
func (f fmtr) point(p metrics.Point) Cell {
	c := f.value(p.Value, 0, false)
	if p.Value.OK() {
		c.AsOf, c.Source = f.date(p.AsOf), p.Source
	}
	return c
}

// signed is a growth: a plus sign before a rise, after the precision mark
// ("~+200", ">+400").
func (f fmtr) signed(v metrics.Value, decimals int, percent bool) Cell {
	c := f.value(v, decimals, percent)
	if v.OK() && v.V > 0 {
		m := mark(string(v.Prec))
		c.Text = m + "+" + c.Text[len(m):]
	}
	return c
}
