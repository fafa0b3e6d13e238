package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"kopuro"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/store"
	"kopuro/store/storetest"
)

// The methods appendix reports coding agreement once two coders (here a
// person and a second person) coded the same posts: with the dashboard's
// words, per field, with kappa or its "undefined" mark.
func TestMethodsAgreement(t *testing.T) {
	db := fixtureStore(t)
	ctx := context.Background()
	// A second coder: agrees on the category of every post, gives no story.
	var second []kopuro.Coding
	err := db.EachPost(ctx, store.PostFilter{}, func(lp store.LabeledPost) error {
		if lp.Coding != nil {
			l := lp.Coding.Labels
			l.Story = false
			second = append(second, kopuro.Coding{PostID: lp.Post.ID, Coder: "second", Labels: l, At: storetest.Clock})
		}
		return nil
	})
	if err != nil || len(second) < 2 {
		t.Fatalf("%d coded posts, %v", len(second), err)
	}
	if err := db.SaveCodings(ctx, second); err != nil {
		t.Fatal(err)
	}
	p, _ := metrics.ParsePeriod("2025-01..2025-06")
	m, err := Build(ctx, db, Options{Period: p, Now: storetest.Clock, Insight: insight.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Agreement) != 1 || m.Agreement[0].Posts != len(second) {
		t.Fatalf("agreement pairs = %+v", m.Agreement)
	}
	for _, lang := range []string{"ky", "ru", "en"} {
		var b bytes.Buffer
		if err := Markdown(&b, Compose(m, lang, cat)); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		methods := md[strings.LastIndex(md, cat.T(lang, "report.methods.agreement")):]
		for _, want := range []string{cat.T(lang, "agreement.field.category"), cat.T(lang, "agreement.kappa"), "second", "tester"} {
			if !strings.Contains(methods, want) {
				t.Errorf("%s: the agreement appendix lacks %q", lang, want)
			}
		}
		if strings.Contains(methods, cat.T(lang, "report.methods.agreement_none")) {
			t.Errorf("%s: says no agreement was measured", lang)
		}
		// Same category everywhere: 100 % agreement on it.
		if !strings.Contains(methods, "| "+cat.T(lang, "agreement.field.category")+" | 100") {
			t.Errorf("%s: category agreement is not 100 %%:\n%s", lang, methods)
		}
	}
}
