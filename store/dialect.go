package store

import (
	"strconv"
	"strings"
)

// dialect holds every difference between the SQL databases Kopuro runs on.
// Queries elsewhere are written once, with "?" placeholders and the
// portable subset of SQL both engines accept (ON CONFLICT upserts,
// RETURNING, partial indexes); this file adapts them.
type dialect struct {
	name string
	// driver is the database/sql driver name.
	driver string
	// idColumn is the definition of an auto-numbered primary key.
	idColumn string
	// dollar placeholders ($1, $2, ...) instead of "?".
	dollar bool
}

var sqlite = dialect{
	name:     "sqlite",
	driver:   "sqlite",
	idColumn: "INTEGER PRIMARY KEY",
}

// rebind rewrites "?" placeholders for the dialect. Queries in this package
// never contain a literal "?" inside a string.
func (d dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migration adapts a migration file's portable SQL to the dialect.
func (d dialect) migration(sql string) string {
	return strings.ReplaceAll(sql, "@ID@", d.idColumn)
}

// sqliteDSN turns a file path into a modernc DSN with the pragmas every
// connection needs: foreign keys on, WAL for concurrent readers, and a busy
// timeout so a writer waits instead of failing.
func sqliteDSN(path string) string {
	pragmas := "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	if path == ":memory:" {
		return "file::memory:?" + pragmas
	}
	return "file:" + path + "?" + pragmas + "&_pragma=journal_mode(WAL)"
}

// tableExists is a query taking a table name that returns 1 if it exists.
func (d dialect) tableExists() string {
	if d.name == "postgres" {
		return `SELECT COUNT(*) FROM information_schema.tables WHERE table_name = $1`
	}
	return `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
}
