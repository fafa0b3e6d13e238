// Package store keeps Kopuro's data in SQL: SQLite embedded by default.
// All SQL lives here; dialect differences live in dialect.go. Exported
// methods own their transaction; unexported helpers take a *sql.Tx.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"kopuro"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL through pgx, the well-kept Go driver
	_ "modernc.org/sqlite"             // the pure-Go SQLite driver: no C toolchain needed
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// maxIdleConns is how many unused connections the pool keeps open.
const maxIdleConns = 32

// DB is an open store.
type DB struct {
	sql *sql.DB
	d   dialect
	// driverDSN is what sql.Open was given (MapReads opens it again).
	driverDSN string
	// Now is the clock; tests replace it.
	Now func() time.Time
	// MaxStale is how long after the data changed a cached value may
	// still be served to a request that allows it (memo.go); 0: never.
	MaxStale time.Duration
	// RecomputeEvery is how long after a stale value's computation began
	// another one may start (memo.go): under a stream of writes (an
	// analysis run writes every 1 000 posts) a page is recomputed at most
	// this often, not back to back beside the writer.
	RecomputeEvery time.Duration
	// memoClock is the memo's real-time clock (nil: time.Now).
	memoClock func() time.Time
	// background counts the recomputations under way or queued
	// (Settle), and backgroundSlots bounds those running: as many as
	// there are cores, so that a profile's 70 stale scorecards do not
	// start 70 computations (and database connections) at once.
	background      sync.WaitGroup
	backgroundSlots chan struct{}
	// memo and bytesMemo cache computed aggregates and rendered
	// responses by data version (memo.go).
	memo, bytesMemo memo
	// versions shares reads of the data version (version.go).
	versions versionReads
}

// Open opens the store at dsn: a PostgreSQL URL (postgres://…), a SQLite
// file path (created if needed), or ":memory:" for a private in-memory
// SQLite database. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d, driverDSN := dialectOf(dsn)
	db, err := sql.Open(d.driver, driverDSN)
	if err != nil {
		return nil, err
	}
	if dsn == ":memory:" {
		// Each connection to :memory: is a database of its own: keep one.
		db.SetMaxOpenConns(1)
	} else {
		// Keep the connections a busy server opens (database/sql keeps
		// two by default): a new one costs a connect (PostgreSQL) or a
		// cold page cache and a schema read (SQLite) per request.
		db.SetMaxIdleConns(maxIdleConns)
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, kopuro.Errorf(kopuro.EUnavailable, "error.db_open", "cannot open database %s: %v", redact(dsn), err).WithArg("Path", redact(dsn))
	}
	return &DB{sql: db, d: d, driverDSN: driverDSN, Now: time.Now, MaxStale: DefaultMaxStale, RecomputeEvery: DefaultRecomputeEvery, backgroundSlots: make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
		memo:      memo{maxEntries: memoMaxEntries, maxBytes: 1 << 62},
		bytesMemo: memo{maxEntries: memoMaxEntries, maxBytes: bytesMaxBytes}}, nil
}

// MapReads makes a SQLite store read its file through a memory map, for
// a long-running server: a scorecard reads each of its posts' rows by id,
// and a pread per page was a sixth of its CPU time. The mapped pages are
// the system's file cache, shared, not the process's own memory, but they
// count in its resident size: a command that reads a store once (an
// import) is measured better without. Call it before the store is used;
// on PostgreSQL and in-memory stores it does nothing.
func (db *DB) MapReads(ctx context.Context) error {
	dsn := db.d.mappedDSN(db.driverDSN)
	if dsn == "" {
		return nil
	}
	mapped, err := sql.Open(db.d.driver, dsn)
	if err != nil {
		return err
	}
	mapped.SetMaxIdleConns(maxIdleConns)
	mapped.SetConnMaxIdleTime(5 * time.Minute)
	if err := mapped.PingContext(ctx); err != nil {
		mapped.Close()
		return err
	}
	old := db.sql
	db.sql = mapped
	return old.Close()
}

// Close closes the store.
func (db *DB) Close() error { return db.sql.Close() }

// Dialect names the SQL dialect in use ("sqlite" or "postgres").
func (db *DB) Dialect() string { return db.d.name }

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the migrations of dialect (every file when dialect is
// ""). Most files are portable SQL (NNNN_name.sql); where the SQL truly
// differs a migration comes as one file per dialect, NNNN_name.sqlite.sql
// and NNNN_name.postgres.sql, sharing the version number.
func migrations(dialect string) ([]migration, error) {
	files, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, f := range files {
		base := strings.TrimPrefix(f, "migrations/")
		if d := path.Ext(strings.TrimSuffix(base, ".sql")); d != "" && dialect != "" && d != "."+dialect {
			continue
		}
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s is not named NNNN_name.sql", f)
		}
		b, err := migrationFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// Migrate applies every migration not yet applied, each in one transaction.
func (db *DB) Migrate(ctx context.Context) error {
	return db.migrateTo(ctx, math.MaxInt)
}

// migrateTo applies the migrations not yet applied up to version last (a
// test's way to make a store as an older Kopuro left it).
func (db *DB) migrateTo(ctx context.Context, last int) error {
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	applied, err := db.appliedVersions(ctx)
	if err != nil {
		return err
	}
	ms, err := migrations(db.d.name)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version > last || applied[m.version] {
			continue
		}
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			for _, stmt := range splitStatements(db.d.migration(m.sql)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("store: migration %s: %w", m.name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, db.d.rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), m.version, db.Now().Unix()); err != nil {
				return err
			}
			if m.version < epochMigration {
				return nil // no epoch to move yet
			}
			// A server still running on this store must not serve what it
			// cached under the old schema: each migration moves the epoch
			// with its own commit, so one that fails after others committed
			// still leaves them seen.
			return bumpEpoch(ctx, tx)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// epochMigration is the migration that gives the data version its epoch
// (0009_version_epoch).
const epochMigration = 9

// Pending returns the names of migrations not yet applied.
func (db *DB) Pending(ctx context.Context) ([]string, error) {
	var exists int
	err := db.sql.QueryRowContext(ctx, db.d.tableExists(), "schema_migrations").Scan(&exists)
	if err != nil {
		return nil, err
	}
	applied := map[int]bool{}
	if exists > 0 {
		if applied, err = db.appliedVersions(ctx); err != nil {
			return nil, err
		}
	}
	ms, err := migrations(db.d.name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range ms {
		if !applied[m.version] {
			out = append(out, m.name)
		}
	}
	return out, nil
}

func (db *DB) appliedVersions(ctx context.Context) (map[int]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

// splitStatements splits a migration on semicolons that end a line. Comment
// lines are dropped. Migrations keep one statement per ";\n".
func splitStatements(s string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "--") || t == "" {
			continue
		}
		cur.WriteString(line + "\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}

// inTx runs fn in a transaction, committing on success.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return inTxOn(ctx, db.sql, fn)
}

// txBeginner begins transactions: the pool (*sql.DB), or one connection
// of it (*sql.Conn) when the transaction needs that connection's settings
// or the driver's own connection (an import's COPY on PostgreSQL).
type txBeginner interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}

// inTxOn is inTx on b.
func inTxOn(ctx context.Context, b txBeginner, fn func(*sql.Tx) error) error {
	tx, err := b.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// Rolled back also when fn panics: a transaction left open on a
	// connection of its own (an import's) would make the deferred Close
	// of that connection wait for ever, and hold SQLite's write lock.
	// After a commit, Rollback does nothing.
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// q rebinds a query for the dialect.
func (db *DB) q(query string) string { return db.d.rebind(query) }

// nullInt converts a Count for storage.
func nullInt(c kopuro.Count) any {
	if !c.Valid {
		return nil
	}
	return c.N
}

// countOf converts a scanned column back.
func countOf(n sql.NullInt64) kopuro.Count {
	if !n.Valid {
		return kopuro.Unknown
	}
	return kopuro.Known(n.Int64)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Empty reports whether the database has no Kopuro schema at all (a new
// file), as opposed to an older schema that needs migrating.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var exists int
	if err := db.sql.QueryRowContext(ctx, db.d.tableExists(), "schema_migrations").Scan(&exists); err != nil {
		return false, err
	}
	if exists == 0 {
		return true, nil
	}
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	return n == 0, err
}

// redact hides the password of a database URL, for messages and logs.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}

// unixTime converts stored Unix seconds to a UTC time; 0 is the zero time.
func unixTime(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

// scanFunc is a function with the Scan method of a row, for handing one
// row's columns to two scan functions (scanAccount's extra destinations).
type scanFunc func(dest ...any) error

// Scan calls f.
func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, db *DB, q string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
