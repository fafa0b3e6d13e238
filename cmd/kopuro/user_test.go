package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kopuro/auth"
	"kopuro/store"
	"kopuro/store/storetest"
	"kopuro/web"
)

// lastLine is the last non-empty line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return lines[len(lines)-1]
}

func checkPassword(t *testing.T, dsn, email, password string) bool {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, hash, err := db.Credentials(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, password) {
		t.Errorf("stored hash %q", hash)
	}
	ok, err := auth.CheckPassword(hash, password)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestUserAddList(t *testing.T) {
	db := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", db)
	// No password piped in: one is generated and printed once, last.
	code, out, errs := runCLI(t, nil, "", "user", "add", "--db", db, "--email", "PR@AUCA.kg", "--role", "editor", "--institution", "auca")
	if code != 0 {
		t.Fatalf("user add: %d %s", code, errs)
	}
	generated := lastLine(out)
	if !strings.HasPrefix(out, "Added pr@auca.kg as editor.\n") || len(generated) != 26 {
		t.Errorf("output %q", out)
	}
	if !checkPassword(t, db, "pr@auca.kg", generated) {
		t.Error("the printed password does not sign in")
	}
	// A piped password is used and never printed.
	code, out, errs = runCLI(t, map[string]string{"KOPURO_LANG": "ky"}, "Жаңы сырсөз 2025\n", "user", "add", "--db", db, "--email", "coder@uni.kg", "--role", "coder")
	if code != 0 || strings.Contains(out, "Жаңы сырсөз") || !strings.Contains(out, "коддоочу") {
		t.Fatalf("user add from stdin: %d %q %s", code, out, errs)
	}
	if !checkPassword(t, db, "coder@uni.kg", "Жаңы сырсөз 2025") {
		t.Error("the piped password does not sign in")
	}
	tests := []struct {
		name, stdin string
		args        []string
		exit        int
		stderr      string
	}{
		{"duplicate", "", []string{"--email", "pr@auca.kg", "--role", "viewer"}, 1, "A user with the email pr@auca.kg already exists."},
		{"bad role", "", []string{"--email", "x@uni.kg", "--role", "root"}, 1, "Unknown role “root”"},
		{"editor without institution", "", []string{"--email", "x@uni.kg", "--role", "editor"}, 1, "An editor belongs to one university"},
		{"unknown institution", "", []string{"--email", "x@uni.kg", "--role", "editor", "--institution", "nowhere"}, 1, "Unknown institution “nowhere”"},
		{"viewer with institution", "", []string{"--email", "x@uni.kg", "--role", "viewer", "--institution", "auca"}, 1, "Only an editor is bound"},
		{"short password", "short\n", []string{"--email", "x@uni.kg", "--role", "viewer"}, 1, "at least 10 characters"},
		{"bad email", "", []string{"--email", "x", "--role", "viewer"}, 1, "“x” is not an email address"},
		{"stray argument", "", []string{"--email", "x@uni.kg", "--role", "viewer", "extra"}, 2, "Usage: kopuro user add"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, nil, tt.stdin, append([]string{"user", "add", "--db", db}, tt.args...)...)
		if code != tt.exit || !strings.Contains(errs, tt.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want %d with %q", tt.name, code, errs, tt.exit, tt.stderr)
		}
	}
	code, out, _ = runCLI(t, nil, "", "user", "list", "--db", db)
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(rows) != 2 || !strings.HasPrefix(rows[0], "coder@uni.kg                     coder  ") ||
		!strings.HasPrefix(rows[1], "pr@auca.kg                       editor  auca ") {
		t.Errorf("user list: %d\n%s", code, out)
	}
	if code, _, errs := runCLI(t, nil, "", "user", "remove", "--db", db); code != 2 || !strings.Contains(errs, "Usage: kopuro user") {
		t.Errorf("unknown subcommand: %d %s", code, errs)
	}
}

// A token made on the command line works against the API, with the rights
// of its user, and only it.
func TestTokenCreateCallsAPI(t *testing.T) {
	dsn := storetest.DSN(t)
	runCLI(t, nil, "", "seed", "--db", dsn)
	if code, _, errs := runCLI(t, nil, "", "user", "add", "--db", dsn, "--email", "pr@auca.kg", "--role", "editor", "--institution", "auca"); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	code, out, errs := runCLI(t, nil, "", "token", "create", "--db", dsn, "--email", "PR@auca.kg", "--name", "uploader")
	if code != 0 {
		t.Fatalf("token create: %d %s", code, errs)
	}
	token := lastLine(out)
	if len(token) != 43 || !strings.Contains(out, "“uploader” for pr@auca.kg") {
		t.Fatalf("output %q", out)
	}
	for _, bad := range [][]string{{"--email", "ghost@uni.kg"}, {}} {
		if code, _, errs := runCLI(t, nil, "", append([]string{"token", "create", "--db", dsn}, bad...)...); code != 1 || errs == "" {
			t.Errorf("token create %v: %d %s", bad, code, errs)
		}
	}

	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, err := web.New(web.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	post := func(bearer, inst string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/accounts",
			strings.NewReader(`{"institution":"`+inst+`","platform":"telegram","handle":"auca_news","url":"https://t.me/auca_news"}`))
		req.Header.Set("Content-Type", "application/json")
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := post("", "auca"); code != 401 {
		t.Errorf("no token: %d %s", code, body)
	}
	altered := token[:42] + "x"
	if altered == token {
		altered = token[:42] + "y"
	}
	if code, body := post(altered, "auca"); code != 401 {
		t.Errorf("altered token: %d %s", code, body)
	}
	if code, body := post(token, "knu"); code != 403 {
		t.Errorf("editor of auca for knu: %d %s", code, body)
	}
	if code, body := post(token, "auca"); code != 201 || !strings.Contains(body, `"handle":"auca_news"`) {
		t.Errorf("editor of auca for auca: %d %s", code, body)
	}
	_, out, _ = runCLI(t, nil, "", "account", "list", "--db", dsn, "--institution", "auca")
	if !strings.Contains(out, "telegram   @auca_news") {
		t.Errorf("the account is not stored:\n%s", out)
	}
}
