package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kopuro/store/storetest"
)

// TestReportCommand writes the seeded study as Markdown and XLSX and
// checks the user-facing errors of bad options.
func TestReportCommand(t *testing.T) {
	db := storetest.DSN(t)
	if code, _, errs := runCLI(t, nil, "", "seed", "--db", db); code != 0 {
		t.Fatalf("seed: %d %s", code, errs)
	}
	dir := t.TempDir()
	md := filepath.Join(dir, "r.md")
	if code, _, errs := runCLI(t, nil, "", "report", "--db", db, "--lang", "ky", "--period", "2025-01..2025-06", "--format", "md", "--out", md); code != 0 {
		t.Fatalf("report md: %d %s", code, errs)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	// AUCA's Instagram figure of the study, in Kyrgyz number style.
	if !strings.Contains(string(b), "1-таблица") || !strings.Contains(string(b), "76\u202f039") {
		t.Errorf("the Kyrgyz Markdown lacks Table 1 or its figures")
	}
	x := filepath.Join(dir, "knu.xlsx")
	if code, _, errs := runCLI(t, nil, "", "report", "--db", db, "--lang", "en", "--institutions", "knu", "--period", "2025-01..2025-06", "--format", "xlsx", "--out", x); code != 0 {
		t.Fatalf("report xlsx: %d %s", code, errs)
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// KNU's Instagram figure is "~1 300": the number 1300, precision approx.
	v, _ := f.GetCellValue("table1", "B2")
	p, _ := f.GetCellValue("table1", "C2")
	if v != "1300" || p != "approx" {
		t.Errorf("table1 B2, C2 = %q, %q; want 1300, approx", v, p)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "doc", "--out", filepath.Join(dir, "x")}, "doc"},
		{[]string{"--format", "md", "--institutions", "nowhere", "--out", filepath.Join(dir, "y")}, "nowhere"},
	} {
		code, _, errs := runCLI(t, nil, "", append([]string{"report", "--db", db}, tc.args...)...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errs)
		}
	}
}
