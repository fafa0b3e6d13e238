package analyze

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

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
	lang int    // the term's language: whose stem a stem pattern compares with
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
	rest   []int32 // the patterns (matcher.pats) of words[1:]
	slot   int32   // the label's slot (see slots)
	rank   int32   // where its hits come in counting order (rankTerms)
}

// matcher indexes compiled terms by their first word.
type matcher struct {
	terms  []cterm
	stem   [3]map[string][]int32 // per language: stem → terms
	prefix map[string][]int32    // first two runes of the prefix → terms
	exact  map[string][]int32
	// The distinct patterns of terms' later words: each word records which
	// it matches, so a phrase is checked with a few integer compares.
	pats   []wordPat
	patIDs map[wordPat]int32
	// sdgTags are the folded hashtag prefixes of explicit goal references
	// (sdg, цур, төм), sorted.
	sdgTags []string
	ranks   int // distinct term ranks
}

var langIndex = map[string]int{"ky": 0, "ru": 1, "en": 2}

func compile(cb *codebook.Codebook) *matcher {
	m := &matcher{prefix: map[string][]int32{}, exact: map[string][]int32{}, patIDs: map[wordPat]int32{}}
	for i := range m.stem {
		m.stem[i] = map[string][]int32{}
	}
	areaSlot, sdgSlot, styleSlot := slots(len(cb.Categories), len(cb.Areas))
	add := func(g group, label int, lx codebook.Lexicon) {
		slot := label
		switch g {
		case gArea:
			slot += areaSlot
		case gSDG:
			slot += sdgSlot
		case gStyle, gStyleQ:
			slot += styleSlot
		}
		for _, l := range codebook.Langs {
			terms := lx.ByLang(l)
			keys := make([]string, 0, len(terms))
			for k := range terms {
				keys = append(keys, k)
			}
			sort.Strings(keys) // deterministic evidence order
			for _, k := range keys {
				m.add(cterm{group: g, label: label, lang: langIndex[l], text: k, weight: terms[k], slot: int32(slot)})
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
	for _, ps := range cb.SDGTags {
		for _, p := range ps {
			if p = Fold(p); !slices.Contains(m.sdgTags, p) {
				m.sdgTags = append(m.sdgTags, p)
			}
		}
	}
	slices.Sort(m.sdgTags)
	m.rankTerms()
	return m
}

// rankTerms numbers the terms in the order their hits are counted in:
// longer phrases first, then heavier terms; equal terms share a rank.
func (m *matcher) rankTerms() {
	type key struct {
		words  int
		weight float64
	}
	keys := map[key]bool{}
	for _, t := range m.terms {
		keys[key{len(t.words), t.weight}] = true
	}
	order := slices.SortedFunc(maps.Keys(keys), func(x, y key) int {
		if x.words != y.words {
			return cmp.Compare(y.words, x.words)
		}
		return cmp.Compare(y.weight, x.weight)
	})
	for i := range m.terms {
		t := &m.terms[i]
		k, _ := slices.BinarySearchFunc(order, key{len(t.words), t.weight}, func(x, y key) int {
			if x.words != y.words {
				return cmp.Compare(y.words, x.words)
			}
			return cmp.Compare(y.weight, x.weight)
		})
		t.rank = int32(k)
	}
	m.ranks = len(order)
}

func (m *matcher) add(t cterm) {
	lang := codebook.Langs[t.lang]
	for _, w := range strings.Fields(Fold(t.text)) {
		switch {
		case strings.HasSuffix(w, "*"):
			t.words = append(t.words, wordPat{mode: modePrefix, text: strings.TrimSuffix(w, "*")})
		case strings.HasPrefix(w, "="):
			t.words = append(t.words, wordPat{mode: modeExact, text: strings.TrimPrefix(w, "=")})
		default:
			t.words = append(t.words, wordPat{mode: modeStem, text: Stem(lang, w), lang: t.lang})
		}
	}
	for _, p := range t.words[1:] {
		pid, ok := m.patIDs[p]
		if !ok {
			pid = int32(len(m.pats))
			m.pats = append(m.pats, p)
			m.patIDs[p] = pid
		}
		t.rest = append(t.rest, pid)
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

// annotate records in w the terms whose first word it matches (in the
// order find tries them: stem in ky, ru, en, exact form, prefix) and the
// later-word patterns it matches.
func (m *matcher) annotate(w *word) {
	st := w.stems()
	var cand []int32
	for l := 0; l < 3; l++ {
		cand = append(cand, m.stem[l][st[l]]...)
	}
	cand = append(cand, m.exact[w.text]...)
	if w.runes >= 2 {
		cand = append(cand, m.prefix[firstRunes(w.text, 2)]...)
	}
	for _, id := range cand {
		t := &m.terms[id]
		if t.words[0].matches(w.text, st[t.lang]) {
			w.first = append(w.first, id)
		}
	}
	for _, p := range m.sdgTags {
		w.sdgTag = w.sdgTag || strings.HasPrefix(w.text, p)
	}
	for id, p := range m.pats {
		if p.matches(w.text, st[p.lang]) {
			w.pats = append(w.pats, int32(id))
		}
	}
}

// matches reports whether a word with folded text and stem (in the
// pattern's language) fits the pattern.
func (p wordPat) matches(text, stem string) bool {
	switch p.mode {
	case modePrefix:
		return strings.HasPrefix(text, p.text)
	case modeExact:
		return text == p.text
	}
	return stem == p.text
}

// hit is one occurrence of a term: tokens [from, to).
type hit struct {
	term     int32
	from, to int
	rank     int32 // the term's
}

// find appends to hits every occurrence of every term in toks.
func (m *matcher) find(toks []token, hits []hit) []hit {
	for i := range toks {
		for _, id := range toks[i].w.first {
			rest := m.terms[id].rest
			if i+1+len(rest) > len(toks) {
				continue
			}
			ok := true
			for k, p := range rest {
				if !toks[i+1+k].w.hasPat(p) {
					ok = false
					break
				}
			}
			if ok {
				hits = append(hits, hit{term: id, from: i, to: i + 1 + len(rest), rank: m.terms[id].rank})
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
