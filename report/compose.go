package report

import (
	"sort"
	"strings"

	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

// sections are the report's sections in order, as the study has them.
var sections = []struct {
	id    string
	build func(*Model, fmtr) []Block
}{
	{"intro", intro}, {"social", social}, {"content", content}, {"effect", effect},
	{"compare", compare}, {"gaps", gaps}, {"recommend", recommend}, {"methods", methods},
}

// SectionIDs lists the ids of the sections in order.
func SectionIDs() []string {
	out := make([]string, len(sections))
	for i, s := range sections {
		out[i] = s.id
	}
	return out
}

// Compose writes the model as a Doc in lang. With one institution the
// Doc is the one-page summary for its rector.
func Compose(m *Model, lang string, cat *i18n.Catalog) *Doc {
	f := fmtr{lang: lang, cat: cat}
	var d *Doc
	if len(m.Institutions) == 1 {
		d = summary(m, f)
	} else {
		d = full(m, f)
	}
	d.Meta = [][2]string{{f.t("report.meta.codebook"), m.CodebookVersion}, {f.t("report.meta.metrics"), m.MetricsVersion},
		{f.t("report.meta.generated"), i18n.FormatDay(f.lang, m.Generated)}}
	d.Words = map[string]string{}
	for _, w := range []string{"precision", "as_of", "source", "note"} {
		d.Words[w] = f.t("report.column." + w)
	}
	return d
}

func full(m *Model, f fmtr) *Doc {
	d := &Doc{Lang: f.lang, Title: f.t("report.title"), Subtitle: f.t("report.subtitle", "Period", f.periodText(m.Period))}
	for _, b := range sections {
		d.Sections = append(d.Sections, Section{ID: b.id, Heading: f.t("report." + b.id + ".heading"), Blocks: b.build(m, f)})
	}
	return d
}

func intro(m *Model, f fmtr) []Block {
	names := make([]string, len(m.Institutions))
	for i, in := range m.Institutions {
		names[i] = f.name(in)
	}
	b := []Block{
		para(f.t("report.intro.mission")),
		para(f.t("report.intro.scope", "Period", f.periodText(m.Period), "Count", len(m.Institutions), "Names", strings.Join(names, ", "))),
		para(versions(m, f, "report.intro.versions")),
	}
	t := &Table{Sheet: "sources", Caption: f.t("report.sources.caption"),
		Head: []string{f.t("report.sources.name"), f.t("report.sources.from"), f.t("report.sources.to"), f.t("report.sources.figures")}}
	for _, s := range m.Sources {
		name := s.Name
		if name == "" {
			name = f.t("report.sources.unknown")
		}
		t.Rows = append(t.Rows, []Cell{text(name), text(f.date(s.From)), text(f.date(s.To)), f.count(s.Figures)})
	}
	return append(b, table(t))
}

// versions is the sentence (catalogue key) that names the codebook and
// metric definitions the report follows, and its date.
func versions(m *Model, f fmtr, key string) string {
	return f.t(key, "Codebook", m.CodebookVersion, "Metrics", m.MetricsVersion, "Date", i18n.FormatDay(f.lang, m.Generated))
}

// Table1 is the study's Table 1 for the model: followers per platform
// with date, source and precision.
func Table1(m *Model, f fmtr) *Table {
	t := &Table{Sheet: "table1", Caption: f.t("report.table1.caption"), Note: f.t("report.table1.note", "None", f.none()),
		Head: []string{f.t("table.institution")}}
	for _, p := range m.Audience.Platforms {
		t.Head = append(t.Head, f.platform(p))
	}
	for _, r := range m.Audience.Rows {
		row := []Cell{text(f.name(r.Institution))}
		for _, c := range r.Cells {
			if c.HasSnapshot {
				row = append(row, f.snapshot(c.Snapshot))
			} else {
				row = append(row, Cell{Text: "—"})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	footnotes(t)
	return t
}

func social(m *Model, f fmtr) []Block {
	b := []Block{para(f.t("report.social.lead", "End", f.lastDay(m.Period))), table(Table1(m, f))}
	pres := &Table{Sheet: "presence", Caption: f.t("report.presence.caption"), Note: f.t("report.presence.note"), Head: []string{f.t("table.institution")}}
	for _, p := range m.Audience.Platforms {
		pres.Head = append(pres.Head, f.platform(p))
	}
	for _, r := range m.Audience.Rows {
		row := []Cell{text(f.name(r.Institution))}
		for _, c := range r.Cells {
			switch {
			case c.HasSnapshot && c.Snapshot.Known():
				row = append(row, text("●"))
			case c.Present:
				row = append(row, text("○"))
			default:
				row = append(row, text("–"))
			}
		}
		pres.Rows = append(pres.Rows, row)
	}
	b = append(b, table(pres), sub(f.t("report.leaders.heading")))
	for _, p := range m.Audience.Platforms {
		ch := &Chart{Sheet: "leaders_" + string(p), Title: f.t("report.leaders.chart", "Platform", f.platform(p)), Unit: f.t("metric." + string(p.AudienceMetric()))}
		for _, c := range m.Audience.Leaderboard(p) {
			if c.Snapshot.Known() {
				ch.Bars = append(ch.Bars, Bar{Label: f.name(c.Institution), Value: float64(c.Snapshot.Value.N), Text: f.snapshot(c.Snapshot).Text})
			}
		}
		if len(ch.Bars) > 0 {
			b = append(b, chartOf(ch))
		}
	}
	per := &Table{Sheet: "per1000", Caption: f.t("report.per1000.caption"), Head: []string{f.t("table.institution"), f.t("report.students")}}
	for _, p := range m.Audience.Platforms {
		per.Head = append(per.Head, f.platform(p))
	}
	for _, in := range m.Institutions {
		card := m.Cards[in.Code]
		st := Cell{Text: f.none(), Prec: "none"}
		if in.Students > 0 {
			st = f.count(int(in.Students))
		}
		row := []Cell{text(f.name(in)), st}
		for _, p := range m.Audience.Platforms {
			row = append(row, f.value(card.Platforms[p].PerStudents, 1, false))
		}
		per.Rows = append(per.Rows, row)
	}
	if anyStudents(m) {
		b = append(b, table(per))
	} else {
		// A table of no-data marks says less than one sentence.
		b = append(b, para(f.t("report.per1000.none")))
	}
	return append(b, sub(f.t("report.growth.heading")), para(growthLead(m, f)), table(growthTable(m, f)))
}

func anyStudents(m *Model) bool {
	for _, in := range m.Institutions {
		if in.Students > 0 {
			return true
		}
	}
	return false
}

// keyed is a table of a keyed breakdown: institutions × keys.
func keyed(m *Model, f fmtr, sheet, caption string, keys []string, label func(string) string, cell func(metrics.Scorecard, string) Cell) *Table {
	t := &Table{Sheet: sheet, Caption: caption, Head: []string{f.t("table.institution")}}
	for _, k := range keys {
		t.Head = append(t.Head, label(k))
	}
	for _, in := range m.Institutions {
		row := []Cell{text(f.name(in))}
		for _, k := range keys {
			if cell != nil {
				row = append(row, cell(m.Cards[in.Code], k))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// areaKeys and the others list breakdown keys in display order.
func areaKeys() []string {
	out := make([]string, len(kopuro.Areas))
	for i, a := range kopuro.Areas {
		out[i] = string(a)
	}
	return out
}

func categoryKeys() []string {
	out := make([]string, len(kopuro.Categories))
	for i, c := range kopuro.Categories {
		out[i] = string(c)
	}
	return out
}

// labelName is a category's or area's name from the codebook.
func labelName(m *Model, f fmtr) func(string) string {
	return func(id string) string {
		if l := m.Codebook.Area(id); l != nil {
			return l.Name.In(kopuro.Lang(f.lang))
		}
		if l := m.Codebook.Category(id); l != nil {
			return l.Name.In(kopuro.Lang(f.lang))
		}
		return id
	}
}

// sortedKeys lists the keys of a breakdown found in any scorecard.
func sortedKeys(m *Model, get func(metrics.Scorecard) []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, in := range m.Institutions {
		for _, k := range get(m.Cards[in.Code]) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Table1Values lists the figures of Table 1 as the report prints them in
// lang ("94 950", "~1 300", "<1 000", the no-data mark); tests look for
// them in every format.
func Table1Values(m *Model, lang string) []string {
	var out []string
	for _, r := range Table1(m, fmtr{lang: lang, cat: i18n.Embedded()}).Rows {
		for _, c := range r[1:] {
			if c.Prec != "" {
				out = append(out, c.Text)
			}
		}
	}
	return out
}
