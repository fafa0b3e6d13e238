package report

// summary is the one-page report on one institution, for its rector: its
// line of Table 1, its scorecard against its peers, and what to do first.
func summary(m *Model, f fmtr) *Doc {
	in := m.Institutions[0]
	d := &Doc{Lang: f.lang, Title: f.t("report.summary.title", "Name", f.name(in)),
		Subtitle: f.t("report.subtitle", "Period", f.periodText(m.Period))}
	s := Section{ID: "summary", Heading: f.t("report.summary.heading")}
	s.Blocks = append(s.Blocks,
		para(versions(m, f)),
		table(Table1(m, f)), table(scorecardTable(m, f, in)), sub(f.t("report.summary.todo")))
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
