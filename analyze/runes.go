package analyze

import (
	"unicode"
	"unicode/utf8"
)

// Character classes. The tokeniser asks several Unicode questions of every
// character (letter? digit? upper case? folded form?); the unicode tables
// answer them by binary search. Nearly all characters of our texts are
// ASCII or Cyrillic, so their answers are computed once, from the same
// functions, into a table: the fast path agrees with the slow one by
// construction.

// runeClass is what the tokeniser needs to know about one character.
type runeClass struct {
	fold  rune // fold(r)
	flags classFlags
}

type classFlags uint8

const (
	cWord        classFlags = 1 << iota // isWordRune: letter, digit or non-spacing mark
	cLetter                             // unicode.IsLetter
	cUpper                              // unicode.IsUpper
	cDigit                              // unicode.IsDigit
	cApostrophe                         // isApostrophe
	cSpace                              // unicode.IsSpace
	cFoldSame                           // fold(r) == r
	cSentenceEnd                        // sentenceEnd
)

// tableRunes covers ASCII, Latin-1, Latin Extended, IPA, Greek and
// Cyrillic (U+0000–U+04FF).
const tableRunes = 0x500

var classTable = func() (t [tableRunes]runeClass) {
	for r := range t {
		t[r] = classify(rune(r))
	}
	return t
}()

// plainRunes marks the characters of one or two bytes (below U+0800) that
// the tokeniser passes over inside a word without looking further: those
// that fold to themselves and are not capitals, 2 for a letter, 1 for a
// digit or mark, 0 for every other.
var plainRunes = func() (t [0x800]uint8) {
	for r := range t {
		c := classOf(rune(r))
		if c.flags&(cWord|cUpper|cFoldSame) == cWord|cFoldSame {
			t[r] = 1
			if c.flags&cLetter != 0 {
				t[r] = 2
			}
		}
	}
	return t
}()

// plainPairs is plainRunes for two-byte characters indexed by their bytes,
// the low five bits of the first and the whole second: a second byte that
// does not continue the character finds 0.
var plainPairs = func() (t [32 << 8]uint8) {
	for r := rune(0x80); r < 0x800; r++ {
		t[(0xC0|r>>6)&0x1F<<8|(0x80|r&0x3F)] = plainRunes[r]
	}
	return t
}()

// classify computes a character's class with the unicode package.
func classify(r rune) runeClass {
	c := runeClass{fold: fold(r)}
	if isWordRune(r) {
		c.flags |= cWord
	}
	if unicode.IsLetter(r) {
		c.flags |= cLetter
	}
	if unicode.IsUpper(r) {
		c.flags |= cUpper
	}
	if unicode.IsDigit(r) {
		c.flags |= cDigit
	}
	if isApostrophe(r) {
		c.flags |= cApostrophe
	}
	if unicode.IsSpace(r) {
		c.flags |= cSpace
	}
	if c.fold == r {
		c.flags |= cFoldSame
	}
	if sentenceEnd(r) {
		c.flags |= cSentenceEnd
	}
	return c
}

// classOf returns r's class: from the table for the common scripts.
func classOf(r rune) runeClass {
	if uint32(r) < tableRunes {
		return classTable[r]
	}
	return classify(r)
}

// decode returns the character at byte i of s and its width, with the
// common one- and two-byte forms decoded inline. Invalid bytes decode as
// utf8.RuneError of width 1, as converting the string to []rune does.
func decode(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if b >= 0xC2 && b <= 0xDF && i+1 < len(s) {
		if c := s[i+1]; c >= 0x80 && c <= 0xBF {
			return rune(b&0x1F)<<6 | rune(c&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
