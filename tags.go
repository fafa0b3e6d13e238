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
			r, size := runeAt(text, j)
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
			if out == nil {
				out = make([]string, 0, 4) // posts carry a few tags: grow once, not three times
			}
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
	r, _ := runeAt(s, i)
	return isTagRune(r)
}

// runeAt is utf8.DecodeRuneInString(s[i:]) with the one- and two-byte
// forms (ASCII, Cyrillic) decoded inline.
func runeAt(s string, i int) (rune, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return rune(b), 1
	} else if b-0xC2 <= 0xDF-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
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
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		if l := lowerRune(r); l != r {
			var buf [64]byte
			b := append(buf[:0], s[:i]...)
			for i < len(s) {
				r, size = runeAt(s, i)
				b = utf8.AppendRune(b, lowerRune(r))
				i += size
			}
			return string(b)
		}
		i += size
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
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		if !unicode.IsDigit(r) {
			return false
		}
		i += size
	}
	return true
}
