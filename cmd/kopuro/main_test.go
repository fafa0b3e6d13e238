package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	goldenfile "kopuro/internal/golden"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/i18n"
	"kopuro/store"
	"kopuro/store/storetest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs the command line in-process with the given environment and
// returns its exit status, stdout and stderr.
func runCLI(t *testing.T, envv map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return envv[k] }, cat: i18n.Embedded()}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// sameCounts fails the test when the status counts of the restored store
// dst differ from those of src.
func sameCounts(t *testing.T, src, dst string) {
	t.Helper()
	want, got := status(t, src), status(t, dst)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d after restore, %d before", k, got[k], v)
		}
	}
}

func golden(t *testing.T, name, got string) { goldenfile.Check(t, name, []byte(got), *update) }

func status(t *testing.T, db string) map[string]int {
	t.Helper()
	code, out, errs := runCLI(t, nil, "", "status", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("status: %d %s", code, errs)
	}
	var m map[string]int
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("status output %q: %v", out, err)
	}
	return m
}

func TestSeedAndStatus(t *testing.T) {
	db := storetest.DSN(t)
	if code, _, errs := runCLI(t, nil, "", "seed", "--db", db); code != 0 {
		t.Fatalf("seed: %d %s", code, errs)
	}
	want := map[string]int{"institutions": 17, "accounts": 38, "snapshots": 39, "posts": 0, "comments": 0}
	got := status(t, db)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
	// Seeding again changes nothing.
	runCLI(t, nil, "", "seed", "--db", db)
	if again := status(t, db); again["snapshots"] != 39 || again["accounts"] != 38 {
		t.Errorf("second seed changed counts: %v", again)
	}
	// KOPURO_DB is the default database.
	_, out, _ := runCLI(t, map[string]string{"KOPURO_DB": db}, "", "status", "--json")
	if !strings.Contains(out, `"institutions":17`) {
		t.Errorf("KOPURO_DB not used: %s", out)
	}
}

func TestImportGoodDuplicateMalformed(t *testing.T) {
	db := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", db)
	good := filepath.Join("testdata", "posts.ndjson")
	code, out, errs := runCLI(t, nil, "", "import", "--db", db, good)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errs)
	}
	golden(t, "import-good.out", out)
	first := status(t, db)
	if first["posts"] != 3 || first["comments"] != 2 {
		t.Fatalf("after import: %v", first)
	}
	// The same file again: nothing changes.
	if code, _, errs := runCLI(t, nil, "", "import", "--db", db, good); code != 0 {
		t.Fatalf("re-import: %d %s", code, errs)
	}
	if again := status(t, db); again["posts"] != first["posts"] || again["comments"] != first["comments"] || again["accounts"] != first["accounts"] {
		t.Errorf("re-import changed counts: %v → %v", first, again)
	}
	// A malformed line: the whole file fails, exit 1, nothing stored.
	bad := filepath.Join("testdata", "posts-bad.csv")
	code, out, errs = runCLI(t, nil, "", "import", "--db", db, "--quiet", bad)
	if code != 1 {
		t.Errorf("malformed import exit %d", code)
	}
	golden(t, "import-bad.err", errs)
	if after := status(t, db); after["posts"] != first["posts"] {
		t.Errorf("a failed file stored posts: %v", after)
	}
	// --partial keeps the good lines and reports every bad one.
	code, out, errs = runCLI(t, nil, "", "import", "--db", db, "--partial", bad)
	if code != 0 {
		t.Errorf("partial import exit %d: %s", code, errs)
	}
	golden(t, "import-partial.err", errs)
	if after := status(t, db); after["posts"] != first["posts"]+2 {
		t.Errorf("partial import: %v", after)
	}
	// Messages follow the terminal language.
	_, _, errs = runCLI(t, map[string]string{"KOPURO_LANG": "ky"}, "", "import", "--db", db, bad)
	golden(t, "import-bad.ky.err", errs)
}

func TestAccountLink(t *testing.T) {
	db := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", db)
	runCLI(t, nil, "", "import", "--db", db, filepath.Join("testdata", "posts.ndjson"))
	code, out, errs := runCLI(t, nil, "", "account", "link", "telegram", "@KSTU_news", "--institution", "kstu", "--db", db)
	if code != 0 || !strings.Contains(out, "kstu_news") {
		t.Fatalf("link: %d %s %s", code, out, errs)
	}
	_, out, _ = runCLI(t, nil, "", "account", "list", "--unlinked", "--db", db)
	if strings.Contains(out, "kstu_news") {
		t.Errorf("still unlinked: %s", out)
	}
	code, _, errs = runCLI(t, nil, "", "account", "link", "telegram", "nobody", "--institution", "kstu", "--db", db)
	if code != 1 || !strings.Contains(errs, "@nobody") {
		t.Errorf("unknown account: %d %s", code, errs)
	}
}

// Every command the README and the issues promise is registered.
func TestCommandsRegistered(t *testing.T) {
	for _, name := range []string{"serve", "seed", "import", "status", "account", "migrate", "backup", "export",
		"classify", "eval", "codebook", "analyze", "user", "token", "advise", "check", "goal", "calendar", "campaign", "offline"} {
		if _, ok := commands[name]; !ok {
			t.Errorf("command %q is not registered", name)
		}
	}
}

func TestUsage(t *testing.T) {
	if code, _, errs := runCLI(t, nil, ""); code != 2 || !strings.Contains(errs, "serve") {
		t.Errorf("no args: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, nil, "", "frobnicate"); code != 2 || !strings.Contains(errs, "frobnicate") {
		t.Errorf("unknown command: %d %s", code, errs)
	}
	for name := range commands {
		if code, _, errs := runCLI(t, nil, "", name, "-h"); code != 0 || errs == "" {
			t.Errorf("%s -h: exit %d, output %q", name, code, errs)
		}
	}
	if code, _, _ := runCLI(t, nil, "", "status", "--bogus"); code != 2 {
		t.Errorf("bad flag exit %d", code)
	}
}

func TestImportCodesNewPostsAndAnalyze(t *testing.T) {
	db := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", db)
	code, out, errs := runCLI(t, nil, "", "import", "--db", db, filepath.Join("testdata", "posts.ndjson"))
	if code != 0 || !strings.Contains(out, "Coded 3 posts with codebook") {
		t.Fatalf("import: %d %q %s", code, out, errs)
	}
	// Everything is coded already; --rebuild codes all again.
	if _, out, _ := runCLI(t, nil, "", "analyze", "--db", db); !strings.Contains(out, "Coded 0 posts") {
		t.Errorf("analyze after import: %q", out)
	}
	if _, out, _ := runCLI(t, nil, "", "analyze", "--db", db, "--rebuild"); !strings.Contains(out, "Coded 3 posts") {
		t.Errorf("analyze --rebuild: %q", out)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	err = s.EachPost(context.Background(), store.PostFilter{}, func(lp store.LabeledPost) error {
		if lp.Coding == nil || lp.Coding.Codebook == "" || lp.Coding.Labels.Category == "" {
			t.Errorf("post %s not coded: %+v", lp.Post.ExternalID, lp.Coding)
		}
		n++
		return nil
	})
	if err != nil || n != 3 {
		t.Fatalf("%d posts, %v", n, err)
	}
}

// export then import into a new store (SQLite, or PostgreSQL under
// KOPURO_TEST_PG) restores everything; backup copies a SQLite file.
func TestExportImportAndBackup(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	runCLI(t, nil, "", "seed", "--db", src)
	runCLI(t, nil, "", "import", "--db", src, filepath.Join("testdata", "posts.ndjson"))
	dump := filepath.Join(t.TempDir(), "store.ndjson")
	if code, _, errs := runCLI(t, nil, "", "export", "--db", src, "--out", dump); code != 0 {
		t.Fatalf("export: %d %s", code, errs)
	}
	dst := storetest.DSN(t)
	code, out, errs := runCLI(t, nil, "", "import", "--db", dst, dump)
	if code != 0 || !strings.Contains(out, "restored") {
		t.Fatalf("import of a dump: %d %s %s", code, out, errs)
	}
	sameCounts(t, src, dst)
	want := status(t, src)
	if code, _, errs := runCLI(t, nil, "", "import", "--db", dst, dump); code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("restoring twice: %d %s", code, errs)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errs := runCLI(t, nil, "", "backup", "--db", src, "--out", cp); code != 0 {
		t.Fatalf("backup: %d %s", code, errs)
	}
	if b := status(t, cp); b["posts"] != want["posts"] || b["snapshots"] != want["snapshots"] {
		t.Errorf("backup holds %v", b)
	}
}

// A ranking table's names are matched against the store's institutions,
// not only the bundled registry.
func TestImportRankingMatchesStoreInstitutions(t *testing.T) {
	db := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", db)
	if code, _, errs := runCLI(t, nil, "", "import", "--db", db, filepath.Join("..", "..", "importer", "testdata", "generic", "institutions.csv")); code != 0 {
		t.Fatalf("institutions: %s", errs)
	}
	code, out, errs := runCLI(t, nil, "", "import", "--db", db, filepath.Join("testdata", "ranking-store.csv"))
	if code != 0 || !strings.Contains(out, "2 snapshots") {
		t.Fatalf("ranking: %d %s %s", code, out, errs)
	}
	if s := status(t, db); s["snapshots"] != 41 {
		t.Errorf("snapshots = %d, want 39 + 2", s["snapshots"])
	}
}
