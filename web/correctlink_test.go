package web

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"kopuro"
	"kopuro/store"
)

var correctLink = regexp.MustCompile(`<a class="correct" href="/coding\?post=(\d+)">`)

// TestExplorerLinksPostsToCoding checks the explorer's "correct labels"
// link: shown on exactly the posts the user may label, and leading to a
// coding form that works for them.
func TestExplorerLinksPostsToCoding(t *testing.T) {
	f := newPagesFixture(t)
	ctx := context.Background()
	// The seed's posts are KNU's: the editor's institution gets two.
	if err := f.DB.Import(ctx, func(tx *store.ImportTx) error {
		ref := kopuro.AccountRef{Platform: kopuro.Telegram, Institution: f.Own, Handle: "auca_news"}
		if _, err := tx.PutAccount(ctx, kopuro.Account{Platform: kopuro.Telegram, Handle: ref.Handle, Institution: f.Own}); err != nil {
			return err
		}
		for i := range 2 {
			if err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Telegram, ExternalID: fmt.Sprint("auca-", i), Account: ref,
				Published: f.DB.Now().AddDate(0, 0, -i-1), Text: "Volunteers taught children in a village school."}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	instOf := map[string]string{} // post id → institution code
	for id := int64(1); ; id++ {
		lp, err := f.DB.Post(ctx, id)
		if err != nil {
			break
		}
		instOf[fmt.Sprint(id)] = lp.Account.Institution
	}
	own := 0
	for _, inst := range instOf {
		if inst == f.Own {
			own++
		}
	}
	if own == 0 || own == len(instOf) {
		t.Fatalf("the seed needs posts of %s and of others: %v", f.Own, instOf)
	}
	page := "/posts?lang=en&per_page=100"
	tests := []struct {
		who  string
		want func(inst string) bool
	}{
		{anonymous, func(string) bool { return false }},
		{asViewer, func(string) bool { return false }},
		{asCoder, func(string) bool { return true }},
		{asAdmin, func(string) bool { return true }},
		{asEditor, func(inst string) bool { return inst == f.Own }},
	}
	for _, tt := range tests {
		res, body := f.do(t, call{Method: "GET", Path: page, As: tt.who, Cookie: true})
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", tt.who, res.StatusCode)
		}
		if m := missingKey.FindString(body); m != "" {
			t.Errorf("%s: missing key %s", tt.who, m)
		}
		linked := map[string]bool{}
		for _, m := range correctLink.FindAllStringSubmatch(body, -1) {
			linked[m[1]] = true
		}
		shown := strings.Count(body, `<article class="post">`)
		for id := range linked {
			if _, known := instOf[id]; !known {
				t.Errorf("%s: a link to post %s, which the store does not have", tt.who, id)
			}
		}
		n := 0
		for id, inst := range instOf {
			if linked[id] {
				n++
				if !tt.want(inst) {
					t.Errorf("%s gets a link to post %s of %q", tt.who, id, inst)
				}
			}
		}
		if tt.want("") && n != shown || tt.want(f.Own) && n == 0 || n > shown {
			t.Errorf("%s: %d links for %d posts shown", tt.who, n, shown)
		}
		if tt.who == asEditor && n > own {
			t.Errorf("editor: %d links, but %s has %d posts", n, f.Own, own)
		}
	}
	// The link's target: the editor may open and save their own posts only.
	var ownID, otherID string
	for id, inst := range instOf {
		if inst == f.Own {
			ownID = id
		} else {
			otherID = id
		}
	}
	res, body := f.do(t, call{Method: "GET", Path: "/coding?lang=en&post=" + ownID, As: asEditor, Cookie: true})
	if res.StatusCode != 200 || !strings.Contains(body, `action="/coding/`+ownID+`"`) || !strings.Contains(body, `name="back" value="posts"`) {
		t.Errorf("editor on own post: %d", res.StatusCode)
	}
	for _, c := range []call{
		{Method: "GET", Path: "/coding?post=" + otherID, As: asEditor, Cookie: true},
		{Method: "GET", Path: "/coding", As: asEditor, Cookie: true},
		{Method: "GET", Path: "/coding?post=" + ownID, As: asViewer, Cookie: true},
	} {
		if res, _ := f.do(t, c); res.StatusCode != 403 {
			t.Errorf("%s as %s: %d, want 403", c.Path, c.As, res.StatusCode)
		}
	}
	if res, _ := f.do(t, call{Method: "GET", Path: "/coding?post=" + ownID}); res.StatusCode != 401 {
		t.Errorf("visitor on a named post: %d, want 401", res.StatusCode)
	}
	form := url.Values{"category": {"third_mission"}, "back": {"posts"}, "seed": {"1"}}.Encode()
	res, _ = f.do(t, call{Method: "POST", Path: "/coding/" + ownID, Body: form, ContentType: "application/x-www-form-urlencoded", As: asEditor, Cookie: true})
	if res.StatusCode != 303 || res.Header.Get("Location") != "/posts" {
		t.Errorf("save from the explorer: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, _ = f.do(t, call{Method: "POST", Path: "/coding/" + otherID, Body: form, ContentType: "application/x-www-form-urlencoded", As: asEditor, Cookie: true})
	if res.StatusCode != 403 {
		t.Errorf("editor saving another's post: %d, want 403", res.StatusCode)
	}
}
