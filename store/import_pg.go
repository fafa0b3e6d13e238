package store

// PostgreSQL's way of writing an import's batch of posts (import_batch.go
// has the portable one). The rows of new posts, their hashtags and
// codings go by COPY (binary), the cheapest way into PostgreSQL on both
// sides: the posts into a temporary staging table first, from which one
// INSERT … SELECT upserts them by natural key as the portable batch does.
// The rarer rows that must be upserted (hashtags and codings of posts
// stored before, comments) go in one statement whose parameters are
// whole columns, arrays that unnest() turns back into rows: a multi-row
// VALUES list of 128 posts had 2 432 parameters that the server received
// and bound one by one, and pgx grew its parameter buffer from 256 bytes
// for every statement.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// pgPostTypes are the SQL types of postsInsert's columns, in its order
// (a test holds them to postsTuple's length).
var pgPostTypes = []string{"text", "text", "bigint", "text", "bigint", "bigint", "text", "text",
	"bigint", "bigint", "bigint", "bigint", "bigint", "text", "text", "text", "text", "text", "bigint"}

// pgCodingTypes are the SQL types of codingsInsert's columns, in its order.
var pgCodingTypes = []string{"bigint", "text", "text", "text", "text", "text", "text", "bigint", "bigint", "bigint", "text", "text", "bigint"}

// unnestSelect is "SELECT * FROM unnest(?::T1[], ?::T2[], …)": the rows
// of one column array per type.
func unnestSelect(types []string) string {
	parts := make([]string, len(types))
	for i, t := range types {
		parts[i] = "?::" + t + "[]"
	}
	return "SELECT * FROM unnest(" + strings.Join(parts, ", ") + ")"
}

// valuesHead turns a multi-row INSERT's head ("INSERT INTO t (…) VALUES ")
// into the head of an INSERT … SELECT.
func valuesHead(head string) string {
	return strings.TrimSuffix(strings.TrimSpace(head), "VALUES")
}

// insertColumns returns the column names of an INSERT's head.
func insertColumns(head string) []string {
	cols := head[strings.IndexByte(head, '(')+1 : strings.IndexByte(head, ')')]
	out := strings.Split(cols, ",")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

// stagingTable is the temporary table an import's posts are copied into,
// dropped at the end of the transaction.
const stagingTable = "import_posts"

var (
	postColumns       = insertColumns(postsInsert)
	codingColumnNames = insertColumns(codingsInsert)
	// pgStaging creates the staging table, with postsInsert's columns.
	pgStaging = func() string {
		defs := make([]string, len(postColumns))
		for i, c := range postColumns {
			defs[i] = c + " " + pgPostTypes[i]
		}
		return "CREATE TEMPORARY TABLE " + stagingTable + " (" + strings.Join(defs, ", ") + ") ON COMMIT DROP"
	}()
	pgPostsUpsert    = valuesHead(postsInsert) + "SELECT " + strings.Join(postColumns, ", ") + " FROM " + stagingTable + postsUpsert + `, xmax = 0`
	pgCodingsUpsert  = valuesHead(codingsInsert) + unnestSelect(pgCodingTypes) + codingsUpsertChanged
	pgCommentsUpsert = commentsInsert + unnestSelect(pgCommentTypes) + commentsUpsert
)

// pgCommentTypes are the SQL types of commentsInsert's columns.
var pgCommentTypes = []string{"bigint", "text", "text", "text", "bigint", "text", "bigint", "bigint"}

// pgTagsDelete returns the statements that delete the hashtags of posts,
// run as one. Within a large import the planner has no statistics of the
// rows the import wrote and chose to read every hashtag (a second per
// batch at a million posts), even planning for the ids at hand; the index
// is the only sensible way, so the statement is told to take it. The ids
// are numbers written by strconv, nothing else goes into the text.
func pgTagsDelete(posts []int64) string {
	b := []byte(`SET LOCAL enable_seqscan = off; DELETE FROM post_hashtags WHERE post_id = ANY('{`)
	for i, id := range posts {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, `}'::bigint[]); SET LOCAL enable_seqscan TO DEFAULT`...))
}

const (
	// pgTagsUpsert is for the hashtags of posts that were stored before
	// (their old ones deleted first): a list given with a tag twice must
	// not fail.
	pgTagsUpsert = `INSERT INTO post_hashtags (post_id, tag) SELECT * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING`
)

// columnArrays turns rows of statement arguments (string, int, int64 or
// nil, as the portable batch binds them) into one array per column of
// types: []string for text, []pgtype.Int8 for bigint (nil is NULL).
func columnArrays(rows [][]any, types []string) ([]any, error) {
	cols := make([]any, len(types))
	for c, typ := range types {
		switch typ {
		case "text":
			col := make([]string, len(rows))
			for r, row := range rows {
				s, ok := row[c].(string)
				if !ok {
					return nil, fmt.Errorf("store: column %d of a batch is %T, not text", c, row[c])
				}
				col[r] = s
			}
			cols[c] = col
		case "bigint":
			col := make([]pgtype.Int8, len(rows))
			for r, row := range rows {
				switch v := row[c].(type) {
				case nil:
				case int64:
					col[r] = pgtype.Int8{Int64: v, Valid: true}
				case int:
					col[r] = pgtype.Int8{Int64: int64(v), Valid: true}
				default:
					return nil, fmt.Errorf("store: column %d of a batch is %T, not bigint", c, row[c])
				}
			}
			cols[c] = col
		default:
			return nil, errors.New("store: no column array for type " + strconv.Quote(typ))
		}
	}
	return cols, nil
}

// flushPostsCopy is flushPosts for PostgreSQL: the same rows, hashtags
// and codings. A post the upsert inserted has no hashtags or codings yet
// (nobody else can see it before the commit), so its rows are copied in:
// no old hashtags to delete, no conflicts to check for. Were one there
// after all, the COPY would fail, never store a row twice.
func (t *ImportTx) flushPostsCopy(ctx context.Context) error {
	if len(t.pending) == 0 {
		return nil
	}
	coded := make(chan codedRows, 1)
	go func(pending []pendingPost) { coded <- t.db.codingRows(pending) }(t.pending)
	stored, err := t.upsertPostsCopy(ctx)
	rows := <-coded
	if err != nil {
		return err
	}
	if rows.err != nil {
		return rows.err
	}
	var updated []int64 // the posts stored before, whose hashtags go
	var old tagColumns
	var freshTags, freshCodings, oldCodings [][]any
	for i, pp := range t.pending {
		sp, ok := stored[pp.key]
		if !ok {
			return errBatchNoID
		}
		t.rememberPost(pp.key, sp.id)
		row := rows.rows[i]
		if row != nil {
			row[0] = sp.id
		}
		if sp.inserted {
			for _, tag := range distinct(pp.tags) {
				freshTags = append(freshTags, []any{sp.id, tag})
			}
			if row != nil {
				freshCodings = append(freshCodings, row)
			}
			continue
		}
		updated = append(updated, sp.id)
		old.add(sp.id, pp.tags)
		if row != nil {
			oldCodings = append(oldCodings, row)
		}
	}
	clear(t.pendingKeys)
	clear(t.pending)
	t.pending = t.pending[:0]
	if len(updated) > 0 {
		if _, err := t.tx.ExecContext(ctx, pgTagsDelete(updated)); err != nil {
			return err
		}
	}
	if len(old.tags) > 0 {
		if err := t.exec(ctx, pgTagsUpsert, old.posts, old.tags); err != nil {
			return err
		}
	}
	if err := t.copyRows(ctx, "post_hashtags", []string{"post_id", "tag"}, freshTags); err != nil {
		return err
	}
	if err := t.copyRows(ctx, "codings", codingColumnNames, freshCodings); err != nil {
		return err
	}
	n, err := t.execColumns(ctx, pgCodingsUpsert, oldCodings, pgCodingTypes)
	if err != nil {
		return err
	}
	t.coded += len(freshCodings) + int(n)
	err = t.flushCommentArrays(ctx, stored)
	clear(t.pendingComments)
	t.pendingComments = t.pendingComments[:0]
	return err
}

// flushCommentArrays upserts the comments of the batch's posts in one
// statement, unless one comment comes twice: one statement cannot
// update a row twice, and the second must update the first as it would
// one statement later.
func (t *ImportTx) flushCommentArrays(ctx context.Context, stored map[postKey]storedPost) error {
	type key struct {
		post int64
		id   string
	}
	seen := make(map[key]bool, len(t.pendingComments))
	rows := make([][]any, len(t.pendingComments))
	for i, c := range t.pendingComments {
		k := key{stored[postKey{c.Platform, c.PostExternalID}].id, c.ExternalID}
		if seen[k] {
			rows = nil
			break
		}
		seen[k] = true
		rows[i] = commentRow(k.post, c)
	}
	if rows != nil {
		_, err := t.execColumns(ctx, pgCommentsUpsert, rows, pgCommentTypes)
		return err
	}
	for _, c := range t.pendingComments {
		if err := t.insertComment(ctx, stored[postKey{c.Platform, c.PostExternalID}].id, c); err != nil {
			return err
		}
	}
	return nil
}

// copyRows copies rows into columns of table with COPY on the import's
// connection (nothing for no rows).
func (t *ImportTx) copyRows(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return t.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs a pgx connection, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
		return err
	})
}

// tagColumns are hashtag rows as the column arrays pgTagsUpsert binds.
type tagColumns struct {
	posts []pgtype.Int8
	tags  []string
}

// add appends post's tags, each once.
func (c *tagColumns) add(post int64, tags []string) {
	for _, tag := range distinct(tags) {
		c.posts = append(c.posts, pgtype.Int8{Int64: post, Valid: true})
		c.tags = append(c.tags, tag)
	}
}

// distinct returns tags without repeats, in their order (tags itself when
// none repeats, as is usual: a post's hashtags are a few).
func distinct(tags []string) []string {
	for i := range tags {
		if slices.Contains(tags[:i], tags[i]) {
			out := slices.Clone(tags[:i])
			for _, tag := range tags[i+1:] {
				if !slices.Contains(out, tag) {
					out = append(out, tag)
				}
			}
			return out
		}
	}
	return tags
}

// execColumns runs query with rows bound as column arrays of types and
// returns how many rows it changed (nothing is run for no rows).
func (t *ImportTx) execColumns(ctx context.Context, query string, rows [][]any, types []string) (int64, error) {
	if len(rows) == 0 {
		return 0, nil
	}
	cols, err := columnArrays(rows, types)
	if err != nil {
		return 0, err
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(ctx, cols...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// storedPost is what the upsert returns of a post: its id, and whether it
// was inserted (rather than updated).
type storedPost struct {
	id       int64
	inserted bool
}

// upsertPostsCopy upserts the pending posts: copied into the staging
// table, from there into posts, and the staging table emptied. A row the
// upsert inserted has no xmax; one it updated has ours, as the lock the
// conflict took.
func (t *ImportTx) upsertPostsCopy(ctx context.Context) (map[postKey]storedPost, error) {
	if !t.staged {
		if _, err := t.tx.ExecContext(ctx, pgStaging); err != nil {
			return nil, err
		}
		t.staged = true
	}
	args := make([][]any, len(t.pending))
	for i, pp := range t.pending {
		args[i] = pp.args
	}
	if err := t.copyRows(ctx, stagingTable, postColumns, args); err != nil {
		return nil, err
	}
	out, err := t.upsertStaged(ctx)
	if err != nil {
		return nil, err
	}
	// TRUNCATE, not DELETE: nothing vacuums a temporary table, and the
	// deleted rows of every batch would be read again by the next.
	_, err = t.tx.ExecContext(ctx, `TRUNCATE `+stagingTable)
	return out, err
}

// upsertStaged upserts the staged posts into posts.
func (t *ImportTx) upsertStaged(ctx context.Context) (map[postKey]storedPost, error) {
	st, err := t.stmt(ctx, pgPostsUpsert)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[postKey]storedPost, len(t.pending))
	for rows.Next() {
		var k postKey
		var sp storedPost
		if err := rows.Scan(&k.platform, &k.id, &sp.id, &sp.inserted); err != nil {
			return nil, err
		}
		out[k] = sp
	}
	return out, rows.Err()
}
