package web

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/i18n"
	"kopuro/report"
)

func TestReportForm(t *testing.T) {
	s, _ := newTestServer(t)
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		t.Run(lang, func(t *testing.T) {
			res, body := get(t, s, "/reports?lang="+lang)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, want := range []string{
				`<h1>` + cat.T(lang, "pages.report.title") + `</h1>`,
				`href="/reports">` + cat.T(lang, "pages.nav.report") + `</a>`,
				`<form class="stack report-form" method="get" action="/report">`,
				`<option value="` + lang + `" lang="` + lang + `" selected>`,
				`name="from" value="`, `name="to" value="`,
				`value="all" checked> ` + cat.T(lang, "pages.report.all"),
				`name="institutions" value="knu">`,
				`name="institutions" value="auca">`,
				`value="html" checked> ` + cat.T(lang, "pages.report.format.html"),
				`value="xlsx"> ` + cat.T(lang, "pages.report.format.xlsx"),
				`<p class="hint" id="summary-hint" role="status" hidden>`,
				cat.T(lang, "pages.report.download") + `</button>`,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if m := missingKey.FindString(body); m != "" {
				t.Errorf("missing catalogue key %s", m)
			}
		})
	}
}

// TestReportFormPrefill: the query fills the form, and one university
// shows the one-page summary hint.
func TestReportFormPrefill(t *testing.T) {
	s, _ := newTestServer(t)
	_, body := get(t, s, "/reports?lang=ru&from=2024-09&to=2025-02&institutions=knu&format=md")
	for _, want := range []string{
		`name="from" value="2024-09"`, `name="to" value="2025-02"`,
		`value="knu" checked>`, `value="all">`, `value="md" checked>`,
		`<p class="hint" id="summary-hint" role="status">Выбран один университет`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestReportFormDownload(t *testing.T) {
	s, _ := newTestServer(t)
	formats := []struct{ format, ctype, want string }{
		{"html", "text/html", "Table 1. Followers on social media"},
		{"md", "text/markdown", "Table 1. Followers on social media"},
		{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
	}
	// PDF as the server finds Chromium; in CI a missing one is a failure,
	// not a format quietly left out.
	if _, err := report.FindChromium(); err == nil {
		formats = append(formats, struct{ format, ctype, want string }{"pdf", "application/pdf", "%PDF-"})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but chromium is not installed: the PDF download is untested")
	} else {
		t.Log("chromium not installed: the PDF download is not tested")
	}
	for _, tc := range formats {
		// As the form sends it: "all" still ticked, download=1.
		url := "/report?lang=en&from=2025-01&to=2025-06&institutions=all&format=" + tc.format + "&download=1"
		res, body := get(t, s, url)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", tc.format, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.ctype) {
			t.Errorf("%s: Content-Type %q, want %q", tc.format, got, tc.ctype)
		}
		want := `attachment; filename="kopuro-report-2025-01-2025-06-en.` + tc.format + `"`
		if got := res.Header.Get("Content-Disposition"); got != want {
			t.Errorf("%s: Content-Disposition %q, want %q", tc.format, got, want)
		}
		if !strings.Contains(body, tc.want) {
			t.Errorf("%s: body lacks %q", tc.format, tc.want)
		}
	}
	// One university, "all" left ticked beside it: its summary, named
	// after it; the page's language cookie is left alone.
	res, body := get(t, s, "/report?lang=ky&from=2025-01&to=2025-06&institutions=all&institutions=auca&format=html&download=1")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, i18n.Embedded().T("ky", "report.summary.heading")) {
		t.Errorf("summary: status %d", res.StatusCode)
	}
	if got := res.Header.Get("Content-Disposition"); got != `attachment; filename="kopuro-report-auca-2025-01-2025-06-ky.html"` {
		t.Errorf("summary: Content-Disposition %q", got)
	}
	if c := res.Header.Get("Set-Cookie"); c != "" {
		t.Errorf("the report's language became the interface's: %s", c)
	}
}

// TestReportFormErrors: a bad option shows the form again, in the
// reader's language, with the catalogue message beside its field.
func TestReportFormErrors(t *testing.T) {
	s, _ := newTestServer(t)
	cat := i18n.Embedded()
	for _, tc := range []struct {
		url    string
		status int
		field  string
		msg    string
	}{
		{"/report?lang=en&from=2025-13&to=2025-06", 400, "from", cat.T("ru", "pages.report.error.from", "Value", "2025-13")},
		{"/report?lang=en&from=&to=2025-06", 400, "from", cat.T("ru", "pages.report.error.from_missing")},
		{"/report?lang=en&from=2025-01&to=june", 400, "to", cat.T("ru", "pages.report.error.to", "Value", "june")},
		{"/report?lang=en&from=2025-06&to=2025-01", 400, "to", cat.T("ru", "pages.report.error.order", "From", "2025-06", "To", "2025-01")},
		{"/report?lang=en&period=2025-06", 400, "period", cat.T("ru", "error.period", "Value", "2025-06")},
		{"/report?lang=en&format=doc", 400, "format", cat.T("ru", "report.error.format", "Value", "doc", "Formats", report.FormatList)},
		{"/report?lang=en&institutions=nowhere", 404, "institutions", cat.T("ru", "report.error.institution", "Code", "nowhere")},
	} {
		res, body := get(t, s, tc.url, "Cookie", langCookie+"=ru")
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.url, res.StatusCode, tc.status)
			continue
		}
		for _, want := range []string{
			`<html lang="ru">`,
			`<p class="error" role="alert" id="report-error">` + tc.msg + `</p>`,
			`<p class="field-error" id="err-` + tc.field + `">` + tc.msg + `</p>`,
			`<form class="stack report-form"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: page lacks %q", tc.url, want)
			}
		}
		if strings.HasPrefix(tc.msg, "!") || strings.Contains(body, "Content-Disposition") {
			t.Errorf("%s: message %q", tc.url, tc.msg)
		}
		// The language links stay on the report page.
		if strings.Contains(body, `href="/report?`) {
			t.Errorf("%s: a link leads to the report itself", tc.url)
		}
	}
	_, body := get(t, s, "/report?lang=en&from=2025-13&to=2025-06")
	if !strings.Contains(body, `name="from" value="2025-13" placeholder="2025-01" pattern="[0-9]{4}-[0-9]{2}" required aria-invalid="true" aria-describedby="err-from">`) {
		t.Error("the bad month is not kept and marked invalid")
	}
}

// TestReportFormNoChromium: without Chromium the page says how to install
// it and a PDF request gets the same message beside the format.
func TestReportFormNoChromium(t *testing.T) {
	s, _ := newTestServer(t)
	t.Setenv("PATH", t.TempDir())
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		msg := cat.T(lang, "pages.report.error.chromium")
		if !strings.Contains(msg, "apt-get install chromium") {
			t.Errorf("%s: %q does not say how to install Chromium", lang, msg)
		}
		_, body := get(t, s, "/reports?lang="+lang)
		if !strings.Contains(body, `<p class="note" id="no-chromium">`+msg+`</p>`) || !strings.Contains(body, `value="pdf" disabled>`) {
			t.Errorf("%s: page does not tell that PDF is unavailable", lang)
		}
		res, body := get(t, s, "/report?format=pdf&lang="+lang, "Cookie", langCookie+"="+lang)
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `<p class="field-error" id="err-format">`+msg+`</p>`) {
			t.Errorf("%s: PDF without Chromium: status %d", lang, res.StatusCode)
		}
	}
}

// TestReportPDFBusy: while every PDF slot is taken, a PDF request is
// refused with the translated busy message (nothing is rendered, so a
// stand-in chromium on PATH is enough), and a freed slot is usable again.
func TestReportPDFBusy(t *testing.T) {
	s, _ := newTestServer(t)
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "chromium"), []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	var releases []func()
	for range maxPDFRenders {
		release, err := s.pdfSlot()
		if err != nil {
			t.Fatalf("slot refused before the limit: %v", err)
		}
		releases = append(releases, release)
	}
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		res, body := get(t, s, "/report?format=pdf&lang="+lang, "Cookie", langCookie+"="+lang)
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, cat.T(lang, "pages.error.pdf_busy")) {
			t.Errorf("%s: PDF while busy: status %d, want 503 with the busy message", lang, res.StatusCode)
		}
	}
	releases[0]()
	release, err := s.pdfSlot()
	if err != nil {
		t.Fatalf("a freed slot was not reusable: %v", err)
	}
	release()
}
