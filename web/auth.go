package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"kopuro"
	"kopuro/auth"
)

// Who is asking: every request but static files passes through
// authenticate, which records the user of a valid session cookie or API
// token in the request's context. Pages read it with currentUser; handlers
// that change anything call requireRole.

const sessionCookie = "kopuro_session"

// defaultSessionTTL is how long a sign-in lasts when Config does not say.
const defaultSessionTTL = 14 * 24 * time.Hour

const authKey ctxKey = requestIDKey + 1

// authState is what authenticate learned about a request.
type authState struct {
	user *kopuro.User
	// err is set when the request carried an Authorization header that
	// is not a valid token (or the lookup failed): writes fail with it,
	// public reads go on as if no header had been sent.
	err error
}

// authenticate resolves the request's credentials: an Authorization:
// Bearer token (API clients) wins over the session cookie (browsers).
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) *http.Request {
	st := &authState{}
	ctx := r.Context()
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, token, _ := strings.Cut(h, " ")
		token = strings.TrimSpace(token)
		if !strings.EqualFold(scheme, "Bearer") || token == "" {
			st.err = kopuro.Errorf(kopuro.EUnauthorized, "error.auth_header", "the Authorization header is not \"Bearer TOKEN\"")
		} else if u, err := s.db.TokenUser(ctx, auth.HashToken(token)); err == nil {
			st.user = &u
		} else if kopuro.ErrorCode(err) == kopuro.ENotFound {
			st.err = kopuro.Errorf(kopuro.EUnauthorized, "error.token_invalid", "unknown or revoked API token")
		} else {
			st.err = err
		}
	} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		u, err := s.db.SessionUser(ctx, auth.HashToken(c.Value))
		switch {
		case err == nil:
			st.user = &u
		case kopuro.ErrorCode(err) == kopuro.ENotFound:
			// Expired or signed out elsewhere: forget the cookie.
			clearSessionCookie(w, r)
		default:
			// A public page still renders, for a visitor; a write fails.
			s.log.Error("session lookup", "id", requestID(r), "err", err)
			st.err = err
		}
	}
	return r.WithContext(context.WithValue(ctx, authKey, st))
}

func authOf(r *http.Request) *authState {
	if st, ok := r.Context().Value(authKey).(*authState); ok {
		return st
	}
	return &authState{}
}

// currentUser is the signed-in user, or nil.
func currentUser(r *http.Request) *kopuro.User { return authOf(r).user }

// requireRole returns the signed-in user if they may take action on
// institution (see kopuro.User.Can), else a user-safe error: unauthorized
// (401) without a valid session or token, forbidden (403) when the user may
// not. Call it before changing anything.
func (s *Server) requireRole(r *http.Request, action kopuro.Action, institution string) (kopuro.User, error) {
	u, err := s.requireUser(r)
	if err != nil {
		return u, err
	}
	if !u.Can(action, institution) {
		return u, kopuro.Errorf(kopuro.EForbidden, "error.forbidden", "user %s (%s) may not %s for %q", u.Email, u.Role, action, institution)
	}
	return u, nil
}

// requireUser returns the signed-in user, or the unauthorized error.
func (s *Server) requireUser(r *http.Request) (kopuro.User, error) {
	st := authOf(r)
	if st.err != nil {
		return kopuro.User{}, st.err
	}
	if st.user == nil {
		return kopuro.User{}, kopuro.Errorf(kopuro.EUnauthorized, "error.unauthorized", "no valid session or token")
	}
	return *st.user, nil
}

// setSessionCookie gives the browser its session token: HttpOnly (no
// script reads it), Secure over TLS, SameSite=Lax (no cross-site POST
// carries it).
// The store's clock sets expires; MaxAge (which browsers prefer) is the
// lifetime itself, so the two clocks never have to agree.
func setSessionCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		MaxAge: int(ttl.Seconds()), HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
}

func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
}
