package platform

import (
	"context"
	"errors"
	"testing"
	"time"

	"kopuro"
	"kopuro/platform/httpx"
)

// stub is a collector that returns what it is told.
type stub struct {
	res Result
	err error
}

func (s stub) Platform() kopuro.Platform { return kopuro.Telegram }

func (s stub) Collect(context.Context, kopuro.AccountRef, time.Time) (Result, error) {
	return s.res, s.err
}

func TestExecuteDescribesRun(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	retry := t0.Add(3 * time.Hour)
	some := Result{Snapshots: make([]kopuro.Snapshot, 1), Posts: make([]kopuro.Post, 3), Comments: make([]kopuro.Comment, 2)}
	withProblem := some
	withProblem.Problems = []error{errors.New("item 2: no date")}
	tests := []struct {
		name   string
		s      stub
		status kopuro.RunStatus
		errors int
		retry  time.Time
	}{
		{"all fetched", stub{res: some}, kopuro.RunOK, 0, time.Time{}},
		{"an item skipped", stub{res: withProblem}, kopuro.RunPartial, 1, time.Time{}},
		{"stopped by an error", stub{res: withProblem, err: errors.New("boom")}, kopuro.RunFailed, 2, time.Time{}},
		{"stopped by quota", stub{res: some, err: httpx.NewQuota(kopuro.Telegram, retry)}, kopuro.RunQuota, 1, retry},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := t0
			now := func() time.Time { clock = clock.Add(time.Second); return clock }
			_, run, err := Execute(context.Background(), tt.s, kopuro.AccountRef{Handle: "chan"}, time.Time{}, now)
			if (err != nil) != (tt.s.err != nil) {
				t.Fatalf("err = %v", err)
			}
			if run.Status != tt.status || run.Errors != tt.errors || !run.RetryAt.Equal(tt.retry) {
				t.Errorf("run = %+v", run)
			}
			if run.Items() != 6 || run.Posts != 3 || run.Comments != 2 || run.Snapshots != 1 {
				t.Errorf("counts = %+v", run)
			}
			if !run.Finished.After(run.Started) || run.Platform != kopuro.Telegram || run.Account.Platform != kopuro.Telegram {
				t.Errorf("run = %+v", run)
			}
			if tt.s.err != nil && run.Error == "" {
				t.Error("the stopping error is not recorded")
			}
		})
	}
}
