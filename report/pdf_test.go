package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kopuro"
	"kopuro/internal/reporoot"
)

// needTool skips when a system tool is missing, except in CI, where
// .ci/run installs it and its absence is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run must install it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// TestPDF prints the full report in each language and the one-page
// summary with Chromium, then checks the page count and that the text
// layer holds every Table 1 figure. The first page of each language is
// saved as a PNG under artifacts/ (ignored by git) for a look.
func TestPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("prints with Chromium")
	}
	needTool(t, Chromium)
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	full := fixtureModel(t)
	one := fixtureModel(t, "manas")
	root, err := reporoot.Find()
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(root, "artifacts")
	if err := os.MkdirAll(art, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		m        *Model
		lang     string
		min, max int
	}{
		{"report-ky", full, "ky", 8, 60},
		{"report-ru", full, "ru", 8, 60},
		{"report-en", full, "en", 8, 60},
		{"summary-manas-en", one, "en", 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := PDF(context.Background(), &b, Compose(tc.m, tc.lang, cat)); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), tc.name+".pdf")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if n := pages(t, file); n < tc.min || n > tc.max {
				t.Errorf("%d pages, want %d..%d", n, tc.min, tc.max)
			}
			out, err := exec.Command("pdftotext", file, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// The text layer gives the narrow no-break space of ky/ru
			// thousands as a plain space.
			txt := spaces(string(out))
			for _, v := range Table1Values(tc.m, tc.lang) {
				if !strings.Contains(txt, spaces(v)) {
					t.Errorf("text layer lacks Table 1 value %q", v)
				}
			}
			if _, err := exec.LookPath("pdftoppm"); err == nil {
				shot := filepath.Join(art, tc.name+"-page1")
				if err := exec.Command("pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-r", "60", file, shot).Run(); err != nil {
					t.Errorf("screenshot: %v", err)
				}
			}
		})
	}
}

func spaces(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s)), " ")
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pages(t *testing.T, file string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := pagesRE.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count: %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestPDFWithoutChromium checks the user-safe error that says how to
// install the printer.
func TestPDFWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := PDF(context.Background(), &bytes.Buffer{}, &Doc{})
	var ke *kopuro.Error
	if !errors.As(err, &ke) || ke.Code != kopuro.EUnavailable || ke.Key != "report.error.chromium" {
		t.Fatalf("err = %v, want the report.error.chromium error", err)
	}
	for _, lang := range []string{"ky", "ru", "en"} {
		if msg := cat.T(lang, ke.Key); !strings.Contains(msg, "apt-get install chromium") {
			t.Errorf("%s: %q does not say how to install Chromium", lang, msg)
		}
	}
}
