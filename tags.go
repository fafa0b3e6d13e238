package kopuro

import (
	"strings"
	"unicode"
)

// Hashtags returns the distinct hashtags of text, lower-cased, without "#",
// in order of first appearance. A hashtag is "#" followed by letters, digits
// or underscores, not preceded by a letter or digit (so "C#" is none).
func Hashtags(text string) []string { return tokensAfter(text, '#') }

// Mentions returns the distinct @-mentions of text, lower-cased, without
// "@". Dots are allowed inside (Instagram handles), not at the end, and an
// e-mail address is not a mention.
func Mentions(text string) []string { return tokensAfter(text, '@') }

func tokensAfter(text string, mark rune) []string {
	var out []string
	seen := map[string]bool{}
	rs := []rune(text)
	lastEnd := -1 // where the previous tag ended: "#a#b" is two tags
	for i := 0; i < len(rs); i++ {
		if rs[i] != mark || (i > 0 && isTagRune(rs[i-1]) && i != lastEnd) {
			continue
		}
		j := i + 1
		for j < len(rs) && (isTagRune(rs[j]) || (mark == '@' && rs[j] == '.' && j+1 < len(rs) && isTagRune(rs[j+1]))) {
			j++
		}
		if j == i+1 {
			continue
		}
		lastEnd = j
		tag := strings.ToLower(string(rs[i+1 : j]))
		if !seen[tag] && !allDigits(tag) {
			seen[tag] = true
			out = append(out, tag)
		}
		i = j - 1
	}
	return out
}

func isTagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
