package analyze

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: its folded form (lower case, ё→е) and its
// position in runes, end exclusive, so evidence can point into the text.
type token struct {
	w          *word // the folded word and what follows from it alone
	start, end int   // rune offsets in the original text
	sentence   int   // index of the sentence holding the token
	hashtag    bool  // the word follows '#'
	mention    bool  // the word follows '@'
	upper      bool  // the word was written all in capitals (an acronym or a shout)
	title      bool  // the word starts with a capital (a name, or a sentence start)
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

// doc is a text split into words, with the scratch space for splitting.
type doc struct {
	toks      []token
	questions []bool // per sentence, by index: it ends with a question mark
	buf       []byte // the folded form of the word being read
}

// question reports whether sentence s ends with a question mark.
func (d *doc) question(s int) bool { return s < len(d.questions) && d.questions[s] }

// tokenize splits text into words. An apostrophe between letters stays in
// the word (Uzbek o‘z, English don't); hyphens split (ыр-бий → ыр, бий).
// URLs and e-mail addresses are skipped: their pieces are not words.
func tokenize(text string) []token {
	var d doc
	d.tokenize(text, bareWords)
	return d.toks
}

// tokenize fills d with the words of text, each interned in c. It reads
// the text once, byte by byte, and counts rune offsets as it goes; a word
// that folding leaves unchanged is looked up as a slice of the text.
//
// The slices are kept in locals while the text is read and stored back at
// the end: a scratch lives on the heap, and every store of a slice into it
// would pass the collector's write barrier while a collection runs.
func (d *doc) tokenize(text string, c *wordCache) {
	toks, questions, buf := d.toks[:0], d.questions[:0], d.buf
	words := c.load()
	sent := 0
	ri := 0          // rune offset of byte i
	prev := rune(-1) // the character before byte i
	// The run of non-space characters holding the current word: where it
	// ends, and where its last dot before a word character and its last /,
	// @ or : lie (words start ever later, so a run read for one word holds
	// for the next words that start inside it).
	runEnd, lastDot, lastSep := -1, -1, -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1 // decode, with the common forms inline
		if r >= utf8.RuneSelf {
			if uint32(r)-0xC2 <= 0xDF-0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				r, size = (r&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, size = decode(text, i)
			}
		}
		cl := classOf(r)
		if cl.flags&cWord == 0 {
			if cl.flags&cSentenceEnd != 0 {
				questions = append(questions, r == '?' || r == '؟')
				sent++
			}
			i, ri, prev = i+size, ri+1, r
			continue
		}
		t := token{start: ri, sentence: sent, hashtag: prev == '#', mention: prev == '@', title: cl.flags&cUpper != 0}
		if n := len(toks); n > 0 && prev == '_' && toks[n-1].end == ri-1 {
			// #Green_Campus, @uni_kg: the tag goes on after the underscore
			t.hashtag, t.mention = toks[n-1].hashtag, toks[n-1].mention
		}
		start, before := i, prev
		same := true // folding has left the word unchanged so far
		lower := false
		letters := 0
		for {
			// the character at i (r, size, cl) belongs to the word
			if cl.flags&cLetter != 0 {
				letters++
				if cl.flags&cUpper == 0 {
					lower = true
				}
			}
			if same && cl.flags&cFoldSame == 0 {
				same = false
				buf = append(buf[:0], text[start:i]...)
			}
			if !same {
				buf = appendRune(buf, cl.fold)
			}
			i, ri = i+size, ri+1
			// The common characters, lower-case letters and digits of one or
			// two bytes that fold to themselves, are passed over here.
			plain, seen := i, uint8(0) // seen: the plain characters' kinds, or'ed
			for i < len(text) {
				b := text[i]
				if b < utf8.RuneSelf {
					p := plainRunes[b]
					if p == 0 {
						break
					}
					seen |= p
					i++
				} else {
					if b-0xC2 > 0xDF-0xC2 || i+1 >= len(text) {
						break
					}
					p := plainPairs[(uint(b)&0x1F)<<8|uint(text[i+1])]
					if p == 0 {
						break
					}
					seen |= p
					i += 2
				}
				ri++
			}
			if seen&2 != 0 {
				lower = true // a lower-case letter: the word is not all capitals
			}
			if !same && i > plain {
				buf = append(buf, text[plain:i]...)
			}
			if i >= len(text) {
				break
			}
			if r, size = rune(text[i]), 1; r >= utf8.RuneSelf {
				r, size = decode(text, i)
			}
			cl = classOf(r)
			if cl.flags&cWord == 0 {
				// an apostrophe stays when a letter follows
				if cl.flags&cApostrophe == 0 || i+size >= len(text) {
					break
				}
				if next, _ := decode(text, i+size); classOf(next).flags&cLetter == 0 {
					break
				}
			}
		}
		// A URL is told by its whole run of non-space characters. A word
		// followed by a space (or », ", ")") or the end is a whole run
		// without a dot, /, @ or :, so only the others need the check.
		// When the run ends right after the character that ends the word
		// (word, word. word:), it holds no dot before a word character and
		// no "//", so it is no URL either.
		if i < len(text) && r != '»' && r != '"' && r != ')' && cl.flags&cSpace == 0 &&
			(i+size < len(text) && runBytes[text[i+size]] != rbEnd) {
			if start >= runEnd {
				runEnd, lastDot, lastSep = scanRun(text, start)
			}
			if n := urlLen(text[start:runEnd], before, lastDot >= start, lastSep >= start); n > 0 {
				last, _ := utf8.DecodeLastRuneInString(text[:runEnd])
				i, ri, prev = runEnd, t.start+n, last
				continue
			}
		}
		var w *word
		if same {
			key := text[start:i]
			if w = words.get(key, wordHash(key)); w == nil {
				w = c.miss(key)
			}
		} else if w = lookup(words, buf, maphash.Bytes(tableSeed, buf)); w == nil {
			w = c.miss(string(buf))
		}
		t.w, t.end = w, ri
		t.upper = !lower && letters > 1 // letters counts only before a lower-case one
		toks = append(toks, t)
	}
	d.toks, d.questions, d.buf = toks, questions, buf
}

// appendRune is utf8.AppendRune with the one- and two-byte forms inline.
func appendRune(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		return append(b, byte(r))
	case r < 0x800:
		return append(b, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}

// runByte classifies bytes for scanRun.
const (
	rbNone  uint8 = iota
	rbEnd         // a space, " or ): the run ends
	rbDot         // .
	rbSep         // / @ :
	rbCheck       // the first byte of a multi-byte space or »: decode it
)

var runBytes = func() (t [256]uint8) {
	for b := 0; b < utf8.RuneSelf; b++ {
		if b == '"' || b == ')' || classOf(rune(b)).flags&cSpace != 0 {
			t[b] = rbEnd
		}
	}
	t['.'], t['/'], t['@'], t[':'] = rbDot, rbSep, rbSep, rbSep
	ends := []rune{'»'}
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			ends = append(ends, r)
		}
	}
	for _, rg := range unicode.White_Space.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			ends = append(ends, r)
		}
	}
	for _, r := range ends {
		if r >= utf8.RuneSelf {
			t[utf8.AppendRune(nil, r)[0]] = rbCheck
		}
	}
	return t
}()

// scanRun returns the end of the run of non-space characters starting at
// byte i (a space, », " or ) ends it), the position of its last dot
// followed by a word character, and that of its last /, @ or :; -1 for
// none. Only a few bytes can start a space or », so it reads bytes, not
// characters.
func scanRun(text string, i int) (end, dot, sep int) {
	dot, sep = -1, -1
	for ; i < len(text); i++ {
		switch runBytes[text[i]] {
		case rbEnd:
			return i, dot, sep
		case rbDot:
			if i+1 < len(text) {
				if next, _ := decode(text, i+1); classOf(next).flags&cWord != 0 {
					dot = i
				}
			}
		case rbSep:
			sep = i
		case rbCheck:
			if r, _ := decode(text, i); r == '»' || classOf(r).flags&cSpace != 0 {
				return i, dot, sep
			}
		}
	}
	return i, dot, sep
}

// urlLen returns the length in runes of run when it is a URL, www address
// or e-mail address, else 0. prev is the character before it (-1 at the
// start of the text), hasDot whether a dot inside it is followed by a word
// character, hasSep whether it holds a /, @ or :.
func urlLen(run string, prev rune, hasDot, hasSep bool) int {
	if !hasDot && !hasSep {
		return 0 // a plain word: the common case
	}
	if prev >= 0 && classOf(prev).flags&cWord != 0 {
		return 0 // inside another word-like run: only a run start can begin a URL
	}
	// Only ASCII letters lower-case to the letters of these prefixes, so
	// they are compared without lower-casing the run.
	if hasPrefixLower(run, "http://") || hasPrefixLower(run, "https://") || hasPrefixLower(run, "www.") {
		return utf8.RuneCountInString(run)
	}
	if !hasDot {
		return 0
	}
	s := strings.ToLower(run)
	if hasSep && (strings.ContainsRune(s, '@') || strings.Contains(s, "/")) || isDomain(s) {
		return utf8.RuneCountInString(run)
	}
	return 0
}

// hasPrefixLower reports whether s starts with prefix (lower-case ASCII)
// when its ASCII letters are lower-cased.
func hasPrefixLower(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
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
