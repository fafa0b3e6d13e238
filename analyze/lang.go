package analyze

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"kopuro"
)

// Language identification. No Go library knows Kyrgyz, and Kyrgyz shares
// its special letters ң ө ү with Kazakh, so each word votes from evidence
// that separates the languages met in Central Asian university media:
// letters only one language uses, function words, and endings typical of
// Kyrgyz agglutination or Russian inflection. Loanwords (университет,
// проект) carry no vote. The text's language is the one with most votes;
// "mixed" when two of ky/ru/en each hold at least a quarter of the votes.

// wordLang is the vote of one word.
type wordLang uint8

const (
	wlNone wordLang = iota
	wlKY
	wlRU
	wlEN
	wlOther // Kazakh, Uzbek, Turkish, Karakalpak, Tajik, Arabic script, …
)

var (
	kyStop = set("жана", "менен", "үчүн", "боюнча", "болуп", "болот", "бул", "ал", "алар", "биз", "сиз", "деп",
		"жылы", "жылдын", "ошондой", "эле", "да", "дагы", "же", "бир", "анын", "алардын", "менин", "биздин", "сиздин",
		"тарабынан", "учурда", "катары", "аркылуу", "ичинде", "кийин", "мурун", "чейин", "бери", "кызматкерлери",
		"университети", "университетинин", "университетинде", "студенттер", "студенттери", "студенттердин",
		"окуу", "иш", "болгон", "берди", "алды", "өттү", "кетти", "келди", "болду", "экен", "эмес", "керек", "абдан",
		"ушул", "тууралуу", "жөнүндө", "саны", "деген", "алкагында", "максатында", "ошондой", "ошол", "бардык",
		"жаш", "жаштар", "жаштардын", "ар", "көп", "жакшы", "мамлекеттик", "шаарында")
	ruStop = set("и", "в", "во", "на", "с", "со", "по", "для", "что", "это", "не", "из", "от", "к", "ко", "о", "об",
		"а", "как", "так", "его", "ее", "их", "при", "также", "который", "которые", "которая", "которых", "был",
		"была", "были", "будет", "будут", "или", "но", "же", "все", "всех", "этом", "этой", "том", "также", "между",
		"под", "над", "перед", "после", "до", "чтобы", "только", "уже", "мы", "вы", "они", "он", "она", "года",
		"году", "лет", "более", "среди", "рамках", "является", "являются", "состоялся", "состоялась", "прошел",
		"прошла", "провели", "студентов", "студенты", "университета", "университете", "вуза", "кыргызской",
		"республики", "впервые", "было", "свои", "своих", "наш", "наши", "нашего", "вас", "нас", "очень", "сегодня")
	enStop = set("the", "and", "of", "to", "in", "for", "on", "with", "is", "are", "was", "were", "be", "been",
		"this", "that", "these", "those", "at", "by", "from", "as", "an", "a", "it", "its", "their", "our", "we",
		"you", "your", "they", "he", "she", "his", "her", "will", "has", "have", "had", "which", "who", "about",
		"into", "also", "more", "not", "or", "but", "can", "all", "new", "students", "university", "through",
		"during", "between", "such", "well", "other", "first", "year", "years", "held", "took", "place")
	// Function words of the neighbouring Turkic languages that Kyrgyz and
	// Russian lack.
	otherStop = set("және", "үшін", "бойынша", "бұл", "болып", "арқылы", "мен", // Kazakh (мен also Kyrgyz "I": see below)
		"va", "bilan", "uchun", "ham", "bo'yicha", "yil", "yilning", "kuni", "tomonidan", "bo'lib", "qilish", "juda",
		"yangi", "barcha", "esa", "edi", "ushbu", "orqali", "asosida", "talabalar", "talabalari", "oliy", "universiteti", // Uzbek Latin
		"ва", "билан", "учун", "ҳам", "бўйича", "йил", "йилнинг", "томонидан", // Uzbek Cyrillic
		"hamda", "jamoasi", "ve", "bir", "için", "ile", "olarak", "bu", "üniversitesi", "olan", "daha", "çok", "gibi", "kadar") // Turkish
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// kyCaseEndings are Kyrgyz genitive and ablative endings, which no
// Russian word or name has.
var kyCaseEndings = []string{"нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
	"дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн"}

// Endings typical of one language; checked only on words of five or more
// letters, where they are reliable.
var (
	kyEndings = []string{"нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
		"ган", "ген", "гон", "кан", "кен", "кон", "луу", "дуу", "туу", "лар", "лер", "лор", "дар", "дер", "дор",
		"тар", "тер", "тор", "ларды", "лерди", "лорду", "дарды", "дерди", "ларга", "лерге", "сында", "синде",
		"сунда", "ынан", "инен", "унан", "уусу", "ышат", "ишет", "ушат", "ыбыз", "ибиз", "абыз", "ебиз", "обуз",
		"ында", "инде", "унда", "ынын", "инин", "унун", "дагы", "деги", "догу", "лык", "лик", "лук", "дык", "дик",
		"чылар", "чулар", "чылык", "уусу", "ыштыр", "иштир", "уштур"}
	ruEndings = []string{"ого", "его", "ому", "ему", "ых", "их", "ный", "вый", "рый", "мый", "лый", "тый", "ский", "ний", "щий", "жий", "чий", "ший", "ая", "яя", "ое", "ее", "ой", "ую",
		"юю", "ться", "тся", "ешь", "ает", "яет", "ают", "яют", "ует", "уют", "ение", "ения", "ении", "ением",
		"ание", "ания", "ании", "анием", "ость", "ости", "остью", "ция", "ции", "цию", "цией", "ами", "ями",
		"ному", "ными", "ского", "ской", "ских", "ским", "ские", "щий", "щая", "щие", "щих", "вший", "ется",
		"ются", "ить", "ать", "ять", "еть", "уть", "ировал", "ния", "ные", "ным", "ная", "ована", "ован", "ства", "ство", "ством"}
)

// uzEndings are Uzbek Latin endings that English words do not have.
var uzEndings = []string{"lari", "larni", "larga", "larda", "lardan", "dagi", "moqda", "ishdi", "ilgan", "ishgan", "ingiz", "imiz"}

// voteWord returns the language a folded word of script sc points to,
// if any; title says whether it was capitalised. Latin
// words other than English function words return wlNone: they count for
// English only when the text has enough English function words.
func voteWord(w string, sc script, title bool) wordLang {
	switch sc {
	case scriptOther:
		return wlOther
	case scriptLatin:
		if strings.ContainsAny(w, "ğşıçâîûéèàäßñńóúǵýöüəňž") || strings.Contains(w, "o'") || strings.Contains(w, "g'") {
			return wlOther
		}
		if otherStop[w] {
			return wlOther
		}
		if enStop[w] {
			return wlEN
		}
		for _, e := range uzEndings {
			if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
				return wlOther
			}
		}
		return wlNone
	case scriptCyrillic:
	default:
		return wlNone
	}
	if strings.ContainsAny(w, "әғқұһіўҳӣӯҷҗ") {
		return wlOther
	}
	if otherStop[w] && w != "мен" {
		return wlOther
	}
	if title && utf8.RuneCountInString(w) == 1 {
		return wlNone // an initial: И. Ахунбаев
	}
	if strings.ContainsAny(w, "ңөү") || kyStop[w] {
		return wlKY
	}
	if ruStop[w] || strings.ContainsAny(w, "щъ") {
		return wlRU
	}
	if title {
		// Names (Абдыкааров, Таалай) keep their Kyrgyz shape in Russian
		// texts: only letters, function words and Kyrgyz case endings
		// (Россиянын, Тыныстановдун) count for them.
		for _, e := range kyCaseEndings {
			if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) >= 6 {
				return wlKY
			}
		}
		return wlNone
	}
	n := utf8.RuneCountInString(w)
	doubled := strings.Contains(w, "ээ") || strings.Contains(w, "оо") || strings.Contains(w, "уу") || strings.Contains(w, "аа") || strings.Contains(w, "ыы")
	if n < 5 {
		if doubled {
			return wlKY
		}
		return wlNone
	}
	for _, e := range ruEndings {
		if strings.HasSuffix(w, e) {
			return wlRU
		}
	}
	for _, e := range kyEndings {
		if strings.HasSuffix(w, e) {
			return wlKY
		}
	}
	if doubled {
		return wlKY
	}
	return wlNone
}

// LangVotes counts a text's words by the language they point to.
type LangVotes struct {
	KY, RU, EN, Other int // words with evidence
	LatinOther        int // Latin words with Uzbek or Turkish evidence
	Cyrillic, Latin   int // words of each script that are not names
}

// sumVotes counts the votes of toks.
func sumVotes(toks []token) LangVotes {
	var v LangVotes
	for i := range toks {
		t := &toks[i]
		if t.hashtag {
			continue // hashtags are often in another language than the post
		}
		vote := t.w.vote[b2i(t.title)]
		switch vote {
		case wlKY:
			v.KY++
		case wlRU:
			v.RU++
		case wlEN:
			v.EN++
		case wlOther:
			v.Other++
		}
		if vote == wlOther {
			if t.w.script == scriptLatin {
				v.LatinOther++
			}
			continue
		}
		switch {
		case t.w.script == scriptCyrillic:
			v.Cyrillic++
		case t.w.script == scriptLatin && (!t.title || vote == wlEN) && !t.upper && t.w.runes > 1:
			v.Latin++ // capitalised Latin words in Cyrillic texts are mostly names
		}
	}
	return v
}

// shares estimates how many words each language holds: Cyrillic words
// without evidence are split between Kyrgyz and Russian in the ratio of
// those with evidence; Latin words are English when enough of them are
// English function words (they are a third of English prose), else they
// are another language when some carry Uzbek or Turkish evidence.
func (v LangVotes) shares() (ky, ru, en, other float64) {
	ky, ru, other = float64(v.KY), float64(v.RU), float64(v.Other)
	if rest := float64(v.Cyrillic - v.KY - v.RU); rest > 0 {
		switch {
		case v.KY+v.RU > 0:
			ky += rest * float64(v.KY) / float64(v.KY+v.RU)
			ru += rest * float64(v.RU) / float64(v.KY+v.RU)
		default:
			ru += rest
		}
	}
	if v.Latin > 0 {
		if v.LatinOther == 0 || float64(v.EN) >= 0.12*float64(v.Latin) {
			en = float64(v.Latin)
		} else {
			other += float64(v.Latin)
		}
	}
	return ky, ru, en, other
}

// decideLang turns votes into a language.
func decideLang(v LangVotes) kopuro.Lang {
	ky, ru, en, other := v.shares()
	main := ky + ru + en
	if main+other == 0 {
		if v.Latin > 0 {
			return kopuro.EN
		}
		return kopuro.LangOther
	}
	// A few Kazakh/Uzbek/Turkish words mark the whole text: Kyrgyz and
	// Russian texts do not contain them except in names.
	if other >= 0.2*(main+other) && v.Other >= 2 || other > main {
		return kopuro.LangOther
	}
	type lv struct {
		l kopuro.Lang
		n float64
	}
	// ordered by share; Kyrgyz first on ties (a Kyrgyz text is full of
	// Russian loanwords, never the reverse)
	ls := [3]lv{{kopuro.KY, ky}, {kopuro.RU, ru}, {kopuro.EN, en}}
	slices.SortStableFunc(ls[:], func(a, b lv) int { return cmp.Compare(b.n, a.n) })
	if ls[1].n >= 3 && ls[1].n >= 0.25*main {
		return kopuro.LangMixed
	}
	return ls[0].l
}

// DetectLang returns the language of text: ky, ru, en, mixed or other.
func DetectLang(text string) kopuro.Lang {
	return decideLang(sumVotes(tokenize(text)))
}
