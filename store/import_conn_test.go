package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"kopuro"
)

// TestImportKeepsStatementJournalInMemory: an import runs with temp_store
// MEMORY (its statement journals stay off disk) and a 32 MiB page cache,
// and leaves its connection as it found it, whether it commits or fails
// (a pooled connection of a server must not keep 32 MiB each).
func TestImportKeepsStatementJournalInMemory(t *testing.T) {
	ctx := context.Background()
	db := fileStore(t, 0)
	// One connection: the import's is the one asked afterwards.
	db.sql.SetMaxOpenConns(1)
	type settings struct{ tempStore, cacheSize int }
	read := func(tx *ImportTx) settings {
		var s settings
		q := func(pragma string, n *int) {
			var err error
			if tx != nil {
				err = tx.tx.QueryRowContext(ctx, pragma).Scan(n)
			} else {
				err = db.sql.QueryRowContext(ctx, pragma).Scan(n)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		q(`PRAGMA temp_store`, &s.tempStore)
		q(`PRAGMA cache_size`, &s.cacheSize)
		return s
	}
	before := read(nil)
	post := kopuro.Post{Platform: kopuro.Instagram, ExternalID: "j1", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@journal"},
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: "журнал #jr", Likes: kopuro.Known(1)}
	for _, fail := range []bool{false, true} {
		var during settings
		err := db.Import(ctx, func(tx *ImportTx) error {
			if err := tx.PutPost(ctx, post); err != nil {
				return err
			}
			if err := tx.flushPosts(ctx); err != nil {
				return err
			}
			during = read(tx)
			if fail {
				return errors.New("stop")
			}
			return nil
		})
		if fail != (err != nil) {
			t.Fatalf("fail %v: import error %v", fail, err)
		}
		if want := (settings{2, -32768}); during != want {
			t.Errorf("fail %v: temp_store, cache_size during the import %v, want %v", fail, during, want)
		}
		if after := read(nil); after != before || after.tempStore != 0 {
			t.Errorf("fail %v: temp_store, cache_size after the import %v, want %v as before (temp_store default)", fail, after, before)
		}
	}
	if p, err := db.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check %v %v", p, err)
	}
}

// An import whose function panics rolls its transaction back and gives its
// connection up: the panic goes on to the caller (net/http recovers it),
// and the next import is not blocked by a transaction left open.
func TestImportPanicRollsBack(t *testing.T) {
	ctx := context.Background()
	db := fileStore(t, 0)
	post := kopuro.Post{Platform: kopuro.Instagram, ExternalID: "p1", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@panic"},
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: "паника"}
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		db.Import(ctx, func(tx *ImportTx) error {
			if err := tx.PutPost(ctx, post); err != nil {
				return err
			}
			if err := tx.flushPosts(ctx); err != nil {
				return err
			}
			panic("a callback failed")
		})
	}()
	select {
	case r := <-done:
		if r != "a callback failed" {
			t.Fatalf("recovered %v, want the callback's panic", r)
		}
	case <-time.After(time.Minute):
		t.Fatal("the import that panicked never returned")
	}
	post.ExternalID = "p2"
	if err := db.Import(ctx, func(tx *ImportTx) error { return tx.PutPost(ctx, post) }); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM posts`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d posts (%v), want only the second import's", n, err)
	}
}
