// Package storetest gives tests a fresh, migrated store: an in-memory
// SQLite database by default, or a uniquely named PostgreSQL database when
// KOPURO_TEST_PG holds the URL of a server (see scripts/pg-cluster).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"kopuro/store"
)

// Clock is the fixed time test stores run at.
var Clock = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)

// New returns a fresh migrated store, closed (and on PostgreSQL dropped)
// when the test ends, with its clock fixed at Clock.
func New(t testing.TB) *store.DB {
	t.Helper()
	dsn := ":memory:"
	if os.Getenv("KOPURO_TEST_PG") != "" {
		dsn = DSN(t)
	}
	return Open(t, dsn)
}

// Open opens the store at dsn (DSN gives a fresh one) as New does:
// migrated, its clock fixed at Clock, closed when the test ends.
func Open(t testing.TB, dsn string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return Clock }
	// A stale value's recomputation starts at once, whenever the test
	// wrote: tests of the interval between recomputations set their own.
	db.RecomputeEvery = 0
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// PG reports whether tests run against PostgreSQL.
func PG() bool { return os.Getenv("KOPURO_TEST_PG") != "" }

// DSN returns the DSN of a new, empty database for one test: a file in a
// temporary folder, or a new PostgreSQL database (dropped at the end).
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("KOPURO_TEST_PG")
	if base == "" {
		return filepath.Join(t.TempDir(), "kopuro.db")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "kopuro_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("KOPURO_TEST_PG=%s: %v", base, err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
