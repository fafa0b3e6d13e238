package store

import (
	"context"
	"database/sql"
	"time"

	"kopuro"
)

// scanSnapshot reads the snapshotCols of a row into s.
func scanSnapshot(sc interface{ Scan(...any) error }, s *kopuro.Snapshot) error {
	var v sql.NullInt64
	var asOf string
	if err := sc.Scan(&s.ID, &s.AccountID, &s.Metric, &v, &s.Precision, &asOf, &s.Source, &s.Note); err != nil {
		return err
	}
	s.Value = countOf(v)
	d, err := kopuro.ParseDate(asOf)
	s.AsOf = d
	return err
}

const snapshotCols = `s.id, s.account_id, s.metric, s.value, s.precision, s.as_of, s.source, s.note`

// Snapshots returns the snapshots of an account, oldest first.
func (db *DB) Snapshots(ctx context.Context, account int64) ([]kopuro.Snapshot, error) {
	return queryAll(ctx, db, `SELECT `+snapshotCols+` FROM snapshots s WHERE s.account_id = ? ORDER BY s.metric, s.as_of`, func(rows *sql.Rows) (kopuro.Snapshot, error) {
		var s kopuro.Snapshot
		err := scanSnapshot(rows, &s)
		return s, err
	}, account)
}

// AccountSnapshot is an account with one of its snapshots.
type AccountSnapshot struct {
	Account  kopuro.Account
	Snapshot kopuro.Snapshot
}

// LatestAudience returns, for every account with one, its newest follower
// or subscriber snapshot with a figure dated before end, or, for an account
// without any figure before end, its newest "none" snapshot (no data is a
// fact to show; a newer "none" never hides an older figure, which the
// scorecards count), ordered by institution and platform; with a zero end,
// the newest of all (the dashboard's present-day Table 1).
// "Before" and "newest" are the rules of kopuro.Date.Before and
// kopuro.Date.Compare, which the scorecards' followers follow too
// (metrics.Series.Latest): the stored text orders as Compare does, and
// kopuro.BeforeKey bounds it as Before does.
func (db *DB) LatestAudience(ctx context.Context, end time.Time) ([]AccountSnapshot, error) {
	var before string
	var args []any
	if !end.IsZero() {
		before, args = ` AND s2.as_of < ?`, []any{kopuro.BeforeKey(end)}
	}
	return queryAll(ctx, db, `
SELECT `+accountCols+`, `+snapshotCols+`
FROM snapshots s
JOIN accounts a ON a.id = s.account_id
LEFT JOIN institutions i ON i.id = a.institution_id
WHERE s.metric IN ('followers', 'subscribers')
  AND s.as_of = (SELECT s2.as_of FROM snapshots s2 WHERE s2.account_id = s.account_id AND s2.metric = s.metric`+before+`
    ORDER BY CASE WHEN s2.value IS NULL OR s2.precision = 'none' THEN 1 ELSE 0 END, s2.as_of DESC LIMIT 1)
ORDER BY i.code, a.platform, a.handle, s.metric`, func(rows *sql.Rows) (AccountSnapshot, error) {
		var r AccountSnapshot
		// The account's columns come first: scanAccount reads them and
		// passes the snapshot's destinations on to the same Scan.
		err := scanSnapshot(scanFunc(func(snapshot ...any) (err error) {
			r.Account, err = scanAccount(rows, snapshot...)
			return err
		}), &r.Snapshot)
		return r, err
	}, args...)
}
