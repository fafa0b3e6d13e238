package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// fillEveryTable stores at least one row in every table of the schema; the
// test fails when a table stays empty, so a new table cannot escape the
// round trip unnoticed.
func fillEveryTable(t *testing.T, db *store.DB) {
	t.Helper()
	fivePosts(t, db)
	d, _ := kopuro.ParseDate("2025-06")
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(76039), AsOf: d, Source: "unirank.org", Note: "«Таблица 1»"}); err != nil {
			return err
		}
		if err := tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.YouTube, Institution: "auca"},
			kopuro.Snapshot{Metric: kopuro.MetricSubscribers, Precision: kopuro.None, AsOf: d}); err != nil {
			return err
		}
		return tx.PutComment(ctx, kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: "p1", ExternalID: "c1",
			Author: "auca.official", FromInstitution: true, Text: "Рахмат! 🙏", Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)})
	})
	if err := db.SaveCodings(ctx, []kopuro.Coding{
		{PostID: 1, Codebook: "v1", Labels: kopuro.Labels{Lang: kopuro.RU, Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, SDGs: []int{4, 10}},
			Scores: map[string]float64{"third_mission": 2.5}, Evidence: []kopuro.Evidence{{Label: "civic_volunteering", Term: "волонт", Start: 0, End: 6}}},
		{PostID: 1, Coder: "coder@example.kg", Labels: kopuro.Labels{Lang: kopuro.RU, Category: kopuro.Research, SDGs: []int{}}},
	}); err != nil {
		t.Fatal(err)
	}
	fillLaterTables(t, db)
	var buf bytes.Buffer
	if err := db.Dump(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, l := range strings.Split(buf.String(), "\n")[1:] {
		if i := strings.Index(l, `"table":"`); i >= 0 {
			name := l[i+9:]
			counts[name[:strings.IndexByte(name, '"')]]++
		}
	}
	for _, tb := range store.Tables() {
		if counts[tb] == 0 {
			t.Errorf("the fixture leaves table %s empty: fill it in fillEveryTable", tb)
		}
	}
}

// sortedLines returns a dump's rows, sorted, without the header (which
// names the dialect).
func sortedLines(t *testing.T, db *store.DB) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := db.Dump(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")[1:]
	sort.Strings(lines)
	return lines
}

func sqliteStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return storetest.Clock }
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// A store dumped and restored — SQLite to the test store (PostgreSQL under
// KOPURO_TEST_PG) and back to SQLite — loses nothing.
func TestDumpRestoreRoundTrip(t *testing.T) {
	src := sqliteStore(t)
	fillEveryTable(t, src)
	var dump bytes.Buffer
	if err := src.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	mid := storetest.New(t)
	if err := mid.Restore(ctx, bytes.NewReader(dump.Bytes()), "dump.ndjson"); err != nil {
		t.Fatal(err)
	}
	want := sortedLines(t, src)
	if got := sortedLines(t, mid); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("%s store differs after restore:\n got %v\nwant %v", mid.Dialect(), got, want)
	}
	var again bytes.Buffer
	if err := mid.Dump(ctx, &again); err != nil {
		t.Fatal(err)
	}
	back := sqliteStore(t)
	if err := back.Restore(ctx, &again, "again.ndjson"); err != nil {
		t.Fatal(err)
	}
	if got := sortedLines(t, back); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("store differs after the way back")
	}
	// New rows get fresh ids after a restore (sequences moved past them).
	put(t, mid, func(tx *store.ImportTx) error {
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.X, ExternalID: "new", Account: kopuro.AccountRef{Handle: "someone"},
			Published: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)})
	})
	// Restoring into a store with data is refused, and changes nothing.
	err := mid.Restore(ctx, bytes.NewReader(dump.Bytes()), "dump.ndjson")
	if kopuro.ErrorCode(err) != kopuro.EConflict {
		t.Errorf("restore into a full store: %v", err)
	}
}

func TestRestoreBadInput(t *testing.T) {
	tests := map[string]string{
		"not a dump":    `{"kind":"post"}` + "\n",
		"unknown table": `{"kind":"kopuro_dump","version":1,"dialect":"sqlite","schema":1}` + "\n" + `{"table":"users; DROP TABLE posts","row":{"id":1}}` + "\n",
		"bad column":    `{"kind":"kopuro_dump","version":1,"dialect":"sqlite","schema":1}` + "\n" + `{"table":"institutions","row":{"code; --":"x"}}` + "\n",
		"newer schema":  `{"kind":"kopuro_dump","version":1,"dialect":"sqlite","schema":999}` + "\n",
	}
	for name, in := range tests {
		db := storetest.New(t)
		err := db.Restore(ctx, strings.NewReader(in), "d.ndjson")
		if e := kopuro.AsError(err); e == nil || e.File != "d.ndjson" {
			t.Errorf("%s: %v", name, err)
		}
		if c, _ := db.Counts(ctx); c != (store.Counts{}) {
			t.Errorf("%s: a failed restore left %+v", name, c)
		}
	}
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(dir, "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fivePosts(t, db)
	out := filepath.Join(dir, "copy.db")
	if err := db.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, out); kopuro.ErrorCode(err) != kopuro.EConflict {
		t.Errorf("overwriting a backup: %v", err)
	}
	cp, err := store.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if c, _ := cp.Counts(ctx); c.Posts != 6 || c.Institutions != 1 {
		t.Errorf("backup holds %+v", c)
	}
	// The copy holds password hashes: its owner's eyes only.
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("backup mode %o, want 600", perm)
	}
	missing := filepath.Join(dir, "no-such-folder", "copy.db")
	if e := kopuro.AsError(db.Backup(ctx, missing)); e == nil || e.Key != "error.backup_create" {
		t.Errorf("backup into a missing folder: %v", e)
	}
}

// A dump without users holds no user, session or token, nor any hash of a
// password or token; restoring it keeps the target's own users (an
// administrator made first can still sign in) and everything else is as
// in the source. A full dump still needs a store without users.
func TestDumpWithoutUsers(t *testing.T) {
	src := sqliteStore(t)
	fillEveryTable(t, src)
	var dump bytes.Buffer
	if err := src.DumpWith(ctx, &dump, store.DumpOptions{WithoutUsers: true}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(dump.String()), "\n")
	if !strings.Contains(lines[0], `"without_users":true`) {
		t.Errorf("header %s does not say the users are left out", lines[0])
	}
	for _, l := range lines[1:] {
		for _, leak := range []string{`"table":"users"`, `"table":"sessions"`, `"table":"api_tokens"`, "password_hash", "token_hash", pwHash, "session-hash"} {
			if strings.Contains(l, leak) {
				t.Errorf("dump without users holds %q: %s", leak, l)
			}
		}
	}

	dst := storetest.New(t)
	own, err := dst.AddUser(ctx, kopuro.User{Email: "owner@example.kg", Role: kopuro.RoleAdmin}, "owner-hash")
	if err != nil {
		t.Fatal(err)
	}
	full := dump.String()
	var all bytes.Buffer
	if err := src.Dump(ctx, &all); err != nil {
		t.Fatal(err)
	}
	if err := dst.Restore(ctx, &all, "full.ndjson"); kopuro.ErrorCode(err) != kopuro.EConflict {
		t.Errorf("a full dump into a store with users: %v", err)
	}
	if err := dst.Restore(ctx, strings.NewReader(full), "dump.ndjson"); err != nil {
		t.Fatal(err)
	}
	users, err := dst.Users(ctx)
	if err != nil || len(users) != 1 || users[0] != own {
		t.Errorf("users after restore: %+v %v, want only %+v", users, err, own)
	}
	if _, hash, err := dst.Credentials(ctx, own.Email); err != nil || hash != "owner-hash" {
		t.Errorf("the owner's credentials after restore: %q %v", hash, err)
	}
	withoutAuth := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if !strings.Contains(l, `"table":"users"`) && !strings.Contains(l, `"table":"sessions"`) && !strings.Contains(l, `"table":"api_tokens"`) {
				out = append(out, l)
			}
		}
		return out
	}
	want := strings.Join(withoutAuth(sortedLines(t, src)), "\n")
	if got := strings.Join(withoutAuth(sortedLines(t, dst)), "\n"); got != want {
		t.Errorf("%s store differs after restore:\n got %s\nwant %s", dst.Dialect(), got, want)
	}
	// The target's users go on as before.
	if _, err := dst.AddUser(ctx, kopuro.User{Email: "second@example.kg", Role: kopuro.RoleViewer}, "h2"); err != nil {
		t.Errorf("a user after restore: %v", err)
	}

	// A user row smuggled into a dump that says it has none is refused
	// with its line, and nothing is restored.
	smuggled := lines[0] + "\n" + `{"table":"users","row":{"id":99,"email":"x@example.kg","password_hash":"h","role":"admin","created_at":1}}` + "\n"
	other := storetest.New(t)
	err = other.Restore(ctx, strings.NewReader(smuggled), "s.ndjson")
	if e := kopuro.AsError(err); e == nil || e.Key != "error.dump_line" || e.Line != 2 {
		t.Errorf("a user row in a dump without users: %v", err)
	}
	if users, _ := other.Users(ctx); len(users) != 0 {
		t.Errorf("the refused dump left users %+v", users)
	}
}
