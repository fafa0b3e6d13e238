package report

import (
	"sort"

	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

func content(m *Model, f fmtr) []Block {
	name := labelName(m, f)
	b := []Block{para(f.t("report.content.lead"))}
	counts := keyed(m, f, "areas", f.t("report.areas.caption"), areaKeys(), name, nil)
	counts.Head = append(counts.Head, f.t("report.metric."+metrics.TMShare))
	mix := &Chart{Sheet: "content_mix", Title: f.t("report.mix.chart"), Unit: f.t("report.posts")}
	totals := map[kopuro.Area]int{}
	for i, in := range m.Institutions {
		row := []Cell{text(f.name(in))}
		for _, a := range kopuro.Areas {
			n := m.AreaPosts[in.Code][a]
			totals[a] += n
			row = append(row, f.count(n))
		}
		counts.Rows[i] = append(row, f.pct(m.Cards[in.Code].Values[metrics.TMShare]))
	}
	for _, a := range kopuro.Areas {
		mix.Bars = append(mix.Bars, Bar{Label: name(string(a)), Value: float64(totals[a]), Text: i18n.FormatInt(f.lang, int64(totals[a]))})
	}
	shares := keyed(m, f, "area_share", f.t("report.area_share.caption"), areaKeys(), name,
		func(c metrics.Scorecard, k string) Cell { return f.pct(c.Content.AreaShare[k]) })
	b = append(b, table(counts), chartOf(mix), table(shares), sub(f.t("report.examples.heading")))
	for _, a := range kopuro.Areas {
		top := m.Top[a]
		if len(top) == 0 {
			continue
		}
		b = append(b, para(name(string(a))+" — "+definition(m, f, a)))
		for _, p := range top {
			src := f.t("report.example.source", "Institution", instName(m, f, p.Institution), "Platform", f.platform(p.Platform), "ER", f.pct(p.ER).Text)
			b = append(b, Block{Example: &Example{Text: p.Text, URL: p.URL, Source: src}})
		}
	}
	return b
}

func definition(m *Model, f fmtr, a kopuro.Area) string {
	if l := m.Codebook.Area(string(a)); l != nil {
		return l.Definition.In(kopuro.Lang(f.lang))
	}
	return ""
}

func instName(m *Model, f fmtr, code string) string {
	for _, in := range m.All {
		if in.Code == code {
			return f.name(in)
		}
	}
	return code
}

func effect(m *Model, f fmtr) []Block {
	name := labelName(m, f)
	er := func(dim string) func(metrics.Scorecard, string) Cell {
		return func(c metrics.Scorecard, k string) Cell { return f.value(c.Engagement.By[dim][k].Median, 2, true) }
	}
	formats := sortedKeys(m, func(c metrics.Scorecard) []string { return mapKeys(c.Engagement.By[metrics.DimFormat]) })
	langs := sortedKeys(m, func(c metrics.Scorecard) []string { return mapKeys(c.Engagement.By[metrics.DimLang]) })
	b := []Block{
		para(f.t("report.effect.lead")),
		table(keyed(m, f, "er_category", f.t("report.er_category.caption"), categoryKeys(), name, er(metrics.DimCategory))),
		table(keyed(m, f, "er_area", f.t("report.er_area.caption"), areaKeys(), name, er(metrics.DimArea))),
	}
	// The chart pools the posts of every reported university: per area the
	// median of the per-post ER, the same rates as the table's.
	ch := &Chart{Sheet: "er_area_chart", Title: f.t("report.er_area.chart"), Unit: f.t("report.er_area.unit"), Note: f.t("report.er_area.chart_note")}
	for _, a := range kopuro.Areas {
		if g := m.Pooled.By[metrics.DimArea][string(a)]; g.Median.OK() {
			ch.Bars = append(ch.Bars, Bar{Label: name(string(a)), Value: g.Median.V, Text: f.value(g.Median, 2, true).Text})
		}
	}
	if len(ch.Bars) > 0 {
		b = append(b, chartOf(ch))
	}
	if len(formats) > 0 {
		b = append(b, table(keyed(m, f, "er_format", f.t("report.er_format.caption"), formats, formatName(f), er(metrics.DimFormat))))
	}
	if len(langs) > 0 {
		b = append(b, table(keyed(m, f, "er_lang", f.t("report.er_lang.caption"), langs, langName(f), er(metrics.DimLang))))
	}
	lm := &Chart{Sheet: "lang_mix", Title: f.t("report.langmix.chart"), Unit: f.t("report.posts")}
	for _, l := range []kopuro.Lang{kopuro.KY, kopuro.RU, kopuro.EN, kopuro.LangMixed, kopuro.LangOther} {
		if n := m.LangPosts[l]; n > 0 {
			lm.Bars = append(lm.Bars, Bar{Label: langName(f)(string(l)), Value: float64(n), Text: i18n.FormatInt(f.lang, int64(n))})
		}
	}
	if len(lm.Bars) > 0 {
		b = append(b, chartOf(lm))
	}
	dialog := []string{metrics.QuestionShare, metrics.CTAShare, metrics.StoryShare, metrics.ResponseRate, metrics.PostResponseRate, metrics.ResponseTimeMedian}
	b = append(b, para(f.t("report.dialog.lead")),
		table(keyed(m, f, "dialog", f.t("report.dialog.caption"), dialog, metricName(f),
			func(c metrics.Scorecard, k string) Cell { return f.unitCell(k, c.Values[k]) })))
	lifts := []string{"question", "cta", "story", "third_mission", "video", "english"}
	b = append(b, para(f.t("report.lift.lead")),
		table(keyed(m, f, "er_lift", f.t("report.lift.caption"), lifts, func(k string) string { return f.t("report.lift." + k) },
			func(c metrics.Scorecard, k string) Cell { return f.value(c.Engagement.Lift[k].Ratio, 2, false) })))
	return b
}

func metricName(f fmtr) func(string) string {
	return func(id string) string { return f.t("report.metric." + id) }
}

// formatName is a post format's name as the posts explorer writes it;
// a format the catalogue does not know keeps its id.
func formatName(f fmtr) func(string) string {
	return func(id string) string {
		if key := "explorer.format." + id; f.cat.Has(f.lang, key) {
			return f.t(key)
		}
		return id
	}
}

func langName(f fmtr) func(string) string {
	return func(l string) string { return f.t("report.lang." + l) }
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
