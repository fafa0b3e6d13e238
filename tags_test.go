package kopuro

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// lowerTag must be strings.ToLower, only faster.
func FuzzLowerTag(f *testing.F) {
	for _, s := range []string{"ЫктыярчыКүнү", "SDG4", "ТӨМ", "İstanbul", "\u212Aelvin", "ΣΑΣ", "Ӏ", "já", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // tags are made of letters, digits and marks
		}
		if got, want := lowerTag(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerTag(%q) = %q, want %q", s, got, want)
		}
	})
}
