package browser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"kopuro/i18n"
)

// TestBrowserReport opens the report page from the navigation, picks
// options, downloads the report, sees a bad period rejected beside its
// field, and opens the HTML report.
func TestBrowserReport(t *testing.T) {
	s := newSession(t)
	cat := i18n.Embedded()
	dir := t.TempDir()
	events := true
	if _, err := chromedp.CallBrowser(s.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &events}); err != nil {
		t.Fatal(err)
	}

	t.Run("the form", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/?lang=en"),
			chromedp.Click(chromedp.CSS(`nav.main a[href="/reports"]`)),
			chromedp.WaitVisible(chromedp.CSS(`form.report-form`)))
		if h := run(s, chromedp.Text(chromedp.CSS(`h1`))); h != cat.T("en", "pages.report.title") {
			t.Errorf("heading %q", h)
		}
		s.shot("report-form")
		// The hint shows while exactly one university is chosen, and
		// "all" unticks itself beside a choice.
		state := func() []bool {
			return run(s, chromedp.Evaluate[[]bool](`[document.getElementById('summary-hint').hidden,
				document.querySelector('input[name="institutions"][value="all"]').checked]`))
		}
		if st := state(); !st[0] || !st[1] {
			t.Errorf("at first: hint hidden, all ticked = %v", st)
		}
		s.do(chromedp.Click(chromedp.CSS(`input[name="institutions"][value="knu"]`)))
		if st := state(); st[0] || st[1] {
			t.Errorf("one chosen: hint hidden, all ticked = %v", st)
		}
		s.shot("report-form-one")
		s.do(chromedp.Click(chromedp.CSS(`input[name="institutions"][value="auca"]`)))
		if st := state(); !st[0] || st[1] {
			t.Errorf("two chosen: hint hidden, all ticked = %v", st)
		}
		s.do(chromedp.Click(chromedp.CSS(`input[name="institutions"][value="all"]`)))
		if n := run(s, chromedp.Evaluate[int](`document.querySelectorAll('input[name="institutions"]:checked:not([value="all"])').length`)); n != 0 {
			t.Errorf("after ticking all, %d universities stay chosen", n)
		}
		s.do(chromedp.EmulateViewport(375, 800))
		s.shot("report-form-phone")
		s.do(chromedp.EmulateViewport(1280, 900))
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("download", func(t *testing.T) {
		s.t = t
		ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
		defer cancel()
		begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
		progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
		s.do(chromedp.SetValue(chromedp.CSS(`select[name="lang"]`), "ru"),
			chromedp.SetValue(chromedp.CSS(`input[name="from"]`), "2025-01"),
			chromedp.SetValue(chromedp.CSS(`input[name="to"]`), "2025-06"),
			chromedp.Click(chromedp.CSS(`input[name="format"][value="md"]`)),
			chromedp.Click(chromedp.CSS(`form.report-form button[type="submit"]`)))
		var guid string
		for ev, err := range progress {
			if err != nil {
				t.Fatal(err)
			}
			if ev.State == browser.DownloadProgressStateCanceled {
				t.Fatal("download canceled")
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				guid = ev.GUID
				break
			}
		}
		for ev, err := range begins {
			if err != nil {
				t.Fatal(err)
			}
			if want := "kopuro-report-2025-01-2025-06-ru.md"; ev.SuggestedFilename != want {
				t.Errorf("file name %q, want %q", ev.SuggestedFilename, want)
			}
			break
		}
		b, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{cat.T("ru", "report.table1.caption"), "94\u202f950"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("downloaded Markdown lacks %q", want)
			}
		}
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("bad period", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/reports?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`form.report-form`)),
			chromedp.SetValue(chromedp.CSS(`input[name="from"]`), "2025-07"),
			chromedp.SetValue(chromedp.CSS(`input[name="to"]`), "2025-01"),
			chromedp.Click(chromedp.CSS(`form.report-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#err-to`)))
		want := cat.T("en", "pages.report.error.order", "From", "2025-07", "To", "2025-01")
		if got := run(s, chromedp.Text(chromedp.CSS(`#err-to`))); got != want {
			t.Errorf("field error %q, want %q", got, want)
		}
		s.shot("report-form-error")
		// The error page itself is fine; only the 400 response is logged.
		for _, p := range s.problems() {
			if !strings.Contains(p, "400") {
				t.Errorf("console problem: %s", p)
			}
		}
	})

	t.Run("HTML report", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/report?lang=en&from=2025-01&to=2025-06&format=html"),
			chromedp.WaitVisible(chromedp.CSS(`table`)))
		text := run(s, chromedp.TextContent(chromedp.CSS(`body`)))
		for _, want := range []string{cat.T("en", "report.table1.caption"), "94,950"} {
			if !strings.Contains(text, want) {
				t.Errorf("HTML report lacks %q", want)
			}
		}
		s.shot("report-html")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})
}
