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

// MemoEntries is how many keys the aggregate cache holds.
func MemoEntries(db *DB) int {
	db.memo.mu.Lock()
	defer db.memo.mu.Unlock()
	return len(db.memo.entries)
}

// MemoMaxEntries is how many keys the aggregate cache holds at most.
const MemoMaxEntries = memoMaxEntries

// SetDataVersion sets the data version's number behind the store's back,
// as a restore made outside Kopuro would.
func SetDataVersion(t testing.TB, db *DB, n int64) {
	t.Helper()
	if _, err := db.sql.Exec(`UPDATE `+versionTable+` SET n = `+db.d.rebind(`?`)+` WHERE id = 1`, n); err != nil {
		t.Fatal(err)
	}
}
