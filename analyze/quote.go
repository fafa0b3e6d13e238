package analyze

import (
	"strings"
	"unicode"

	"kopuro"
)

// quoteClose maps each opening quotation mark to its closing mark.
var quoteClose = map[rune]rune{'“': '”', '«': '»', '„': '“', '"': '"'}

// quotations returns the quotations in text of at least minWords words, as
// evidence with rune offsets (Term is "“…”"). Titles in quotes («Жашыл
// кампус») are short and stay below minWords.
func quotations(rs []rune, minWords int) []kopuro.Evidence {
	var out []kopuro.Evidence
	for i := 0; i < len(rs); i++ {
		closer, ok := quoteClose[rs[i]]
		if !ok {
			continue
		}
		depth := 0
		for j := i + 1; j < len(rs) && j-i < 3000; j++ {
			if rs[j] == rs[i] && rs[i] != closer {
				depth++ // nested «…«…»…»
				continue
			}
			if rs[j] != closer {
				continue
			}
			if depth > 0 {
				depth--
				continue
			}
			if words(rs[i+1:j]) >= minWords {
				out = append(out, kopuro.Evidence{Term: "“…”", Start: i, End: j + 1})
			}
			i = j
			break
		}
	}
	return out
}

func words(rs []rune) int {
	return len(strings.FieldsFunc(string(rs), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}
