package kopuro

// Lang is a language Kopuro speaks (UI, reports, codebook) or detects.
type Lang string

// The interface languages, equals: Kyrgyz first because it is the default.
const (
	KY Lang = "ky"
	RU Lang = "ru"
	EN Lang = "en"
)

// Detected-language values beyond the three interface languages.
const (
	LangMixed Lang = "mixed" // two languages each hold at least a quarter of the words
	LangOther Lang = "other" // Kazakh, Uzbek, Turkish and every other language
)

// UILangs are the interface languages in their canonical order.
var UILangs = []Lang{KY, RU, EN}

// ParseUILang returns the interface language named by s, or false.
func ParseUILang(s string) (Lang, bool) {
	for _, l := range UILangs {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

// Text is a string given in each interface language; any may be empty.
type Text struct {
	KY string `json:"ky,omitempty"`
	RU string `json:"ru,omitempty"`
	EN string `json:"en,omitempty"`
}

// In returns the text in lang, falling back to the other languages
// (English, then Russian, then Kyrgyz) when that one is empty.
func (t Text) In(lang Lang) string {
	var first string
	switch lang {
	case KY:
		first = t.KY
	case RU:
		first = t.RU
	case EN:
		first = t.EN
	}
	for _, s := range []string{first, t.EN, t.RU, t.KY} {
		if s != "" {
			return s
		}
	}
	return ""
}

// Empty reports whether no language has a value.
func (t Text) Empty() bool { return t.KY == "" && t.RU == "" && t.EN == "" }
