package store

import (
	"context"
	"path/filepath"
	"testing"
)

// fileStore opens a SQLite store in a file of the test's own, migrated to
// version last (every migration when last is 0), closed when the test ends.
func fileStore(t *testing.T, last int) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "store.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if last == 0 {
		err = db.Migrate(ctx)
	} else {
		err = db.migrateTo(ctx, last)
	}
	if err != nil {
		t.Fatal(err)
	}
	return db
}
