package analyze

import (
	"strings"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Stem returns the stem of a folded word in lang ("ky", "ru" or "en"); any
// other language returns the word unchanged. Russian and English use the
// Snowball stemmers; ё must already be folded to е (Fold does it).
func Stem(lang, w string) string {
	switch lang {
	case "ky":
		return StemKY(w)
	case "ru":
		if !isCyrillicWord(w) {
			return w
		}
		return russian.Stem(w, true)
	case "en":
		if !isASCIIWord(w) {
			return w
		}
		return english.Stem(w, true)
	}
	return w
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if r < 0x400 || r > 0x4FF {
			if r >= '0' && r <= '9' {
				continue
			}
			return false
		}
	}
	return w != ""
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'') {
			return false
		}
	}
	return strings.TrimSpace(w) != ""
}
