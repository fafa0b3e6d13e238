// Package web serves Kopuro's dashboard and JSON API with the standard
// library: ServeMux method patterns, html/template, embedded templates and
// assets. Handlers return errors; renderError is the one place that turns
// them into responses.
package web

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"sync"
	"time"

	"kopuro/analyze"
	"kopuro/codebook"
	"kopuro/i18n"
	"kopuro/store"
)

//go:embed templates static
var embedded embed.FS

// Config is everything a Server needs; cmd/kopuro builds it.
type Config struct {
	DB *store.DB
	// Engine codes texts for the classify API; nil means the engine of the
	// embedded codebook.
	Engine  *analyze.Engine
	Catalog *i18n.Catalog
	Logger  *slog.Logger
	// DevDir, when set, is the web/ source folder: templates and assets are
	// read from it on every request, so edits show without a rebuild.
	DevDir string
	// Now is the clock of the sign-in rate limits; time.Now when nil.
	Now func() time.Time
	// SessionTTL is how long a sign-in lasts; 14 days when zero.
	SessionTTL time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (proxy.go); none when empty.
	TrustedProxies []netip.Prefix
}

// Server is the HTTP handler of the dashboard and API.
type Server struct {
	db     *store.DB
	eng    *analyze.Engine
	cat    *i18n.Catalog
	log    *slog.Logger
	files  fs.FS
	dev    bool
	pages  map[string]*template.Template
	mux    *http.ServeMux
	static http.Handler
	// handler is mux inside the middleware chain (middleware.go).
	handler http.Handler
	// patterns lists every pattern registered with handle, in order
	// (the OpenAPI test reads the /api/ ones).
	patterns   []string
	logins     *loginLimits
	sessionTTL time.Duration
	dummyOnce  sync.Once
	dummy      string
	trusted    []netip.Prefix
	// imports are the uploads of the import page (importjobs.go).
	imports importJobs
	// pdfSlots bounds the Chromium processes the public report page may
	// start at once (report.go).
	pdfSlots chan struct{}
	// writes remembers each user's last change, which the pages that may
	// be stale never hide from them (stale.go).
	writes recentWrites
}

// New builds a Server and parses its templates.
func New(cfg Config) (*Server, error) {
	s := &Server{db: cfg.DB, eng: cfg.Engine, cat: cfg.Catalog, log: cfg.Logger, files: embedded, mux: http.NewServeMux(),
		sessionTTL: sessionTTLOr(cfg.SessionTTL), trusted: cfg.TrustedProxies,
		pdfSlots: make(chan struct{}, maxPDFRenders)}
	if s.eng == nil {
		eng, err := analyze.New(codebook.Default())
		if err != nil {
			return nil, err
		}
		s.eng = eng
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	s.logins = newLoginLimits(now)
	if s.cat == nil {
		s.cat = i18n.Embedded()
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if cfg.DevDir != "" {
		s.files, s.dev = os.DirFS(cfg.DevDir), true
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	static, _ := fs.Sub(s.files, "static")
	s.static = http.StripPrefix("/static/", http.FileServerFS(static))
	s.routes()
	s.handler = s.chain(s.mux)
	return s, nil
}

// routes lists every endpoint; one file per resource holds the handlers.
func (s *Server) routes() {
	s.mux.Handle("GET /static/", s.static)
	s.handle("GET /{$}", s.mayBeStale(s.overview))
	s.handle("GET /institutions/{code}", s.mayBeStale(s.institution))
	s.reportRoutes()
	s.pageRoutes()
	s.planPageRoutes()
	s.importRoutes()
	s.handle("GET /api/v1/institutions", s.apiInstitutions)
	s.handle("GET /api/v1/leaderboard", s.mayBeStale(s.apiLeaderboard))
	s.handle("POST /api/v1/classify", s.apiClassify)
	s.planRoutes()
	s.handle("POST /api/v1/accounts", s.apiAddAccount)
	s.handle("GET /posts", s.mayBeStale(s.posts))
	s.codingRoutes()
	s.handle("GET /api/v1/openapi.json", s.apiOpenAPI)
	s.handle("GET /login", s.loginPage)
	s.handle("POST /login", s.loginPost)
	s.handle("POST /logout", s.logout)
	s.handle("GET /", s.notFound)
}

// handlerFunc is an HTTP handler that returns its error instead of
// writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(pattern string, h handlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.renderError(w, r, err)
		}
	})
}

type ctxKey int

const requestIDKey ctxKey = iota

// requestID returns the id given to the request, which errors show and
// logs carry, so a user's report can be matched to the log line.
func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey).(string)
	return id
}

// ServeHTTP gives every request an id and security headers, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 8)
	rand.Read(b)
	id := hex.EncodeToString(b)
	r = r.WithContext(context.WithValue(r.Context(), requestIDKey, id))
	h := w.Header()
	h.Set("X-Request-Id", id)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	if s.dev {
		if err := s.parseTemplates(); err != nil {
			s.log.Error("templates", "err", err)
		}
	}
	start := time.Now()
	s.handler.ServeHTTP(w, r)
	s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "id", id, "dur", time.Since(start))
}
