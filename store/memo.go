package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Which cached values may be stale. A value is computed from the store's
// data at one data version and is fresh while that version is the current
// one. After a write it may still be served — stale — only:
//   - to a request that allows it (AllowStale): the web server allows it
//     for its public aggregates (the overview, an institution's profile,
//     the posts explorer, the leaderboards), never for what people edit
//     (the coding queue, the calendar, goals, accounts, imports), which is
//     not cached at all;
//   - when the value is at least as new as the request's own last write
//     (AllowStale's minVersion): whoever changed something sees it at once;
//   - when the value was known to be current at most DB.MaxStale ago;
//   - never across a restore or a migration (they change the version's
//     epoch, and every cached value goes).
//
// Serving a stale value starts one recomputation in the background (one
// per key at a time, and not before DB.RecomputeEvery after the previous
// one began, so that a stream of writes does not keep a core busy
// recomputing); the requests after it finishes get the fresh value.
// Requests that do not allow stale values wait for a fresh one, as all
// did before. See docs/caching.md.

// DefaultMaxStale is how long after the data changed a cached value may
// still be served to a request that allows it.
const DefaultMaxStale = time.Minute

// DefaultRecomputeEvery is how often, at most, a value served stale is
// recomputed while writes keep coming. It is well inside DefaultMaxStale,
// so that a value is recomputed before it may no longer be served.
const DefaultRecomputeEvery = 10 * time.Second

// backgroundTimeout bounds one recomputation that no request waits for.
const backgroundTimeout = 10 * time.Minute

// memo caches values computed from the store's data, each with the data
// version it was computed at. It holds at most maxEntries values and
// about maxBytes bytes (as sized by the caller); past either it drops what
// can no longer be served (evict), and starts afresh if that is not enough.
type memo struct {
	maxEntries int
	maxBytes   int

	mu      sync.Mutex
	epoch   int64
	version int64     // the newest data version seen
	seen    time.Time // when version was last seen current
	// lastSeen holds, for older versions, when each was last seen current
	// (versions older than the stale bound are dropped).
	lastSeen map[int64]time.Time
	bytes    int
	entries  map[string]*memoSlot
}

// memoSlot is one key's newest value and the computation under way.
type memoSlot struct {
	ok       bool
	val      any
	version  int64
	computed time.Time // when its computation started
	size     int
	flight   *memoFlight
}

// memoFlight is one computation of a value, which callers that arrive
// meanwhile wait for instead of computing it again.
type memoFlight struct {
	version int64
	started time.Time
	// claimed is set by whoever computes it: its creator, or for one
	// queued for the background, its background goroutine once it has a
	// slot or a request that needs the value before (so a computation
	// never waits for a slot that computations waiting for it hold).
	claimed atomic.Bool
	done    chan struct{}
	val     any
	err     error
}

// Bounds of the two caches of a DB: computed aggregates (few keys:
// pages, institutions × periods, filter sets) and rendered responses.
const (
	memoMaxEntries = 4096
	bytesMaxBytes  = 64 << 20
)

type staleKey struct{}

// AllowStale returns a context whose cached values may be stale (see
// above) as long as they were computed at minVersion or later: the data
// version after the requester's own last write, 0 for a visitor.
func AllowStale(ctx context.Context, minVersion int64) context.Context {
	return context.WithValue(ctx, staleKey{}, minVersion)
}

// freshOnly is ctx pinned to data version v and no longer allowing stale
// values: what a value cached at v is computed from must be of v or newer.
func freshOnly(ctx context.Context, v version, at time.Time) context.Context {
	if _, ok := ctx.Value(staleKey{}).(int64); ok {
		ctx = context.WithValue(ctx, staleKey{}, nil)
	}
	if p, ok := ctx.Value(versionKey{}).(pinned); ok && p.v == v {
		return ctx
	}
	return context.WithValue(ctx, versionKey{}, pinned{v, at})
}

// Memo returns the value cached under key when the store's data has not
// changed since it was computed, and otherwise computes it with fn, once
// however many callers ask for it at the same time, and caches it. A
// request that allows it (AllowStale) may be given the value of an
// earlier version while fn recomputes it in the background. fn must
// compute with the context it is given (pinned to the data version the
// value is for; it may outlive the request). Every caller shares the
// value: callers must not modify it. key must name everything the value
// depends on besides the store's data.
func Memo[T any](ctx context.Context, db *DB, key string, fn func(context.Context) (T, error)) (T, error) {
	return memoize(ctx, db, &db.memo, key, 0, fn, func(T) int { return 0 })
}

// MemoBytes is Memo for large values such as a rendered page, kept in a
// cache of their own that is bounded by their total size, so that many of
// them never push out the aggregates Memo keeps. A value that depends on
// the clock as well is fresh for ttl after it was computed (0: for as
// long as the data does not change), then served stale like a value of
// an earlier version.
func MemoBytes(ctx context.Context, db *DB, key string, ttl time.Duration, fn func(context.Context) ([]byte, error)) ([]byte, error) {
	return memoize(ctx, db, &db.bytesMemo, key, ttl, fn, func(b []byte) int { return len(b) })
}

func memoize[T any](ctx context.Context, db *DB, m *memo, key string, ttl time.Duration, fn func(context.Context) (T, error), size func(T) int) (T, error) {
	var zero T
	v, at, err := db.versionAt(ctx)
	if err != nil {
		return zero, err
	}
	now := db.memoNow()
	m.mu.Lock()
	if !m.observe(v, at, now, db.MaxStale) {
		// A version older than one seen since: pinned by a request that
		// began before, or read at the same time as a newer one. The
		// newer version's value will do (it is what a query would read
		// now); computing one of the older version for this request alone
		// cost a whole page, again and again while writes came.
		v, at = version{m.version, m.epoch}, m.seen
	}
	if len(m.entries) >= m.maxEntries || m.bytes > m.maxBytes {
		m.evict(now, db.MaxStale)
	}
	s := m.entries[key]
	if s == nil {
		s = &memoSlot{}
		m.entries[key] = s
	}
	if s.ok && s.version == v.n && !s.expired(ttl, now) {
		m.mu.Unlock()
		return s.val.(T), nil
	}
	if min, ok := ctx.Value(staleKey{}).(int64); ok && m.servable(s, min, ttl, now, db.MaxStale) {
		val := s.val.(T)
		if s.flight == nil && now.Sub(s.computed) >= db.RecomputeEvery {
			f := &memoFlight{version: v.n, started: now, done: make(chan struct{})}
			s.flight = f
			bg := freshOnly(context.WithoutCancel(ctx), v, at)
			db.background.Add(1)
			go func() {
				defer db.background.Done()
				db.backgroundSlots <- struct{}{}
				defer func() { <-db.backgroundSlots }()
				if !f.claimed.CompareAndSwap(false, true) {
					return // a request that needed it computed it
				}
				bg, cancel := context.WithTimeout(bg, backgroundTimeout)
				defer cancel()
				defer func() { recover() }() // f.err says it failed
				runFlight(m, key, s, f, bg, fn, size)
			}()
		}
		m.mu.Unlock()
		return val, nil
	}
	f := s.flight
	mine := false
	if f == nil || f.version < v.n {
		f = &memoFlight{version: v.n, started: now, done: make(chan struct{})}
		f.claimed.Store(true)
		s.flight = f
		mine = true
	}
	m.mu.Unlock()
	if mine || f.claimed.CompareAndSwap(false, true) {
		// Ours to compute: a new computation, or one queued for the
		// background that has not started (rather than wait for a slot).
		runFlight(m, key, s, f, freshOnly(ctx, version{f.version, v.epoch}, f.started), fn, size)
		if f.err != nil {
			return zero, f.err
		}
		return f.val.(T), nil
	}
	select {
	case <-f.done:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	if f.err != nil {
		// The first caller failed (perhaps its request was cancelled):
		// try for this one.
		return fn(freshOnly(ctx, v, at))
	}
	return f.val.(T), nil
}

// Settle waits until the recomputations that serving stale values has
// started in the background are done: a test's next request then gets the
// fresh value. A server that stops does not call it: closing the store
// lets the queries under way finish and refuses new ones, so a
// recomputation then fails and keeps nothing.
func (db *DB) Settle() { db.background.Wait() }

// errFlightPanicked is a computation's error when fn panicked.
var errFlightPanicked = errors.New("store: a cached value's computation panicked")

// runFlight computes flight f of slot s (under key) with fn, keeps its
// value unless a newer one is kept already, and lets its waiters go.
func runFlight[T any](m *memo, key string, s *memoSlot, f *memoFlight, ctx context.Context, fn func(context.Context) (T, error), size func(T) int) {
	f.err = errFlightPanicked
	defer func() {
		m.mu.Lock()
		if s.flight == f {
			s.flight = nil
		}
		if f.err == nil && m.entries[key] == s && (!s.ok || f.version >= s.version) {
			n := size(f.val.(T))
			m.bytes += n - s.size
			s.ok, s.val, s.version, s.computed, s.size = true, f.val, f.version, f.started, n
		}
		if f.err != nil && !s.ok && s.flight == nil && m.entries[key] == s {
			// Nothing to keep: an empty slot per failed key (a profile of
			// an unknown institution, asked again and again) would fill
			// the cache and empty it of every value worth keeping.
			delete(m.entries, key)
		}
		m.mu.Unlock()
		close(f.done)
	}()
	val, err := fn(ctx)
	f.val, f.err = val, err
}

// observe records that data version v was current at time at; it reports
// false when v is older than the newest version seen.
// Another epoch (a restore, a migration) drops every value.
func (m *memo) observe(v version, at, now time.Time, maxStale time.Duration) bool {
	if m.entries == nil || v.epoch != m.epoch {
		m.epoch, m.version, m.seen = v.epoch, v.n, at
		m.entries, m.lastSeen, m.bytes = map[string]*memoSlot{}, map[int64]time.Time{}, 0
		return true
	}
	switch {
	case v.n < m.version && at.Sub(m.seen) > versionBackAfter:
		// A read that began well after the newest version was last seen
		// found an older one: the store's version went back (a restore
		// made outside Kopuro, such as pg_restore, while the server ran).
		// Nothing cached is of this data.
		m.version, m.seen = v.n, at
		m.entries, m.lastSeen, m.bytes = map[string]*memoSlot{}, map[int64]time.Time{}, 0
		return true
	case v.n < m.version:
		return false
	case v.n > m.version:
		m.lastSeen[m.version] = m.seen
		for n, t := range m.lastSeen {
			if now.Sub(t) > maxStale {
				delete(m.lastSeen, n)
			}
		}
		m.version, m.seen = v.n, at
	case at.After(m.seen):
		m.seen = at
	}
	return true
}

// versionBackAfter is how long after the newest data version was last
// seen a read of an older one means that the version went back, not that
// the read began before a write that a concurrent read already saw (reads
// of the version take milliseconds). Until then, values of the overwritten
// data may be served as fresh.
const versionBackAfter = time.Minute

// evict makes room when the cache is full: it drops the values that can
// no longer be served — neither of the newest version nor known current
// within maxStale — and that no computation is filling; only if that is
// not enough does it start afresh. Values survive writes (they may be
// served stale), so without this the cache would fill with dead values
// and then lose the live ones with them.
func (m *memo) evict(now time.Time, maxStale time.Duration) {
	for key, s := range m.entries {
		if s.flight != nil || (s.ok && s.version == m.version) {
			continue
		}
		if t, ok := m.lastSeen[s.version]; s.ok && ok && now.Sub(t) <= maxStale {
			continue
		}
		m.bytes -= s.size
		delete(m.entries, key)
	}
	if len(m.entries) >= m.maxEntries || m.bytes > m.maxBytes {
		m.entries, m.bytes = map[string]*memoSlot{}, 0
	}
}

// expired reports whether a value that depends on the clock is past its
// ttl (0: it does not depend on the clock).
func (s *memoSlot) expired(ttl time.Duration, now time.Time) bool {
	return ttl > 0 && now.Sub(s.computed) >= ttl
}

// servable reports whether s's value, not fresh, may be served to a
// request whose own writes are at minVersion: it is at least that new,
// and it was last known to be current at most maxStale ago.
func (m *memo) servable(s *memoSlot, minVersion int64, ttl time.Duration, now time.Time, maxStale time.Duration) bool {
	if !s.ok || s.version < minVersion || maxStale <= 0 {
		return false
	}
	var current time.Time // until when the value was known to be current
	if s.version == m.version {
		current = now
	} else if t, ok := m.lastSeen[s.version]; ok {
		current = t
	} else {
		return false
	}
	if ttl > 0 && s.computed.Add(ttl).Before(current) {
		current = s.computed.Add(ttl)
	}
	return now.Sub(current) <= maxStale
}
