package report

import (
	"fmt"
	"strings"

	"kopuro"
	"kopuro/advise"
	"kopuro/codebook"
	"kopuro/insight"
	"kopuro/metrics"
)

// cardMetrics are the scorecard figures the comparison and the
// per-institution pages show.
var cardMetrics = []string{metrics.Followers, metrics.PostsPerWeek, metrics.ERMedian, metrics.TMShare, metrics.StoryShare, metrics.ResponseRate, metrics.VisibilityIndex}

func compare(m *Model, f fmtr) []Block {
	b := []Block{para(f.t("report.compare.lead"))}
	t := &Table{Sheet: "peers", Caption: f.t("report.peers.caption"), Head: []string{f.t("report.peers.group"), f.t("report.peers.members")}}
	for _, id := range cardMetrics[1:] {
		t.Head = append(t.Head, f.t("report.metric."+id))
	}
	groups := map[kopuro.InstitutionType][]kopuro.Institution{}
	var order []kopuro.InstitutionType
	for _, in := range m.Institutions {
		if _, ok := groups[in.Type]; !ok {
			order = append(order, in.Type)
		}
		groups[in.Type] = append(groups[in.Type], in)
	}
	for _, ty := range order {
		label := f.t("report.peers.untyped")
		if ty != "" {
			label = f.t("type." + string(ty))
		}
		var names []string
		for _, in := range groups[ty] {
			names = append(names, f.name(in))
		}
		row := []Cell{text(label), text(strings.Join(names, ", "))}
		for _, id := range cardMetrics[1:] {
			var vs []metrics.Value
			for _, in := range groups[ty] {
				if v := m.Cards[in.Code].Values[id]; v.OK() {
					vs = append(vs, v)
				}
			}
			row = append(row, f.unitCell(id, metrics.Median(vs)))
		}
		t.Rows = append(t.Rows, row)
	}
	b = append(b, table(t))
	var abroad []string
	for _, in := range m.Institutions {
		if in.Country != "" && in.Country != "KG" {
			abroad = append(abroad, f.name(in)+" ("+in.Country+")")
		}
	}
	if len(abroad) == 0 {
		return append(b, para(f.t("report.compare.no_abroad")))
	}
	return append(b, para(f.t("report.compare.abroad", "Names", strings.Join(abroad, ", "))))
}

func gaps(m *Model, f fmtr) []Block {
	t := &Table{Sheet: "gaps", Caption: f.t("report.gaps.caption"),
		Head: []string{f.t("report.gaps.rule"), f.t("report.gaps.count"), f.t("report.gaps.institutions")}}
	for _, id := range advise.RuleIDs {
		var names []string
		for _, in := range m.Institutions {
			for _, r := range m.Advice[in.Code].Recommendations {
				if r.ID == id && r.Fired {
					names = append(names, f.name(in))
				}
			}
		}
		t.Rows = append(t.Rows, []Cell{text(f.t("advise." + id + ".title")), f.count(len(names)), text(strings.Join(names, ", "))})
	}
	return []Block{para(f.t("report.gaps.lead")), table(t)}
}

// scorecardTable is one institution's key figures with its peers' median.
func scorecardTable(m *Model, f fmtr, in kopuro.Institution) *Table {
	t := &Table{Sheet: "card_" + in.Code, Caption: f.t("report.card.caption", "Name", f.name(in)),
		Head: []string{f.t("report.card.metric"), f.t("report.card.value"), f.t("report.card.peers")}}
	peers := insight.Peers(in, m.All)
	for _, id := range cardMetrics {
		var vs []metrics.Value
		for _, p := range peers {
			if c, ok := m.Cards[p.Code]; ok && c.Values[id].OK() {
				vs = append(vs, c.Values[id])
			}
		}
		t.Rows = append(t.Rows, []Cell{text(f.t("report.metric." + id)), f.unitCell(id, m.Cards[in.Code].Values[id]), f.unitCell(id, metrics.Median(vs))})
	}
	return t
}

// fired renders an institution's fired recommendations in f's language.
func fired(m *Model, f fmtr, code string) []string {
	a := m.Advice[code]
	a.Recommendations = append([]advise.Recommendation(nil), a.Recommendations...)
	advise.Render(&a, f.cat, f.lang)
	var out []string
	for _, r := range a.Recommendations {
		if r.Fired {
			out = append(out, f.t("advise."+r.ID+".title")+": "+r.Text)
		}
	}
	return out
}

func recommend(m *Model, f fmtr) []Block {
	b := []Block{para(f.t("report.recommend.lead"))}
	for _, in := range m.Institutions {
		b = append(b, sub(f.name(in)), table(scorecardTable(m, f, in)))
		recs := fired(m, f, in.Code)
		if len(recs) == 0 {
			b = append(b, para(f.t("report.recommend.none")))
		}
		for _, r := range recs {
			b = append(b, para("• "+r))
		}
	}
	return b
}

func methods(m *Model, f fmtr) []Block {
	b := []Block{para(f.t("report.methods.lead", "Codebook", m.CodebookVersion, "Metrics", m.MetricsVersion)), sub(f.t("report.methods.codebook"))}
	cb := &Table{Sheet: "codebook", Caption: f.t("report.methods.codebook_caption", "Version", m.CodebookVersion),
		Head: []string{f.t("report.methods.label"), f.t("report.methods.definition")}}
	for _, l := range append(append([]labelDef{}, labels(m.Codebook.Categories)...), labels(m.Codebook.Areas)...) {
		cb.Rows = append(cb.Rows, []Cell{text(l.Name.In(kopuro.Lang(f.lang))), text(l.Definition.In(kopuro.Lang(f.lang)))})
	}
	reg := &Table{Sheet: "metrics", Caption: f.t("report.methods.metrics_caption", "Version", m.MetricsVersion),
		Head: []string{f.t("report.methods.id"), f.t("report.methods.version"), f.t("report.methods.unit"), f.t("report.methods.formula"), f.t("report.methods.aggregation")}}
	for _, d := range metrics.Registry {
		reg.Rows = append(reg.Rows, []Cell{text(d.ID), f.count(d.Version), text(f.t("metrics.unit." + d.Unit)),
			text(f.t("metrics.def." + d.ID + ".formula")), text(f.t("metrics.def." + d.ID + ".aggregation"))})
	}
	b = append(b, table(cb), sub(f.t("report.methods.formulas")), para(f.t("report.methods.formulas_note", "Version", m.MetricsVersion)), table(reg),
		sub(f.t("report.methods.agreement")))
	return append(b, agreementBlocks(m, f)...)
}

// agreementBlocks is the coding-agreement part of the methods: one table
// for every pair of coders (the machine among them), with the same
// wording as the dashboard's agreement page.
func agreementBlocks(m *Model, f fmtr) []Block {
	if len(m.Agreement) == 0 {
		return []Block{para(f.t("report.methods.agreement_none"))}
	}
	b := []Block{para(f.t("agreement.lead"))}
	coder := func(c string) string {
		if c == "" {
			return f.t("agreement.machine")
		}
		return c
	}
	for i, p := range m.Agreement {
		t := &Table{Sheet: fmt.Sprintf("agreement-%d", i+1),
			Caption: coder(p.A) + " — " + coder(p.B) + " · " + f.t("agreement.posts", "Count", p.Posts),
			Head:    []string{f.t("agreement.field"), f.t("agreement.percent"), f.t("agreement.kappa")}}
		for _, fs := range p.Fields {
			name := f.t("agreement.field." + fs.Field)
			if g, ok := strings.CutPrefix(fs.Field, "sdg_"); ok {
				name = f.t("explorer.sdg_n", "N", g)
			}
			kappa := text(f.t("agreement.kappa_undefined"))
			if fs.KappaDefined() {
				kappa = f.value(metrics.Value{V: fs.Kappa, Prec: metrics.Exact}, 2, false)
			}
			t.Rows = append(t.Rows, []Cell{text(name), f.pct(metrics.Value{V: 100 * fs.Agreement, Prec: metrics.Exact}), kappa})
		}
		b = append(b, table(t))
	}
	return b
}

type labelDef struct {
	Name, Definition kopuro.Text
}

func labels(ls []codebook.Label) []labelDef {
	out := make([]labelDef, len(ls))
	for i, l := range ls {
		out[i] = labelDef{l.Name, l.Definition}
	}
	return out
}
