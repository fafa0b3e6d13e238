// Package storetest gives tests a fresh, migrated store.
package storetest

import (
	"context"
	"testing"
	"time"

	"kopuro/store"
)

// New returns a fresh migrated in-memory SQLite store, closed when the test
// ends, with its clock fixed at 2025-06-30 12:00 UTC.
func New(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC) }
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
