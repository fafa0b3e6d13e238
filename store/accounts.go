package store

import (
	"context"
	"database/sql"
	"errors"

	"kopuro"
)

// moveAccount moves everything recorded under account from to account to
// and deletes from. Where both hold a snapshot of the same metric and date,
// the one already under to is kept.
func moveAccount(ctx context.Context, db *DB, tx *sql.Tx, from, to int64) error {
	stmts := []string{
		`DELETE FROM snapshots WHERE account_id = ? AND EXISTS (
		   SELECT 1 FROM snapshots s2 WHERE s2.account_id = ? AND s2.metric = snapshots.metric AND s2.as_of = snapshots.as_of)`,
		`UPDATE snapshots SET account_id = ? WHERE account_id = ?`,
		`UPDATE posts SET account_id = ? WHERE account_id = ?`,
		`UPDATE collect_runs SET account_id = ? WHERE account_id = ?`,
		`DELETE FROM accounts WHERE id = ?`,
	}
	args := [][]any{{from, to}, {to, from}, {to, from}, {to, from}, {from}}
	for i, s := range stmts {
		if _, err := tx.ExecContext(ctx, db.q(s), args[i]...); err != nil {
			return err
		}
	}
	return nil
}

const accountCols = `a.id, COALESCE(i.code, ''), a.platform, a.handle, a.url, a.official`

// scanAccount reads the accountCols of a row, then the columns after them
// into extra.
func scanAccount(sc interface{ Scan(...any) error }, extra ...any) (kopuro.Account, error) {
	var a kopuro.Account
	var official int
	err := sc.Scan(append([]any{&a.ID, &a.Institution, &a.Platform, &a.Handle, &a.URL, &official}, extra...)...)
	a.Official = official == 1
	return a, err
}

// Accounts returns the accounts of an institution ("" for every account),
// by platform order then handle.
func (db *DB) Accounts(ctx context.Context, institution string) ([]kopuro.Account, error) {
	q := `SELECT ` + accountCols + ` FROM accounts a LEFT JOIN institutions i ON i.id = a.institution_id`
	var args []any
	if institution != "" {
		q += ` WHERE i.code = ?`
		args = append(args, institution)
	}
	q += ` ORDER BY i.code, a.platform, a.handle`
	return db.queryAccounts(ctx, q, args...)
}

// UnlinkedAccounts returns the accounts no institution claims yet, with the
// number of posts each holds.
func (db *DB) UnlinkedAccounts(ctx context.Context) ([]UnlinkedAccount, error) {
	return queryAll(ctx, db, `
SELECT a.id, a.platform, a.handle, (SELECT COUNT(*) FROM posts p WHERE p.account_id = a.id)
FROM accounts a WHERE a.institution_id IS NULL ORDER BY a.platform, a.handle`, func(rows *sql.Rows) (UnlinkedAccount, error) {
		var u UnlinkedAccount
		err := rows.Scan(&u.ID, &u.Platform, &u.Handle, &u.Posts)
		return u, err
	})
}

// UnlinkedAccount is an account without institution and its post count.
type UnlinkedAccount struct {
	ID       int64           `json:"id"`
	Platform kopuro.Platform `json:"platform"`
	Handle   string          `json:"handle"`
	Posts    int64           `json:"posts"`
}

func (db *DB) queryAccounts(ctx context.Context, q string, args ...any) ([]kopuro.Account, error) {
	return queryAll(ctx, db, q, func(rows *sql.Rows) (kopuro.Account, error) { return scanAccount(rows) }, args...)
}

// LinkAccount gives the account platform/handle to an institution, with
// all its history. If the institution had a handle-less account on that
// platform (from Table 1), its snapshots join the linked account.
func (db *DB) LinkAccount(ctx context.Context, p kopuro.Platform, handle, institution string) error {
	handle = kopuro.NormalizeHandle(p, handle)
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		var acc, inst int64
		err := tx.QueryRowContext(ctx, db.q(`SELECT id FROM accounts WHERE platform = ? AND handle = ?`), string(p), handle).Scan(&acc)
		if errors.Is(err, sql.ErrNoRows) {
			return kopuro.Errorf(kopuro.ENotFound, "error.account_not_found", "no %s account @%s", p.Name(), handle).
				WithArg("Platform", p.Name()).WithArg("Handle", handle)
		}
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, db.q(`SELECT id FROM institutions WHERE code = ?`), institution).Scan(&inst)
		if errors.Is(err, sql.ErrNoRows) {
			return kopuro.Errorf(kopuro.ENotFound, "error.unknown_institution", "unknown institution %q", institution).WithArg("Code", institution)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.q(`UPDATE accounts SET institution_id = ?, official = 1 WHERE id = ?`), inst, acc); err != nil {
			return err
		}
		var ph int64
		err = tx.QueryRowContext(ctx, db.q(`SELECT id FROM accounts WHERE institution_id = ? AND platform = ? AND handle = ''`), inst, string(p)).Scan(&ph)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		return moveAccount(ctx, db, tx, ph, acc)
	})
}

// RegisterAccount links the account platform/handle to an institution, or
// registers it there when it is new: with its history, as LinkAccount
// does, and marked official. When the account exists, allow (if not nil)
// is called with it inside the transaction and its error aborts the change
// — the web layer checks there that the caller may take the account from
// its current institution. It returns the account as stored and whether it
// was new.
func (db *DB) RegisterAccount(ctx context.Context, a kopuro.Account, allow func(current kopuro.Account) error) (kopuro.Account, bool, error) {
	if err := a.ValidateLinked(); err != nil {
		return a, false, err
	}
	a.Official = true
	var saved kopuro.Account
	created := false
	err := db.Import(ctx, func(tx *ImportTx) error {
		byHandle := `SELECT ` + accountCols + ` FROM accounts a LEFT JOIN institutions i ON i.id = a.institution_id WHERE a.platform = ? AND a.handle = ?`
		cur, err := scanAccount(tx.tx.QueryRowContext(ctx, db.q(byHandle), string(a.Platform), a.Handle))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			created = true
		case err != nil:
			return err
		case allow != nil:
			if err := allow(cur); err != nil {
				return err
			}
		}
		if _, err := tx.PutAccount(ctx, a); err != nil {
			return err
		}
		saved, err = scanAccount(tx.tx.QueryRowContext(ctx, db.q(byHandle), string(a.Platform), a.Handle))
		return err
	})
	return saved, created, err
}
