package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"kopuro"
)

// TestImportKeepsStatementJournalInMemory: an import runs with temp_store
// MEMORY (its statement journals stay off disk) and leaves its connection
// as it found it, whether it commits or fails.
func TestImportKeepsStatementJournalInMemory(t *testing.T) {
	ctx := context.Background()
	db := fileStore(t, 0)
	// One connection: the import's is the one asked afterwards.
	db.sql.SetMaxOpenConns(1)
	read := func(tx *ImportTx) int {
		var n int
		var err error
		if tx != nil {
			err = tx.tx.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&n)
		} else {
			err = db.sql.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&n)
		}
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	post := kopuro.Post{Platform: kopuro.Instagram, ExternalID: "j1", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@journal"},
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: "журнал #jr", Likes: kopuro.Known(1)}
	for _, fail := range []bool{false, true} {
		var during int
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
		if during != 2 {
			t.Errorf("fail %v: temp_store during the import %d, want 2 (memory)", fail, during)
		}
		if after := read(nil); after != 0 {
			t.Errorf("fail %v: temp_store after the import %d, want 0 (default)", fail, after)
		}
	}
	if p, err := db.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check %v %v", p, err)
	}
}
