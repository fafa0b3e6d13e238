package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"kopuro"
)

// RecordRun stores one collector run and returns its id. The run's account
// is r.AccountID, else the account r.Account names, created (unlinked,
// unless the reference names an institution) when Kopuro does not know it
// yet: a run that failed before fetching anything is still recorded.
func (db *DB) RecordRun(ctx context.Context, r kopuro.Run) (int64, error) {
	var id int64
	err := db.Import(ctx, func(t *ImportTx) error {
		acc := r.AccountID
		if acc == 0 {
			ref := r.Account
			if ref.Platform == "" {
				ref.Platform = r.Platform
			}
			var err error
			if acc, err = t.resolve(ctx, ref, true); err != nil {
				return err
			}
		}
		var retry any
		if !r.RetryAt.IsZero() {
			retry = r.RetryAt.Unix()
		}
		return t.tx.QueryRowContext(ctx, db.q(`
INSERT INTO collect_runs (account_id, platform, started, finished, status, snapshots, posts, comments, errors, error, retry_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			acc, string(r.Platform), r.Started.Unix(), r.Finished.Unix(), string(r.Status),
			r.Snapshots, r.Posts, r.Comments, r.Errors, encodeRunError(r), retry).Scan(&id)
	})
	return id, err
}

const runCols = `r.id, r.account_id, r.platform, a.handle, COALESCE(i.code, ''), r.started, r.finished, r.status,
 r.snapshots, r.posts, r.comments, r.errors, r.error, r.retry_at`

const runFrom = ` FROM collect_runs r JOIN accounts a ON a.id = r.account_id LEFT JOIN institutions i ON i.id = a.institution_id`

func scanRun(sc interface{ Scan(...any) error }) (kopuro.Run, error) {
	var r kopuro.Run
	var started, finished int64
	var retry sql.NullInt64
	err := sc.Scan(&r.ID, &r.AccountID, &r.Platform, &r.Account.Handle, &r.Account.Institution, &started, &finished, &r.Status,
		&r.Snapshots, &r.Posts, &r.Comments, &r.Errors, &r.Error, &retry)
	r.Error, r.Failure = decodeRunError(r.Error)
	r.Account.Platform = r.Platform
	r.Started, r.Finished = unixTime(started), unixTime(finished)
	if retry.Valid {
		r.RetryAt = unixTime(retry.Int64)
	}
	return r, err
}

// Runs returns the latest collector runs, newest first, at most limit.
func (db *DB) Runs(ctx context.Context, limit int) ([]kopuro.Run, error) {
	return queryAll(ctx, db, `SELECT `+runCols+runFrom+` ORDER BY r.started DESC, r.id DESC LIMIT ?`,
		func(rows *sql.Rows) (kopuro.Run, error) { return scanRun(rows) }, limit)
}

// LastGoodRun returns the latest run of an account that fetched everything
// it asked for (status ok or partial), and whether there is one: the next
// collection of that account may start from it.
func (db *DB) LastGoodRun(ctx context.Context, account int64) (kopuro.Run, bool, error) {
	r, err := scanRun(db.sql.QueryRowContext(ctx, db.q(`SELECT `+runCols+runFrom+`
 WHERE r.account_id = ? AND r.status IN ('ok', 'partial') ORDER BY r.started DESC, r.id DESC LIMIT 1`), account))
	if errors.Is(err, sql.ErrNoRows) {
		return kopuro.Run{}, false, nil
	}
	return r, err == nil, err
}

// storedError is a user-safe failure as collect_runs.error holds it: its
// catalogue key and arguments, so that it can be shown in any language.
type storedError struct {
	Code    string         `json:"code"`
	Key     string         `json:"key"`
	Args    map[string]any `json:"args,omitempty"`
	Message string         `json:"message"`
	File    string         `json:"file,omitempty"`
	Line    int            `json:"line,omitempty"`
	Field   string         `json:"field,omitempty"`
}

// encodeRunError is the error column of a run: its Failure as JSON, else
// the plain text of Error (an error that is not user-safe).
func encodeRunError(r kopuro.Run) string {
	f := r.Failure
	if f == nil || f.Key == "" {
		return r.Error
	}
	b, err := json.Marshal(storedError{Code: f.Code, Key: f.Key, Args: f.Args, Message: f.Message, File: f.File, Line: f.Line, Field: f.Field})
	if err != nil { // an argument JSON cannot hold: keep the text
		return r.Error
	}
	return string(b)
}

// decodeRunError reads the error column back into Error and Failure.
// Plain text, as every row held before failures were stored as JSON, is
// Error as it is, with no Failure. Whole-number arguments stay integers,
// so that counts and statuses print as such.
func decodeRunError(s string) (string, *kopuro.Error) {
	if !strings.HasPrefix(s, "{") {
		return s, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var se storedError
	if dec.Decode(&se) != nil || se.Key == "" {
		return s, nil
	}
	for k, v := range se.Args {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				se.Args[k] = i
			} else if f, err := n.Float64(); err == nil {
				se.Args[k] = f
			}
		}
	}
	e := &kopuro.Error{Code: se.Code, Key: se.Key, Args: se.Args, Message: se.Message, File: se.File, Line: se.Line, Field: se.Field}
	return e.Error(), e
}
