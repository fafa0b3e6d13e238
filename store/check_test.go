package store_test

import (
	"database/sql"
	"slices"
	"strings"
	"testing"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// TestCheckFindsDamage: Check passes a sound store and names the damage
// done to one behind the store's back — a row whose parent is gone (on
// both engines) and, on SQLite, a full-text index entry without its post.
func TestCheckFindsDamage(t *testing.T) {
	dsn := storetest.DSN(t)
	db := storetest.Open(t, dsn)
	put(t, db, func(tx *store.ImportTx) error {
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Instagram, ExternalID: "p1",
			Account:   kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@check"},
			Published: storetest.Clock, Text: "ачык эшик күнү", Likes: kopuro.Known(3)})
	})
	if p, err := db.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("sound store: problems %q, err %v", p, err)
	}

	// A second connection that does not enforce foreign keys: SQLite
	// enforces them only when asked (the store asks); on PostgreSQL the
	// owner drops the constraint.
	driver, raw := "sqlite", "file:"+dsn
	if storetest.PG() {
		driver, raw = "pgx", dsn
	}
	side, err := sql.Open(driver, raw)
	if err != nil {
		t.Fatal(err)
	}
	defer side.Close()
	exec := func(q string) {
		t.Helper()
		if _, err := side.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	want := []string{"snapshots without account: 1"}
	if storetest.PG() {
		var fk string
		if err := side.QueryRowContext(ctx, `SELECT conname FROM pg_constraint WHERE conrelid = 'snapshots'::regclass AND contype = 'f'`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		exec(`ALTER TABLE snapshots DROP CONSTRAINT ` + fk)
	} else {
		exec(`INSERT INTO posts_fts (rowid, text, hashtags) VALUES (999, 'арбак', '')`)
		want = append(want, "search index: ")
	}
	exec(`INSERT INTO snapshots (account_id, metric, value, precision, as_of, source) VALUES (999, 'followers', 10, 'exact', '2025-06', 'test')`)

	got, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, w) }) {
			t.Errorf("problems %q: none starts with %q", got, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems %q, want %d (%q)", got, len(want), want)
	}
}
