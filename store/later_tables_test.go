package store_test

import (
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
)

// fillLaterTables fills the tables that later migrations add (users,
// collector runs, goals, ...), one block per migration.
func fillLaterTables(t *testing.T, db *store.DB) {
	t.Helper()
	// 0002_auth: users, sessions, api_tokens.
	admin, err := db.AddUser(ctx, kopuro.User{Email: "admin@example.kg", Role: kopuro.RoleAdmin}, pwHash)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddUser(ctx, kopuro.User{Email: "pr@auca.kg", Role: kopuro.RoleEditor, Institution: "auca"}, pwHash); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(ctx, admin.ID, "session-hash", time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateAPIToken(ctx, admin.ID, "backup", "token-hash"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenUser(ctx, "token-hash"); err != nil { // sets last_used_at
		t.Fatal(err)
	}
}
