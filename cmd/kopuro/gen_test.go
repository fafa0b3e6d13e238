package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/store/storetest"
)

// TestGenImportAnalyze writes a corpus of three analysis pages, checks the
// same seed gives the same bytes on stdout, imports it (every post coded,
// page after page) and profiles a rebuild.
func TestGenImportAnalyze(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "corpus.ndjson")
	if code, _, errs := runCLI(t, nil, "", "gen", "--posts", "2100", "--seed", "4", "--out", file); code != 0 {
		t.Fatalf("gen: %d %s", code, errs)
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runCLI(t, nil, "", "gen", "--posts", "2100", "--seed", "4"); out != string(written) {
		t.Fatal("gen to stdout differs from gen --out with the same seed")
	}
	db := storetest.DSN(t)
	code, out, errs := runCLI(t, nil, "", "import", "--quiet", "--db", db, file)
	if code != 0 || !strings.Contains(out, "2,100 posts") || !strings.Contains(out, "Coded 2,100 posts") {
		t.Fatalf("import: %d %q %s", code, out, errs)
	}
	if _, out, _ := runCLI(t, nil, "", "analyze", "--db", db); !strings.Contains(out, "Coded 0 posts") {
		t.Errorf("analyze after import: %q", out)
	}
	prof := filepath.Join(dir, "cpu.prof")
	if _, out, _ := runCLI(t, nil, "", "analyze", "--db", db, "--rebuild", "--cpuprofile", prof); !strings.Contains(out, "Coded 2,100 posts") {
		t.Errorf("analyze --rebuild: %q", out)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
	if code, _, _ := runCLI(t, nil, "", "gen", "--posts", "-1"); code == 0 {
		t.Error("gen --posts -1 succeeded")
	}
}
