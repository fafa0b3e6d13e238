package report

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"kopuro"

	"github.com/xuri/excelize/v2"
)

func TestMarkdownGolden(t *testing.T) {
	m := fixtureModel(t)
	for _, lang := range []string{"ky", "ru", "en"} {
		var b bytes.Buffer
		if err := Markdown(&b, Compose(m, lang, cat)); err != nil {
			t.Fatal(err)
		}
		golden(t, "report-"+lang+".md", b.Bytes())
		for _, v := range Table1Values(m, lang) {
			if !strings.Contains(b.String(), mdEscape(v)) {
				t.Errorf("%s: Table 1 value %q missing", lang, v)
			}
		}
		if strings.Contains(b.String(), "<script") || strings.Contains(b.String(), "dryer](javascript") {
			t.Errorf("%s: untrusted post text is not escaped", lang)
		}
	}
}

func TestSummaryMarkdownGolden(t *testing.T) {
	m := fixtureModel(t, "manas")
	var b bytes.Buffer
	if err := Markdown(&b, Compose(m, "ky", cat)); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary-manas-ky.md", b.Bytes())
}

// TestXLSXGolden reads every sheet back and compares the cell values and
// their types with the golden listing.
func TestXLSXGolden(t *testing.T) {
	m := fixtureModel(t)
	var b bytes.Buffer
	if err := XLSX(&b, Compose(m, "en", cat)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&out, "== %s\n", sh)
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				ty, err := f.GetCellType(sh, cell)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&out, "%s\t%s\t%q\n", cell, cellType(ty), v)
			}
		}
		if sh != "report" {
			panes, err := f.GetPanes(sh)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("sheet %s: header row not frozen", sh)
			}
		}
	}
	golden(t, "report-en.xlsx.txt", []byte(out.String()))
	// Table 1 figures are numbers with their precision beside them.
	v, _ := f.GetCellValue("table1", "B2")
	ty, _ := f.GetCellType("table1", "B2")
	p, _ := f.GetCellValue("table1", "C2")
	if ty == excelize.CellTypeSharedString || ty == excelize.CellTypeInlineString || v == "" || p == "" {
		t.Errorf("table1!B2 = %q (type %v), precision %q: want a number and its precision", v, ty, p)
	}
}

func cellType(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "s"
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		return "n"
	}
	return fmt.Sprint(int(t))
}

// TestHTMLSectionsAndTable1 renders every language and checks that each
// section heading and each Table 1 figure appears.
func TestHTMLSectionsAndTable1(t *testing.T) {
	m := fixtureModel(t)
	for _, lang := range []string{"ky", "ru", "en"} {
		d := Compose(m, lang, cat)
		var b bytes.Buffer
		if err := HTML(&b, d); err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(b.String())
		if len(d.Sections) != len(SectionIDs()) {
			t.Fatalf("%s: %d sections, want %d", lang, len(d.Sections), len(SectionIDs()))
		}
		for i, id := range SectionIDs() {
			h := cat.T(lang, "report."+id+".heading")
			if strings.HasPrefix(h, "!") || !strings.Contains(page, fmt.Sprintf("%d. %s</h2>", i+1, h)) {
				t.Errorf("%s: section heading %q missing", lang, h)
			}
		}
		for _, v := range Table1Values(m, lang) {
			if !strings.Contains(page, v) {
				t.Errorf("%s: Table 1 value %q missing", lang, v)
			}
		}
		if strings.Contains(b.String(), "<script>alert") || strings.Contains(b.String(), `href="javascript`) {
			t.Errorf("%s: untrusted post text is not escaped", lang)
		}
		if strings.Contains(page, "!report.") {
			t.Errorf("%s: a catalogue key is missing", lang)
		}
	}
}

// TestFormats: every format in the one list parses and has its own media
// type and renderer; an unknown one is a user error that lists them all.
// (Rendering each format is tested by the golden and browser tests.)
func TestFormats(t *testing.T) {
	types := map[string]bool{}
	for _, f := range Formats {
		if got, err := ParseFormat(f); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
		if ct := ContentType(f); ct == "" || types[ct] {
			t.Errorf("%s: media type %q empty or shared", f, ct)
		} else {
			types[ct] = true
		}
	}
	if Formats[0] != "html" || FormatList != "html, pdf, md, xlsx" {
		t.Errorf("Formats %v, FormatList %q", Formats, FormatList)
	}
	_, err := ParseFormat("doc")
	if e := kopuro.AsError(err); e == nil || e.Key != "report.error.format" || e.Args["Formats"] != FormatList || e.Args["Value"] != "doc" {
		t.Errorf("ParseFormat(doc): %v", err)
	}
	if err := Write(context.Background(), io.Discard, "doc", nil); kopuro.AsError(err) == nil {
		t.Errorf("Write(doc): %v", err)
	}
}
