package kopuro

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"World Philosophy Day": "world-philosophy-day",
		"no data (under 500)":  "no-data-under-500",
		"  Impact Friday!  ":   "impact-friday",
		"SDG 4":                "sdg-4",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	// Without Latin letters or digits: a stable hash, different per name.
	a, b := Slug("--"), Slug("Жаңы жыл")
	if !strings.HasPrefix(a, "x") || len(a) != 9 || a == b || Slug("--") != a {
		t.Errorf("hash slugs %q, %q", a, b)
	}
}
