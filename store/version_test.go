package store_test

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kopuro"
	"kopuro/plan"
	"kopuro/store"
	"kopuro/store/storetest"
)

func version(t *testing.T, db *store.DB) int64 {
	t.Helper()
	v, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Every write of aggregated data bumps the data version; sign-in state
// and failed writes do not.
func TestDataVersionBumpedByEveryWrite(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	user, err := db.AddUser(ctx, kopuro.User{Email: "a@example.kg", Role: kopuro.RoleAdmin}, pwHash)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := kopuro.ParseDate("2025-12-05")
	target := 10.0
	var dump bytes.Buffer
	if err := db.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		name  string
		write func() error
		bumps bool
	}{
		{"import", func() error {
			return db.Import(ctx, func(tx *store.ImportTx) error { return tx.PutPost(ctx, post("p9", "new post")) })
		}, true},
		{"failed import", func() error {
			db.Import(ctx, func(tx *store.ImportTx) error {
				tx.PutPost(ctx, post("p10", "rolled back"))
				return kopuro.Errorf(kopuro.EInvalid, "x", "fail")
			})
			return nil
		}, false},
		{"codings", func() error {
			return db.SaveCodings(ctx, []kopuro.Coding{{PostID: 1, Coder: "c@example.kg", Labels: kopuro.Labels{Lang: kopuro.EN, Category: kopuro.Research}}})
		}, true},
		{"link account", func() error { return db.LinkAccount(ctx, kopuro.TikTok, "someone", "auca") }, true},
		{"register account", func() error {
			_, _, err := db.RegisterAccount(ctx, kopuro.Account{Institution: "auca", Platform: kopuro.YouTube, Handle: "aucatube"}, nil)
			return err
		}, true},
		{"goal", func() error {
			_, err := db.AddGoal(ctx, plan.Goal{Institution: "auca", Metric: "followers", Target: &target, Deadline: day})
			return err
		}, true},
		{"goal review", func() error { return db.ReviewGoals(ctx, "auca") }, true},
		{"campaign", func() error {
			_, err := db.AddCampaign(ctx, plan.Campaign{ID: "c1", Name: "C", Hashtag: "Camp", From: day, To: day, Institutions: []string{"auca"}})
			return err
		}, true},
		{"indicator", func() error {
			_, err := db.AddIndicator(ctx, plan.Indicator{Institution: "auca", Kind: "volunteers", Value: 3, Date: day, Source: "sheet"})
			return err
		}, true},
		{"collector run", func() error {
			_, err := db.RecordRun(ctx, kopuro.Run{Platform: kopuro.Instagram, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
				Started: storetest.Clock, Finished: storetest.Clock, Status: kopuro.RunOK})
			return err
		}, true},
		{"session", func() error {
			_, err := db.CreateSession(ctx, user.ID, "h", time.Hour)
			return err
		}, false},
		{"restore", func() error {
			fresh := storetest.New(t)
			before := version(t, fresh)
			if err := fresh.Restore(ctx, bytes.NewReader(dump.Bytes()), "d.ndjson"); err != nil {
				return err
			}
			if version(t, fresh) <= before {
				t.Errorf("restore: data version %d not bumped", before)
			}
			return nil
		}, false},
	}
	for _, w := range writes {
		before := version(t, db)
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		after := version(t, db)
		if bumped := after > before; bumped != w.bumps {
			t.Errorf("%s: data version %d → %d, want bumped %v", w.name, before, after, w.bumps)
		}
	}
}

// Memo computes a value once per data version, also when many ask at
// once, and computes it again after any write, including one by another
// connection (another process).
func TestMemoInvalidatedByWrites(t *testing.T) {
	dsn := storetest.DSN(t)
	open := func() *store.DB {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db := open()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fivePosts(t, db)
	other := open()
	var computed atomic.Int32
	count := func(context.Context) (int64, error) {
		computed.Add(1)
		c, err := db.Counts(ctx)
		return c.Posts, err
	}
	get := func(want int64, computations int32) {
		t.Helper()
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := store.Memo(ctx, db, "posts", count)
				if err != nil || n != want {
					t.Errorf("Memo = %d, %v; want %d", n, err, want)
				}
			}()
		}
		wg.Wait()
		if got := computed.Load(); got != computations {
			t.Errorf("computed %d times, want %d", got, computations)
		}
	}
	get(6, 1)
	get(6, 1) // cached
	if err := db.Import(ctx, func(tx *store.ImportTx) error { return tx.PutPost(ctx, post("p7", "seven")) }); err != nil {
		t.Fatal(err)
	}
	get(7, 2)
	if err := other.Import(ctx, func(tx *store.ImportTx) error { return tx.PutPost(ctx, post("p8", "eight")) }); err != nil {
		t.Fatal(err)
	}
	get(8, 3)
	// A pinned context keeps its version: its values do not change mid-request.
	pinned, err := db.PinVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveCodings(ctx, nil); err != nil {
		t.Fatal(err)
	}
	v1, _ := db.DataVersion(pinned)
	v2, _ := db.DataVersion(context.Background())
	if v2 <= v1 {
		t.Errorf("pinned version %d, current %d: want the current one newer", v1, v2)
	}
}

// Requests that share a read of the data version still see every write
// committed before they asked.
func TestDataVersionSharedReadsSeeWrites(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	for i := range 20 {
		if err := db.SaveCodings(ctx, nil); err != nil {
			t.Fatal(err)
		}
		want := version(t, db)
		var wg sync.WaitGroup
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if v, err := db.DataVersion(ctx); err != nil || v < want {
					t.Errorf("round %d: version %d, %v; want at least %d", i, v, err, want)
				}
			}()
		}
		wg.Add(1)
		go func() { // a write racing with the reads
			defer wg.Done()
			db.SaveCodings(ctx, nil)
		}()
		wg.Wait()
	}
}
