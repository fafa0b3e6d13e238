package store

// The batch of posts an import writes at once: the pending rows, their
// multi-row upserts, hashtags and machine codings (import.go queues them).

import (
	"context"
	"errors"

	"kopuro"
)

// pendingPost is a post waiting in the batch: its row's arguments, in
// postsInsert's column order, and its hashtags.
type pendingPost struct {
	args   []any
	key    postKey
	tags   []string
	coding *kopuro.Coding // nil: coded after the import
}

// postBatch is how many posts one flush writes. Each statement that
// writes in the import transaction makes SQLite's full-text index (FTS5)
// flush its pending terms to a new segment, which it must later merge:
// writing posts one statement each made that flushing and merging a sixth
// of the import's CPU time; a batch flushes once. Fewer, larger segments
// also leave fewer levels to merge: 1 024 posts a batch instead of 128
// took FTS5's flushing and merging from 5.0 to 3.3 CPU s and the writer
// from 31.7 to 29.3 CPU s at 400 000 posts, for 22 MiB more memory, the
// same however large the file. A batch binds 19 456 arguments, within
// SQLite's 32 766 and PostgreSQL's 65 535.
const postBatch = 1024

const postsInsert = `INSERT INTO posts (platform, external_id, account_id, url, published, utc_offset, text, format,
  likes, comments, shares, views, saves, hashtags, mentions, src_format, src_file, src_version, imported_at)
VALUES `

const postsTuple = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const postsUpsert = `
ON CONFLICT (platform, external_id) DO UPDATE SET
  account_id = excluded.account_id, url = excluded.url, published = excluded.published,
  utc_offset = excluded.utc_offset, text = excluded.text, format = excluded.format,
  likes = COALESCE(excluded.likes, posts.likes), comments = COALESCE(excluded.comments, posts.comments),
  shares = COALESCE(excluded.shares, posts.shares), views = COALESCE(excluded.views, posts.views),
  saves = COALESCE(excluded.saves, posts.saves), hashtags = excluded.hashtags, mentions = excluded.mentions,
  src_format = excluded.src_format, src_file = excluded.src_file, src_version = excluded.src_version,
  imported_at = excluded.imported_at
RETURNING platform, external_id, id`

// flushPosts writes the pending posts: their rows in multi-row upserts, one
// DELETE of the hashtags the updated ones had (a new post has none, and
// deleting nothing by the primary key is cheap), and their hashtags in
// multi-row INSERTs.
func (t *ImportTx) flushPosts(ctx context.Context) error {
	if t.db.d.copyImport {
		return t.flushPostsCopy(ctx)
	}
	if len(t.pending) == 0 {
		return nil
	}
	// The codings' rows (their JSON above all) are made on another core
	// while the posts are written; only their post ids wait for the posts.
	coded := make(chan codedRows, 1)
	go func(pending []pendingPost) { coded <- t.db.codingRows(pending) }(t.pending)
	ids := make(map[postKey]int64, len(t.pending))
	err := chunks(len(t.pending), postBatch, func(from, n int) error {
		args := make([]any, 0, n*19)
		for _, pp := range t.pending[from : from+n] {
			args = append(args, pp.args...)
		}
		st, err := t.batches.stmt(ctx, postsInsert, postsTuple, postsUpsert, n)
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k postKey
			var id int64
			if err := rows.Scan(&k.platform, &k.id, &id); err != nil {
				return err
			}
			ids[k] = id
		}
		return rows.Err()
	})
	rows := <-coded
	if err != nil {
		return err
	}
	if rows.err != nil {
		return rows.err
	}
	postIDs := make([]any, 0, len(t.pending))
	var tags, codings []any
	for i, pp := range t.pending {
		id, ok := ids[pp.key]
		if !ok {
			return errBatchNoID
		}
		t.rememberPost(pp.key, id)
		postIDs = append(postIDs, id)
		for _, tag := range pp.tags {
			tags = append(tags, id, tag)
		}
		if row := rows.rows[i]; row != nil {
			row[0] = id
			codings = append(codings, row...)
		}
	}
	clear(t.pendingKeys)
	clear(t.pending)
	t.pending = t.pending[:0]
	if err := t.batches.exec(ctx, `DELETE FROM post_hashtags WHERE post_id IN (`, `?`, `)`, 1, rowBatch, postIDs); err != nil {
		return err
	}
	if err := t.batches.exec(ctx, `INSERT INTO post_hashtags (post_id, tag) VALUES `, `(?, ?)`, ` ON CONFLICT DO NOTHING`, 2, rowBatch, tags); err != nil {
		return err
	}
	// A batch holds each post once, so each coding once too.
	n, err := t.batches.execCount(ctx, codingsInsert, codingsTuple, codingsUpsertChanged, codingArgs, postBatch, codings)
	if err != nil {
		return err
	}
	t.coded += int(n)
	for i, c := range t.pendingComments {
		if err := t.insertComment(ctx, ids[postKey{c.Platform, c.PostExternalID}], c); err != nil {
			return err
		}
		t.pendingComments[i] = kopuro.Comment{}
	}
	t.pendingComments = t.pendingComments[:0]
	return nil
}

// codedRows are the codings' rows of a batch of pending posts, by index
// (nil for a post without a coding), their post ids still to be set.
type codedRows struct {
	rows [][]any
	err  error
}

func (db *DB) codingRows(pending []pendingPost) codedRows {
	out := codedRows{rows: make([][]any, len(pending))}
	for i, pp := range pending {
		if pp.coding != nil {
			if out.rows[i], out.err = db.codingRow(*pp.coding); out.err != nil {
				break
			}
		}
	}
	return out
}

// errBatchNoID is a batched upsert that returned no id for one of its
// posts: a bug, never bad input.
var errBatchNoID = errors.New("store: a batched post upsert returned no id")

// rememberPost keeps a stored post's id for the comments that follow it.
// Comments follow their posts closely in every format; a bounded cache
// keeps memory flat however large the file.
func (t *ImportTx) rememberPost(key postKey, id int64) {
	if len(t.posts) >= maxCachedPosts {
		clear(t.posts)
	}
	t.posts[key] = id
}
