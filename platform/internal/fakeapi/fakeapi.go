// Package fakeapi holds what the collector tests share: a local server
// that answers like a platform API and can be told to fail, a clock that
// never waits, and golden files.
package fakeapi

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"kopuro"
	"kopuro/internal/golden"
	"kopuro/platform"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Fault is one scripted failure.
type Fault struct {
	Status int
	Header map[string]string
	Body   string
}

// Request is what the server saw of one request.
type Request struct {
	Method string
	URL    string // path and query
	Header http.Header
	Body   string
}

// Server answers with Handler, except for scripted faults: the next
// requests to a path get its faults first, one each.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	faults   map[string][]Fault
	requests []Request
}

// New starts a server answering with h; it is closed when t ends.
func New(t testing.TB, h http.HandlerFunc) *Server {
	s := &Server{faults: map[string][]Fault{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		s.mu.Lock()
		s.requests = append(s.requests, Request{Method: r.Method, URL: r.URL.RequestURI(), Header: r.Header.Clone(), Body: string(body)})
		var f *Fault
		if q := s.faults[r.URL.Path]; len(q) > 0 {
			f, s.faults[r.URL.Path] = &q[0], q[1:]
		}
		s.mu.Unlock()
		if f != nil {
			for k, v := range f.Header {
				w.Header().Set(k, v)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(f.Status)
			io.WriteString(w, f.Body)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// FailNext makes the next requests to path fail with faults, in order.
func (s *Server) FailNext(path string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[path] = append(s.faults[path], faults...)
}

// Requests returns every request seen so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many requests went to path.
func (s *Server) Count(path string) int {
	n := 0
	for _, r := range s.Requests() {
		u := r.URL
		if i := strings.IndexByte(u, '?'); i >= 0 {
			u = u[:i]
		}
		if u == path {
			n++
		}
	}
	return n
}

// File answers with testdata/name, as JSON unless the name says HTML.
func File(t testing.TB, w http.ResponseWriter, name string) {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Errorf("fixture: %v", err)
		w.WriteHeader(500)
		return
	}
	if filepath.Ext(name) == ".html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	}
	w.Write(b)
}

// Clock never waits: it records each wait and moves its time forward.
type Clock struct {
	mu    sync.Mutex
	T     time.Time
	Waits []time.Duration
}

// NewClock starts at t.
func NewClock(t time.Time) *Clock { return &Clock{T: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.T }

// Sleep records d and advances the time by it.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.Waits = append(c.Waits, d)
		c.T = c.T.Add(d)
	}
	return ctx.Err()
}

// Rand is fixed, so that jittered waits are predictable.
func (c *Clock) Rand() float64 { return 0.5 }

// Golden compares v, as indented JSON, with testdata/name through
// internal/golden; -update rewrites the file.
func Golden(t testing.TB, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // fixtures are read by people: keep "&" and "<" as they are
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, name, buf.Bytes(), *update)
}

// Result is a platform.Result as golden files show it (errors as text).
type Result struct {
	Account   kopuro.AccountRef
	Snapshots []kopuro.Snapshot
	Posts     []kopuro.Post
	Comments  []kopuro.Comment `json:",omitempty"`
	Problems  []string
}

// View returns r as golden files show it.
func View(r platform.Result) Result {
	g := Result{Account: r.Account, Snapshots: r.Snapshots, Posts: r.Posts, Comments: r.Comments}
	for _, p := range r.Problems {
		g.Problems = append(g.Problems, p.Error())
	}
	return g
}
