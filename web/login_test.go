package web

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/auth"
	"kopuro/i18n"
)

// postLogin submits the sign-in form as a browser on our own page would.
func postLogin(t *testing.T, h http.Handler, email, password, next, lang, ip string) *http.Response {
	t.Helper()
	form := url.Values{"email": {email}, "password": {password}, "next": {next}}
	req := httptest.NewRequest("POST", "/login?lang="+lang, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if ip != "" {
		req.RemoteAddr = ip + ":40000"
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func sessionOf(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLoginPageAllLanguages(t *testing.T) {
	f := newAuthFixture(t)
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		res, page := get(t, f.S, "/login?next=/institutions/knu&lang="+lang)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", lang, res.StatusCode)
		}
		for _, key := range []string{"auth.login.title", "auth.email", "auth.password", "auth.submit", "auth.login.lead"} {
			if !strings.Contains(page, cat.T(lang, key)) {
				t.Errorf("%s: login page lacks %s", lang, key)
			}
		}
		if !strings.Contains(page, `name="next" value="/institutions/knu"`) || !strings.Contains(page, `type="password"`) {
			t.Errorf("%s: form fields missing", lang)
		}
		if m := missingKey.FindString(page); m != "" {
			t.Errorf("%s: missing key %s", lang, m)
		}
		if strings.Contains(page, `href="/login?next=`) {
			t.Errorf("%s: the sign-in page links to itself", lang)
		}
	}
	// Every page offers a visitor the sign-in, coming back to it.
	_, page := get(t, f.S, "/institutions/knu?lang=en")
	if !strings.Contains(page, `href="/login?next=%2Finstitutions%2Fknu">Sign in</a>`) {
		t.Error("no sign-in link for a visitor")
	}
}

func TestLoginLogout(t *testing.T) {
	f := newAuthFixture(t)
	ctx := context.Background()
	res := postLogin(t, f.S, " Editor@Example.KG ", fixturePwd, "/institutions/auca", "en", "")
	c := sessionOf(res)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/institutions/auca" || c == nil {
		t.Fatalf("sign-in: %d to %q, cookie %v", res.StatusCode, res.Header.Get("Location"), c)
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" || c.MaxAge != int(defaultSessionTTL.Seconds()) {
		t.Errorf("cookie flags: %+v", c)
	}
	if len(c.Value) != 43 {
		t.Errorf("session token %q is not 32 random bytes", c.Value)
	}
	// The store keeps only the token's hash.
	if u, err := f.DB.SessionUser(ctx, auth.HashToken(c.Value)); err != nil || u.Email != "editor@example.kg" {
		t.Errorf("session in store: %+v %v", u, err)
	}
	if _, err := f.DB.SessionUser(ctx, c.Value); err == nil {
		t.Error("the raw token works as a stored hash")
	}
	// Signing in again from a browser holding a session replaces it.
	form := url.Values{"email": {"editor@example.kg"}, "password": {fixturePwd}}
	again := httptest.NewRequest("POST", "/login", strings.NewReader(form.Encode()))
	again.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	again.AddCookie(&http.Cookie{Name: sessionCookie, Value: f.sessions[asEditor]})
	recA := httptest.NewRecorder()
	f.S.ServeHTTP(recA, again)
	if c2 := sessionOf(recA.Result()); c2 == nil || c2.Value == f.sessions[asEditor] {
		t.Errorf("second sign-in kept the old token: %+v", c2)
	}
	if _, err := f.DB.SessionUser(ctx, auth.HashToken(f.sessions[asEditor])); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("the previous session survived a new sign-in: %v", err)
	}
	// Signed in, pages show who and a sign-out button.
	res2, page := get(t, f.S, "/?lang=ru", "Cookie", sessionCookie+"="+c.Value)
	if res2.StatusCode != 200 || !strings.Contains(page, "editor@example.kg · редактор") || !strings.Contains(page, `action="/logout"`) {
		t.Errorf("signed-in page lacks the user: %d", res2.StatusCode)
	}
	// The session authorizes writes.
	resW, bodyW := f.do(t, call{Method: "POST", Path: "/api/v1/accounts", Body: `{"institution":"auca","platform":"vk","handle":"auca"}`,
		Header: map[string]string{"Cookie": sessionCookie + "=" + c.Value, "Sec-Fetch-Site": "same-origin"}})
	if resW.StatusCode != 201 {
		t.Errorf("write with the new session: %d %s", resW.StatusCode, bodyW)
	}
	// Sign out: the session is gone from the store and the cookie dropped.
	req := httptest.NewRequest("POST", "/logout", nil)
	req.AddCookie(c)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	f.S.ServeHTTP(rec, req)
	out := rec.Result()
	if out.StatusCode != http.StatusSeeOther || out.Header.Get("Location") != "/" {
		t.Errorf("sign-out: %d %s", out.StatusCode, out.Header.Get("Location"))
	}
	if dropped := sessionOf(out); dropped == nil || dropped.MaxAge >= 0 {
		t.Errorf("sign-out did not drop the cookie: %+v", dropped)
	}
	if _, err := f.DB.SessionUser(ctx, auth.HashToken(c.Value)); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("session survived sign-out: %v", err)
	}
	// The old cookie is now worth nothing, and the browser is told to drop it.
	resA, _ := f.do(t, call{Method: "POST", Path: "/api/v1/accounts", Body: `{"institution":"auca","platform":"vk","handle":"auca2"}`,
		Header: map[string]string{"Cookie": sessionCookie + "=" + c.Value}})
	if resA.StatusCode != 401 || sessionOf(resA) == nil || sessionOf(resA).MaxAge >= 0 {
		t.Errorf("write with an ended session: %d, cookie %+v", resA.StatusCode, sessionOf(resA))
	}
}

func TestLoginSecureCookieOverTLS(t *testing.T) {
	f := newAuthFixture(t)
	form := url.Values{"email": {"admin@example.kg"}, "password": {fixturePwd}}
	req := httptest.NewRequest("POST", "https://kopuro.example/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.TLS = &tls.ConnectionState{}
	rec := httptest.NewRecorder()
	f.S.ServeHTTP(rec, req)
	if c := sessionOf(rec.Result()); c == nil || !c.Secure || !c.HttpOnly {
		t.Errorf("over TLS: %+v", c)
	}
}

func TestLoginFailures(t *testing.T) {
	f := newAuthFixture(t)
	cat := i18n.Embedded()
	tests := []struct{ name, email, password string }{
		{"wrong password", "admin@example.kg", "wrong horse battery"},
		{"unknown email", "ghost@example.kg", fixturePwd},
		{"empty", "", ""},
		{"huge password", "admin@example.kg", strings.Repeat("ж", 2000)},
	}
	for _, tt := range tests {
		f.S.logins = newLoginLimits(time.Now) // five failures per email would trip the limit
		for _, lang := range i18n.Langs {
			res := postLogin(t, f.S, tt.email, tt.password, "/", lang, "10.0.0."+lang[:1])
			page := body(t, res)
			if res.StatusCode != 401 || sessionOf(res) != nil {
				t.Errorf("%s/%s: %d, cookie %v", tt.name, lang, res.StatusCode, sessionOf(res))
			}
			if !strings.Contains(page, cat.T(lang, "error.login_failed")) || !strings.Contains(page, `<form class="login"`) {
				t.Errorf("%s/%s: the form is not shown again with the message", tt.name, lang)
			}
		}
	}
	// Off-site redirect targets are replaced by the home page.
	for _, next := range []string{"//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", ""} {
		res := postLogin(t, f.S, "viewer@example.kg", fixturePwd, next, "en", "10.0.1.1")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Errorf("next=%q: %d to %q", next, res.StatusCode, res.Header.Get("Location"))
		}
	}
}

func TestLoginRateLimited(t *testing.T) {
	f := newAuthFixture(t)
	now := time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)
	f.S.logins = newLoginLimits(func() time.Time { return now })
	cat := i18n.Embedded()
	// Five wrong passwords for one email; then even the right one is refused.
	for i := 0; i < 5; i++ {
		if res := postLogin(t, f.S, "coder@example.kg", "wrong horse battery", "/", "en", "10.1.0.1"); res.StatusCode != 401 {
			t.Fatalf("attempt %d: %d", i+1, res.StatusCode)
		}
	}
	for _, lang := range i18n.Langs {
		res := postLogin(t, f.S, "coder@example.kg", fixturePwd, "/", lang, "10.1.0.2")
		page := body(t, res)
		want := cat.T(lang, "error.too_many_logins", "Count", 15)
		if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "900" || !strings.Contains(page, want) || sessionOf(res) != nil {
			t.Errorf("%s: %d Retry-After %q, want 429 with %q", lang, res.StatusCode, res.Header.Get("Retry-After"), want)
		}
	}
	// Other people may still sign in.
	if res := postLogin(t, f.S, "viewer@example.kg", fixturePwd, "/", "en", "10.1.0.3"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another email was blocked: %d", res.StatusCode)
	}
	// After the window, the right password works again and clears the count.
	now = now.Add(15 * time.Minute)
	if res := postLogin(t, f.S, "coder@example.kg", fixturePwd, "/", "en", "10.1.0.1"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the window: %d", res.StatusCode)
	}
	// Twenty failures from one address, each for a different email, block
	// that address and no other.
	for i := 0; i < 20; i++ {
		postLogin(t, f.S, "nobody"+string(rune('a'+i))+"@example.kg", "wrong horse battery", "/", "en", "10.2.0.1")
	}
	if res := postLogin(t, f.S, "admin@example.kg", fixturePwd, "/", "ru", "10.2.0.1"); res.StatusCode != http.StatusTooManyRequests ||
		!strings.Contains(body(t, res), "Повторите через 15 минут.") {
		t.Errorf("address not blocked: %d", res.StatusCode)
	}
	if res := postLogin(t, f.S, "admin@example.kg", fixturePwd, "/", "en", "10.2.0.2"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another address was blocked: %d", res.StatusCode)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now }, 3, 10*time.Minute)
	step := func(d time.Duration) { now = now.Add(d) }
	tests := []struct {
		do   func()
		want time.Duration
	}{
		{func() {}, 0},
		{func() { l.fail("k") }, 0},
		{func() { step(time.Minute); l.fail("k") }, 0},
		{func() { step(time.Minute); l.fail("k") }, 8 * time.Minute}, // third failure: blocked until 10 min after the first
		{func() { step(7 * time.Minute) }, time.Minute},
		{func() { step(time.Minute) }, 0}, // window over
		{func() { l.fail("k") }, 0},       // a new window starts
		{func() { l.fail("k"); l.fail("k") }, 10 * time.Minute},
		{func() { l.reset("k") }, 0},
	}
	for i, tt := range tests {
		tt.do()
		if got := l.wait("k"); got != tt.want {
			t.Errorf("step %d: wait %v, want %v", i, got, tt.want)
		}
	}
	if l.wait("other") != 0 {
		t.Error("keys are not separate")
	}
	// Expired keys are swept once the map is large.
	for i := 0; i < sweepAt; i++ {
		l.fail(string(rune(0x1000 + i)))
	}
	step(11 * time.Minute)
	l.fail("fresh")
	if len(l.keys) != 1 {
		t.Errorf("%d keys after the sweep, want 1", len(l.keys))
	}
}

func TestCrossOriginAndBearerErrors(t *testing.T) {
	f := newAuthFixture(t)
	body := `{"institution":"auca","platform":"vk","handle":"x"}`
	tests := []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"cross-site form post", call{Method: "POST", Path: "/api/v1/accounts", Body: body, As: asAdmin, Cookie: true,
			Header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, 403, "forbidden"},
		{"foreign Origin", call{Method: "POST", Path: "/api/v1/accounts", Body: body, As: asAdmin, Cookie: true,
			Header: map[string]string{"Sec-Fetch-Site": "", "Origin": "https://evil.example"}}, 403, "forbidden"},
		{"Basic auth", call{Method: "POST", Path: "/api/v1/accounts", Body: body, Header: map[string]string{"Authorization": "Basic YTpi"}}, 401, "unauthorized"},
		{"empty bearer", call{Method: "POST", Path: "/api/v1/accounts", Body: body, Header: map[string]string{"Authorization": "Bearer "}}, 401, "unauthorized"},
		{"bearer wins over cookie", call{Method: "POST", Path: "/api/v1/accounts", Body: body, As: asAdmin, Cookie: true,
			Header: map[string]string{"Authorization": "Bearer nope"}}, 401, "unauthorized"},
		{"session as bearer", call{Method: "POST", Path: "/api/v1/accounts", Body: body,
			Header: map[string]string{"Authorization": "Bearer " + f.sessions[asAdmin]}}, 401, "unauthorized"},
	}
	for _, tt := range tests {
		res, b := f.do(t, tt.c)
		if res.StatusCode != tt.status || !strings.Contains(b, `"code":"`+tt.code+`"`) {
			t.Errorf("%s: %d %s", tt.name, res.StatusCode, b)
		}
	}
	// A sign-in form posted from another site is refused, translated.
	form := url.Values{"email": {"admin@example.kg"}, "password": {fixturePwd}}
	req := httptest.NewRequest("POST", "/login?lang=ky", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	rec := httptest.NewRecorder()
	f.S.ServeHTTP(rec, req)
	if rec.Code != 403 || !strings.Contains(rec.Body.String(), i18n.Embedded().T("ky", "error.cross_origin")) || sessionOf(rec.Result()) != nil {
		t.Errorf("cross-site sign-in: %d", rec.Code)
	}
	// Public pages stay readable with a bad token or none.
	for _, path := range []string{"/", "/institutions/knu", "/api/v1/institutions", "/api/v1/leaderboard?platform=instagram"} {
		if res, _ := get(t, f.S, path, "Authorization", "Bearer nope"); res.StatusCode != 200 {
			t.Errorf("%s with a bad token: %d", path, res.StatusCode)
		}
		if res, _ := get(t, f.S, path); res.StatusCode != 200 {
			t.Errorf("%s without login: %d", path, res.StatusCode)
		}
	}
}

// An expired session is a visitor whose cookie is dropped.
func TestExpiredSession(t *testing.T) {
	f := newAuthFixture(t)
	tok, th := auth.NewToken()
	if _, err := f.DB.CreateSession(context.Background(), f.Users[asAdmin].ID, th, -time.Second); err != nil {
		t.Fatal(err)
	}
	res, page := get(t, f.S, "/?lang=en", "Cookie", sessionCookie+"="+tok)
	if res.StatusCode != 200 || strings.Contains(page, "admin@example.kg") || sessionOf(res) == nil || sessionOf(res).MaxAge >= 0 {
		t.Errorf("expired session: %d, cookie %+v", res.StatusCode, sessionOf(res))
	}
}

func TestClientIP(t *testing.T) {
	tests := []struct{ remote, want string }{
		{"192.0.2.7:5123", "192.0.2.7"},
		{"[::ffff:192.0.2.7]:5123", "192.0.2.7"},
		{"[2001:db8:1:2:aaaa::1]:443", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:bbbb::9]:443", "2001:db8:1:2::/64"}, // same machine, same key
		{"[2001:db8:1:3::1]:443", "2001:db8:1:3::/64"},
		{"@unix", "@unix"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		if got := (&Server{}).clientIP(r); got != tt.want {
			t.Errorf("clientIP(%s) = %s, want %s", tt.remote, got, tt.want)
		}
	}
}
