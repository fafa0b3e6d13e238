package report

import (
	"bytes"
	"html"
	"strings"
	"testing"
)

// TestTable1Footnotes checks that the notes the sources give on Table 1
// figures become footnotes, one per distinct note, shared by figures with
// the same note, in every format.
func TestTable1Footnotes(t *testing.T) {
	m := fixtureModel(t)
	f := fmtr{lang: "en", cat: cat}
	t1 := Table1(m, f)
	marks := map[string]string{} // row/column → mark
	for _, r := range t1.Rows {
		for j, c := range r {
			if c.Foot != "" {
				marks[r[0].Text+"/"+t1.Head[j]] = c.Foot
			}
			if (c.Note == "") != (c.Foot == "") {
				t.Errorf("%s/%s: note %q with mark %q", r[0].Text, t1.Head[j], c.Note, c.Foot)
			}
		}
	}
	// KSMA and IUK: "no data: little activity" in the study; one footnote.
	if a, b := marks["KSMA/Instagram"], marks["IUK/Instagram"]; a == "" || a != b {
		t.Errorf("KSMA and IUK marks %q and %q, want one shared mark", a, b)
	}
	want := "¹ named in the study text (about 129 thousand); private medical university"
	if len(t1.Footnotes) == 0 || t1.Footnotes[0] != want {
		t.Errorf("first footnote %q, want %q", t1.Footnotes, want)
	}
	if marks["SIU/Facebook"] != "¹" {
		t.Errorf("SIU's Facebook figure has mark %q, want ¹", marks["SIU/Facebook"])
	}
	d := Compose(m, "en", cat)
	var h, md bytes.Buffer
	if err := HTML(&h, d); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(h.String())
	for _, fn := range t1.Footnotes {
		if !strings.Contains(page, "<li>"+fn+"</li>") {
			t.Errorf("HTML lacks footnote %q", fn)
		}
		if !strings.Contains(md.String(), mdEscape(fn)) {
			t.Errorf("Markdown lacks footnote %q", fn)
		}
	}
	if !strings.Contains(page, "~129,000<sup>¹</sup>") {
		t.Error("HTML: SIU's figure has no footnote mark")
	}
}
