package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Kyrgyz is agglutinative: a word is a root followed by a chain of
// suffixes (plural, possessive, case, derivation, tense), each in two to
// four vowel-harmony variants: окуу-чу-лар-ы-быз-дын "of our students".
// StemKY strips suffixes from the end, longest first, while at least
// minKYStem runes remain, so that the forms of one word share a stem.
// It is deliberately aggressive: terms are stemmed the same way, so over-
// stemming costs little, while a missed suffix loses a match.

const minKYStem = 3

// kySuffixes is every suffix StemKY removes, grouped by function; the
// list is sorted by length at init.
var kySuffixes = func() []string {
	groups := [][]string{
		// plural
		{"лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр"},
		// possessive
		{"ыбыз", "ибиз", "убуз", "үбүз", "быз", "биз", "буз", "бүз",
			"ыңыз", "иңиз", "уңуз", "үңүз", "ңыз", "ңиз", "ңуз", "ңүз",
			"ым", "им", "ум", "үм", "ың", "иң", "уң", "үң",
			"сы", "си", "су", "сү"},
		// genitive, accusative, dative, locative, ablative
		{"нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
			"ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү",
			"га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "на", "не", "но", "нө",
			"да", "де", "до", "дө", "та", "те", "то", "тө", "нда", "нде", "ндо", "ндө",
			"дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн",
			"ндан", "нден", "ндон", "ндөн"},
		// "-ly/-ity" nouns and adjectives, "with", "without", "-ist", "-like"
		{"лык", "лик", "лук", "лүк", "дык", "дик", "дук", "дүк", "тык", "тик", "тук", "түк",
			"луу", "лүү", "дуу", "дүү", "туу", "түү",
			"сыз", "суз", "сүз",
			"чылык", "чилик", "чулук", "чүлүк",
			"дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү"},
		// verbal nouns, participles, converbs, tenses
		{"ган", "ген", "гон", "гөн", "кан", "кен", "кон", "көн",
			"оо", "уу", "үү", "ышуу", "үшүү", "ушуу", "ишүү",
			"чу", "чү", "ып", "ип", "уп", "үп",
			"мак", "мек", "мок", "мөк",
			"абыз", "ебиз", "обуз", "өбүз"},
		// the third-person possessive after a consonant, the accusative after it
		{"ы", "и", "у", "ү", "н"},
	}
	var all []string
	seen := map[string]bool{}
	for _, g := range groups {
		for _, s := range g {
			if !seen[s] {
				seen[s] = true
				all = append(all, s)
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		return utf8.RuneCountInString(all[i]) > utf8.RuneCountInString(all[j])
	})
	return all
}()

// StemKY returns the stem of a folded Kyrgyz word.
func StemKY(w string) string {
	n := utf8.RuneCountInString(w)
	for pass := 0; pass < 6; pass++ {
		stripped := false
		for _, s := range kySuffixes {
			if !strings.HasSuffix(w, s) {
				continue
			}
			m := utf8.RuneCountInString(s)
			rest := w[:len(w)-len(s)]
			if n-m < minKYStem || !hasVowel(rest) || !fits(rest, s) {
				continue
			}
			w = w[:len(w)-len(s)]
			n -= m
			stripped = true
			break
		}
		if !stripped {
			break
		}
	}
	return w
}

// fits reports whether suffix can follow stem by Kyrgyz sound rules: a
// suffix starting with т or к follows a voiceless consonant, one with д or
// г a vowel or voiced consonant, one with л a vowel, р or й, one with н, с,
// ң or б a vowel, and a suffix starting with a vowel follows a consonant.
// This keeps университет-и from being read as университе-ти.
func fits(stem, suffix string) bool {
	prev, _ := utf8.DecodeLastRuneInString(stem)
	first, _ := utf8.DecodeRuneInString(suffix)
	vowel := strings.ContainsRune("аеиоуыэюяөү", prev)
	voiceless := strings.ContainsRune("кпстфхцчшщ", prev)
	switch {
	case strings.ContainsRune("тк", first):
		return voiceless
	case strings.ContainsRune("дг", first):
		return vowel || !voiceless
	case first == 'л':
		return vowel || prev == 'р' || prev == 'й'
	case strings.ContainsRune("нсңб", first):
		return vowel
	case strings.ContainsRune("аеиоуыэөү", first):
		return !vowel
	}
	return true
}

func hasVowel(s string) bool {
	return strings.ContainsAny(s, "аеиоуыэюяөүaeiou")
}
