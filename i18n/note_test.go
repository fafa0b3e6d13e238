package i18n

import (
	"encoding/csv"
	"strings"
	"testing"

	"kopuro"
	"kopuro/data"
)

// TestTable1NotesInEveryLanguage: every note of the bundled Table 1 has
// its text in Kyrgyz, Russian and English (the CSV stays the study's, in
// English), and the catalogues hold no note the data lacks.
func TestTable1NotesInEveryLanguage(t *testing.T) {
	f, err := data.FS.Open("study-table1.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "note" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("study-table1.csv has no note column")
	}
	cat := Embedded()
	known := map[string]bool{}
	for _, r := range rows[1:] {
		note := strings.TrimSpace(r[col])
		if note == "" {
			continue
		}
		known[kopuro.NoteKey(note)] = true
		for _, lang := range Langs {
			if !cat.Has(lang, kopuro.NoteKey(note)) {
				t.Errorf("%s: no %s for the note %q", lang, kopuro.NoteKey(note), note)
				continue
			}
			got := cat.Note(lang, kopuro.NoteKey(note), note)
			switch {
			case lang == "en" && got != note:
				t.Errorf("en: %q, want the study's own words %q", got, note)
			case lang != "en" && (got == note || !strings.ContainsAny(got, "аеиоуыэюяөү")):
				t.Errorf("%s: %q is not a translation of %q", lang, got, note)
			}
		}
	}
	if len(known) == 0 {
		t.Fatal("no notes in study-table1.csv")
	}
	for _, lang := range Langs {
		for _, k := range cat.Keys(lang) {
			if strings.HasPrefix(k, "note.") && !known[k] {
				t.Errorf("%s: %s is no note of study-table1.csv", lang, k)
			}
		}
	}
}

// TestNote: a note the catalogues do not know is shown as written.
func TestNote(t *testing.T) {
	cat := Embedded()
	for _, tc := range []struct{ lang, note, want string }{
		{"ru", "  no data ", "нет данных"},
		{"ky", "no data", "маалымат жок"},
		{"ky", "our own remark", "our own remark"},
		{"ru", "биздин эскертүү", "биздин эскертүү"},
		{"en", "", ""},
	} {
		if got := cat.Note(tc.lang, kopuro.NoteKey(tc.note), tc.note); got != tc.want {
			t.Errorf("Note(%s, %q) = %q, want %q", tc.lang, tc.note, got, tc.want)
		}
	}
}
