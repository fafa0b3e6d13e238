package store

import (
	"context"
	"os"
	"strings"

	"kopuro"
)

// Backup writes a consistent copy of a SQLite store to path while others
// may go on reading and writing (SQLite's VACUUM INTO runs in one read
// transaction). path must not exist. A PostgreSQL store is backed up with
// its own tools (pg_dump) or with Dump.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.d.name != "sqlite" {
		return kopuro.Errorf(kopuro.EUnavailable, "error.backup_postgres", "backup copies SQLite files; for PostgreSQL use pg_dump or kopuro export")
	}
	if _, err := os.Stat(path); err == nil {
		return kopuro.Errorf(kopuro.EConflict, "error.backup_exists", "%s exists already", path).WithArg("Path", path)
	}
	_, err := db.sql.ExecContext(ctx, `VACUUM INTO '`+strings.ReplaceAll(path, "'", "''")+`'`)
	return err
}
