package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"

	"kopuro"
)

// Backup writes a consistent copy of a SQLite store to path while others
// may go on reading and writing (SQLite's VACUUM INTO runs in one read
// transaction). path must not exist. The copy holds the users' password
// and token hashes, so it is made readable by its owner only (0600): the
// file is created empty with that mode first, which VACUUM INTO accepts.
// A PostgreSQL store is backed up with its own tools (pg_dump) or with
// Dump.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.d.name != "sqlite" {
		return kopuro.Errorf(kopuro.EUnavailable, "error.backup_postgres", "backup copies SQLite files; for PostgreSQL use pg_dump or kopuro export")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return kopuro.Errorf(kopuro.EConflict, "error.backup_exists", "%s exists already", path).WithArg("Path", path)
	}
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "error.backup_create", "cannot create %s: %v", path, err).WithArg("Path", path)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO '`+strings.ReplaceAll(path, "'", "''")+`'`); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
