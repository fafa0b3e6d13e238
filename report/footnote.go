package report

import "strconv"

// footnotes numbers the notes of t's figures: each distinct note gets the
// next mark, in reading order, and figures with the same note share it, as
// the study marks its "no data" figures.
func footnotes(t *Table) {
	marks := map[string]string{}
	for _, r := range t.Rows {
		for j := range r {
			c := &r[j]
			if c.Note == "" {
				continue
			}
			m, ok := marks[c.Note]
			if !ok {
				m = superscript(len(t.Footnotes) + 1)
				marks[c.Note] = m
				t.Footnotes = append(t.Footnotes, m+" "+c.Note)
			}
			c.Foot = m
		}
	}
}

// superscript writes n in superscript digits: 12 → ¹².
func superscript(n int) string {
	digits := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	var out []rune
	for _, d := range strconv.Itoa(n) {
		out = append(out, digits[d-'0'])
	}
	return string(out)
}
