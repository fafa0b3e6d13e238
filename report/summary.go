package report

import "strings"

// summary is the one-page report on one institution, for its rector: its
// line of Table 1, its scorecard against its peers, and what to do first.
func summary(m *Model, f fmtr) *Doc {
	in := m.Institutions[0]
	d := &Doc{Lang: f.lang, Title: f.t("report.summary.title", "Name", f.name(in)),
		Subtitle: f.t("report.subtitle", "Period", f.periodText(m.Period))}
	s := Section{ID: "summary", Heading: f.t("report.summary.heading")}
	s.Blocks = append(s.Blocks,
		para(versions(m, f, "report.summary.versions")),
		table(Table1(m, f)), table(scorecardTable(m, f, in)),
		para(growthLine(m, f)), sub(f.t("report.summary.todo")))
	recs := fired(m, f, in.Code)
	if len(recs) == 0 {
		s.Blocks = append(s.Blocks, para(f.t("report.recommend.none")))
	}
	// A rector reads the three most urgent; the full report has the rest.
	if len(recs) > 3 {
		recs = recs[:3]
	}
	for _, r := range recs {
		s.Blocks = append(s.Blocks, para("• "+r))
	}
	d.Sections = []Section{s}
	return d
}

// growthLine is the growth table in one sentence, so that the summary
// stays on one page: "Instagram +10,500 (+15.0 %), Facebook N/A".
func growthLine(m *Model, f fmtr) string {
	var parts []string
	for _, r := range growthTable(m, f).Rows {
		part := r[1].Text + " " + r[4].Text
		if r[4].Num != nil && r[5].Num != nil {
			part += " (" + r[5].Text + ")"
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		parts = []string{f.none()}
	}
	return f.t("report.summary.growth", "PreviousEnd", f.lastDay(m.Period.Previous()), "End", f.lastDay(m.Period),
		"List", strings.Join(parts, ", "), "None", f.none())
}
