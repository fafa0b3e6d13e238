package codebook

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"kopuro"
)

func TestDefault(t *testing.T) {
	cb := Default()
	if cb.Version() == "" {
		t.Fatal("no version")
	}
	if len(cb.Categories) != 5 || len(cb.Areas) != 5 || len(cb.SDGs) != 17 {
		t.Fatalf("sizes: %d categories, %d areas, %d SDGs", len(cb.Categories), len(cb.Areas), len(cb.SDGs))
	}
	// Definitions are shown by the dashboard and reports in each language.
	for _, c := range cb.Categories {
		for _, l := range []kopuro.Lang{kopuro.KY, kopuro.RU, kopuro.EN} {
			if c.Definition.In(l) == "" || c.Name.In(l) == "" {
				t.Errorf("%s: no name or definition in %s", c.ID, l)
			}
		}
	}
	if cb.Category("third_mission") == nil || cb.Area("civic_volunteering") == nil || cb.SDG(17) == nil || cb.Style("story") == nil {
		t.Error("lookups failed")
	}
	if cb.Category("nope") != nil || cb.SDG(18) != nil || cb.Style("nope") != nil {
		t.Error("lookups of unknown ids succeeded")
	}
	again, err := Load(bytes.NewReader(cb.Raw()))
	if err != nil || again.Version() != cb.Version() {
		t.Fatalf("reloading the export: %v", err)
	}
}

func TestSDGHashtagForms(t *testing.T) {
	var got []string
	for _, h := range Default().SDGHashtags(4) {
		got = append(got, h.Text)
	}
	for _, want := range []string{"#SDG4", "#ЦУР4", "#ТӨМ4"} {
		if !strings.Contains(strings.Join(got, " "), want) {
			t.Errorf("hashtags of goal 4 %v lack %s", got, want)
		}
	}
}

func TestTerms(t *testing.T) {
	terms := Default().Terms()
	kinds := map[string]int{}
	for _, tm := range terms {
		kinds[tm.Kind]++
		if tm.Text == "" || tm.Weight == 0 {
			t.Fatalf("empty term %+v", tm)
		}
		if strings.ContainsAny(tm.Surface(), "*") {
			t.Fatalf("surface keeps the prefix marker: %q", tm.Surface())
		}
	}
	for _, k := range []string{"category", "area", "sdg", "style", "style_in_question", "sdg_hashtag"} {
		if kinds[k] == 0 {
			t.Errorf("no terms of kind %s", k)
		}
	}
	small := load(t, "testdata/small.json")
	// 5 categories, 5 areas, 17 goals, 4 styles × 3 languages, and 17×3 hashtags.
	if n := len(small.Terms()); n != (5+5+17+4)*3+17*3 {
		t.Errorf("small codebook has %d terms", n)
	}
}

func load(t *testing.T, path string) *Codebook {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cb, err := Load(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cb
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file, key, field string
		line             int
		detail           string
	}{
		{"no-version", "codebook.error.missing", "version", 0, ""},
		{"missing-category", "codebook.error.missing_id", "categories", 0, ""},
		{"unknown-area", "codebook.error.unknown_id", "areas[1].id", 0, ""},
		{"short-prefix", "codebook.error.term", `categories[0].terms.ru["ab*"]`, 0, ""},
		{"upper-case-term", "codebook.error.term", `categories[0].terms.en["Volunteer"]`, 0, ""},
		{"zero-weight", "codebook.error.weight", `areas[3].terms.ky["курс"]`, 0, ""},
		{"sixteen-sdgs", "codebook.error.sdg_count", "sdgs", 0, ""},
		{"sdg-order", "codebook.error.sdg_order", "sdgs[3].goal", 0, ""},
		{"no-announcement", "codebook.error.missing_id", "styles", 0, ""},
		{"missing-definition", "codebook.error.missing", "sdgs[0].definition.ky", 0, ""},
		{"zero-threshold", "codebook.error.threshold", "styles[0].threshold", 0, ""},
		{"area-sdg-18", "codebook.error.unknown_id", `areas[0].sdgs["18"]`, 0, ""},
		{"star-inside", "codebook.error.term", `categories[0].terms.ru["a*b"]`, 0, ""},
		{"unknown-field", "codebook.error.syntax", "", 0, "colour"},
		{"syntax", "codebook.error.syntax", "", 4, ""},
		{"type", "codebook.error.syntax", "", 4, "categories.prior"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open("testdata/bad-" + tt.file + ".json")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = Load(f)
			ke := kopuro.AsError(err)
			if ke == nil {
				t.Fatalf("want a *kopuro.Error, got %v", err)
			}
			if ke.Key != tt.key || ke.Field != tt.field || ke.Line != tt.line || ke.Code != kopuro.EInvalid {
				t.Errorf("got key %s field %q line %d, want %s %q %d (%v)", ke.Key, ke.Field, ke.Line, tt.key, tt.field, tt.line, err)
			}
			if tt.detail != "" && !strings.Contains(ke.Message, tt.detail) {
				t.Errorf("message %q lacks %q", ke.Message, tt.detail)
			}
		})
	}
}

func TestLoadLimits(t *testing.T) {
	if _, err := Load(strings.NewReader("")); err == nil {
		t.Error("empty input accepted")
	}
	raw := Default().Raw()
	if _, err := Load(bytes.NewReader(append(raw, []byte(" {}")...))); kopuro.AsError(err) == nil || kopuro.AsError(err).Key != "codebook.error.trailing" {
		t.Errorf("trailing data: %v", err)
	}
	huge := bytes.Repeat([]byte(" "), maxSize+10)
	if _, err := Load(bytes.NewReader(huge)); kopuro.AsError(err) == nil || kopuro.AsError(err).Key != "codebook.error.size" {
		t.Errorf("oversized input: %v", err)
	}
}

func FuzzLoad(f *testing.F) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if b, err := os.ReadFile("testdata/" + e.Name()); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"version":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		cb, err := Load(bytes.NewReader(b))
		if err != nil {
			if kopuro.AsError(err) == nil {
				t.Fatalf("error is not user-safe: %v", err)
			}
			return
		}
		_ = cb.Terms()
		if _, err := Load(bytes.NewReader(cb.Raw())); err != nil {
			t.Fatalf("a loaded codebook does not reload: %v", err)
		}
	})
}
