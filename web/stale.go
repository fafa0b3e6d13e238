package web

import (
	"context"
	"net/http"
	"sync"
	"time"

	"kopuro/store"
)

// Which pages may be stale. After a write, the first request for a page
// built from a large aggregate (an institution's profile compares 70
// scorecards over a year) would wait seconds at a million posts, and an
// analysis run writes every thousand posts. So the public aggregates — the
// overview (Table 1), an institution's profile, the posts explorer, the
// leaderboards and their API — may be served as they were up to
// store.DefaultMaxStale after the data changed, while one recomputation
// runs in the background (store.AllowStale); the requests after it get the
// fresh page. Everything people edit — the coding queue, the calendar,
// goals, accounts, imports — is read fresh on every request, and whoever
// changed something is never served a page older than their change: each
// user's last write is remembered (recentWrites) and stale values older
// than it are not served to them. A restore or a migration ends every
// stale value at once (store.bumpEpoch).

// mayBeStale marks h as serving public aggregates that may be stale,
// though never older than the signed-in user's own last write.
func (s *Server) mayBeStale(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var since int64
		if u := currentUser(r); u != nil {
			since = s.writes.since(u.ID)
		}
		return h(w, r.WithContext(store.AllowStale(r.Context(), since)))
	}
}

// recentWrites remembers, for each user who changed something lately,
// the data version after their change.
type recentWrites struct {
	mu sync.Mutex
	m  map[int64]userWrite
}

type userWrite struct {
	version int64
	at      time.Time
}

// writeMemory is how long a user's write is remembered: past the stale
// bound, every value that may be served stale was seen current after the
// write, so it shows the write anyway.
func writeMemory(maxStale time.Duration) time.Duration { return 2*maxStale + time.Minute }

// noteWrite records that user wrote: the data version now is at least
// that of their change.
func (s *Server) noteWrite(ctx context.Context, user int64) {
	v, err := s.db.DataVersion(context.WithoutCancel(ctx))
	if err != nil {
		v = 1 << 62 // unknown: serve them nothing stale for a while
	}
	now := time.Now()
	rw := &s.writes
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.m == nil {
		rw.m = map[int64]userWrite{}
	}
	for id, w := range rw.m {
		if now.Sub(w.at) > writeMemory(s.db.MaxStale) {
			delete(rw.m, id)
		}
	}
	if w, ok := rw.m[user]; !ok || v > w.version {
		rw.m[user] = userWrite{v, now}
	} else {
		rw.m[user] = userWrite{w.version, now}
	}
}

// since returns the data version after user's last remembered write (0:
// none).
func (rw *recentWrites) since(user int64) int64 {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	return rw.m[user].version
}
