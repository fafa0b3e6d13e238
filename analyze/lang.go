package analyze

import (
	"strings"

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
		"va", "bilan", "uchun", "ham", "bo'yicha", "yil", "yilning", "kuni", "tomonidan", "bo'lib", "qilish", // Uzbek Latin
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

// Endings typical of one language; checked only on words of five or more
// letters, where they are reliable.
var (
	kyEndings = []string{"нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
		"ган", "ген", "гон", "кан", "кен", "кон", "луу", "дуу", "туу", "лар", "лер", "лор", "дар", "дер", "дор",
		"тар", "тер", "тор", "ларды", "лерди", "лорду", "дарды", "дерди", "ларга", "лерге", "сында", "синде",
		"сунда", "ынан", "инен", "унан", "уусу", "ышат", "ишет", "ушат", "ыбыз", "ибиз", "абыз", "ебиз", "обуз",
		"ында", "инде", "унда", "ынын", "инин", "унун", "дагы", "деги", "догу", "лык", "лик", "лук", "дык", "дик",
		"чылар", "чулар", "чылык", "уусу", "ыштыр", "иштир", "уштур"}
	ruEndings = []string{"ого", "его", "ому", "ему", "ых", "их", "ый", "ий", "ая", "яя", "ое", "ее", "ой", "ую",
		"юю", "ться", "тся", "ешь", "ает", "яет", "ают", "яют", "ует", "уют", "ение", "ения", "ении", "ением",
		"ание", "ания", "ании", "анием", "ость", "ости", "остью", "ция", "ции", "цию", "цией", "ами", "ями",
		"ному", "ными", "ского", "ской", "ских", "ским", "ские", "щий", "щая", "щие", "щих", "вший", "ется",
		"ются", "ить", "ать", "ять", "еть", "уть", "ировал", "ния", "ные", "ным", "ная", "ована", "ован", "ства", "ство", "ством"}
)

// voteWord returns the language a folded word points to, if any.
func voteWord(t token) wordLang {
	w := t.text
	switch t.script {
	case scriptOther:
		return wlOther
	case scriptLatin:
		if strings.ContainsAny(w, "ğşıçâîûéèàäß") || strings.Contains(w, "o'") || strings.Contains(w, "g'") {
			return wlOther
		}
		if otherStop[w] {
			return wlOther
		}
		if enStop[w] {
			return wlEN
		}
		if len(w) >= 3 && !t.upper && isASCIIWord(w) && !strings.ContainsAny(w, "0123456789") {
			return wlEN
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
	if strings.ContainsAny(w, "ңөү") || kyStop[w] {
		return wlKY
	}
	if ruStop[w] || strings.ContainsAny(w, "щъ") {
		return wlRU
	}
	n := len([]rune(w))
	if t.title {
		// Names (Абдыкааров, Таалай) keep their Kyrgyz shape in Russian
		// texts: only letters and function words count for them.
		return wlNone
	}
	if n < 5 {
		if strings.Contains(w, "ээ") || strings.Contains(w, "оо") || strings.Contains(w, "уу") || strings.Contains(w, "аа") || strings.Contains(w, "ыы") {
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
	if strings.Contains(w, "ээ") || strings.Contains(w, "оо") || strings.Contains(w, "уу") || strings.Contains(w, "аа") || strings.Contains(w, "ыы") {
		return wlKY
	}
	return wlNone
}

// LangVotes counts the votes of a text's words.
type LangVotes struct{ KY, RU, EN, Other, Cyrillic, Latin, OtherScript, KKLetters int }

func countVotes(toks []token) LangVotes {
	var v LangVotes
	for _, t := range toks {
		if t.hashtag {
			continue // hashtags are often in another language than the post
		}
		switch t.script {
		case scriptCyrillic:
			v.Cyrillic++
		case scriptLatin:
			v.Latin++
		case scriptOther:
			v.OtherScript++
		}
		switch voteWord(t) {
		case wlKY:
			v.KY++
		case wlRU:
			v.RU++
		case wlEN:
			v.EN++
		case wlOther:
			v.Other++
		}
	}
	return v
}

// decideLang turns votes into a language.
func decideLang(v LangVotes) kopuro.Lang {
	total := v.KY + v.RU + v.EN + v.Other
	if total == 0 {
		switch {
		case v.Cyrillic > 0 && v.Cyrillic >= v.Latin:
			return kopuro.RU
		case v.Latin > 0:
			return kopuro.EN
		}
		return kopuro.LangOther
	}
	// A few Kazakh/Uzbek/Turkish words mark the whole text: Kyrgyz and
	// Russian texts do not contain them except in names.
	if float64(v.Other) >= 0.2*float64(total) && v.Other >= 2 || v.Other > v.KY+v.RU+v.EN {
		return kopuro.LangOther
	}
	type lv struct {
		l kopuro.Lang
		n int
	}
	ls := []lv{{kopuro.KY, v.KY}, {kopuro.RU, v.RU}, {kopuro.EN, v.EN}}
	// order by votes, Kyrgyz first on ties (a Kyrgyz text is full of
	// Russian loanwords, never the reverse)
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].n > ls[j-1].n; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
	main := ls[0].n + ls[1].n + ls[2].n
	if ls[1].n >= 3 && float64(ls[1].n) >= 0.25*float64(main) {
		return kopuro.LangMixed
	}
	return ls[0].l
}

// DetectLang returns the language of text: ky, ru, en, mixed or other.
func DetectLang(text string) kopuro.Lang {
	return decideLang(countVotes(tokenize(text)))
}
