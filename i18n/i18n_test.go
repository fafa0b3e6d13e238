package i18n

import (
	"testing"
	"time"
)

// Every key must exist in all three languages: Kyrgyz, Russian and English
// are equals, and a missing translation is a bug, not a fallback.
func TestCataloguesComplete(t *testing.T) {
	c := Embedded()
	all := map[string]bool{}
	for _, l := range Langs {
		for _, k := range c.Keys(l) {
			all[k] = true
		}
	}
	if len(all) == 0 {
		t.Fatal("no catalogue keys loaded")
	}
	for k := range all {
		for _, l := range Langs {
			if !c.Has(l, k) {
				t.Errorf("key %q missing in %s", k, l)
			}
		}
	}
}

func TestPluralAndPlaceholders(t *testing.T) {
	c := &Catalog{msgs: map[string]map[string]message{
		"ru": {"n": {plural: map[string]string{"one": "{Count} пост", "few": "{Count} поста", "many": "{Count} постов"}}},
		"en": {"n": {plural: map[string]string{"one": "{Count} post", "other": "{Count} posts"}}, "hi": {text: "Hi, {Name}!"}},
		"ky": {},
	}}
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"ru", "n", []any{"Count", 1}, "1 пост"},
		{"ru", "n", []any{"Count", 3}, "3 поста"},
		{"ru", "n", []any{"Count", 11}, "11 постов"},
		{"ru", "n", []any{"Count", 22}, "22 поста"},
		{"ru", "n", []any{"Count", 1500}, "1\u202f500 постов"},
		{"en", "n", []any{"Count", 1}, "1 post"},
		{"en", "n", []any{"Count", 2000}, "2,000 posts"},
		{"ky", "hi", []any{"Name", "Айгүл"}, "Hi, Айгүл!"}, // falls back to English
		{"en", "hi", nil, "Hi, {Name}!"},                   // unknown placeholder kept visible
		{"en", "nope", nil, "!nope"},
	}
	for _, tt := range tests {
		if got := c.T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s,%s,%v) = %q, want %q", tt.lang, tt.key, tt.args, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatInt("en", 94950), "94,950"},
		{FormatInt("ky", 94950), "94\u202f950"},
		{FormatInt("ru", 1234567), "1\u202f234\u202f567"},
		{FormatInt("en", 950), "950"},
		{FormatInt("en", -1000), "-1,000"},
		{FormatFloat("en", 1234.567, 2), "1,234.57"},
		{FormatFloat("ru", 3.14159, 1), "3,1"},
		{FormatFloat("en", -0.04, 1), "0.0"},
		{FormatPercent("ky", 12.345), "12,3\u202f%"},
		{FormatMonth("ky", 2024, time.February), "2024-ж. февраль"},
		{FormatMonth("ru", 2024, time.February), "февраль 2024"},
		{FormatMonth("en", 2024, time.February), "February 2024"},
		{FormatDay("ru", time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)), "15 июня 2025"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
