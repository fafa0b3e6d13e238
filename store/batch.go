package store

import (
	"context"
	"database/sql"
	"strings"
)

// A batcher writes many rows with few statements: multi-row INSERTs (and
// DELETE … IN lists) prepared once per transaction and row count.
type batcher struct {
	db    *DB
	tx    *sql.Tx
	stmts map[batchKey]*sql.Stmt
}

type batchKey struct {
	head string
	rows int
}

func newBatcher(db *DB, tx *sql.Tx) *batcher {
	return &batcher{db: db, tx: tx, stmts: map[batchKey]*sql.Stmt{}}
}

// rowBatch is how many rows one batched statement carries at most: a
// batch of posts' hashtags (about 2 500 for postBatch posts) in a few
// statements, each of which costs a statement journal in an import.
const rowBatch = 1024

// chunks calls f for consecutive runs of at most max of n items, each a
// power of two long: a batched statement is prepared once per length, so
// the lengths are few.
func chunks(n, max int, f func(from, n int) error) error {
	for from := 0; from < n; {
		size := max
		for size > n-from {
			size /= 2
		}
		if err := f(from, size); err != nil {
			return err
		}
		from += size
	}
	return nil
}

// stmt returns head + rows copies of tuple joined by commas + tail,
// prepared once in the transaction.
func (b *batcher) stmt(ctx context.Context, head, tuple, tail string, rows int) (*sql.Stmt, error) {
	k := batchKey{head, rows}
	if st, ok := b.stmts[k]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(ctx, b.db.q(head+tuple+strings.Repeat(", "+tuple, rows-1)+tail))
	if err != nil {
		return nil, err
	}
	b.stmts[k] = st
	return st, nil
}

// exec runs head, tuples and tail for the rows in args (cols arguments a
// row), at most max rows a statement.
func (b *batcher) exec(ctx context.Context, head, tuple, tail string, cols, max int, args []any) error {
	_, err := b.execCount(ctx, head, tuple, tail, cols, max, args)
	return err
}

// execCount is exec that returns how many rows the statements changed.
func (b *batcher) execCount(ctx context.Context, head, tuple, tail string, cols, max int, args []any) (int64, error) {
	var changed int64
	err := chunks(len(args)/cols, max, func(from, n int) error {
		st, err := b.stmt(ctx, head, tuple, tail, n)
		if err != nil {
			return err
		}
		res, err := st.ExecContext(ctx, args[from*cols:(from+n)*cols]...)
		if err != nil {
			return err
		}
		c, err := res.RowsAffected()
		changed += c
		return err
	})
	return changed, err
}
