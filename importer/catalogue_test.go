package importer

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

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
