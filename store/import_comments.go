package store

import (
	"context"
	"database/sql"
	"errors"

	"kopuro"
)

// PutComment inserts or updates a comment of a stored post.
func (t *ImportTx) PutComment(ctx context.Context, c kopuro.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	post := c.PostID
	if post == 0 {
		k := postKey{c.Platform, c.PostExternalID}
		if _, ok := t.pendingKeys[k]; ok {
			// Its post is in the batch: the comment follows it there.
			t.pendingComments = append(t.pendingComments, c)
			return nil
		}
		post = t.posts[k]
		if post == 0 {
			err := t.scan(ctx, `SELECT id FROM posts WHERE platform = ? AND external_id = ?`, []any{&post}, string(c.Platform), c.PostExternalID)
			if errors.Is(err, sql.ErrNoRows) {
				return kopuro.Errorf(kopuro.EInvalid, "error.unknown_post", "comment %s: no post %s on %s", c.ExternalID, c.PostExternalID, c.Platform).
					WithArg("Post", c.PostExternalID).InField("post_external_id")
			}
			if err != nil {
				return err
			}
		}
	}
	return t.insertComment(ctx, post, c)
}

// commentsInsert and commentsUpsert upsert comments: the head of the
// statement (a VALUES list follows, or a SELECT on PostgreSQL) and its
// tail.
const (
	commentsInsert = `INSERT INTO comments (post_id, external_id, parent_id, author, from_institution, text, published, likes)
`
	commentsUpsert = `
ON CONFLICT (post_id, external_id) DO UPDATE SET
  parent_id = excluded.parent_id, author = excluded.author, from_institution = excluded.from_institution,
  text = excluded.text, published = excluded.published, likes = COALESCE(excluded.likes, comments.likes)`
)

// insertComment upserts comment c of post.
func (t *ImportTx) insertComment(ctx context.Context, post int64, c kopuro.Comment) error {
	return t.exec(ctx, commentsInsert+`VALUES (?, ?, ?, ?, ?, ?, ?, ?)`+commentsUpsert, commentRow(post, c)...)
}

// commentRow is the row commentsInsert binds for comment c of post.
func commentRow(post int64, c kopuro.Comment) []any {
	var published any
	if !c.Published.IsZero() {
		published = c.Published.Unix()
	}
	return []any{post, c.ExternalID, c.ParentID, c.Author, boolInt(c.FromInstitution), c.Text, published, nullInt(c.Likes)}
}
