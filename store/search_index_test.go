package store

import (
	"context"
	"testing"
	"time"

	"kopuro"
)

// TestSearchIndexAcrossImports: SQLite's full-text index follows imports
// that add posts, change stored ones and change a post twice in one
// import, rolls back with a failed import, and stays consistent with the
// posts (Check runs FTS5's own integrity check), with the triggers exactly
// as the migration made them.
func TestSearchIndexAcrossImports(t *testing.T) {
	ctx := context.Background()
	db := fileStore(t, 0)
	triggers := func() string {
		var s string
		if err := db.sql.QueryRowContext(ctx, `SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := triggers()
	post := func(id, text string) kopuro.Post {
		return kopuro.Post{Platform: kopuro.Instagram, ExternalID: id, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@fts"},
			Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: text, Likes: kopuro.Known(1)}
	}
	imp := func(posts ...kopuro.Post) error {
		return db.Import(ctx, func(tx *ImportTx) error {
			for _, p := range posts {
				if err := tx.PutPost(ctx, p); err != nil {
					return err
				}
			}
			return nil
		})
	}
	found := func(word string) int {
		_, n, err := db.QueryPosts(ctx, PostQuery{Q: word})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	check := func(when string) {
		t.Helper()
		if p, err := db.Check(ctx); err != nil || len(p) > 0 {
			t.Fatalf("%s: check %v %v", when, p, err)
		}
		if got := triggers(); got != before {
			t.Fatalf("%s: triggers changed:\n%s\nwant\n%s", when, got, before)
		}
	}
	// New posts, one of them twice in the same import with another text.
	if err := imp(post("a", "алма жемиш"), post("b", "өрүк"), post("b", "жүзүм")); err != nil {
		t.Fatal(err)
	}
	check("first import")
	if found("алма") != 1 || found("жүзүм") != 1 || found("өрүк") != 0 {
		t.Errorf("first import: алма %d, жүзүм %d, өрүк %d", found("алма"), found("жүзүм"), found("өрүк"))
	}
	// A stored post changed, a new one added and changed again within the
	// import.
	if err := imp(post("a", "анар"), post("c", "кулпунай"), post("c", "карагат")); err != nil {
		t.Fatal(err)
	}
	check("second import")
	for word, want := range map[string]int{"алма": 0, "анар": 1, "жүзүм": 1, "кулпунай": 0, "карагат": 1} {
		if got := found(word); got != want {
			t.Errorf("second import: %s found %d times, want %d", word, got, want)
		}
	}
	// A failed import changes nothing.
	if err := db.Import(ctx, func(tx *ImportTx) error {
		if err := tx.PutPost(ctx, post("d", "банан")); err != nil {
			return err
		}
		return context.Canceled
	}); err == nil {
		t.Fatal("the failing import succeeded")
	}
	check("failed import")
	if found("банан") != 0 {
		t.Error("a failed import's post is searchable")
	}
}
