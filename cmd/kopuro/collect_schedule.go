package main

import (
	"context"
	"fmt"
	"time"

	"kopuro/store"
)

// collectOnSchedule runs collect all over db at every tick until ctx ends
// or tick is closed:
// `kopuro serve --collect-every 24h`. One walk at a time; a walk's
// failures are reported and the schedule goes on (the runs are recorded).
func collectOnSchedule(ctx context.Context, e *env, db *store.DB, eps endpoints, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-tick:
			if !ok {
				return
			}
			if err := collectAll(ctx, e, db, time.Time{}, eps); err != nil && ctx.Err() == nil {
				fmt.Fprintln(e.stderr, renderError(e, err))
			}
		}
	}
}
