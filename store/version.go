package store

import (
	"context"
	"database/sql"
)

// versionTable holds the data version (migration 0006). It is left out of
// dumps: it says when the data changed, it is not data itself.
const versionTable = "data_version"

// DataVersion returns the store's data version: a number that grows with
// every committed transaction that changes the data the dashboard
// aggregates, in this process or any other. Sign-in state (users,
// sessions, API tokens) and collector runs do not count.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	if v, ok := ctx.Value(versionKey{}).(int64); ok {
		return v, nil
	}
	var v int64
	err := db.sql.QueryRowContext(ctx, `SELECT n FROM `+versionTable+` WHERE id = 1`).Scan(&v)
	return v, err
}

type versionKey struct{}

// PinVersion reads the data version once and returns a context that
// carries it, so that the many cached values one request reads cost one
// query. Use it for one request, not for longer: a pinned version does not
// see later writes.
func (db *DB) PinVersion(ctx context.Context) (context.Context, error) {
	v, err := db.DataVersion(ctx)
	if err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, versionKey{}, v), nil
}

// writeTx is inTx for transactions that change aggregated data: it bumps
// the data version in the same transaction, so that the bump commits (or
// rolls back) with the change.
func (db *DB) writeTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE `+versionTable+` SET n = n + 1 WHERE id = 1`)
		return err
	})
}
