package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"kopuro"
)

// Feed receives one institution's data in the order the metrics
// accumulators need it: accounts, then snapshots, then posts in time order
// with their coding, then each account's newest post time, then comments.
// metrics.Collector is one.
type Feed interface {
	AddAccount(kopuro.Account)
	AddSnapshot(kopuro.Account, kopuro.Snapshot)
	AddCodedPost(kopuro.Post, *kopuro.Labels) error
	AddLatestPost(kopuro.Account, time.Time)
	AddComment(kopuro.Comment)
}

// Stream feeds f with the institution's accounts and snapshots, its posts
// published in [from, to) with the labels that win (a human coder's over
// the machine's), the time of each account's newest post at all, and the
// comments under the period's posts. Rows are read one at a time: nothing
// holds the whole period in memory here.
func (db *DB) Stream(ctx context.Context, code string, from, to time.Time, f Feed) error {
	if _, err := db.Institution(ctx, code); err != nil {
		return err
	}
	accs, err := db.Accounts(ctx, code)
	if err != nil {
		return err
	}
	byID := map[int64]kopuro.Account{}
	for _, a := range accs {
		byID[a.ID] = a
		f.AddAccount(a)
	}
	for _, a := range accs {
		snaps, err := db.Snapshots(ctx, a.ID)
		if err != nil {
			return err
		}
		for _, s := range snaps {
			f.AddSnapshot(a, s)
		}
	}
	if err := db.streamPosts(ctx, code, from, to, f); err != nil {
		return err
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT p.account_id, MAX(p.published) FROM posts p
JOIN accounts a ON a.id = p.account_id JOIN institutions i ON i.id = a.institution_id
WHERE i.code = ? GROUP BY p.account_id`), code)
	if err != nil {
		return err
	}
	for rows.Next() {
		var acc, last int64
		if err := rows.Scan(&acc, &last); err != nil {
			rows.Close()
			return err
		}
		f.AddLatestPost(byID[acc], time.Unix(last, 0).UTC())
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return db.streamComments(ctx, code, from, to, f)
}

// streamSelect is postSelect without the codings' scores and evidence:
// no metric reads them, and decoding their JSON for every post of a
// period was a fifth of a scorecard's time.
var streamSelect = strings.Replace(postSelect, "c.scores, c.evidence", "'', ''", 1)

func (db *DB) streamPosts(ctx context.Context, code string, from, to time.Time, f Feed) error {
	// PostFilter selects by the institution's account ids, so that the
	// (account_id, published) index drives the query.
	cond, args := PostFilter{Institution: code, From: from, To: to}.where(db.d)
	rows, err := db.sql.QueryContext(ctx, db.q(streamSelect+" WHERE "+cond+" ORDER BY p.published, p.id"), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		lp, err := scanLabeledPost(rows)
		if err != nil {
			return err
		}
		var l *kopuro.Labels
		if lp.Coding != nil {
			l = &lp.Coding.Labels
		}
		if err := f.AddCodedPost(lp.Post, l); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (db *DB) streamComments(ctx context.Context, code string, from, to time.Time, f Feed) error {
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT cm.id, cm.post_id, p.platform, p.external_id, cm.external_id, cm.parent_id, cm.author, cm.from_institution, cm.published, cm.likes
FROM comments cm
JOIN posts p ON p.id = cm.post_id
WHERE p.account_id IN (SELECT a.id FROM accounts a JOIN institutions i ON i.id = a.institution_id WHERE i.code = ?)
  AND p.published >= ? AND p.published < ?`), code, from.Unix(), to.Unix())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c kopuro.Comment
		var inst int
		var published, likes sql.NullInt64
		if err := rows.Scan(&c.ID, &c.PostID, &c.Platform, &c.PostExternalID, &c.ExternalID, &c.ParentID, &c.Author, &inst, &published, &likes); err != nil {
			return err
		}
		c.FromInstitution = inst == 1
		if published.Valid {
			c.Published = time.Unix(published.Int64, 0).UTC()
		}
		c.Likes = countOf(likes)
		f.AddComment(c)
	}
	return rows.Err()
}
