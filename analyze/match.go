package analyze

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"kopuro/codebook"
)

// Lexicon matching. Every codebook term is compiled once into word
// patterns and indexed by its first word, so a text is matched in one
// pass over its tokens whatever the size of the codebook.

type wordMode uint8

const (
	modeStem   wordMode = iota // same stem in the term's language
	modePrefix                 // token starts with the text ("волонт*")
	modeExact                  // token equals the text ("=катталгыла")
)

type wordPat struct {
	mode wordMode
	text string // stem, prefix or exact word (folded)
}

// group says what a term scores.
type group uint8

const (
	gCategory group = iota
	gArea
	gSDG
	gStyle
	gStyleQ // style term counted only inside a question
)

type cterm struct {
	group  group
	label  int // index into the codebook's slice (SDG: goal-1)
	lang   int // 0 ky, 1 ru, 2 en
	text   string
	weight float64
	words  []wordPat
}

// matcher indexes compiled terms by their first word.
type matcher struct {
	terms  []cterm
	stem   [3]map[string][]int32 // per language: stem → terms
	prefix map[string][]int32    // first two runes of the prefix → terms
	exact  map[string][]int32
}

var langIndex = map[string]int{"ky": 0, "ru": 1, "en": 2}

func compile(cb *codebook.Codebook) *matcher {
	m := &matcher{prefix: map[string][]int32{}, exact: map[string][]int32{}}
	for i := range m.stem {
		m.stem[i] = map[string][]int32{}
	}
	add := func(g group, label int, lx codebook.Lexicon) {
		for _, l := range codebook.Langs {
			terms := lx.ByLang(l)
			keys := make([]string, 0, len(terms))
			for k := range terms {
				keys = append(keys, k)
			}
			sort.Strings(keys) // deterministic evidence order
			for _, k := range keys {
				m.add(cterm{group: g, label: label, lang: langIndex[l], text: k, weight: terms[k]})
			}
		}
	}
	for i, c := range cb.Categories {
		add(gCategory, i, c.Terms)
	}
	for i, a := range cb.Areas {
		add(gArea, i, a.Terms)
	}
	for i, g := range cb.SDGs {
		add(gSDG, i, g.Terms)
	}
	for i, s := range cb.Styles {
		add(gStyle, i, s.Terms)
		add(gStyleQ, i, s.InQuestion)
	}
	return m
}

func (m *matcher) add(t cterm) {
	lang := codebook.Langs[t.lang]
	for _, w := range strings.Fields(Fold(t.text)) {
		switch {
		case strings.HasSuffix(w, "*"):
			t.words = append(t.words, wordPat{modePrefix, strings.TrimSuffix(w, "*")})
		case strings.HasPrefix(w, "="):
			t.words = append(t.words, wordPat{modeExact, strings.TrimPrefix(w, "=")})
		default:
			t.words = append(t.words, wordPat{modeStem, Stem(lang, w)})
		}
	}
	id := int32(len(m.terms))
	m.terms = append(m.terms, t)
	first := t.words[0]
	switch first.mode {
	case modePrefix:
		k := firstRunes(first.text, 2)
		m.prefix[k] = append(m.prefix[k], id)
	case modeExact:
		m.exact[first.text] = append(m.exact[first.text], id)
	default:
		m.stem[t.lang][first.text] = append(m.stem[t.lang][first.text], id)
	}
}

func firstRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// stemmed is a token with its stem in each lexicon language and its
// language vote.
type stemmed struct {
	token
	stems [3]string
	vote  wordLang
}

func (c *stemCache) stemTokens(toks []token) []stemmed {
	out := make([]stemmed, len(toks))
	for i, t := range toks {
		out[i].token = t
		w := c.word(t)
		out[i].stems = w.stems
		out[i].vote = w.vote[b2i(t.title)]
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cachedWord is what the engine derives from a folded word alone.
type cachedWord struct {
	stems [3]string
	vote  [2]wordLang // the word's language vote, written in lower case and capitalised
}

// stemCache remembers the stems of words already seen: Snowball is most
// of the engine's cost, and the words of university posts repeat. It stops
// growing at maxCached words; safe for concurrent use.
type stemCache struct {
	m sync.Map // string → cachedWord
	n atomic.Int64
}

const maxCached = 1 << 18

func (c *stemCache) word(t token) cachedWord {
	key := t.text // the script, stems and votes follow from the folded text
	if v, ok := c.m.Load(key); ok {
		return v.(cachedWord)
	}
	var st [3]string
	switch t.script {
	case scriptCyrillic:
		st = [3]string{StemKY(t.text), Stem("ru", t.text), t.text}
	case scriptLatin:
		st = [3]string{t.text, t.text, Stem("en", t.text)}
	default:
		st = [3]string{t.text, t.text, t.text}
	}
	w := cachedWord{stems: st}
	lower, title := t, t
	lower.title, title.title = false, true
	w.vote = [2]wordLang{voteWord(lower), voteWord(title)}
	if c.n.Load() < maxCached {
		if _, loaded := c.m.LoadOrStore(key, w); !loaded {
			c.n.Add(1)
		}
	}
	return w
}

func (p wordPat) matches(s *stemmed, lang int) bool {
	switch p.mode {
	case modePrefix:
		return strings.HasPrefix(s.text, p.text)
	case modeExact:
		return s.text == p.text
	}
	return s.stems[lang] == p.text
}

// hit is one occurrence of a term: tokens [from, to).
type hit struct {
	term     int32
	from, to int
}

// find returns every occurrence of every term in toks.
func (m *matcher) find(toks []stemmed) []hit {
	var hits []hit
	var cand []int32
	for i := range toks {
		s := &toks[i]
		cand = cand[:0]
		for l := 0; l < 3; l++ {
			cand = append(cand, m.stem[l][s.stems[l]]...)
		}
		cand = append(cand, m.exact[s.text]...)
		if utf8.RuneCountInString(s.text) >= 2 {
			cand = append(cand, m.prefix[firstRunes(s.text, 2)]...)
		}
		for _, id := range cand {
			t := &m.terms[id]
			if !t.words[0].matches(s, t.lang) {
				continue
			}
			j, ok := i+1, true
			for _, w := range t.words[1:] {
				if j >= len(toks) || !w.matches(&toks[j], t.lang) {
					ok = false
					break
				}
				j++
			}
			if ok {
				hits = append(hits, hit{term: id, from: i, to: j})
			}
		}
	}
	return hits
}

// labelKey names a term's label in scores and evidence.
func labelKey(cb *codebook.Codebook, g group, i int) string {
	switch g {
	case gCategory:
		return cb.Categories[i].ID
	case gArea:
		return cb.Areas[i].ID
	case gSDG:
		return "sdg" + strconv.Itoa(i+1)
	}
	return cb.Styles[i].ID
}
