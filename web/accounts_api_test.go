package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"kopuro"
	"kopuro/store"
)

// accountsState is everything POST /api/v1/accounts may change.
func accountsState(f *authFixture) func(testing.TB) string {
	return func(t testing.TB) string {
		t.Helper()
		accs, err := f.DB.Accounts(context.Background(), "")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(accs)
		return string(b)
	}
}

func TestAPIAddAccountRoles(t *testing.T) {
	f := newAuthFixture(t)
	f.checkWrite(t, writeEndpoint{
		Method: "POST",
		Path:   func(string, int) string { return "/api/v1/accounts" },
		Body: func(inst string, n int) string {
			return fmt.Sprintf(`{"institution":%q,"platform":"telegram","handle":"channel%d","url":"https://t.me/channel%d"}`, inst, n, n)
		},
		State: accountsState(f),
	}, map[string]want{
		anonymous: {401, 401},
		badToken:  {401, 401},
		asAdmin:   {201, 201},
		asEditor:  {201, 403},
		asCoder:   {403, 403},
		asViewer:  {403, 403},
	})
}

func TestAPIAddAccountLinksAndGuardsOwner(t *testing.T) {
	f := newAuthFixture(t)
	state := accountsState(f)
	post := func(as, body string) (int, string) {
		t.Helper()
		res, b := f.do(t, call{Method: "POST", Path: "/api/v1/accounts", Body: body, As: as})
		return res.StatusCode, b
	}
	// A new account: 201 with the stored account.
	code, body := post(asEditor, `{"institution":"auca","platform":"Instagram","handle":"@AUCA.Official","url":"https://instagram.com/auca.official"}`)
	var got kopuro.Account
	if err := json.Unmarshal([]byte(body), &got); err != nil || code != 201 {
		t.Fatalf("%d %s", code, body)
	}
	if got.Institution != "auca" || got.Platform != kopuro.Instagram || got.Handle != "auca.official" || !got.Official || got.ID == 0 {
		t.Errorf("stored %+v", got)
	}
	// AUCA had a handle-less Instagram placeholder from Table 1: its
	// snapshots now belong to the linked account, and the placeholder is gone.
	accs, _ := f.DB.Accounts(context.Background(), "auca")
	for _, a := range accs {
		if a.Platform == kopuro.Instagram && a.Handle == "" {
			t.Error("the Table 1 placeholder survived the link")
		}
	}
	if snaps, _ := f.DB.Snapshots(context.Background(), got.ID); len(snaps) == 0 {
		t.Error("the placeholder's history did not move to the linked account")
	}
	// The same again: 200, nothing new.
	if code, body := post(asEditor, `{"institution":"auca","platform":"instagram","handle":"auca.official"}`); code != 200 {
		t.Errorf("re-link: %d %s", code, body)
	}
	// KNU's editor may not take AUCA's account, even for KNU...
	ctx := context.Background()
	knuEditor, err := f.DB.AddUser(ctx, kopuro.User{Email: "pr@knu.kg", Role: kopuro.RoleEditor, Institution: "knu"}, "$argon2id$unused")
	if err != nil {
		t.Fatal(err)
	}
	f.tokens["knu-editor"] = f.tokenFor(t, knuEditor)
	before := state(t)
	if code, body := post("knu-editor", `{"institution":"knu","platform":"instagram","handle":"auca.official"}`); code != 403 {
		t.Errorf("editor took another institution's account: %d %s", code, body)
	}
	if state(t) != before {
		t.Error("a refused take-over changed the accounts")
	}
	// ...but an admin may move it.
	if code, body := post(asAdmin, `{"institution":"knu","platform":"instagram","handle":"auca.official"}`); code != 200 || !strings.Contains(body, `"institution":"knu"`) {
		t.Errorf("admin move: %d %s", code, body)
	}
	// An unlinked account (imported before anyone claimed it) may be claimed.
	if err := f.DB.Import(ctx, func(tx *store.ImportTx) error {
		_, err := tx.PutAccount(ctx, kopuro.Account{Platform: kopuro.TikTok, Handle: "someone"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if code, body := post(asEditor, `{"institution":"auca","platform":"tiktok","handle":"someone"}`); code != 200 || !strings.Contains(body, `"institution":"auca"`) {
		t.Errorf("claiming an unlinked account: %d %s", code, body)
	}
}

func TestAPIAddAccountInvalid(t *testing.T) {
	f := newAuthFixture(t)
	state := accountsState(f)
	tests := []struct {
		as, body string
		status   int
		code     string
		field    string
	}{
		{anonymous, `not json`, 401, "unauthorized", ""},
		{asAdmin, `not json`, 400, "invalid", ""},
		{asAdmin, `{"institution":"auca","platform":"telegram","handle":"a","colour":"red"}`, 400, "invalid", ""},
		{asAdmin, `{"institution":"auca","platform":"telegram","handle":"a"} {}`, 400, "invalid", ""},
		{asAdmin, `{"institution":"auca","platform":"myspace","handle":"a"}`, 400, "invalid", "platform"},
		{asAdmin, `{"institution":"auca","platform":"telegram"}`, 400, "invalid", "handle"},
		{asAdmin, `{"platform":"telegram","handle":"a"}`, 400, "invalid", "institution"},
		{asAdmin, `{"institution":"AUCA!","platform":"telegram","handle":"a"}`, 400, "invalid", "institution"},
		{asAdmin, `{"institution":"nowhere","platform":"telegram","handle":"a"}`, 400, "invalid", "institution"},
		{asAdmin, `{"institution":"auca","platform":"telegram","handle":"a b"}`, 400, "invalid", "handle"},
		{asAdmin, `{"institution":"auca","platform":"telegram","handle":"a","url":"javascript:alert(1)"}`, 400, "invalid", "url"},
		{asEditor, `{"platform":"telegram","handle":"a"}`, 400, "invalid", "institution"},
	}
	before := state(t)
	for _, tt := range tests {
		res, body := f.do(t, call{Method: "POST", Path: "/api/v1/accounts", Body: tt.body, As: tt.as})
		var e apiError
		json.Unmarshal([]byte(body), &e)
		if res.StatusCode != tt.status || e.Error.Code != tt.code || e.Error.Field != tt.field || e.Error.RequestID == "" {
			t.Errorf("%s %s: %d %s, want %d %s field %q", tt.as, tt.body, res.StatusCode, body, tt.status, tt.code, tt.field)
		}
	}
	if state(t) != before {
		t.Error("an invalid request changed the accounts")
	}
}
