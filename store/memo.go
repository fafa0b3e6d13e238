package store

import (
	"context"
	"sync"
)

// memo caches values computed from the store's data for as long as the
// data version they were computed at is the current one. It holds at most
// maxEntries values and about maxBytes bytes (as sized by the caller);
// past either it starts afresh.
type memo struct {
	maxEntries int
	maxBytes   int

	mu      sync.Mutex
	version int64
	bytes   int
	entries map[string]*memoEntry
}

type memoEntry struct {
	done chan struct{}
	val  any
	err  error
}

// Bounds of the two caches of a DB: computed aggregates (few keys:
// pages, institutions × periods, filter sets) and rendered responses.
const (
	memoMaxEntries = 4096
	bytesMaxBytes  = 64 << 20
)

// Memo returns the value cached under key when the store's data has not
// changed since it was computed, and otherwise computes it with fn, once
// however many callers ask for it at the same time, and caches it. Every
// caller shares the value: callers must not modify it. key must name
// everything the value depends on besides the store's data.
func Memo[T any](ctx context.Context, db *DB, key string, fn func() (T, error)) (T, error) {
	return memoize(ctx, db, &db.memo, key, fn, func(T) int { return 0 })
}

// MemoBytes is Memo for large values such as a rendered page, kept in a
// cache of their own that is bounded by their total size, so that many of
// them never push out the aggregates Memo keeps.
func MemoBytes(ctx context.Context, db *DB, key string, fn func() ([]byte, error)) ([]byte, error) {
	return memoize(ctx, db, &db.bytesMemo, key, fn, func(b []byte) int { return len(b) })
}

func memoize[T any](ctx context.Context, db *DB, m *memo, key string, fn func() (T, error), size func(T) int) (T, error) {
	v, err := db.DataVersion(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	m.mu.Lock()
	if v < m.version {
		// A request that pinned an older version: compute, do not cache.
		m.mu.Unlock()
		return fn()
	}
	if v > m.version || m.entries == nil || len(m.entries) >= m.maxEntries || m.bytes > m.maxBytes {
		m.version, m.entries, m.bytes = v, map[string]*memoEntry{}, 0
	}
	e, ok := m.entries[key]
	if !ok {
		e = &memoEntry{done: make(chan struct{})}
		m.entries[key] = e
		m.mu.Unlock()
		val, err := fn()
		e.val, e.err = val, err
		close(e.done)
		m.mu.Lock()
		if m.entries[key] == e {
			if err != nil {
				delete(m.entries, key)
			} else {
				m.bytes += size(val)
			}
		}
		m.mu.Unlock()
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
