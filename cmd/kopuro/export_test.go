package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/store/storetest"
)

// A dump file is readable by its owner only, as it holds password and
// token hashes; --without-users leaves users, sessions and tokens out, and
// importing such a dump keeps the target store's own users.
func TestExportWithoutUsers(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	runCLI(t, nil, "", "seed", "--db", src)
	runCLI(t, nil, "", "import", "--db", src, filepath.Join("testdata", "posts.ndjson"))
	if code, _, errs := runCLI(t, nil, "Сырсөз-экспорт-2025\n", "user", "add", "--db", src, "--email", "admin@src.kg", "--role", "admin"); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	if code, _, errs := runCLI(t, nil, "", "token", "create", "--db", src, "--email", "admin@src.kg"); code != 0 {
		t.Fatalf("token create: %s", errs)
	}
	dir := t.TempDir()
	full, lean := filepath.Join(dir, "full.ndjson"), filepath.Join(dir, "lean.ndjson")
	for _, args := range [][]string{{"--out", full}, {"--without-users", "--out", lean}} {
		if code, _, errs := runCLI(t, nil, "", append([]string{"export", "--db", src}, args...)...); code != 0 {
			t.Fatalf("export %v: %d %s", args, code, errs)
		}
		out := args[len(args)-1]
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("export %v: mode %o, want 600", args, perm)
		}
	}
	hashes := func(file string) bool {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Contains(string(b), "password_hash") || strings.Contains(string(b), "token_hash")
	}
	if !hashes(full) {
		t.Error("the full dump holds no password or token hash: the test sees nothing")
	}
	if hashes(lean) {
		t.Error("the dump --without-users holds password or token hashes")
	}
	// Without users on stdout too.
	if code, out, _ := runCLI(t, nil, "", "export", "--db", src, "--without-users"); code != 0 || strings.Contains(out, "password_hash") || !strings.Contains(out, `"without_users":true`) {
		t.Errorf("export --without-users to stdout: %d, %d bytes", code, len(out))
	}

	dst := storetest.DSN(t)
	if code, _, errs := runCLI(t, nil, "Сырсөз-бутага-2025\n", "user", "add", "--db", dst, "--email", "owner@dst.kg", "--role", "admin"); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	if code, _, errs := runCLI(t, nil, "", "import", "--db", dst, full); code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("a full dump into a store with users: %d %s", code, errs)
	}
	code, out, errs := runCLI(t, nil, "", "import", "--db", dst, lean)
	if code != 0 || !strings.Contains(out, "restored without users; its own users were kept") {
		t.Fatalf("import of a dump without users: %d %s %s", code, out, errs)
	}
	sameCounts(t, src, dst)
	_, out, _ = runCLI(t, nil, "", "user", "list", "--db", dst)
	if rows := strings.Split(strings.TrimSpace(out), "\n"); len(rows) != 1 || !strings.HasPrefix(rows[0], "owner@dst.kg ") {
		t.Errorf("users after restore:\n%s", out)
	}
	if !checkPassword(t, dst, "owner@dst.kg", "Сырсөз-бутага-2025") {
		t.Error("the target's own user cannot sign in after the restore")
	}
}
