package codebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kopuro"
)

// maxSize bounds a codebook file: a codebook is a few hundred kilobytes.
const maxSize = 8 << 20

// Load reads and validates a codebook. Errors are *kopuro.Error values
// that name the line (for syntax errors) or the field path, e.g.
// categories[2].terms.ru["волонт*"].
func Load(r io.Reader) (*Codebook, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxSize {
		return nil, kopuro.Errorf(kopuro.EInvalid, "codebook.error.size", "the codebook file is larger than %d bytes", maxSize).WithArg("Max", maxSize)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var c Codebook
	if err := dec.Decode(&c); err != nil {
		return nil, syntaxError(raw, err)
	}
	if dec.More() {
		return nil, kopuro.Errorf(kopuro.EInvalid, "codebook.error.trailing", "text after the codebook's closing brace")
	}
	c.raw = raw
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// syntaxError locates a decoding error by line.
func syntaxError(raw []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	detail := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		detail = fmt.Sprintf("field %s: %s where %s is expected", te.Field, te.Value, te.Type)
	}
	e := kopuro.Errorf(kopuro.EInvalid, "codebook.error.syntax", "the codebook is not valid JSON: %s", detail).WithArg("Detail", detail)
	if off >= 0 {
		if off > int64(len(raw)) {
			off = int64(len(raw))
		}
		e = e.At("", 1+bytes.Count(raw[:off], []byte("\n")))
	}
	return e
}

func invalid(field, key, format string, args ...any) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, key, format, args...).InField(field).WithArg("Field", field)
}

func (c *Codebook) validate() error {
	if strings.TrimSpace(c.Ver) == "" {
		return invalid("version", "codebook.error.missing", "the codebook needs a version")
	}
	if err := labelSet("categories", c.Categories, kopuro.Categories); err != nil {
		return err
	}
	if err := labelSet("areas", c.Areas, kopuro.Areas); err != nil {
		return err
	}
	if len(c.SDGs) != 17 {
		return invalid("sdgs", "codebook.error.sdg_count", "the codebook needs the 17 SDGs, got %d", len(c.SDGs)).WithArg("Count", len(c.SDGs))
	}
	for i, g := range c.SDGs {
		p := fmt.Sprintf("sdgs[%d]", i)
		if g.Goal != i+1 {
			return invalid(p+".goal", "codebook.error.sdg_order", "goal %d must be listed as number %d", g.Goal, i+1).WithArg("Value", g.Goal)
		}
		if err := texts(p, g.Name, g.Definition); err != nil {
			return err
		}
		if err := lexicon(p+".terms", g.Terms); err != nil {
			return err
		}
	}
	for _, l := range Langs {
		for j, pre := range c.SDGTags[l] {
			if !isTagWord(pre) {
				return invalid(fmt.Sprintf("sdg_hashtags.%s[%d]", l, j), "codebook.error.term", "%q is not a hashtag prefix", pre).WithArg("Value", pre)
			}
		}
	}
	need := []string{"cta", "question", "story", "announcement"}
	seen := map[string]bool{}
	for i, s := range c.Styles {
		p := fmt.Sprintf("styles[%d]", i)
		if seen[s.ID] {
			return invalid(p+".id", "codebook.error.duplicate", "style %q is defined twice", s.ID).WithArg("Value", s.ID)
		}
		seen[s.ID] = true
		if !(s.Threshold > 0) || math.IsInf(s.Threshold, 0) {
			return invalid(p+".threshold", "codebook.error.threshold", "the threshold must be a positive number")
		}
		if err := texts(p, s.Name, s.Definition); err != nil {
			return err
		}
		if err := lexicon(p+".terms", s.Terms); err != nil {
			return err
		}
		if err := lexiconMaybeEmpty(p+".in_question", s.InQuestion, true); err != nil {
			return err
		}
	}
	for _, id := range need {
		if !seen[id] {
			return invalid("styles", "codebook.error.missing_id", "the style %q is missing", id).WithArg("Value", id)
		}
	}
	return c.Tuning.validate()
}

func (t Tuning) validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"lead_boost", t.LeadBoost}, {"area_to_third_mission", t.AreaToThirdMission}, {"sdg_min", t.SDGMin},
		{"sdg_relative", t.SDGRelative}, {"sdg_outside_tm", t.SDGOutsideTM}, {"hashtag_weight", t.HashtagWeight},
		{"quote_weight", t.QuoteWeight}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 || f.v > 100 {
			return invalid("tuning."+f.name, "codebook.error.weight", "%s must be between 0 and 100", f.name)
		}
	}
	if t.LeadRunes < 0 || t.QuoteWords < 0 {
		return invalid("tuning", "codebook.error.weight", "lead_runes and quote_words must not be negative")
	}
	return nil
}

// labelSet checks that ls holds exactly the ids of want, each once.
func labelSet[T ~string](field string, ls []Label, want []T) error {
	seen := map[string]bool{}
	for i, l := range ls {
		p := fmt.Sprintf("%s[%d]", field, i)
		ok := false
		for _, w := range want {
			ok = ok || string(w) == l.ID
		}
		if !ok {
			return invalid(p+".id", "codebook.error.unknown_id", "unknown id %q", l.ID).WithArg("Value", l.ID)
		}
		if seen[l.ID] {
			return invalid(p+".id", "codebook.error.duplicate", "%q is defined twice", l.ID).WithArg("Value", l.ID)
		}
		seen[l.ID] = true
		if math.IsNaN(l.Prior) || math.IsInf(l.Prior, 0) || math.Abs(l.Prior) > 100 {
			return invalid(p+".prior", "codebook.error.weight", "the prior must be between -100 and 100")
		}
		if err := texts(p, l.Name, l.Definition); err != nil {
			return err
		}
		if err := lexicon(p+".terms", l.Terms); err != nil {
			return err
		}
		for k, w := range l.SDGs {
			n, err := strconv.Atoi(k)
			if err != nil || n < 1 || n > 17 {
				return invalid(fmt.Sprintf("%s.sdgs[%q]", p, k), "codebook.error.unknown_id", "%q is not an SDG number", k).WithArg("Value", k)
			}
			if err := weight(fmt.Sprintf("%s.sdgs[%q]", p, k), w); err != nil {
				return err
			}
		}
	}
	for _, w := range want {
		if !seen[string(w)] {
			return invalid(field, "codebook.error.missing_id", "%q is missing", string(w)).WithArg("Value", string(w))
		}
	}
	return nil
}

// texts checks that a name and a definition exist in all three languages.
func texts(p string, name, def kopuro.Text) error {
	for _, f := range []struct {
		field string
		t     kopuro.Text
	}{{"name", name}, {"definition", def}} {
		for _, l := range Langs {
			if strings.TrimSpace(textIn(f.t, l)) == "" {
				field := p + "." + f.field + "." + l
				return invalid(field, "codebook.error.missing", "%s is missing", field)
			}
		}
	}
	return nil
}

func textIn(t kopuro.Text, l string) string {
	switch l {
	case "ky":
		return t.KY
	case "ru":
		return t.RU
	}
	return t.EN
}

func lexicon(p string, lx Lexicon) error { return lexiconMaybeEmpty(p, lx, false) }

func lexiconMaybeEmpty(p string, lx Lexicon, emptyOK bool) error {
	for _, l := range Langs {
		m := lx.ByLang(l)
		if len(m) == 0 && !emptyOK {
			return invalid(p+"."+l, "codebook.error.missing", "%s.%s has no terms", p, l)
		}
		for term, w := range m {
			field := fmt.Sprintf("%s.%s[%q]", p, l, term)
			if err := checkTerm(term); err != nil {
				return invalid(field, "codebook.error.term", "bad term %q: %s", term, err).WithArg("Value", term).WithArg("Detail", err.Error())
			}
			if err := weight(field, w); err != nil {
				return err
			}
		}
	}
	return nil
}

func weight(field string, w float64) error {
	if w == 0 || math.IsNaN(w) || math.IsInf(w, 0) || math.Abs(w) > 10 {
		return invalid(field, "codebook.error.weight", "the weight must be non-zero and between -10 and 10")
	}
	return nil
}

// checkTerm validates the syntax of one lexicon term.
func checkTerm(term string) error {
	words := strings.Fields(term)
	if len(words) == 0 {
		return errors.New("empty")
	}
	if len(words) > 6 {
		return errors.New("more than six words")
	}
	if strings.Join(words, " ") != term {
		return errors.New("extra spaces")
	}
	for _, w := range words {
		body := strings.TrimPrefix(strings.TrimSuffix(w, "*"), "=")
		if strings.ContainsAny(body, "*=") {
			return errors.New("“*” may only end a word and “=” only start it")
		}
		if strings.HasPrefix(w, "=") && strings.HasSuffix(w, "*") {
			return fmt.Errorf("%q: a word is either exact (=) or a prefix (*)", w)
		}
		if !isTagWord(body) {
			return fmt.Errorf("%q holds characters other than letters, digits, apostrophes", w)
		}
		if body != strings.ToLower(body) {
			return fmt.Errorf("%q must be lower case", w)
		}
		// A lone prefix must be long enough not to match half the
		// language; inside a phrase the other words narrow it.
		if min := 3 - min(len(words)-1, 1); strings.HasSuffix(w, "*") && utf8.RuneCountInString(body) < min {
			return fmt.Errorf("the prefix %q is shorter than %d letters", w, min)
		}
	}
	return nil
}

// isTagWord reports whether s is a non-empty run of letters, digits and
// inner apostrophes.
func isTagWord(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '\'' && i > 0 && i < len(s)-1 {
			continue
		}
		return false
	}
	return true
}
