package analyze

import (
	"strings"
	"unicode"
)

// token is one word of a text: its folded form (lower case, ё→е) and its
// position in runes, end exclusive, so evidence can point into the text.
type token struct {
	text       string // folded
	start, end int    // rune offsets in the original text
	script     script
	sentence   int  // index of the sentence holding the token
	hashtag    bool // the word follows '#'
	mention    bool // the word follows '@'
	upper      bool // the word was written all in capitals (an acronym or a shout)
	title      bool // the word starts with a capital (a name, or a sentence start)
}

// script is the writing system of a word.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptOther // Arabic, Han and every other script
)

// fold lower-cases r and merges the letters that writers use
// interchangeably: ё with е, the look-alike apostrophes of Uzbek, and the
// Latin or Yakut look-alikes (ʏ ɵ ӊ) that stand for Kyrgyz ү ө ң when a
// keyboard lacks them.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ё':
		return 'е'
	case 'ʏ': // Kyrgyz typed without a Kyrgyz keyboard: Latin look-alikes
		return 'ү'
	case 'ɵ':
		return 'ө'
	case 'ӊ', 'ҥ', 'ӈ':
		return 'ң'
	case '’', 'ʻ', 'ʼ', '‘', '`':
		return '\''
	}
	return r
}

// Fold returns s lower-cased with ё folded to е, the form every lexicon
// term and every token is compared in.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʻ', 'ʼ', '‘', '`':
		return true
	}
	return false
}

// sentenceEnd reports whether r closes a sentence.
func sentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '\n', '。', '؟':
		return true
	}
	return false
}

// tokenize splits text into words. An apostrophe between letters stays in
// the word (Uzbek o‘z, English don't); hyphens split (ыр-бий → ыр, бий).
// URLs and e-mail addresses are skipped: their pieces are not words.
func tokenize(text string) []token {
	toks, _ := tokenizeDoc(text)
	return toks
}

// tokenizeDoc is tokenize that also reports which sentences (by the
// tokens' sentence index) end with a question mark.
func tokenizeDoc(text string) ([]token, map[int]bool) { return tokenizeRunes([]rune(text)) }

// tokenizeRunes is tokenizeDoc on a text already decoded into runes.
func tokenizeRunes(rs []rune) ([]token, map[int]bool) {
	var out []token
	var questions map[int]bool
	sent := 0
	for i := 0; i < len(rs); {
		r := rs[i]
		if sentenceEnd(r) {
			if r == '?' || r == '؟' {
				if questions == nil {
					questions = map[int]bool{}
				}
				questions[sent] = true
			}
			sent++
			i++
			continue
		}
		if !isWordRune(r) {
			i++
			continue
		}
		if n := urlLen(rs, i); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(rs) && (isWordRune(rs[j]) || (isApostrophe(rs[j]) && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) && j > i)) {
			j++
		}
		t := token{start: i, end: j, sentence: sent, hashtag: i > 0 && rs[i-1] == '#', mention: i > 0 && rs[i-1] == '@'}
		if n := len(out); n > 0 && i > 0 && rs[i-1] == '_' && out[n-1].end == i-1 {
			// #Green_Campus, @uni_kg: the tag goes on after the underscore
			t.hashtag, t.mention = out[n-1].hashtag, out[n-1].mention
		}
		var b strings.Builder
		upper, letters := true, 0
		for _, c := range rs[i:j] {
			f := fold(c)
			if unicode.IsLetter(c) {
				letters++
				if !unicode.IsUpper(c) {
					upper = false
				}
				t.script = mergeScript(t.script, scriptOf(f))
			}
			b.WriteRune(f)
		}
		t.text = b.String()
		t.upper = upper && letters > 1
		t.title = unicode.IsUpper(rs[i])
		out = append(out, t)
		i = j
	}
	return out, questions
}

// urlLen returns the length in runes of a URL, www address or e-mail
// address starting at i, or 0.
func urlLen(rs []rune, i int) int {
	if i > 0 && !unicode.IsSpace(rs[i-1]) && rs[i-1] != '(' && rs[i-1] != '"' && rs[i-1] != '«' {
		// inside another word-like run: only a run start can begin a URL
		if isWordRune(rs[i-1]) {
			return 0
		}
	}
	j := i
	hasDot, hasSep := false, false
	for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '»' && rs[j] != '"' && rs[j] != ')' {
		switch rs[j] {
		case '.':
			if j+1 < len(rs) && isWordRune(rs[j+1]) {
				hasDot = true
			}
		case '/', '@', ':':
			hasSep = true
		}
		j++
	}
	if !hasDot && !hasSep {
		return 0 // a plain word: the common case, without allocating
	}
	s := strings.ToLower(string(rs[i:j]))
	switch {
	case strings.HasPrefix(s, "http://"), strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "www."):
		return j - i
	case hasDot && hasSep && strings.ContainsRune(s, '@'):
		return j - i
	case hasDot && hasSep && strings.Contains(s, "/"):
		return j - i
	}
	if hasDot && isDomain(s) {
		return j - i
	}
	return 0
}

// isDomain reports whether s looks like a bare host name such as auca.kg.
func isDomain(s string) bool {
	s = strings.TrimRight(s, ".,;:!?")
	k := strings.LastIndexByte(s, '.')
	if k <= 0 {
		return false
	}
	tld := s[k+1:]
	switch tld {
	case "kg", "com", "org", "net", "ru", "kz", "uz", "edu", "info", "gov", "io", "me", "tj":
		return true
	}
	return false
}

func scriptOf(r rune) script {
	switch {
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.IsLetter(r):
		return scriptOther
	}
	return scriptNone
}

func mergeScript(a, b script) script {
	if a == scriptNone || a == b {
		return b
	}
	if b == scriptNone {
		return a
	}
	return scriptOther
}
