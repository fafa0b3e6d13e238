package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"kopuro"
)

// PostText is a post's id and text, what the analysis engine reads.
type PostText struct {
	ID   int64
	Text string
}

// PostsToCode returns up to limit posts with id > after, in id order, that
// have no machine coding of codebook version (every post when all is set).
// Callers page through with the last id they got, so that writing codings
// between pages never holds a read cursor open.
func (db *DB) PostsToCode(ctx context.Context, version string, all bool, after int64, limit int) ([]PostText, error) {
	q := `SELECT p.id, p.text FROM posts p WHERE p.id > ?`
	args := []any{after}
	if !all {
		q += ` AND NOT EXISTS (SELECT 1 FROM codings c WHERE c.post_id = p.id AND c.coder = '' AND c.codebook = ?)`
		args = append(args, version)
	}
	q += ` ORDER BY p.id LIMIT ?`
	args = append(args, limit)
	return queryAll(ctx, db, q, func(rows *sql.Rows) (PostText, error) {
		var p PostText
		err := rows.Scan(&p.ID, &p.Text)
		return p, err
	}, args...)
}

// SaveCodings stores codings in one transaction, replacing a post's
// earlier coding by the same coder (the machine is coder ""). A human
// coding never replaces or is replaced by the machine's: both are kept, and
// readers let the human one win. Rows go in multi-row upserts; a post and
// coder given twice starts a new statement, so that the later one wins as
// it would one statement later.
func (db *DB) SaveCodings(ctx context.Context, cs []kopuro.Coding) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		b := newBatcher(db, tx)
		args := make([]any, 0, min(len(cs), codingBatch)*codingArgs)
		type key struct {
			post  int64
			coder string
		}
		seen := map[key]bool{}
		flush := func() error {
			err := b.exec(ctx, codingsInsert, codingsTuple, codingsUpsert, codingArgs, codingBatch, args)
			args = args[:0]
			clear(seen)
			return err
		}
		for _, c := range cs {
			if k := (key{c.PostID, c.Coder}); seen[k] {
				if err := flush(); err != nil {
					return err
				}
			} else {
				seen[k] = true
			}
			row, err := db.codingRow(c)
			if err != nil {
				return err
			}
			args = append(args, row...)
		}
		return flush()
	})
}

// codingRow returns the arguments codingsTuple binds for c, stamped now
// unless it has a time, or an error if its labels are not valid.
func (db *DB) codingRow(c kopuro.Coding) ([]any, error) {
	if err := c.Labels.Validate(); err != nil {
		return nil, err
	}
	at := c.At
	if at.IsZero() {
		at = db.Now()
	}
	l := c.Labels
	return []any{c.PostID, c.Coder, c.Codebook, string(l.Lang), string(l.Category), string(l.Area),
		joinInts(l.SDGs), boolInt(l.CTA), boolInt(l.Question), boolInt(l.Story), scoresJSON(c.Scores), evidenceJSON(c.Evidence), at.Unix()}, nil
}

// codingBatch is how many codings one statement stores at most.
const codingBatch = 64

// codingArgs is the number of arguments codingsTuple binds.
const codingArgs = 13

const codingsInsert = `INSERT INTO codings (post_id, coder, codebook, lang, category, tm_area, sdgs, cta, question, story, scores, evidence, created_at)
VALUES `

const codingsTuple = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const codingsUpsert = `
ON CONFLICT (post_id, coder) DO UPDATE SET
  codebook = excluded.codebook, lang = excluded.lang, category = excluded.category, tm_area = excluded.tm_area,
  sdgs = excluded.sdgs, cta = excluded.cta, question = excluded.question, story = excluded.story,
  scores = excluded.scores, evidence = excluded.evidence, created_at = excluded.created_at`

// codingsUpsertChanged is codingsUpsert for an import, which codes every
// post it stores: a coding that would not change (the post's text is the
// same) keeps its row and time, and one that would (the text changed, or
// the codebook) is replaced.
const codingsUpsertChanged = codingsUpsert + `
WHERE codings.codebook <> excluded.codebook OR codings.lang <> excluded.lang OR codings.category <> excluded.category
  OR codings.tm_area <> excluded.tm_area OR codings.sdgs <> excluded.sdgs OR codings.cta <> excluded.cta
  OR codings.question <> excluded.question OR codings.story <> excluded.story
  OR codings.scores <> excluded.scores OR codings.evidence <> excluded.evidence`

// Codings returns every coding of a post: the machine's first, then the
// human coders' by name.
func (db *DB) Codings(ctx context.Context, post int64) ([]kopuro.Coding, error) {
	return queryAll(ctx, db, `SELECT `+codingColumns+` FROM codings c WHERE c.post_id = ? ORDER BY c.coder`, scanCoding, post)
}

// codingCols receives the columns of a codings row, nullable because a
// LEFT JOIN may find none.
type codingCols struct {
	post                                                 sql.NullInt64
	coder, book, lang, cat, area, sdgs, scores, evidence sql.NullString
	cta, question, story, at                             sql.NullInt64
}

// dest lists the scan destinations in codingColumns order.
func (c *codingCols) dest() []any {
	return []any{&c.post, &c.coder, &c.book, &c.lang, &c.cat, &c.area, &c.sdgs, &c.cta, &c.question, &c.story, &c.scores, &c.evidence, &c.at}
}

// codingColumns are the columns codingCols reads, of a codings table "c".
const codingColumns = `c.post_id, c.coder, c.codebook, c.lang, c.category, c.tm_area, c.sdgs, c.cta, c.question, c.story, c.scores, c.evidence, c.created_at`

// coding converts the columns; ok is false when there was no row.
func (c *codingCols) coding() (kopuro.Coding, bool, error) {
	if !c.post.Valid {
		return kopuro.Coding{}, false, nil
	}
	k := kopuro.Coding{PostID: c.post.Int64, Coder: c.coder.String, Codebook: c.book.String, At: unixTime(c.at.Int64)}
	k.Labels = kopuro.Labels{Lang: kopuro.Lang(c.lang.String), Category: kopuro.Category(c.cat.String), Area: kopuro.Area(c.area.String),
		CTA: c.cta.Int64 == 1, Question: c.question.Int64 == 1, Story: c.story.Int64 == 1}
	var err error
	if k.Labels.SDGs, err = splitInts(c.sdgs.String); err != nil {
		return k, false, err
	}
	if c.scores.String != "" {
		if err := json.Unmarshal([]byte(c.scores.String), &k.Scores); err != nil {
			return k, false, err
		}
	}
	if c.evidence.String != "" {
		if err := json.Unmarshal([]byte(c.evidence.String), &k.Evidence); err != nil {
			return k, false, err
		}
	}
	return k, true, nil
}

// joinInts stores a list of small numbers as "4,10".
func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

func splitInts(s string) ([]int, error) {
	if s == "" {
		return []int{}, nil
	}
	var out []int
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, errors.New("store: bad SDG list " + strconv.Quote(s))
		}
		out = append(out, n)
	}
	return out, nil
}
