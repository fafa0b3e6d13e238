package kopuro

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hashtags returns the distinct hashtags of text, lower-cased, without "#",
// in order of first appearance. A hashtag is "#" followed by letters, digits
// or underscores, not preceded by a letter or digit (so "C#" is none).
func Hashtags(text string) []string { return tokensAfter(text, '#') }

// Mentions returns the distinct @-mentions of text, lower-cased, without
// "@". Dots are allowed inside (Instagram handles), not at the end, and an
// e-mail address is not a mention.
func Mentions(text string) []string { return tokensAfter(text, '@') }

// tokensAfter reads the text by bytes, jumping from mark to mark: the
// engine calls it twice for every post.
func tokensAfter(text string, mark byte) []string {
	var out []string
	var seen map[string]bool // once out is long; a short list is searched
	lastEnd := -1            // where the previous tag ended: "#a#b" is two tags
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], mark)
		if k < 0 {
			break
		}
		i += k
		if i > 0 && i != lastEnd {
			if prev, _ := utf8.DecodeLastRuneInString(text[:i]); isTagRune(prev) {
				i++
				continue
			}
		}
		j := i + 1
		for j < len(text) {
			r, size := rune(text[j]), 1 // decode, Cyrillic inline as well
			if r >= utf8.RuneSelf {
				if uint32(r)-0xC2 <= 0xDF-0xC2 && j+1 < len(text) && text[j+1]&0xC0 == 0x80 {
					r, size = (r&0x1F)<<6|rune(text[j+1]&0x3F), 2
				} else {
					r, size = utf8.DecodeRuneInString(text[j:])
				}
			}
			if !isTagRune(r) && (mark != '@' || r != '.' || !tagRuneAt(text, j+1)) {
				break
			}
			j += size
		}
		if j == i+1 {
			i++
			continue
		}
		lastEnd = j
		tag := lowerTag(text[i+1 : j])
		if !allDigits(tag) && !(seen[tag] || seen == nil && slices.Contains(out, tag)) {
			out = append(out, tag)
			if seen == nil && len(out) > 16 {
				seen = make(map[string]bool, 2*len(out))
				for _, t := range out {
					seen[t] = true
				}
			}
			if seen != nil {
				seen[tag] = true
			}
		}
		i = j
	}
	return out
}

// tagRuneAt reports whether a tag character starts at byte i of s.
func tagRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isTagRune(r)
}

func isTagRune(r rune) bool {
	if uint32(r) < tagTableRunes {
		return tagTable[r].tag
	}
	return tagRune(r)
}

func tagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

// tagTable answers isTagRune and unicode.ToLower for the scripts of
// nearly every tag (Latin, Greek, Cyrillic) without searching the unicode
// tables; it is computed from them.
const tagTableRunes = 0x500

var tagTable = func() (t [tagTableRunes]struct {
	lower rune
	tag   bool
}) {
	for r := range t {
		t[r].lower, t[r].tag = unicode.ToLower(rune(r)), tagRune(rune(r))
	}
	return t
}()

// lowerTag is strings.ToLower for a tag (valid UTF-8). A tag to change is
// lowered into a buffer on the stack and copied out once.
func lowerTag(s string) string {
	for i, r := range s {
		if l := lowerRune(r); l != r {
			var buf [64]byte
			b := append(buf[:0], s[:i]...)
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, lowerRune(r))
			}
			return string(b)
		}
	}
	return s // unchanged, as strings.ToLower returns it
}

func lowerRune(r rune) rune {
	if uint32(r) < tagTableRunes {
		return tagTable[r].lower
	}
	return unicode.ToLower(r)
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
