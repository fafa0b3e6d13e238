package report

import (
	"testing"

	"kopuro/metrics"
)

// TestMethodsFormulasInEveryLanguage keeps the catalogues' formulas in
// step with the registry: the English text is the registry's own, and
// Kyrgyz and Russian have a translation of every formula, aggregation and
// unit (a registry change fails here until all three are updated).
func TestMethodsFormulasInEveryLanguage(t *testing.T) {
	for _, d := range metrics.Registry {
		for _, part := range []struct{ key, en string }{
			{"metrics.def." + d.ID + ".formula", d.Formula},
			{"metrics.def." + d.ID + ".aggregation", d.Aggregation},
		} {
			if got := cat.T("en", part.key); got != part.en {
				t.Errorf("en %s = %q, want the registry's %q", part.key, got, part.en)
			}
			for _, lang := range []string{"ky", "ru"} {
				if !cat.Has(lang, part.key) {
					t.Errorf("%s: no %s", lang, part.key)
				} else if cat.T(lang, part.key) == part.en {
					t.Errorf("%s %s is the English text", lang, part.key)
				}
			}
		}
		for _, lang := range []string{"ky", "ru", "en"} {
			if !cat.Has(lang, "metrics.unit."+d.Unit) {
				t.Errorf("%s: no name for the unit %s", lang, d.Unit)
			}
		}
	}
}
