package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kopuro"
	"kopuro/auth"
)

// loginForm is what the sign-in page shows.
type loginForm struct {
	Email string
	Next  string
	Error string
}

// loginPage answers GET /login.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderLogin(w, r, http.StatusOK, loginForm{Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, f loginForm) error {
	p := s.newPage(w, r, "auth.login.title")
	p.Data = f
	return s.renderStatus(w, status, "login", p)
}

// loginPost answers POST /login: a session cookie and a redirect to the
// page the user came from, or the form again with a translated message.
func (s *Server) loginPost(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := readForm(r); err != nil {
		return err
	}
	f := loginForm{Email: kopuro.NormalizeEmail(r.PostForm.Get("email")), Next: safeNext(r.PostForm.Get("next"))}
	err := s.login(w, r, f.Email, r.PostForm.Get("password"))
	if err == nil {
		http.Redirect(w, r, f.Next, http.StatusSeeOther)
		return nil
	}
	if kopuro.ErrorCode(err) == kopuro.EInternal {
		return err
	}
	status, _, msg, _ := s.describe(r, s.lang(w, r), err)
	f.Error = msg
	return s.renderLogin(w, r, status, f)
}

// login checks the password of email, within the rate limits, and starts
// a session.
func (s *Server) login(w http.ResponseWriter, r *http.Request, email, password string) error {
	ctx := r.Context()
	ip := s.clientIP(r)
	if wait := s.logins.wait(ip, email); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		minutes := int(math.Ceil(wait.Minutes()))
		return kopuro.Errorf(kopuro.ERateLimited, "error.too_many_logins", "too many sign-in attempts from %s or for %s: wait %d min", ip, email, minutes).
			WithArg("Count", minutes)
	}
	u, hash, err := s.db.Credentials(ctx, email)
	known := err == nil
	switch {
	case kopuro.ErrorCode(err) == kopuro.ENotFound:
		// Hash anyway, so that an unknown email takes as long as a
		// wrong password and does not tell who has an account.
		hash = s.dummyHash()
	case err != nil:
		return err
	}
	ok := false
	if len(password) <= 4*kopuro.MaxPasswordLen { // runes of up to 4 bytes
		if ok, err = auth.CheckPassword(hash, password); err != nil {
			return err
		}
	}
	if !ok || !known {
		s.logins.fail(ip, email)
		return kopuro.Errorf(kopuro.EUnauthorized, "error.login_failed", "wrong email or password for %s", email)
	}
	s.logins.succeed(email)
	// A fresh token on every sign-in; the browser's previous session, if
	// any, ends, so a planted cookie cannot ride along (session fixation).
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.db.DeleteSession(ctx, auth.HashToken(c.Value)); err != nil {
			return err
		}
	}
	token, th := auth.NewToken()
	expires, err := s.db.CreateSession(ctx, u.ID, th, s.sessionTTL)
	if err != nil {
		return err
	}
	setSessionCookie(w, r, token, expires, s.sessionTTL)
	if _, err := s.db.DeleteExpiredSessions(ctx); err != nil {
		s.log.Warn("deleting expired sessions", "id", requestID(r), "err", err)
	}
	return nil
}

// dummyHash is a hash of a random password with the current parameters,
// made once, on the first sign-in attempt for an unknown email.
func (s *Server) dummyHash() string {
	s.dummyOnce.Do(func() { s.dummy = auth.HashPassword(auth.NewPassword(), auth.DefaultParams) })
	return s.dummy
}

// logout answers POST /logout: the session ends in the store, the cookie
// is dropped. Only POST, which cross-origin protection guards, so another
// site cannot sign a user out.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.db.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			return err
		}
	}
	clearSessionCookie(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// safeNext keeps a redirect target on this site: a path, not "//host" or
// "/\host" (which browsers read as another host), else "/".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n\t") {
		return "/"
	}
	return next
}

// sessionTTLOr returns ttl, or the default for zero.
func sessionTTLOr(ttl time.Duration) time.Duration {
	if ttl <= 0 {
		return defaultSessionTTL
	}
	return ttl
}
