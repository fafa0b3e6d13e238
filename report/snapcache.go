package report

import (
	"context"

	"kopuro"
	"kopuro/store"
)

// snapshotCache reads each account's snapshots once for the whole report.
type snapshotCache map[int64][]kopuro.Snapshot

func (c snapshotCache) get(ctx context.Context, db *store.DB, account int64) ([]kopuro.Snapshot, error) {
	if s, ok := c[account]; ok {
		return s, nil
	}
	s, err := db.Snapshots(ctx, account)
	if err != nil {
		return nil, err
	}
	c[account] = s
	return s, nil
}
