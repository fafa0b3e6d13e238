package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kopuro"
	"kopuro/i18n"
)

// TestErrorKeysInCatalogue checks that every catalogue key the third-party
// importers put in their errors exists in Kyrgyz, Russian and English.
func TestErrorKeysInCatalogue(t *testing.T) {
	re := regexp.MustCompile(`"(formats\.[a-z_]+)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	cat := i18n.Embedded()
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			n++
			for _, lang := range []string{"ky", "ru", "en"} {
				if !cat.Has(lang, string(m[1])) {
					t.Errorf("%s: key %s missing in %s", f, m[1], lang)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no formats.* keys found in the importer sources")
	}
}

// TestErrorMessagesRender renders every item error of the golden fixtures
// in each language: no placeholder may stay unfilled.
func TestErrorMessagesRender(t *testing.T) {
	cat := i18n.Embedded()
	n := 0
	for _, tp := range thirdParty {
		for _, path := range fixtures(t, tp.dir) {
			_ = tp.f.Parse(context.Background(), bytes.NewReader(readFixture(t, path)), path, func(_ Item, err error) bool {
				e := kopuro.AsError(err)
				if e == nil {
					return true
				}
				n++
				for _, lang := range []string{"ky", "ru", "en"} {
					if s := cat.TMap(lang, e.Key, e.Args); strings.Contains(s, "{") || s == e.Key {
						t.Errorf("%s: %s in %s renders as %q", path, e.Key, lang, s)
					}
				}
				return true
			})
		}
	}
	if n == 0 {
		t.Fatal("no item errors in the fixtures")
	}
}
