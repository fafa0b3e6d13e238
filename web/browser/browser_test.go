package browser

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"kopuro"
	"kopuro/auth"
	"kopuro/i18n"
	"kopuro/internal/reporoot"
	"kopuro/store"
	"kopuro/store/storetest"
	"kopuro/web"
	"kopuro/web/webtest"
)

const (
	editorEmail = "editor@example.kg"
	editorPwd   = "a long browser test passphrase"
)

// chromiumPath finds Debian's chromium; without it the tests skip, except
// in CI where a missing browser is a failure.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but chromium is not installed (.ci/run installs it with apt-get)")
	}
	t.Skip("chromium not installed: browser tests skipped (apt-get install chromium)")
	return ""
}

// repoRoot is the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := reporoot.Find()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// session is a browser on a seeded server, recording every console
// message and every dialog the pages open.
type session struct {
	t       *testing.T
	ctx     context.Context
	base    string
	db      *store.DB
	shots   string
	mu      sync.Mutex
	console []chromedp.ConsoleMessage
	dialogs []string
}

func newSession(t *testing.T) *session {
	path := chromiumPath(t)
	db := storetest.New(t)
	webtest.Seed(t, db)
	h := auth.HashPassword(editorPwd, auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	if _, err := db.AddUser(context.Background(), kopuro.User{Email: editorEmail, Role: kopuro.RoleEditor, Institution: webtest.PostsOf}, h); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)

	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	s := &session{t: t, ctx: ctx, base: ts.URL, db: db, shots: filepath.Join(repoRoot(t), "artifacts", "screenshots")}
	if err := os.MkdirAll(s.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	// Start the browser (no timeout on this first call: it would stop it).
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.console = append(s.console, m)
			s.mu.Unlock()
		}
	}()
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.dialogs = append(s.dialogs, ev.Message)
			s.mu.Unlock()
			// Dismiss it so the page does not hang; the test fails anyway.
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	}()
	return s
}

// do runs steps with a time limit derived from the started browser.
func (s *session) do(steps ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		s.t.Fatal(err)
	}
}

func run[T any](s *session, a chromedp.Action[T]) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		s.t.Fatal(err)
	}
	return v
}

// shot saves a full-page screenshot as artifacts/screenshots/name.png.
func (s *session) shot(name string) {
	s.t.Helper()
	b := run(s, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(s.shots, name+".png"), b, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// problems returns the console errors, warnings and exceptions and the
// dialogs seen since the last call.
func (s *session) problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.console, s.dialogs = nil, nil }()
	var out []string
	for _, m := range s.console {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
			out = append(out, m.String()+" at "+m.URL)
		}
	}
	for _, d := range s.dialogs {
		out = append(out, "dialog: "+d)
	}
	return out
}

func TestBrowser(t *testing.T) {
	s := newSession(t)
	cat := i18n.Embedded()

	t.Run("charts render without console errors", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/institutions/"+webtest.PostsOf+"?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`#followers .chart-canvas[data-drawn="true"] svg`)),
			chromedp.WaitVisible(chromedp.CSS(`#categories .chart-canvas[data-drawn="true"] svg`)))
		n := run(s, chromedp.Evaluate[int](`document.querySelectorAll('.chart-canvas[data-drawn="true"] svg path').length`))
		if n == 0 {
			t.Error("charts drew no paths")
		}
		s.shot("institution-en")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems: %v", p)
		}
	})

	t.Run("untrusted post text shows as text", func(t *testing.T) {
		s.t = t
		text := run(s, chromedp.TextContent(chromedp.CSS("ul.posts")))
		for _, x := range webtest.XSS {
			if !strings.Contains(text, x) {
				t.Errorf("post %q not shown as text; posts read %q", x, text)
			}
		}
		imgs := run(s, chromedp.Evaluate[int](`document.querySelectorAll('ul.posts img, ul.posts script').length`))
		if imgs != 0 {
			t.Errorf("post markup became %d elements", imgs)
		}
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("switch language", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="ky"]`)),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="ky"] #charts h2`)),
			chromedp.WaitVisible(chromedp.CSS(`#followers .chart-canvas[data-drawn="true"] svg`)))
		h := run(s, chromedp.Text(chromedp.CSS(`#charts h2`)))
		if want := cat.T("ky", "pages.profile.charts"); h != want {
			t.Errorf("heading after switching to Kyrgyz: %q, want %q", h, want)
		}
		s.shot("institution-ky")
		s.do(chromedp.EmulateViewport(375, 800))
		s.shot("institution-ky-phone")
		s.do(chromedp.EmulateViewport(1280, 900))
	})

	t.Run("sign in", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/login?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), editorEmail),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), editorPwd),
			chromedp.Submit(chromedp.CSS(`form.login`)),
			chromedp.WaitVisible(chromedp.CSS(`nav.who form[action="/logout"]`)))
		who := run(s, chromedp.Text(chromedp.CSS(`nav.who`)))
		if !strings.Contains(who, editorEmail) {
			t.Errorf("after sign-in the header reads %q", who)
		}
	})

	t.Run("add a goal", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/goals?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`form.stack input[name="target"]`)),
			chromedp.SetValue(chromedp.CSS(`form.stack select[name="metric"]`), "followers"),
			chromedp.SetValue(chromedp.CSS(`form.stack select[name="platform"]`), "instagram"),
			chromedp.SendKeys(chromedp.CSS(`form.stack input[name="target"]`), "2000"),
			chromedp.SetValue(chromedp.CSS(`form.stack input[name="deadline"]`), "2026-12-31"),
			chromedp.SendKeys(chromedp.CSS(`form.stack input[name="note"]`), `<img src=x onerror=alert(2)>`),
			chromedp.Submit(chromedp.CSS(`form.stack`)),
			chromedp.WaitVisible(chromedp.CSS(`.ok-msg`)))
		gs, err := s.db.Goals(context.Background(), webtest.PostsOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(gs) != 1 || gs[0].Target == nil || *gs[0].Target != 2000 {
			t.Fatalf("goals after the form: %+v", gs)
		}
		rows := run(s, chromedp.Evaluate[int](`document.querySelectorAll('table.goals tbody tr').length`))
		if rows != 1 {
			t.Errorf("goal table has %d rows, want 1", rows)
		}
		s.shot("goals")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("plan a post in the calendar", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/calendar?lang=en&month=2025-11"),
			chromedp.WaitVisible(chromedp.CSS(`form.stack input[name="title"]`)),
			chromedp.SetValue(chromedp.CSS(`form.stack input[name="date"]`), "2025-11-14"),
			chromedp.SendKeys(chromedp.CSS(`form.stack input[name="rubric"]`), "Impact Friday"),
			chromedp.SendKeys(chromedp.CSS(`form.stack input[name="title"]`), `<script>alert(5)</script> Alumni story`),
			chromedp.SetValue(chromedp.CSS(`form.stack select[name="platform"]`), "instagram"),
			chromedp.Submit(chromedp.CSS(`form.stack`)),
			chromedp.WaitVisible(chromedp.CSS(`.ok-msg`)))
		from, _ := kopuro.ParseDate("2025-11-01")
		to, _ := kopuro.ParseDate("2025-11-30")
		es, err := s.db.CalendarEntries(context.Background(), from, to, webtest.PostsOf)
		if err != nil || len(es) != 1 || es[0].Rubric != "Impact Friday" || es[0].Platform != kopuro.Instagram {
			t.Fatalf("entries after the form: %+v, %v", es, err)
		}
		cells := run(s, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table.month span.ev.entry')].map(e => e.textContent)`))
		if len(cells) != 1 || !strings.Contains(cells[0], "<script>alert(5)</script> Alumni story") {
			t.Errorf("month view entries: %q", cells)
		}
		s.shot("calendar-entry")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("check a draft", func(t *testing.T) {
		s.t = t
		s.do(chromedp.Navigate(s.base+"/check?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`textarea[name="text"]`)),
			chromedp.SendKeys(chromedp.CSS(`textarea[name="text"]`), `<img src=x onerror=alert(3)> Volunteers from our university repaired a village school.`),
			chromedp.Submit(chromedp.CSS(`form.stack`)),
			chromedp.WaitVisible(chromedp.CSS(`#result`)))
		v := run(s, chromedp.Evaluate[string](`document.querySelector('textarea[name="text"]').value`))
		if !strings.HasPrefix(v, "<img src=x onerror=alert(3)>") {
			t.Errorf("draft came back as %q", v)
		}
		s.shot("check")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("import a file", func(t *testing.T) {
		s.t = t
		file := filepath.Join(t.TempDir(), "posts.ndjson")
		lines := `{"kind":"post","platform":"instagram","institution":"` + webtest.PostsOf + `","external_id":"upload-1","published":"2025-05-20T08:00:00Z","text":"Open lecture for the city's teachers."}` + "\n" +
			`{"kind":"post","platform":"instagram","institution":"auca","external_id":"upload-2","published":"2025-05-20T08:00:00Z","text":"<script>alert(4)</script>"}` + "\n"
		if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
			t.Fatal(err)
		}
		s.do(chromedp.Navigate(s.base+"/import?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`input[type="file"]`)),
			chromedp.SetUploadFiles(chromedp.CSS(`input[type="file"]`), []string{file}),
			chromedp.Click(chromedp.CSS(`input[name="partial"]`)),
			chromedp.Submit(chromedp.CSS(`form.stack`)),
			// The upload runs in the background; the page refreshes itself
			// until the job is done.
			chromedp.WaitVisible(chromedp.CSS(`#import-result[data-state="done"]`)))
		errs := run(s, chromedp.Evaluate[int](`document.querySelectorAll('ol.import-errors li').length`))
		if errs != 1 {
			t.Errorf("%d per-line errors, want 1 (the other institution's post)", errs)
		}
		s.shot("import")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("main pages", func(t *testing.T) {
		s.t = t
		for _, pg := range []struct{ name, path, ready string }{
			{"overview", "/?lang=ru", "table.table1"},
			{"leaderboards", "/leaderboards?lang=en", `.chart-canvas[data-drawn="true"] svg`},
			{"compare", "/compare?i=knu&i=auca&i=salymbekov&lang=ru", `.chart-canvas[data-drawn="true"] svg`},
			{"calendar", "/calendar?lang=ky", "table.month"},
		} {
			s.do(chromedp.Navigate(s.base+pg.path), chromedp.WaitVisible(chromedp.CSS(pg.ready)))
			s.shot(pg.name)
		}
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("posts explorer", func(t *testing.T) {
		s.t = t
		res, err := chromedp.RunResponse(s.ctx, chromedp.Navigate(s.base+"/posts?lang=en"))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != 200 {
			t.Fatalf("/posts answered %d", res.Status)
		}
		text := run(s, chromedp.TextContent(chromedp.CSS("main")))
		for _, x := range webtest.XSS {
			if !strings.Contains(text, x) {
				t.Errorf("/posts does not show %q as text", x)
			}
		}
		s.shot("posts")
		all := run(s, chromedp.Evaluate[int](`document.querySelectorAll('article.post').length`))
		if all < 5 {
			t.Fatalf("/posts lists %d posts, want the 5 seeded", all)
		}
		// The signed-in editor may correct the labels of every post of
		// their institution, and the link opens the coding form.
		if links := run(s, chromedp.Evaluate[int](`document.querySelectorAll('article.post a.correct').length`)); links != all {
			t.Errorf("%d 'correct labels' links on %d posts of the editor's institution", links, all)
		}
		// Filter by a word of one post (a Kyrgyz stem finds its suffixed form).
		s.do(chromedp.SendKeys(chromedp.CSS(`form.filters input[name="q"]`), "мектеб"),
			chromedp.Submit(chromedp.CSS(`form.filters`)),
			chromedp.WaitVisible(chromedp.CSS(`form.filters input[name="q"][value="мектеб"]`)))
		hits := run(s, chromedp.Evaluate[[]string](`[...document.querySelectorAll('article.post')].map(a => a.textContent)`))
		if len(hits) != 1 || !strings.Contains(hits[0], "мектебинде") {
			t.Errorf("filtering by мектеб shows %d posts: %q", len(hits), hits)
		}
		s.shot("posts-filtered")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})

	t.Run("code a post and see agreement update", func(t *testing.T) {
		s.t = t
		const coderEmail, coderPwd = "coder@example.kg", "another long passphrase"
		h := auth.HashPassword(coderPwd, auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
		if _, err := s.db.AddUser(context.Background(), kopuro.User{Email: coderEmail, Role: kopuro.RoleCoder}, h); err != nil {
			t.Fatal(err)
		}
		s.do(chromedp.Navigate(s.base+"/?lang=en"),
			chromedp.Submit(chromedp.CSS(`nav.who form[action="/logout"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`nav.who form[action="/logout"]`)),
			chromedp.Navigate(s.base+"/login?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), coderEmail),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), coderPwd),
			chromedp.Submit(chromedp.CSS(`form.login`)),
			chromedp.WaitVisible(chromedp.CSS(`nav.who form[action="/logout"]`)),
			chromedp.Navigate(s.base+"/agreement?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`h1`)))
		before := run(s, chromedp.Evaluate[int](`document.querySelectorAll('section.pair').length`))
		if before != 0 {
			t.Fatalf("agreement shows %d pairs before anyone coded", before)
		}
		s.do(chromedp.Navigate(s.base+"/coding?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`form.coding select[name="category"]`)),
			chromedp.SetValue(chromedp.CSS(`form.coding select[name="category"]`), "third_mission"),
			chromedp.Submit(chromedp.CSS(`form.coding`)),
			chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
			chromedp.Navigate(s.base+"/agreement?lang=en"),
			chromedp.WaitVisible(chromedp.CSS(`section.pair table`)))
		pairs := run(s, chromedp.TextContent(chromedp.CSS(`main`)))
		if !strings.Contains(pairs, coderEmail) {
			t.Errorf("agreement after coding does not name the coder: %q", pairs)
		}
		if n := run(s, chromedp.Evaluate[int](`document.querySelectorAll('section.pair tbody tr').length`)); n == 0 {
			t.Error("agreement table has no rows after coding")
		}
		s.shot("agreement")
		if p := s.problems(); len(p) > 0 {
			t.Errorf("console problems or dialogs: %v", p)
		}
	})
}
