package analyze

import (
	"strings"
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

// openers finds the opening quotation marks (" « “ „) of a text in
// order. Each mark is searched for with the vectorised byte search, and
// its next position is remembered until passed, so a text is searched
// once per mark; the marks' encodings cannot start inside another
// character.
type openers struct {
	text string
	next [4]int // per mark: the byte offset of its next occurrence; -1: none left
}

var openerMarks = [4]string{`"`, "«", "“", "„"}

func newOpeners(text string) openers {
	return openers{text: text, next: [4]int{-2, -2, -2, -2}}
}

// from returns the offset of the first opening mark at or after byte i,
// or -1.
func (o *openers) from(i int) int {
	first := -1
	for m, mark := range openerMarks {
		if o.next[m] != -1 && o.next[m] < i {
			o.next[m] = -1
			if k := strings.Index(o.text[i:], mark); k >= 0 {
				o.next[m] = i + k
			}
		}
		if n := o.next[m]; n >= 0 && (first < 0 || n < first) {
			first = n
		}
	}
	return first
}

// quotations returns the first limit quotations in text of at least
// minWords words, as evidence with rune offsets (Term is "“…”"). Titles in
// quotes («Жашыл кампус») are short and stay below minWords. A quotation
// is looked for within 3000 characters of its opening mark. The text
// before an opening mark is counted in runes only when a quotation is
// kept: most marks open a title.
func quotations(text string, minWords, limit int) []kopuro.Evidence {
	var out []kopuro.Evidence
	ops := newOpeners(text)
	counted, countedRi := 0, 0 // the rune offset of byte counted
	for i := 0; i < len(text); {
		k := ops.from(i)
		if k < 0 {
			break
		}
		i = k
		open, size := decode(text, i)
		closer, ok := quoteCloser(open)
		next := i + size
		depth := 0
		// d is the distance in runes from the opening mark to byte j
		for j, d := i+size, 1; ok && j < len(text) && d < 3000; {
			r, n := decode(text, j)
			switch {
			case r == open && open != closer:
				depth++ // nested «…«…»…»
			case r != closer:
			case depth > 0:
				depth--
			default:
				if words(text[i+size:j]) >= minWords {
					countedRi += utf8.RuneCountInString(text[counted:i])
					counted = i
					out = append(out, kopuro.Evidence{Term: "“…”", Start: countedRi, End: countedRi + d + 1})
					if len(out) == limit {
						return out
					}
				}
				next, ok = j+n, false // go on after the closing mark
				continue
			}
			j, d = j+n, d+1
		}
		i = next
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
