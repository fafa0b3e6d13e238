package agree

import (
	"slices"
	"strconv"
	"strings"

	"kopuro"
)

// The fields of a coding that agreement is measured on, in display order.
// FieldSDGs compares the set of goals as one value; per-goal fields
// ("sdg_4") compare whether each coder gave that goal.
const (
	FieldCategory = "category"
	FieldArea     = "tm_area"
	FieldLang     = "lang"
	FieldSDGs     = "sdgs"
	FieldCTA      = "cta"
	FieldQuestion = "question"
	FieldStory    = "story"
)

// Fields lists the single-valued fields; per-goal fields follow them.
var Fields = []string{FieldCategory, FieldArea, FieldLang, FieldSDGs, FieldCTA, FieldQuestion, FieldStory}

// SDGField is the per-goal binary field of goal g.
func SDGField(g int) string { return "sdg_" + strconv.Itoa(g) }

// values returns the comparable value of every field of l, per-goal
// fields for goals 1..17 included.
func values(l kopuro.Labels) map[string]string {
	sdgs := slices.Clone(l.SDGs)
	slices.Sort(sdgs)
	parts := make([]string, len(sdgs))
	for i, g := range sdgs {
		parts[i] = strconv.Itoa(g)
	}
	v := map[string]string{
		FieldCategory: string(l.Category), FieldArea: string(l.Area), FieldLang: string(l.Lang),
		FieldSDGs: strings.Join(parts, ","), FieldCTA: strconv.FormatBool(l.CTA),
		FieldQuestion: strconv.FormatBool(l.Question), FieldStory: strconv.FormatBool(l.Story),
	}
	for g := 1; g <= 17; g++ {
		v[SDGField(g)] = strconv.FormatBool(slices.Contains(l.SDGs, g))
	}
	return v
}

// FieldScore is one field's agreement.
type FieldScore struct {
	Field string `json:"field"`
	Score
}

// MarshalJSON flattens the score beside the field name.
func (f FieldScore) MarshalJSON() ([]byte, error) {
	b, err := f.Score.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return append([]byte(`{"field":`+strconv.Quote(f.Field)+`,`), b[1:]...), nil
}

// Labels scores two coders' labels of the same posts, a[i] and b[i] being
// their labels of post i, on every field; per-goal fields are listed only
// for goals either coder gave at least once.
func Labels(a, b []kopuro.Labels) []FieldScore {
	va, vb := make([]map[string]string, len(a)), make([]map[string]string, len(b))
	for i := range a {
		va[i], vb[i] = values(a[i]), values(b[i])
	}
	var out []FieldScore
	for _, f := range Fields {
		out = append(out, FieldScore{f, field(va, vb, f)})
	}
	for g := 1; g <= 17; g++ {
		used := false
		for i := range a {
			used = used || slices.Contains(a[i].SDGs, g) || slices.Contains(b[i].SDGs, g)
		}
		if used {
			out = append(out, FieldScore{SDGField(g), field(va, vb, SDGField(g))})
		}
	}
	return out
}

func field(va, vb []map[string]string, f string) Score {
	xa, xb := make([]string, len(va)), make([]string, len(vb))
	for i := range va {
		xa[i], xb[i] = va[i][f], vb[i][f]
	}
	return Nominal(xa, xb)
}
