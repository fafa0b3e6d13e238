package store

import (
	"testing"
	"time"
)

// SetMemoClock replaces the clock the stale bound is measured with.
func SetMemoClock(db *DB, now func() time.Time) { db.memoClock = now }

// VersionOf reads the data version and its epoch.
func VersionOf(t testing.TB, db *DB) (n, epoch int64) {
	t.Helper()
	if err := db.sql.QueryRow(`SELECT n, epoch FROM `+versionTable+` WHERE id = 1`).Scan(&n, &epoch); err != nil {
		t.Fatal(err)
	}
	return n, epoch
}

// BackgroundSlots is how many recomputations may run in the background at
// once.
func BackgroundSlots(db *DB) int { return cap(db.backgroundSlots) }

// MmapSize is SQLite's mmap_size on one of db's connections.
func MmapSize(t testing.TB, db *DB) int64 {
	t.Helper()
	var n int64
	if err := db.sql.QueryRow(`PRAGMA mmap_size`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
