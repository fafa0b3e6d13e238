package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"kopuro"
)

// PostFilter selects posts. Zero fields select everything.
type PostFilter struct {
	Institution string          // institution code
	Platform    kopuro.Platform // one platform
	From, To    time.Time       // published in [From, To)
	Unlinked    bool            // only posts of accounts without institution
}

// LabeledPost is a post with its account and its effective labels: the
// newest human coding if there is one, else the machine's, else none.
type LabeledPost struct {
	Post    kopuro.Post
	Account kopuro.Account
	Coding  *kopuro.Coding
}

// effectiveCoding picks, for post p, the coding that counts: a human
// coder's (the newest) over the machine's.
const effectiveCoding = `c.id = (SELECT c2.id FROM codings c2 WHERE c2.post_id = p.id
  ORDER BY CASE WHEN c2.coder = '' THEN 1 ELSE 0 END, c2.created_at DESC, c2.id DESC LIMIT 1)`

const postSelect = `SELECT p.id, p.platform, p.external_id, p.account_id, p.url, p.published, p.utc_offset, p.text, p.format,
  p.likes, p.comments, p.shares, p.views, p.saves, p.hashtags, p.mentions, p.src_format, p.src_file, p.src_version, p.imported_at,
  ` + accountCols + `,
  ` + codingColumns + `
FROM posts p
JOIN accounts a ON a.id = p.account_id
LEFT JOIN institutions i ON i.id = a.institution_id
LEFT JOIN codings c ON ` + effectiveCoding

// where is the filter's condition on posts "p" and accounts "a" for
// dialect d ("" for none), with its arguments.
func (f PostFilter) where(d dialect) (string, []any) {
	var conds []string
	var args []any
	if f.Institution != "" {
		// By the institution's account ids, so that the (account_id,
		// published) index can drive the query (as in streamPosts).
		conds = append(conds, "p.account_id IN (SELECT a2.id FROM accounts a2 JOIN institutions i2 ON i2.id = a2.institution_id WHERE i2.code = ?)")
		args = append(args, f.Institution)
	}
	if f.Unlinked {
		conds = append(conds, "a.institution_id IS NULL")
	}
	if f.Platform != "" {
		conds, args = append(conds, d.platformCond()), append(args, string(f.Platform))
	}
	if !f.From.IsZero() {
		conds, args = append(conds, "p.published >= ?"), append(args, f.From.Unix())
	}
	if !f.To.IsZero() {
		conds, args = append(conds, "p.published < ?"), append(args, f.To.Unix())
	}
	return strings.Join(conds, " AND "), args
}

// EachPost calls fn for every post the filter selects, in id order,
// reading a page at a time so that memory stays flat at any corpus size.
func (db *DB) EachPost(ctx context.Context, f PostFilter, fn func(LabeledPost) error) error {
	const page = 2000
	cond, args := f.where(db.d)
	var after int64
	for {
		q := postSelect + " WHERE p.id > ?"
		if cond != "" {
			q += " AND " + cond
		}
		q += " ORDER BY p.id LIMIT ?"
		batch, err := db.queryPosts(ctx, q, append(append([]any{after}, args...), page)...)
		if err != nil {
			return err
		}
		for _, lp := range batch {
			if err := fn(lp); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
		after = batch[len(batch)-1].Post.ID
	}
}

// RecentPosts returns the n newest posts the filter selects, newest
// first (equal times in id order).
func (db *DB) RecentPosts(ctx context.Context, f PostFilter, n int) ([]LabeledPost, error) {
	cond, args := f.where(db.d)
	q := postSelect
	if cond != "" {
		q += " WHERE " + cond
	}
	return db.queryPosts(ctx, q+" ORDER BY p.published DESC, p.id LIMIT ?", append(args, n)...)
}

// Post returns one post with its account and effective coding.
func (db *DB) Post(ctx context.Context, id int64) (LabeledPost, error) {
	ps, err := db.queryPosts(ctx, postSelect+" WHERE p.id = ?", id)
	if err != nil {
		return LabeledPost{}, err
	}
	if len(ps) == 0 {
		return LabeledPost{}, kopuro.Errorf(kopuro.ENotFound, "error.post_not_found", "no post %d", id).WithArg("ID", id)
	}
	return ps[0], nil
}

func (db *DB) queryPosts(ctx context.Context, q string, args ...any) ([]LabeledPost, error) {
	return queryAll(ctx, db, q, scanLabeledPost, args...)
}

func scanLabeledPost(rows *sql.Rows) (LabeledPost, error) {
	var lp LabeledPost
	p := &lp.Post
	var likes, comments, shares, views, saves sql.NullInt64
	var published, imported int64
	var hashtags, mentions string
	var official int
	var cc codingCols
	dest := []any{&p.ID, &p.Platform, &p.ExternalID, &p.AccountID, &p.URL, &published, &p.Offset, &p.Text, &p.Format,
		&likes, &comments, &shares, &views, &saves, &hashtags, &mentions, &p.Source.Format, &p.Source.File, &p.Source.Version, &imported,
		&lp.Account.ID, &lp.Account.Institution, &lp.Account.Platform, &lp.Account.Handle, &lp.Account.URL, &official}
	if err := rows.Scan(append(dest, cc.dest()...)...); err != nil {
		return lp, err
	}
	p.Published, p.Source.ImportedAt = unixTime(published), unixTime(imported)
	p.Likes, p.Comments, p.Shares, p.Views, p.Saves = countOf(likes), countOf(comments), countOf(shares), countOf(views), countOf(saves)
	p.Hashtags, p.Mentions = strings.Fields(hashtags), strings.Fields(mentions)
	p.Account = lp.Account.Ref()
	lp.Account.Official = official == 1
	c, ok, err := cc.coding()
	if ok {
		lp.Coding = &c
	}
	return lp, err
}
