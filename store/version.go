package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
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
	return db.versions.read(ctx, db)
}

// versionReads shares the reads of the data version between requests
// that arrive together, as a group commit shares a disk write: a request
// that arrives while a read is under way waits for the next read, which
// starts after it arrived and so sees every write committed before; all
// that arrived meanwhile share that next read. A busy server then reads
// the version a few times per round trip instead of once per request.
type versionReads struct {
	mu       sync.Mutex
	inFlight bool
	next     *versionRead // the read the requests arriving now wait for
}

type versionRead struct {
	done chan struct{}
	v    int64
	err  error
}

func (vr *versionReads) read(ctx context.Context, db *DB) (int64, error) {
	vr.mu.Lock()
	if vr.next == nil {
		vr.next = &versionRead{done: make(chan struct{})}
	}
	r := vr.next
	if !vr.inFlight {
		vr.inFlight = true
		vr.next = nil
		vr.mu.Unlock()
		go vr.run(db, r)
	} else {
		vr.mu.Unlock()
	}
	select {
	case <-r.done:
		return r.v, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// run reads the version for r, then for the requests that arrived in the
// meantime, until none wait.
func (vr *versionReads) run(db *DB, r *versionRead) {
	for r != nil {
		ctx, cancel := context.WithTimeout(context.Background(), versionReadTimeout)
		r.err = db.sql.QueryRowContext(ctx, `SELECT n FROM `+versionTable+` WHERE id = 1`).Scan(&r.v)
		cancel()
		close(r.done)
		vr.mu.Lock()
		r, vr.next = vr.next, nil
		vr.inFlight = r != nil
		vr.mu.Unlock()
	}
}

// versionReadTimeout bounds one read of the data version, which no
// single request owns.
const versionReadTimeout = 30 * time.Second

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
	return db.writeTxWith(ctx, db.sql.BeginTx, fn)
}

// writeTxWith is writeTx in a transaction begun by begin (a connection's
// own BeginTx when the transaction needs that connection's settings).
func (db *DB) writeTxWith(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*sql.Tx) error) error {
	return db.inTxWith(ctx, begin, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE `+versionTable+` SET n = n + 1 WHERE id = 1`)
		return err
	})
}
