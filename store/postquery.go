package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"kopuro"
)

// PostQuery is what the posts explorer asks for: filters on the post, its
// account and its effective labels (a human coding over the machine's),
// full-text search, an order and a page. Zero fields select everything.
type PostQuery struct {
	PostFilter
	Category kopuro.Category
	Area     kopuro.Area
	SDG      int // posts labelled with this goal
	Lang     kopuro.Lang
	Format   kopuro.Format
	// CTA, Question and Story keep only the posts with that flag.
	CTA, Question, Story bool
	// Q is free text: posts whose text or hashtags hold every word of it.
	Q string
	// Sort is SortDate (newest first, the default) or SortER.
	Sort string
	// Page counts from 1; Limit is the page size (DefaultPostLimit when 0,
	// at most MaxPostLimit).
	Page, Limit int
}

// Orders of a PostQuery.
const (
	SortDate = "date"
	SortER   = "er"
)

// Page sizes of a PostQuery.
const (
	DefaultPostLimit = 20
	MaxPostLimit     = 200
)

// maxSearchTerms bounds the words of a search: more add nothing but work.
const maxSearchTerms = 8

// searchTerms splits free text into lower-case words of letters and digits
// (marks kept, so a combining accent stays inside its word).
func searchTerms(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	if len(words) > maxSearchTerms {
		words = words[:maxSearchTerms]
	}
	return words
}

// erExpr is a post's engagement rate in percent by its account's latest
// known follower (or subscriber) count: NULL without interactions or
// audience. It is the sort key of SortER only; metrics computes the rate by
// followers at post time for reports.
const erExpr = `(CASE WHEN p.likes IS NULL AND p.comments IS NULL AND p.shares IS NULL AND p.saves IS NULL THEN NULL ELSE
  (COALESCE(p.likes, 0) + COALESCE(p.comments, 0) + COALESCE(p.shares, 0) + COALESCE(p.saves, 0)) * 100.0 /
  NULLIF((SELECT s.value FROM snapshots s WHERE s.account_id = p.account_id AND s.metric IN ('followers', 'subscribers')
    AND s.value IS NOT NULL ORDER BY s.as_of DESC LIMIT 1), 0) END)`

// where is the WHERE clause of q; manyMatches tells that the search
// matches many posts (dialect.searchCond).
func (q PostQuery) where(d dialect, manyMatches bool) (string, []any) {
	cond, args := q.PostFilter.where(d)
	conds := []string{}
	if cond != "" {
		conds = append(conds, cond)
	}
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	if q.Category != "" {
		add("c.category = ?", string(q.Category))
	}
	if q.Area != "" {
		add("c.tm_area = ?", string(q.Area))
	}
	if q.SDG > 0 {
		add("(',' || c.sdgs || ',') LIKE ?", "%,"+strconv.Itoa(q.SDG)+",%")
	}
	if q.Lang != "" {
		add("c.lang = ?", string(q.Lang))
	}
	if q.Format != "" {
		add("p.format = ?", string(q.Format))
	}
	if q.CTA {
		add("c.cta = 1")
	}
	if q.Question {
		add("c.question = 1")
	}
	if q.Story {
		add("c.story = 1")
	}
	if terms := searchTerms(q.Q); len(terms) > 0 {
		c, a := d.searchCond(terms, manyMatches)
		add(c, a)
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// labelFilter reports whether q filters on the effective labels, which
// needs the codings join; without it, counting and picking the page read
// the posts alone.
func (q PostQuery) labelFilter() bool {
	return q.Category != "" || q.Area != "" || q.SDG > 0 || q.Lang != "" || q.CTA || q.Question || q.Story
}

// QueryPosts returns one page of the posts q selects, with accounts and
// effective codings, and how many posts it selects in all. Two queries:
// the count, and the page — whose ids are picked first, so that only the
// page's posts are joined with their codings when no label filter needs
// the join earlier.
func (db *DB) QueryPosts(ctx context.Context, q PostQuery) ([]LabeledPost, int, error) {
	if q.Limit <= 0 {
		q.Limit = DefaultPostLimit
	}
	q.Limit = min(q.Limit, MaxPostLimit)
	q.Page = max(q.Page, 1)
	where, args := q.where(db.d, false)
	from := ` FROM posts p
JOIN accounts a ON a.id = p.account_id
LEFT JOIN institutions i ON i.id = a.institution_id`
	// The page's ids look each post's coding up by its index: the first
	// posts that match are found without reading the others' codings.
	// The count reads every selected post and may join otherwise
	// (effectiveJoin); it is kept until the data changes (Memo), as an
	// explorer's visitors page through one selection.
	countFrom := from
	if q.labelFilter() {
		countFrom += "\n" + db.d.effectiveJoin(q.Institution != "" || len(searchTerms(q.Q)) > 0)
		from += "\nLEFT JOIN codings c ON " + effectiveCoding
	}
	count := db.q(`SELECT COUNT(*)` + countFrom + where)
	setup := ""
	if len(searchTerms(q.Q)) > 0 {
		setup = db.d.searchCountSetup()
	}
	total, err := Memo(ctx, db, fmt.Sprintf("store.postcount\x00%s\x00%q", count, args), func(ctx context.Context) (int, error) {
		var n int
		if setup == "" {
			err := db.sql.QueryRowContext(ctx, count, args...).Scan(&n)
			return n, err
		}
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, setup); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, count, args...).Scan(&n)
		})
		return n, err
	})
	if err != nil {
		return nil, 0, err
	}
	order := " ORDER BY p.published DESC, p.id DESC"
	if q.Sort == SortER {
		// A rate is never negative: -1 puts posts without one last on
		// both engines (NULLs sort differently) and computes it once.
		order = " ORDER BY COALESCE(" + erExpr + ", -1) DESC, p.published DESC, p.id DESC"
	}
	if len(searchTerms(q.Q)) > 0 {
		if where, args, err = db.searchPageWhere(ctx, q, total); err != nil {
			return nil, 0, err
		}
	}
	ids := `SELECT p.id` + from + where + order + ` LIMIT ? OFFSET ?`
	page, err := db.queryPosts(ctx, postSelect+` WHERE p.id IN (`+ids+`)`+order, append(args, q.Limit, (q.Page-1)*q.Limit)...)
	return page, total, err
}

// walkRows is how many posts a page of a search may test one by one,
// newest first, before looking its matches up in the index pays.
const walkRows = 5000

// searchPageWhere is q's WHERE clause for picking a page of a search that
// selects total posts: whether the words match many posts is their share
// of all posts (both counts cached).
func (db *DB) searchPageWhere(ctx context.Context, q PostQuery, total int) (string, []any, error) {
	all, err := Memo(ctx, db, "store.postcount.all", func(ctx context.Context) (int, error) {
		var n int
		err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM posts`).Scan(&n)
		return n, err
	})
	if err != nil {
		return "", nil, err
	}
	need := q.Page * q.Limit // the rows the page ends at
	many := total > 0 && int64(need)*int64(all) <= int64(walkRows)*int64(total)
	where, args := q.where(db.d, many)
	return where, args, nil
}
