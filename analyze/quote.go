package analyze

import (
	"unicode/utf8"

	"kopuro"
)

// quoteCloser returns the closing mark of an opening quotation mark.
func quoteCloser(r rune) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '«':
		return '»', true
	case '„':
		return '“', true
	case '"':
		return '"', true
	}
	return 0, false
}

// nextOpener returns the byte offset of the first opening quotation mark
// in s (" « “ „), or -1. The marks' encodings cannot start inside another
// character, so bytes are compared, not decoded characters.
func nextOpener(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return i
		case 0xC2: // «
			if i+1 < len(s) && s[i+1] == 0xAB {
				return i
			}
		case 0xE2: // “ „
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9E) {
				return i
			}
		}
	}
	return -1
}

// quotations returns the first limit quotations in text of at least
// minWords words, as evidence with rune offsets (Term is "“…”"). Titles in
// quotes («Жашыл кампус») are short and stay below minWords. A quotation
// is looked for within 3000 characters of its opening mark.
func quotations(text string, minWords, limit int) []kopuro.Evidence {
	var out []kopuro.Evidence
	for i, ri := 0, 0; i < len(text); {
		k := nextOpener(text[i:])
		if k < 0 {
			break
		}
		ri += utf8.RuneCountInString(text[i : i+k])
		i += k
		open, size := decode(text, i)
		closer, ok := quoteCloser(open)
		next, nextRi := i+size, ri+1
		depth := 0
		for j, rj := i+size, ri+1; ok && j < len(text) && rj-ri < 3000; {
			r, n := decode(text, j)
			switch {
			case r == open && open != closer:
				depth++ // nested «…«…»…»
			case r != closer:
			case depth > 0:
				depth--
			default:
				if words(text[i+size:j]) >= minWords {
					out = append(out, kopuro.Evidence{Term: "“…”", Start: ri, End: rj + 1})
					if len(out) == limit {
						return out
					}
				}
				next, nextRi, ok = j+n, rj+1, false // go on after the closing mark
				continue
			}
			j, rj = j+n, rj+1
		}
		i, ri = next, nextRi
	}
	return out
}

// words counts the runs of letters and digits in s.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		f := classOf(r).flags
		w := f&(cLetter|cDigit) != 0
		if w && !in {
			n++
		}
		in = w
		i += size
	}
	return n
}
