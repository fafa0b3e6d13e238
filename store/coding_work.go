package store

import (
	"context"
	"database/sql"
	"strings"

	"kopuro"
)

// What human coding needs from the store: a shared sample to code, the
// machine's evidence beside a coder's labels, and every coding of the
// posts people coded, for agreement.

// sampleMultiplier and sampleModulus shuffle post ids deterministically:
// (id × multiplier + seed) mod modulus is a fixed permutation of ids below
// the modulus for each seed, the same for every coder, so two coders who
// take "the next post I have not coded" work through the same sample in
// the same order (double coding). Both are primes; the product stays far
// inside 64 bits for any id below the modulus.
const (
	sampleMultiplier = 2654435761
	sampleModulus    = 2147483647
)

// NextToCode returns the next post of the seeded sample that coder has not
// coded yet and that has text, with its effective coding; ok is false when
// coder has coded them all. coded is how many posts coder has coded.
func (db *DB) NextToCode(ctx context.Context, coder string, seed int64) (lp LabeledPost, coded int, ok bool, err error) {
	if err := db.sql.QueryRowContext(ctx, db.q(`SELECT COUNT(*) FROM codings WHERE coder = ?`), coder).Scan(&coded); err != nil {
		return lp, 0, false, err
	}
	seed %= sampleModulus
	if seed < 0 {
		seed += sampleModulus
	}
	ps, err := db.queryPosts(ctx, postSelect+`
WHERE p.text <> '' AND NOT EXISTS (SELECT 1 FROM codings h WHERE h.post_id = p.id AND h.coder = ?)
ORDER BY (p.id * ? + ?) % ?, p.id LIMIT 1`, coder, sampleMultiplier, seed, sampleModulus)
	if err != nil || len(ps) == 0 {
		return lp, coded, false, err
	}
	return ps[0], coded, true, nil
}

// MachineCodings returns the machine's coding of each of the posts that
// has one, in one query.
func (db *DB) MachineCodings(ctx context.Context, posts []int64) (map[int64]kopuro.Coding, error) {
	out := map[int64]kopuro.Coding{}
	if len(posts) == 0 {
		return out, nil
	}
	args := make([]any, len(posts))
	for i, id := range posts {
		args[i] = id
	}
	q := `SELECT ` + codingColumns + ` FROM codings c WHERE c.coder = '' AND c.post_id IN (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(posts)), ", ") + `)`
	cs, err := queryAll(ctx, db, q, scanCoding, args...)
	for _, c := range cs {
		out[c.PostID] = c
	}
	return out, err
}

// CodingsForAgreement returns every coding (the machine's included) of
// the posts at least one person coded, by post. Evidence and scores are
// left out: agreement compares labels only.
func (db *DB) CodingsForAgreement(ctx context.Context) ([]kopuro.Coding, error) {
	return queryAll(ctx, db, `SELECT `+codingColumns+` FROM codings c
WHERE c.post_id IN (SELECT h.post_id FROM codings h WHERE h.coder <> '')
ORDER BY c.post_id, c.coder`, func(rows *sql.Rows) (kopuro.Coding, error) {
		c, err := scanCoding(rows)
		c.Scores, c.Evidence = nil, nil
		return c, err
	})
}

// scanCoding reads one row of codingColumns.
func scanCoding(rows *sql.Rows) (kopuro.Coding, error) {
	var cc codingCols
	if err := rows.Scan(cc.dest()...); err != nil {
		return kopuro.Coding{}, err
	}
	c, _, err := cc.coding()
	return c, err
}
