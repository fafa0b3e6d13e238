package store_test

import (
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// The store keeps whatever hash it is given; these stand for argon2id
// hashes and token SHA-256s made by package auth.
const pwHash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"

func TestAddUserAndList(t *testing.T) {
	db := storetest.New(t)
	put(t, db, func(tx *store.ImportTx) error { return tx.PutInstitution(ctx, auca()) })
	tests := []struct {
		u       kopuro.User
		wantErr string // error code, "" for success
		field   string
	}{
		{kopuro.User{Email: "Admin@Kopuro.KG", Role: kopuro.RoleAdmin}, "", ""},
		{kopuro.User{Email: "pr@auca.kg", Role: kopuro.RoleEditor, Institution: "auca"}, "", ""},
		{kopuro.User{Email: "coder@uni.kg", Role: kopuro.RoleCoder}, "", ""},
		{kopuro.User{Email: "admin@kopuro.kg", Role: kopuro.RoleViewer}, kopuro.EConflict, "email"},
		{kopuro.User{Email: "pr@knu.kg", Role: kopuro.RoleEditor, Institution: "knu"}, kopuro.EInvalid, "institution"},
		{kopuro.User{Email: "pr@knu.kg", Role: kopuro.RoleEditor}, kopuro.EInvalid, "institution"},
		{kopuro.User{Email: "nobody", Role: kopuro.RoleViewer}, kopuro.EInvalid, "email"},
	}
	for _, tt := range tests {
		u, err := db.AddUser(ctx, tt.u, pwHash)
		if got := kopuro.ErrorCode(err); got != tt.wantErr {
			t.Errorf("%s: error %v, want code %q", tt.u.Email, err, tt.wantErr)
			continue
		}
		if err != nil {
			if e := kopuro.AsError(err); e.Field != tt.field {
				t.Errorf("%s: field %q, want %q", tt.u.Email, e.Field, tt.field)
			}
			continue
		}
		if u.ID == 0 || !u.Created.Equal(storetest.Clock) {
			t.Errorf("%s: stored as %+v", tt.u.Email, u)
		}
	}
	users, err := db.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []kopuro.User{
		{Email: "admin@kopuro.kg", Role: kopuro.RoleAdmin},
		{Email: "coder@uni.kg", Role: kopuro.RoleCoder},
		{Email: "pr@auca.kg", Role: kopuro.RoleEditor, Institution: "auca"},
	}
	if len(users) != len(want) {
		t.Fatalf("users = %+v", users)
	}
	for i, w := range want {
		got := users[i]
		if got.Email != w.Email || got.Role != w.Role || got.Institution != w.Institution || !got.Created.Equal(storetest.Clock) {
			t.Errorf("user %d = %+v, want %+v", i, got, w)
		}
	}
	u, hash, err := db.Credentials(ctx, " PR@auca.KG")
	if err != nil || u.Email != "pr@auca.kg" || u.Institution != "auca" || hash != pwHash {
		t.Errorf("Credentials = %+v %q %v", u, hash, err)
	}
	if _, _, err := db.Credentials(ctx, "ghost@uni.kg"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("unknown email: %v", err)
	}
	if _, err := db.UserByEmail(ctx, "ghost@uni.kg"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("unknown email: %v", err)
	}
}

func TestSessionsExpireAndEnd(t *testing.T) {
	db := storetest.New(t)
	u, err := db.AddUser(ctx, kopuro.User{Email: "v@uni.kg", Role: kopuro.RoleViewer}, pwHash)
	if err != nil {
		t.Fatal(err)
	}
	now := storetest.Clock
	db.Now = func() time.Time { return now }
	expires, err := db.CreateSession(ctx, u.ID, "hash-a", time.Hour)
	if err != nil || !expires.Equal(now.Add(time.Hour)) {
		t.Fatalf("CreateSession = %v, %v", expires, err)
	}
	if _, err := db.CreateSession(ctx, u.ID, "hash-b", 2*time.Hour); err != nil {
		t.Fatal(err)
	}
	if got, err := db.SessionUser(ctx, "hash-a"); err != nil || got.ID != u.ID || got.Email != "v@uni.kg" || got.Role != kopuro.RoleViewer {
		t.Errorf("SessionUser = %+v, %v", got, err)
	}
	if _, err := db.SessionUser(ctx, "hash-x"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("unknown session: %v", err)
	}
	// At the expiry second the session is gone; the longer one lives on.
	now = now.Add(time.Hour)
	if _, err := db.SessionUser(ctx, "hash-a"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("expired session still valid: %v", err)
	}
	if n, err := db.DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
	}
	if _, err := db.SessionUser(ctx, "hash-b"); err != nil {
		t.Errorf("live session lost: %v", err)
	}
	if err := db.DeleteSession(ctx, "hash-b"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SessionUser(ctx, "hash-b"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("signed-out session still valid: %v", err)
	}
	if err := db.DeleteSession(ctx, "hash-b"); err != nil {
		t.Errorf("ending an ended session: %v", err)
	}
}

func TestAPITokens(t *testing.T) {
	db := storetest.New(t)
	put(t, db, func(tx *store.ImportTx) error { return tx.PutInstitution(ctx, auca()) })
	u, err := db.AddUser(ctx, kopuro.User{Email: "pr@auca.kg", Role: kopuro.RoleEditor, Institution: "auca"}, pwHash)
	if err != nil {
		t.Fatal(err)
	}
	now := storetest.Clock
	db.Now = func() time.Time { return now }
	tok, err := db.CreateAPIToken(ctx, u.ID, "uploader", "tok-hash")
	if err != nil || tok.ID == 0 || tok.Name != "uploader" || !tok.Created.Equal(now) {
		t.Fatalf("CreateAPIToken = %+v, %v", tok, err)
	}
	if _, err := db.CreateAPIToken(ctx, u.ID, "copy", "tok-hash"); err == nil {
		t.Error("two tokens with one hash")
	}
	lastUsed := func() time.Time {
		t.Helper()
		ts, err := db.APITokens(ctx, u.ID)
		if err != nil || len(ts) != 1 {
			t.Fatalf("APITokens = %+v, %v", ts, err)
		}
		return ts[0].LastUsed
	}
	if !lastUsed().IsZero() {
		t.Error("a new token has been used")
	}
	got, err := db.TokenUser(ctx, "tok-hash")
	if err != nil || got.ID != u.ID || got.Institution != "auca" || got.Role != kopuro.RoleEditor {
		t.Fatalf("TokenUser = %+v, %v", got, err)
	}
	if !lastUsed().Equal(now) {
		t.Errorf("last used = %v, want %v", lastUsed(), now)
	}
	// Within a minute the use is not written again; after it, it is.
	first := now
	now = now.Add(30 * time.Second)
	db.TokenUser(ctx, "tok-hash")
	if !lastUsed().Equal(first) {
		t.Errorf("last used rewritten within a minute: %v", lastUsed())
	}
	now = now.Add(time.Minute)
	db.TokenUser(ctx, "tok-hash")
	if !lastUsed().Equal(now) {
		t.Errorf("last used = %v, want %v", lastUsed(), now)
	}
	if _, err := db.TokenUser(ctx, "other"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("unknown token: %v", err)
	}
}
