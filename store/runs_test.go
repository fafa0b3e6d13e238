package store_test

import (
	"reflect"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

func TestRunsRecordedListedAndLinked(t *testing.T) {
	db := storetest.New(t)
	put(t, db, func(tx *store.ImportTx) error { return tx.PutInstitution(ctx, auca()) })
	t0 := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	ref := kopuro.AccountRef{Platform: kopuro.Telegram, Handle: "auca_news"}
	runs := []kopuro.Run{
		{Platform: kopuro.Telegram, Account: ref, Started: t0, Finished: t0.Add(time.Minute), Status: kopuro.RunOK, Snapshots: 1, Posts: 20},
		{Platform: kopuro.Telegram, Account: ref, Started: t0.Add(24 * time.Hour), Finished: t0.Add(25 * time.Hour), Status: kopuro.RunQuota,
			Errors: 1, Error: "quota used up", RetryAt: t0.Add(30 * time.Hour)},
	}
	for _, r := range runs {
		if _, err := db.RecordRun(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Runs(ctx, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("runs = %+v, %v", got, err)
	}
	if got[0].Status != kopuro.RunQuota || !got[0].RetryAt.Equal(runs[1].RetryAt) || got[0].Error != "quota used up" || got[0].Account.Handle != "auca_news" {
		t.Errorf("newest run = %+v", got[0])
	}
	if got[1].Posts != 20 || !got[1].Started.Equal(t0) || !got[1].Finished.Equal(t0.Add(time.Minute)) || !got[1].RetryAt.IsZero() {
		t.Errorf("oldest run = %+v", got[1])
	}
	last, ok, err := db.LastGoodRun(ctx, got[0].AccountID)
	if err != nil || !ok || !last.Started.Equal(t0) {
		t.Errorf("last good run = %+v, %v, %v; want the ok one, not the quota stop", last, ok, err)
	}
	// The unlinked account the runs created is linked: its runs follow it.
	if err := db.LinkAccount(ctx, kopuro.Telegram, "auca_news", "auca"); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Runs(ctx, 1)
	if len(got) != 1 || got[0].Account.Institution != "auca" {
		t.Errorf("after link: %+v", got)
	}
	if _, ok, _ := db.LastGoodRun(ctx, 9999); ok {
		t.Error("a run for an account that has none")
	}
}

// TestRunFailureKeptWithItsKey: a run's user-safe failure is stored with
// its catalogue key and arguments (integers stay integers), so that it
// can be shown in any language; an error that is not user-safe, and every
// row from before, is plain text read back as it is.
func TestRunFailureKeptWithItsKey(t *testing.T) {
	db := storetest.New(t)
	t0 := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	ref := kopuro.AccountRef{Platform: kopuro.YouTube, Handle: "UCx"}
	// An int argument comes back as int64: the catalogue prints both alike.
	fail := kopuro.Errorf(kopuro.EUnavailable, "collect.unavailable", "youtube is not answering (status 503) for videos page 2").
		WithArg("Platform", "youtube").WithArg("Status", int64(503)).WithArg("Page", "videos page 2").WithArg("Share", 0.5).At("f.json", 3).InField("items")
	for i, tc := range []struct {
		run     kopuro.Run
		failure *kopuro.Error
		text    string
	}{
		{kopuro.Run{Error: fail.Error(), Failure: fail}, fail, fail.Error()},
		{kopuro.Run{Error: "dial tcp: connection refused"}, nil, "dial tcp: connection refused"},
		{kopuro.Run{Error: "{not json, an old row"}, nil, "{not json, an old row"},
		{kopuro.Run{Error: `{"key":"","message":"x"}`}, nil, `{"key":"","message":"x"}`},
	} {
		r := tc.run
		r.Platform, r.Account, r.Status = kopuro.YouTube, ref, kopuro.RunFailed
		r.Started = t0.Add(time.Duration(i) * time.Hour)
		r.Finished = r.Started
		if _, err := db.RecordRun(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := db.Runs(ctx, 1)
		if err != nil || len(got) != 1 {
			t.Fatalf("runs = %+v, %v", got, err)
		}
		if got[0].Error != tc.text || !reflect.DeepEqual(got[0].Failure, tc.failure) {
			t.Errorf("run %d: Error %q, Failure %#v; want %q, %#v", i, got[0].Error, got[0].Failure, tc.text, tc.failure)
		}
	}
}
