package web

import (
	"strings"
	"testing"

	"kopuro/i18n"
	"kopuro/plan"
)

// TestEveryInternationalDayTitled requires a title in Kyrgyz, Russian and
// English for every day of data/international-days.csv, and no title for
// a day the file does not have.
func TestEveryInternationalDayTitled(t *testing.T) {
	cat := i18n.Embedded()
	days, err := plan.BundledDays()
	if err != nil || len(days) < 40 {
		t.Fatalf("%d days, %v", len(days), err)
	}
	known := map[string]bool{}
	for _, d := range days {
		if known[d.ID] {
			t.Errorf("two days share the id %q", d.ID)
		}
		known[d.ID] = true
		for _, lang := range i18n.Langs {
			if !cat.Has(lang, "day."+d.ID) || strings.TrimSpace(cat.T(lang, "day."+d.ID)) == "" {
				t.Errorf("%s (%s): no title in %s (key day.%s)", d.Name, d.Spec, lang, d.ID)
			}
		}
		// The translations are translations: Cyrillic, not the English name.
		for _, lang := range []string{"ky", "ru"} {
			if title := cat.T(lang, "day."+d.ID); title == d.Name || !strings.ContainsAny(title, "аеиоуыэюяөү") {
				t.Errorf("day.%s in %s is %q", d.ID, lang, title)
			}
		}
	}
	for _, lang := range i18n.Langs {
		for _, k := range cat.Keys(lang) {
			if id, ok := strings.CutPrefix(k, "day."); ok && !known[id] {
				t.Errorf("%s: key %s names no day of the data file", lang, k)
			}
		}
	}
}

// TestInternationalDaysInPageLanguage checks the titles where people see
// them: the month view, the JSON API and the iCalendar file.
func TestInternationalDaysInPageLanguage(t *testing.T) {
	s, _ := newTestServer(t)
	want := map[string]string{"ky": "Бүткүл дүйнөлүк философия күнү", "ru": "Всемирный день философии", "en": "World Philosophy Day"}
	for lang, title := range want {
		_, page := get(t, s, "/calendar?month=2025-11&lang="+lang)
		if !strings.Contains(page, title) {
			t.Errorf("%s month view lacks %q", lang, title)
		}
		_, js := get(t, s, "/api/v1/calendar?from=2025-11-01&to=2025-11-30&lang="+lang)
		if !strings.Contains(js, `"title":"`+title+`"`) || !strings.Contains(js, `"day":"world-philosophy-day"`) {
			t.Errorf("%s JSON lacks %q: %s", lang, title, js)
		}
		_, ics := get(t, s, "/api/v1/calendar?from=2025-11-01&to=2025-11-30&format=ics&lang="+lang)
		if unfolded := strings.ReplaceAll(ics, "\r\n ", ""); !strings.Contains(unfolded, "SUMMARY:"+title+"\r\n") {
			t.Errorf("%s ICS lacks %q:\n%s", lang, title, ics)
		}
	}
	// The month view's download link keeps the page language.
	_, page := get(t, s, "/calendar?month=2025-11&lang=ru")
	if !strings.Contains(page, "format=ics&amp;from=2025-11-01&amp;lang=ru") {
		t.Error("the ICS link does not carry the page language")
	}
}
