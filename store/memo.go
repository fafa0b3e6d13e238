package store

import (
	"context"
	"sync"
)

// memo caches values computed from the store's data for as long as the
// data version they were computed at is the current one.
type memo struct {
	mu      sync.Mutex
	version int64
	entries map[string]*memoEntry
}

type memoEntry struct {
	done chan struct{}
	val  any
	err  error
}

// memoMax bounds the cached values; when it is reached the cache starts
// afresh (the keys are few: pages, institutions × periods, filter sets).
const memoMax = 4096

// Memo returns the value cached under key when the store's data has not
// changed since it was computed, and otherwise computes it with fn, once
// however many callers ask for it at the same time, and caches it. Every
// caller shares the value: callers must not modify it. key must name
// everything the value depends on besides the store's data.
func Memo[T any](ctx context.Context, db *DB, key string, fn func() (T, error)) (T, error) {
	v, err := db.DataVersion(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	m := &db.memo
	m.mu.Lock()
	if v < m.version {
		// A request that pinned an older version: compute, do not cache.
		m.mu.Unlock()
		return fn()
	}
	if v > m.version || m.entries == nil || len(m.entries) >= memoMax {
		m.version, m.entries = v, map[string]*memoEntry{}
	}
	e, ok := m.entries[key]
	if !ok {
		e = &memoEntry{done: make(chan struct{})}
		m.entries[key] = e
		m.mu.Unlock()
		val, err := fn()
		e.val, e.err = val, err
		close(e.done)
		if err != nil {
			m.mu.Lock()
			if m.entries[key] == e {
				delete(m.entries, key)
			}
			m.mu.Unlock()
		}
		return val, err
	}
	m.mu.Unlock()
	select {
	case <-e.done:
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
	if e.err != nil {
		// The first caller failed (perhaps its request was cancelled):
		// try for this one.
		return fn()
	}
	return e.val.(T), nil
}
