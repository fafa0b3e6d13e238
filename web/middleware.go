package web

import (
	"net/http"
	"strings"

	"kopuro"
)

// chain wraps the routes in what every request passes through, outermost
// first: cross-origin protection (a POST, PUT, PATCH or DELETE that a
// browser says came from another site is refused before anything runs),
// then authentication; after a signed-in user's POST, PUT, PATCH or
// DELETE, the data version is noted as theirs (stale.go).
func (s *Server) chain(routes http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, kopuro.Errorf(kopuro.EForbidden, "error.cross_origin",
			"cross-origin %s %s refused (Origin %q, Sec-Fetch-Site %q)", r.Method, r.URL.Path, r.Header.Get("Origin"), r.Header.Get("Sec-Fetch-Site")))
	}))
	return cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			r = s.authenticate(w, r)
		}
		routes.ServeHTTP(w, r)
		if u := currentUser(r); u != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.noteWrite(r.Context(), u.ID)
		}
	}))
}
