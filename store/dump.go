package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"kopuro"
)

// A dump is the whole store as NDJSON: a header line, then one line per
// row, table by table in creation order (so parents precede children), ids
// included. It moves a store between SQLite and PostgreSQL with nothing
// lost; Restore reads it into an empty store. A dump holds the users'
// password hashes and the hashes of their session and API tokens unless it
// is made WithoutUsers: whoever reads a full dump can try passwords
// offline, so it is written for its owner's eyes only (kopuro export makes
// the file with mode 0600).

// DumpHeader is the first line of a dump.
type DumpHeader struct {
	Kind    string `json:"kind"` // always "kopuro_dump"
	Version int    `json:"version"`
	Dialect string `json:"dialect"`
	Schema  int    `json:"schema"` // the newest migration applied
	// WithoutUsers tells that the dump leaves out the users, their
	// sessions and API tokens (authTables).
	WithoutUsers bool `json:"without_users,omitempty"`
}

// DumpOptions choose what a dump holds.
type DumpOptions struct {
	// WithoutUsers leaves out the users, their sessions and API tokens:
	// the dump holds no password or token hash, and restoring it keeps the
	// target store's own users.
	WithoutUsers bool
}

// authTables are the tables of people who may sign in, their sessions and
// tokens: what a dump WithoutUsers leaves out. Nothing else refers to them.
var authTables = map[string]bool{"users": true, "sessions": true, "api_tokens": true}

// dumpRow is every other line of a dump.
type dumpRow struct {
	Table string         `json:"table"`
	Row   map[string]any `json:"row"`
}

var createTableRE = regexp.MustCompile(`(?i)CREATE TABLE\s+(?:IF NOT EXISTS\s+)?([a-z_][a-z0-9_]*)`)

// tables lists the store's tables in creation order, from the migrations.
func tables() ([]string, error) {
	ms, err := migrations("")
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		for _, match := range createTableRE.FindAllStringSubmatch(m.sql, -1) {
			// A table a later migration rebuilds (0008: post_hashtags)
			// keeps the place where it was first made.
			if t := strings.ToLower(match[1]); t != versionTable && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// schemaVersion is the newest applied migration.
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := db.sql.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// Dump writes the whole store to w inside one read transaction, so the
// dump is consistent even while others write.
func (db *DB) Dump(ctx context.Context, w io.Writer) error {
	return db.DumpWith(ctx, w, DumpOptions{})
}

// DumpWith is Dump with options: without users, it leaves out the users,
// their sessions and API tokens.
func (db *DB) DumpWith(ctx context.Context, w io.Writer, opts DumpOptions) error {
	ts, err := tables()
	if err != nil {
		return err
	}
	schema, err := db.schemaVersion(ctx)
	if err != nil {
		return err
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(DumpHeader{Kind: "kopuro_dump", Version: 1, Dialect: db.d.name, Schema: schema, WithoutUsers: opts.WithoutUsers}); err != nil {
		return err
	}
	for _, t := range ts {
		if opts.WithoutUsers && authTables[t] {
			continue
		}
		if err := dumpTable(ctx, tx, t, enc); err != nil {
			return fmt.Errorf("store: dump %s: %w", t, err)
		}
	}
	return bw.Flush()
}

func dumpTable(ctx context.Context, tx *sql.Tx, table string, enc *json.Encoder) error {
	rows, err := tx.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY 1`)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			row[c] = vals[i]
		}
		if err := enc.Encode(dumpRow{Table: table, Row: row}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// IsDump reports whether the first bytes of a file are a dump's header.
func IsDump(head []byte) bool {
	_, ok := DumpHeaderOf(head)
	return ok
}

// DumpHeaderOf reads a dump's header from the first bytes of a file, and
// reports whether they hold one.
func DumpHeaderOf(head []byte) (DumpHeader, bool) {
	line, _, _ := strings.Cut(string(head), "\n")
	var h DumpHeader
	ok := json.Unmarshal([]byte(line), &h) == nil && h.Kind == "kopuro_dump"
	return h, ok
}

// Restore reads a dump into this store, which must be migrated and empty,
// in one transaction. Ids are kept; on PostgreSQL the id sequences are
// moved past them. A dump without users keeps the store's own users,
// sessions and tokens (so an administrator made before the restore can
// still sign in) and refuses rows of those tables. A store with an
// editor, who belongs to an institution, has institutions and so is not
// empty.
func (db *DB) Restore(ctx context.Context, r io.Reader, file string) error {
	ts, err := tables()
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, t := range ts {
		known[t] = true
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	if !sc.Scan() {
		return kopuro.Errorf(kopuro.EInvalid, "error.dump_header", "not a Kopuro dump: no header line").At(file, 1)
	}
	var h DumpHeader
	if err := json.Unmarshal(sc.Bytes(), &h); err != nil || h.Kind != "kopuro_dump" {
		return kopuro.Errorf(kopuro.EInvalid, "error.dump_header", "not a Kopuro dump: no header line").At(file, 1)
	}
	schema, err := db.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if h.Schema > schema {
		return kopuro.Errorf(kopuro.EInvalid, "error.dump_newer", "the dump has schema %d, newer than this store's %d: upgrade Kopuro first", h.Schema, schema).
			WithArg("Dump", h.Schema).WithArg("Store", schema).At(file, 1)
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		for _, t := range ts {
			if h.WithoutUsers && authTables[t] {
				continue
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return kopuro.Errorf(kopuro.EConflict, "error.restore_not_empty", "the store is not empty (table %s has rows): restore into a new store", t).WithArg("Table", t)
			}
		}
		line := 1
		withID := map[string]bool{} // tables whose ids were given
		for sc.Scan() {
			line++
			var dr dumpRow
			dec := json.NewDecoder(strings.NewReader(sc.Text()))
			dec.UseNumber()
			if err := dec.Decode(&dr); err != nil || !known[dr.Table] || len(dr.Row) == 0 || h.WithoutUsers && authTables[dr.Table] {
				return kopuro.Errorf(kopuro.EInvalid, "error.dump_line", "not a row of a known table").At(file, line)
			}
			if _, ok := dr.Row["id"]; ok {
				withID[dr.Table] = true
			}
			if err := insertRow(ctx, db, tx, dr); err != nil {
				return kopuro.Errorf(kopuro.EInvalid, "error.dump_row", "cannot restore this row of %s: %v", dr.Table, err).
					WithArg("Table", dr.Table).WithArg("Detail", err.Error()).At(file, line)
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
		for t := range withID {
			if q := db.d.resetSequence(t); q != "" {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return err
				}
			}
		}
		// Nothing cached from the store before may be served any more,
		// not even stale.
		return bumpEpoch(ctx, tx)
	})
}

var columnRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

func insertRow(ctx context.Context, db *DB, tx *sql.Tx, dr dumpRow) error {
	cols := make([]string, 0, len(dr.Row))
	args := make([]any, 0, len(dr.Row))
	for c, v := range dr.Row {
		if !columnRE.MatchString(c) {
			return fmt.Errorf("bad column name %q", c)
		}
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				v = i
			} else if f, err := n.Float64(); err == nil {
				v = f
			}
		}
		cols = append(cols, c)
		args = append(args, v)
	}
	q := `INSERT INTO ` + dr.Table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	_, err := tx.ExecContext(ctx, db.q(q), args...)
	return err
}

// Tables lists the store's tables in creation order.
func Tables() []string {
	ts, _ := tables()
	return ts
}
