package plan

import (
	"strings"
	"testing"

	"kopuro"
)

// fakeCat knows one day in one language.
type fakeCat map[string]string

func (c fakeCat) Has(lang, key string) bool { _, ok := c[lang+" "+key]; return ok }
func (c fakeCat) T(lang, key string, _ ...any) string {
	return c[lang+" "+key]
}

func TestTitleDaysAndEntries(t *testing.T) {
	days, err := BundledDays()
	if err != nil {
		t.Fatal(err)
	}
	ev := Calendar(at("2025-11-01"), at("2025-11-30"), days, nil, nil)
	ev = WithEntries(ev, []Entry{
		{ID: 7, Institution: "auca", Date: d("2025-11-20"), Rubric: "Impact Friday", Title: "Alumni story", Note: "photo"},
		{ID: 8, Institution: "knu", Date: d("2025-11-01"), Title: "Open day"},
	})
	TitleDays(ev, fakeCat{"ky day.world-philosophy-day": "Бүткүл дүйнөлүк философия күнү"}, "ky")
	var got []string
	for _, e := range ev {
		got = append(got, e.Start.String()+" "+e.Kind+" "+e.Title+" "+e.UID)
	}
	want := []string{
		"2025-11-01 entry Open day entry-8@kopuro",
		// No Kyrgyz title in the catalogue: the English name stays.
		"2025-11-10 international_day World Science Day for Peace and Development intl-2025-11-10-world-science-day-for-peace-and-development@kopuro",
		"2025-11-20 international_day Бүткүл дүйнөлүк философия күнү intl-2025-11-20-world-philosophy-day@kopuro",
		"2025-11-20 entry Alumni story entry-7@kopuro",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e := ev[3]; e.Institution != "auca" || e.Rubric != "Impact Friday" || e.Entry != 7 || e.Description != "photo" {
		t.Errorf("entry event = %+v", e)
	}
}

func TestEntryValidate(t *testing.T) {
	tests := []struct {
		e     Entry
		field string // "" when valid
	}{
		{Entry{Institution: "auca", Date: d("2025-11-20"), Title: " Story ", Platform: "Telegram"}, ""},
		{Entry{Institution: "AUCA!", Date: d("2025-11-20"), Title: "x"}, "institution"},
		{Entry{Institution: "auca", Date: d("2025-11"), Title: "x"}, "date"},
		{Entry{Institution: "auca", Date: d("2025-11-20"), Title: " "}, "title"},
		{Entry{Institution: "auca", Date: d("2025-11-20"), Title: "x", Rubric: strings.Repeat("ü", 101)}, "rubric"},
		{Entry{Institution: "auca", Date: d("2025-11-20"), Title: "x", Note: strings.Repeat("n", 2001)}, "note"},
		{Entry{Institution: "auca", Date: d("2025-11-20"), Title: "x", Platform: "myspace"}, "platform"},
	}
	for _, tt := range tests {
		err := tt.e.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v", tt.e, err)
		case tt.field != "" && (err == nil || kopuro.AsError(err).Field != tt.field):
			t.Errorf("%+v: %v, want an error in %s", tt.e, err, tt.field)
		}
	}
	e := tests[0].e
	e.Validate()
	if e.Title != "Story" || e.Platform != "telegram" {
		t.Errorf("not normalised: %+v", e)
	}
}
