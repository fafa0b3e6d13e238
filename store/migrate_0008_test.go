package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/plan"
)

// TestMigration0008KeepsHashtags: a store made by schema 7, with posts and
// their hashtags, migrates to 0008 (post_hashtags WITHOUT ROWID on SQLite)
// with every hashtag row kept, and imports, campaign look-ups, the
// consistency check and the dump round trip work on the result.
func TestMigration0008KeepsHashtags(t *testing.T) {
	ctx := context.Background()
	db := fileStore(t, 7)
	in := kopuro.Institution{Code: "auca", Name: kopuro.Text{EN: "AUCA"}, Country: "KG"}
	post := func(id, text string, day int) kopuro.Post {
		return kopuro.Post{Platform: kopuro.Instagram, ExternalID: id, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
			Published: time.Date(2025, 12, day, 10, 0, 0, 0, time.UTC), Text: text}
	}
	imp := func(posts ...kopuro.Post) {
		t.Helper()
		err := db.Import(ctx, func(tx *ImportTx) error {
			if err := tx.PutInstitution(ctx, in); err != nil {
				return err
			}
			if _, err := tx.PutAccount(ctx, kopuro.Account{Institution: "auca", Platform: kopuro.Instagram, Handle: "auca.official", Official: true}); err != nil {
				return err
			}
			for _, p := range posts {
				if err := tx.PutPost(ctx, p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The schema-7 store is filled with that schema's own SQL: today's
	// import writes columns of later migrations (the data version's epoch).
	seed := []string{
		`INSERT INTO institutions (id, code, name_en) VALUES (1, 'auca', 'AUCA')`,
		`INSERT INTO accounts (id, institution_id, platform, handle, official, created_at) VALUES (1, 1, 'instagram', 'auca.official', 1, 0)`,
	}
	for i, p := range []kopuro.Post{post("a", "Субботник #UniServiceWeek #SDG4", 3), post("b", "Hackathon #UniServiceWeek", 4), post("c", "Жаңылык #news", 5)} {
		tags := kopuro.Hashtags(p.Text)
		seed = append(seed, fmt.Sprintf(`INSERT INTO posts (id, platform, external_id, account_id, published, text, hashtags, imported_at) VALUES (%d, 'instagram', '%s', 1, %d, '%s', '%s', 0)`,
			i+1, p.ExternalID, p.Published.Unix(), p.Text, strings.Join(tags, " ")))
		for _, tag := range tags {
			seed = append(seed, fmt.Sprintf(`INSERT INTO post_hashtags (post_id, tag) VALUES (%d, '%s')`, i+1, tag))
		}
	}
	for _, q := range seed {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	tagRows := func() []string {
		t.Helper()
		rows, err := db.sql.QueryContext(ctx, `SELECT p.external_id || ' ' || h.tag FROM post_hashtags h JOIN posts p ON p.id = h.post_id ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	before := tagRows()
	if len(before) != 4 {
		t.Fatalf("schema 7: hashtag rows %v", before)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if got := tagRows(); !slices.Equal(got, before) {
		t.Fatalf("after 0008: hashtag rows %v, want %v", got, before)
	}
	if db.Dialect() == "sqlite" {
		var ddl string
		if err := db.sql.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'post_hashtags'`).Scan(&ddl); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ddl, "WITHOUT ROWID") {
			t.Errorf("post_hashtags after 0008: %s", ddl)
		}
		var left int
		if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%0007%'`).Scan(&left); err != nil || left != 0 {
			t.Errorf("0008 left %d objects behind (%v)", left, err)
		}
	}
	// A re-import that changes a post's hashtags replaces its rows.
	imp(post("b", "Hackathon #Hack2025", 4))
	want := []string{"a sdg4", "a uniserviceweek", "b hack2025", "c news"}
	if got := tagRows(); !slices.Equal(got, want) {
		t.Errorf("after re-import: %v, want %v", got, want)
	}
	from, _ := kopuro.ParseDate("2025-12-01")
	to, _ := kopuro.ParseDate("2025-12-07")
	var found []string
	err := db.CampaignPosts(ctx, plan.Campaign{ID: "usw", Name: "USW", Hashtag: "UniServiceWeek", From: from, To: to}, func(inst string, p kopuro.Post) {
		found = append(found, inst+" "+p.ExternalID)
	})
	if err != nil || !slices.Equal(found, []string{"auca a"}) {
		t.Errorf("campaign posts %v (%v), want [auca a]", found, err)
	}
	if p, err := db.Check(ctx); err != nil || len(p) > 0 {
		t.Fatalf("check %v %v", p, err)
	}
	var dump strings.Builder
	if err := db.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(dump.String(), `"table":"post_hashtags"`); n != len(want) {
		t.Errorf("dump has %d hashtag rows, want %d (each table once)", n, len(want))
	}
	fresh, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if err := fresh.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := fresh.Restore(ctx, strings.NewReader(dump.String()), "dump.ndjson"); err != nil {
		t.Fatal(err)
	}
	var again strings.Builder
	if err := fresh.Dump(ctx, &again); err != nil {
		t.Fatal(err)
	}
	if again.String() != dump.String() {
		t.Errorf("dump after restore differs")
	}
}
