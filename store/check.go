package store

import (
	"context"
	"fmt"
)

// orphanChecks count rows whose parent is gone; foreign keys forbid them,
// so any count above zero means the store is damaged.
var orphanChecks = []struct{ name, query string }{
	{"accounts without institution row", `SELECT COUNT(*) FROM accounts a WHERE a.institution_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM institutions i WHERE i.id = a.institution_id)`},
	{"snapshots without account", `SELECT COUNT(*) FROM snapshots s WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = s.account_id)`},
	{"posts without account", `SELECT COUNT(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id)`},
	{"hashtags without post", `SELECT COUNT(*) FROM post_hashtags h WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = h.post_id)`},
	{"comments without post", `SELECT COUNT(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = c.post_id)`},
	{"codings without post", `SELECT COUNT(*) FROM codings c WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = c.post_id)`},
}

// Check verifies the store's consistency: the engine's own integrity check
// and its full-text index's where the dialect has them (SQLite), and no row
// whose parent is missing. It returns the problems found.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	var problems []string
	if q := db.d.integrityCheck(); q != "" {
		rows, err := db.sql.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, err
			}
			if s != "ok" {
				problems = append(problems, "integrity: "+s)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if q := db.d.searchIndexCheck(); q != "" {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			problems = append(problems, "search index: "+err.Error())
		}
	}
	for _, c := range orphanChecks {
		var n int
		if err := db.sql.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d", c.name, n))
		}
	}
	return problems, nil
}

// CodingCounts returns how many posts carry a machine coding and how many
// human codings there are.
func (db *DB) CodingCounts(ctx context.Context) (machine, human int64, err error) {
	err = db.sql.QueryRowContext(ctx, `SELECT
 (SELECT COUNT(*) FROM codings WHERE coder = ''), (SELECT COUNT(*) FROM codings WHERE coder <> '')`).Scan(&machine, &human)
	return machine, human, err
}
