package web

// A harness for testing who may call a write endpoint. Every write endpoint
// of package web should get one checkWrite call: it creates nothing itself
// beyond the fixture, calls the endpoint as every kind of caller against
// the editor's own and another institution, by API token and by session
// cookie, and checks each status against the test's table — and that a
// refused call changed nothing while an allowed one changed something.
//
//	f := newAuthFixture(t)
//	f.checkWrite(t, writeEndpoint{Method: "POST", Path: ..., Body: ..., State: ...},
//		map[string]want{"admin": {201, 201}, "editor": {201, 403}, ...})

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kopuro"
	"kopuro/auth"
	"kopuro/store"
)

// The callers checkWrite tries. "editor" edits the fixture's Own
// institution.
const (
	anonymous  = "anonymous" // no credentials at all
	badToken   = "bad-token" // a token or session Kopuro never issued
	asAdmin    = "admin"     // role admin
	asEditor   = "editor"    // role editor of Own
	asCoder    = "coder"     // role coder
	asViewer   = "viewer"    // role viewer
	fixturePwd = "correct horse battery staple"
)

var principals = []string{anonymous, badToken, asAdmin, asEditor, asCoder, asViewer}

// cheapHash keeps fixtures fast: parameters travel inside the hash, so the
// sign-in code path is the same as with the default cost.
var cheapHash = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// authFixture is a server over the study's seed data with one user of each
// role, each with an API token and a session.
type authFixture struct {
	S  *Server
	DB *store.DB
	// Own is the editor's institution, Other one they do not belong to.
	Own, Other string
	Users      map[string]kopuro.User
	tokens     map[string]string // principal → API token
	sessions   map[string]string // principal → session cookie value
}

func newAuthFixture(t *testing.T) *authFixture {
	t.Helper()
	s, db := newTestServer(t)
	f := &authFixture{S: s, DB: db, Own: "auca", Other: "knu", Users: map[string]kopuro.User{},
		tokens: map[string]string{badToken: "not-a-token-kopuro-issued"}, sessions: map[string]string{badToken: "not-a-session"}}
	ctx := context.Background()
	for _, who := range []string{asAdmin, asEditor, asCoder, asViewer} {
		u := kopuro.User{Email: who + "@example.kg", Role: kopuro.Role(who)}
		if who == asEditor {
			u.Institution = f.Own
		}
		u, err := db.AddUser(ctx, u, auth.HashPassword(fixturePwd, cheapHash))
		if err != nil {
			t.Fatal(err)
		}
		f.Users[who] = u
		f.tokens[who] = f.tokenFor(t, u)
		sess, sh := auth.NewToken()
		if _, err := db.CreateSession(ctx, u.ID, sh, defaultSessionTTL); err != nil {
			t.Fatal(err)
		}
		f.sessions[who] = sess
	}
	return f
}

// tokenFor creates an API token for u.
func (f *authFixture) tokenFor(t testing.TB, u kopuro.User) string {
	t.Helper()
	tok, th := auth.NewToken()
	if _, err := f.DB.CreateAPIToken(context.Background(), u.ID, "test", th); err != nil {
		t.Fatal(err)
	}
	return tok
}

// call is one request to the fixture's server.
type call struct {
	Method, Path, Body string
	ContentType        string // application/json when empty
	As                 string // a principal
	Cookie             bool   // authenticate with the session cookie, not the token
	Header             map[string]string
}

// do sends c and returns the response and its body.
func (f *authFixture) do(t testing.TB, c call) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(c.Method, c.Path, strings.NewReader(c.Body))
	ct := c.ContentType
	if ct == "" {
		ct = "application/json"
	}
	if c.Body != "" {
		req.Header.Set("Content-Type", ct)
	}
	if c.As != anonymous && c.As != "" {
		if c.Cookie {
			req.AddCookie(&http.Cookie{Name: sessionCookie, Value: f.sessions[c.As]})
			req.Header.Set("Sec-Fetch-Site", "same-origin") // what a browser sends from our own page
		} else {
			req.Header.Set("Authorization", "Bearer "+f.tokens[c.As])
		}
	}
	for k, v := range c.Header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.S.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// writeEndpoint describes a write endpoint to checkWrite.
type writeEndpoint struct {
	Method      string
	ContentType string // application/json when empty
	// Path and Body build the request that targets institution inst; n
	// counts the calls, so that each allowed call can change something new.
	Path func(inst string, n int) string
	Body func(inst string, n int) string
	// State returns a digest of everything the endpoint could change.
	State func(t testing.TB) string
}

// want is the status expected when targeting the editor's Own institution
// and the Other one.
type want struct{ Own, Other int }

// checkWrite calls e as every principal (by token, then by session cookie)
// against Own and Other and compares each status with table, which must
// name every principal. A 4xx must leave State unchanged; a 2xx or 3xx
// must change it. Finally an admin's same call from another site (a
// cross-origin browser request) must be refused with 403 and change
// nothing.
func (f *authFixture) checkWrite(t testing.TB, e writeEndpoint, table map[string]want) {
	t.Helper()
	n := 0
	for _, byCookie := range []bool{false, true} {
		for _, who := range principals {
			w, ok := table[who]
			if !ok {
				t.Fatalf("checkWrite: no expectation for %s", who)
			}
			for _, target := range []struct {
				inst string
				want int
			}{{f.Own, w.Own}, {f.Other, w.Other}} {
				n++
				before := e.State(t)
				res, body := f.do(t, call{Method: e.Method, Path: e.Path(target.inst, n), Body: e.Body(target.inst, n),
					ContentType: e.ContentType, As: who, Cookie: byCookie})
				after := e.State(t)
				how := fmt.Sprintf("%s %s as %s (cookie %v) on %s", e.Method, e.Path(target.inst, n), who, byCookie, target.inst)
				if res.StatusCode != target.want {
					t.Errorf("%s: status %d, want %d: %s", how, res.StatusCode, target.want, body)
				}
				switch refused := res.StatusCode >= 400; {
				case refused && before != after:
					t.Errorf("%s: refused with %d but the state changed:\nbefore %s\nafter  %s", how, res.StatusCode, before, after)
				case !refused && before == after:
					t.Errorf("%s: allowed with %d but nothing changed", how, res.StatusCode)
				}
				if res.StatusCode == 401 && strings.HasPrefix(e.Path(target.inst, n), "/api/") && res.Header.Get("WWW-Authenticate") == "" {
					t.Errorf("%s: 401 without WWW-Authenticate", how)
				}
			}
		}
	}
	n++
	before := e.State(t)
	res, body := f.do(t, call{Method: e.Method, Path: e.Path(f.Own, n), Body: e.Body(f.Own, n), ContentType: e.ContentType,
		As: asAdmin, Cookie: true, Header: map[string]string{"Sec-Fetch-Site": "cross-site"}})
	if res.StatusCode != http.StatusForbidden || e.State(t) != before {
		t.Errorf("cross-site %s %s as admin: %d (want 403), state changed: %v: %s", e.Method, e.Path(f.Own, n), res.StatusCode, e.State(t) != before, body)
	}
}

// TestCheckWriteFails makes sure the harness fails endpoints that get
// authorization wrong: a harness that cannot fail proves nothing.
func TestCheckWriteFails(t *testing.T) {
	table := map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {201, 201},
		asEditor: {201, 403}, asCoder: {403, 403}, asViewer: {403, 403}}
	tests := []struct {
		name    string
		handler func(s *Server, count *int) handlerFunc
		reports []string
	}{
		{"open to anyone", func(s *Server, count *int) handlerFunc {
			return func(w http.ResponseWriter, r *http.Request) error {
				*count++
				return writeJSON(w, http.StatusCreated, *count)
			}
		}, []string{"as anonymous (cookie false) on auca: status 201, want 401", "as viewer (cookie true) on knu: status 201, want 403"}},
		{"writes before refusing", func(s *Server, count *int) handlerFunc {
			return func(w http.ResponseWriter, r *http.Request) error {
				*count++
				if _, err := s.requireRole(r, kopuro.ActionEditAccounts, r.URL.Query().Get("inst")); err != nil {
					return err
				}
				return writeJSON(w, http.StatusCreated, *count)
			}
		}, []string{"as coder (cookie false) on auca: refused with 403 but the state changed"}},
		{"says yes, does nothing", func(s *Server, count *int) handlerFunc {
			return func(w http.ResponseWriter, r *http.Request) error {
				if _, err := s.requireRole(r, kopuro.ActionEditAccounts, r.URL.Query().Get("inst")); err != nil {
					return err
				}
				return writeJSON(w, http.StatusCreated, *count)
			}
		}, []string{"as admin (cookie false) on auca: allowed with 201 but nothing changed"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newAuthFixture(t)
			count := 0
			path := fmt.Sprintf("/api/v1/test-%d", i)
			f.S.handle("POST "+path, tt.handler(f.S, &count))
			e := writeEndpoint{Method: "POST",
				Path:  func(inst string, n int) string { return path + "?inst=" + inst },
				Body:  func(string, int) string { return "{}" },
				State: func(testing.TB) string { return fmt.Sprint(count) }}
			rec := &recordingT{TB: t}
			f.checkWrite(rec, e, table)
			for _, needle := range tt.reports {
				found := false
				for _, e := range rec.errors {
					found = found || strings.Contains(e, needle)
				}
				if !found {
					t.Errorf("checkWrite did not report %q; it reported %q", needle, rec.errors)
				}
			}
		})
	}
}

// recordingT records a test's errors instead of failing it.
type recordingT struct {
	testing.TB
	errors []string
}

func (r *recordingT) Helper() {}
func (r *recordingT) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recordingT) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic("recordingT: Fatalf")
}

// goalState is the number of goals of Own and Other, for checkWrite.
func (f *authFixture) goalState(t testing.TB) string {
	var out []string
	for _, inst := range []string{f.Own, f.Other} {
		gs, err := f.DB.Goals(context.Background(), inst)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(inst, len(gs)))
	}
	return strings.Join(out, " ")
}
