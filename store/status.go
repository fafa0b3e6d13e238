package store

import "context"

// Counts is how much the store holds.
type Counts struct {
	Institutions int64 `json:"institutions"`
	Accounts     int64 `json:"accounts"`
	Snapshots    int64 `json:"snapshots"`
	Posts        int64 `json:"posts"`
	Comments     int64 `json:"comments"`
}

// Counts counts the rows of the main tables.
func (db *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := db.sql.QueryRowContext(ctx, `SELECT
 (SELECT COUNT(*) FROM institutions), (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM snapshots),
 (SELECT COUNT(*) FROM posts), (SELECT COUNT(*) FROM comments)`).
		Scan(&c.Institutions, &c.Accounts, &c.Snapshots, &c.Posts, &c.Comments)
	return c, err
}
