package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"kopuro"
	"kopuro/store"
)

// loadAudience returns Table 1, which the overview and the leaderboards
// are built from, computed once per data version (store.Memo): the
// returned table is shared and must not be modified.
func (s *Server) loadAudience(ctx context.Context) (audienceTable, error) {
	return store.Memo(ctx, s.db, "web.audience", s.buildAudience)
}

func (s *Server) buildAudience(ctx context.Context) (audienceTable, error) {
	insts, err := s.db.Institutions(ctx)
	if err != nil {
		return audienceTable{}, err
	}
	accounts, err := s.db.Accounts(ctx, "")
	if err != nil {
		return audienceTable{}, err
	}
	// The present day: every account's newest figure.
	latest, err := s.db.LatestAudience(ctx, time.Time{})
	if err != nil {
		return audienceTable{}, err
	}
	return buildAudience(insts, accounts, latest), nil
}

type leaderboardView struct {
	Platform kopuro.Platform
	Entries  []audienceCell
}

// overview is the home page: Table 1 live, the presence matrix and the
// per-platform leaderboards.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "overview.title")
	return s.cachedPage(w, r, p, "overview", false, func(ctx context.Context) error {
		t, err := s.loadAudience(ctx)
		if err != nil {
			return err
		}
		var boards []leaderboardView
		for _, pl := range t.Platforms {
			if e := t.Leaderboard(pl); len(e) > 0 {
				boards = append(boards, leaderboardView{pl, e})
			}
		}
		p.Data = struct {
			Table  audienceTable
			Boards []leaderboardView
		}{t, boards}
		return nil
	})
}

// clockMinute is how long a visitor's page that depends on the clock (a
// profile's data freshness and advice) is served from the cache.
const clockMinute = time.Minute

// cachedPage renders template name for p once fill has set p.Data
// (computing with the context it is given). A visitor (nobody signed in)
// is served the copy rendered for the same language and URL since the
// data last changed (store.MemoBytes), and for a page that reads the
// clock, within the last minute: a page is the same for every visitor,
// and rendering it costs far more than sending it. Signed-in users see
// their own page, rendered each time.
func (s *Server) cachedPage(w http.ResponseWriter, r *http.Request, p *page, name string, clock bool, fill func(context.Context) error) error {
	if p.User != nil || s.dev {
		if err := fill(r.Context()); err != nil {
			return err
		}
		return s.render(w, name, p)
	}
	key := fmt.Sprintf("web.page\x00%p\x00%s\x00%s\x00%s", s, name, p.Lang, r.URL.RequestURI())
	ttl := time.Duration(0)
	if clock {
		ttl = clockMinute
	}
	body, err := store.MemoBytes(r.Context(), s.db, key, ttl, func(ctx context.Context) ([]byte, error) {
		if err := fill(ctx); err != nil {
			return nil, err
		}
		var b bufferedResponse
		if err := s.render(&b, name, p); err != nil {
			return nil, err
		}
		return b.body.Bytes(), nil
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err = w.Write(body)
	return err
}

// bufferedResponse keeps a rendered page instead of sending it.
type bufferedResponse struct {
	header http.Header
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header {
	if b.header == nil {
		b.header = http.Header{}
	}
	return b.header
}

func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }

func (b *bufferedResponse) WriteHeader(int) {}
