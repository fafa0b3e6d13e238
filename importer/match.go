package importer

import (
	"sort"
	"strings"
	"unicode"

	"kopuro"
)

// Matcher finds the institution a name in someone else's table stands for,
// by the institution's Kyrgyz, Russian and English names and abbreviations.
// Case, quotes («», “”), punctuation and hyphens do not matter, nor does the
// person a university is named after ("named after J. Balasagyn", "им. Ж.
// Баласагына", "Ж. Баласагын атындагы"): "Kyrgyz National University",
// "Jusup Balasagyn Kyrgyz National University" and "KNU" all find knu.
type Matcher struct {
	names []matchName
	abbr  map[string][]string // normalised abbreviation → codes
}

// matchName is one name of one institution, taken apart.
type matchName struct {
	code     string
	core     string // sorted tokens without the honoree: the key
	coreSet  map[string]bool
	surnames []string // the honoree's name words
	initials []rune   // the honoree's initials
}

// stopWords carry no identity in an institution's name.
var stopWords = map[string]bool{
	"of": true, "the": true, "in": true, "and": true, "at": true, "named": true, "after": true,
	"им": true, "имени": true, "в": true, "и": true, "атындагы": true, "атн": true,
}

// NewMatcher prepares the names of insts for matching.
func NewMatcher(insts []kopuro.Institution) *Matcher {
	m := &Matcher{abbr: map[string][]string{}}
	for _, in := range insts {
		for _, name := range []string{in.Name.EN, in.Name.RU, in.Name.KY} {
			if name != "" {
				m.names = append(m.names, splitName(in.Code, name))
			}
		}
		for _, a := range []string{in.Short.EN, in.Short.RU, in.Short.KY, in.Code} {
			if k := strings.Join(nameTokens(a), ""); k != "" && !contains(m.abbr[k], in.Code) {
				m.abbr[k] = append(m.abbr[k], in.Code)
			}
		}
	}
	return m
}

// nameTokens normalises a name into its words: lower case, ё as е, quotes
// and punctuation as spaces.
func nameTokens(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// splitName takes a registry name apart into its core and its honoree.
func splitName(code, name string) matchName {
	toks := nameTokens(name)
	var honoree, core []string
loop:
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t == "им" || t == "имени":
			honoree = append(honoree, toks[i+1:]...)
			break loop
		case t == "named" && i+1 < len(toks) && toks[i+1] == "after":
			honoree = append(honoree, toks[i+2:]...)
			break loop
		case t == "атындагы" && len(core) > 0:
			// Kyrgyz puts the honoree first: initials, then the surname.
			j := len(core) - 1
			for j > 0 && len([]rune(core[j-1])) == 1 {
				j--
			}
			honoree = append(honoree, core[j:]...)
			core = core[:j]
		default:
			core = append(core, t)
		}
	}
	mn := matchName{code: code}
	for _, h := range honoree {
		if r := []rune(h); len(r) == 1 {
			mn.initials = append(mn.initials, r[0])
		} else {
			mn.surnames = append(mn.surnames, h)
		}
	}
	mn.coreSet = tokenSet(core)
	mn.core = setKey(mn.coreSet)
	return mn
}

// tokenSet keeps the words that identify: no stop words, no initials.
func tokenSet(toks []string) map[string]bool {
	set := map[string]bool{}
	for _, t := range toks {
		if !stopWords[t] && len([]rune(t)) > 1 {
			set[t] = true
		}
	}
	return set
}

func setKey(set map[string]bool) string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}

// Match returns the codes of the institutions name may stand for: none,
// one, or several when the name is ambiguous.
func (m *Matcher) Match(name string) []string {
	var codes []string
	add := func(c string) {
		if !contains(codes, c) {
			codes = append(codes, c)
		}
	}
	// An abbreviation alone, or in parentheses after the name.
	main, paren, _ := strings.Cut(name, "(")
	paren, _, _ = strings.Cut(paren, ")")
	for _, a := range []string{name, paren} {
		for _, c := range m.abbr[strings.Join(nameTokens(a), "")] {
			add(c)
		}
	}
	if len(codes) > 0 {
		return codes
	}
	toks := nameTokens(main)
	set := tokenSet(toks)
	if len(set) == 0 {
		return nil
	}
	for _, n := range m.names {
		if n.matches(set, toks) {
			add(n.code)
		}
	}
	return codes
}

// matches reports whether the words of a name are this name's core plus,
// at most, the honoree's words (full given names for the initials, the
// surname in any case ending).
func (n matchName) matches(set map[string]bool, toks []string) bool {
	for c := range n.coreSet {
		if !set[c] {
			return false
		}
	}
	initials := append([]rune(nil), n.initials...)
	for t := range set {
		if n.coreSet[t] || n.isSurname(t) {
			continue
		}
		if i := runeIndex(initials, []rune(t)[0]); i >= 0 {
			initials = append(initials[:i], initials[i+1:]...)
			continue
		}
		return false
	}
	return len(n.coreSet) > 0
}

// isSurname matches a word to the honoree's surname, allowing for case
// endings ("Баласагын", "Баласагына").
func (n matchName) isSurname(t string) bool {
	for _, s := range n.surnames {
		a, b := []rune(s), []rune(t)
		if len(b) < len(a) {
			a, b = b, a
		}
		if len(a) >= 4 && strings.HasPrefix(string(b), string(a)) && len(b)-len(a) <= 2 {
			return true
		}
	}
	return false
}

func runeIndex(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
