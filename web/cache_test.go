package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/auth"
	"kopuro/i18n"
	"kopuro/store"
)

// A visitor's pages and the leaderboard API come from the cache until the
// data changes; after a write, the page of before is served while it is
// computed again once in the background, then the fresh one.
func TestCachedPagesFollowWrites(t *testing.T) {
	s, db := newTestServer(t)
	ctx := context.Background()
	pages := []struct {
		url, before, after string
	}{
		// before: a mark of the page as it was, which must be there until
		// the fresh page replaces it (an empty or broken page fails).
		{"/?lang=en", `href="/institutions/knu`, i18n.FormatInt("en", 424242)},
		{"/api/v1/leaderboard?platform=tiktok", `"entries":[]`, "424242"},
		{"/posts?q=zanzibar&lang=en", `<p class="count">0 posts found</p>`, `<p class="count">1 post found</p>`},
		{"/institutions/knu?lang=en&period=2025-01..2025-12", `href="/institutions/knu`, "Zanzibar outreach"},
	}
	for _, p := range pages {
		for range 2 { // the second answer is the cached one
			res, body := get(t, s, p.url)
			if res.StatusCode != 200 || strings.Contains(body, p.after) || !strings.Contains(body, p.before) {
				t.Fatalf("before the write, %s: %d, has %q or lacks %q", p.url, res.StatusCode, p.after, p.before)
			}
		}
	}
	d, _ := kopuro.ParseDate("2025-12")
	if err := db.Import(ctx, func(tx *store.ImportTx) error {
		if err := tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.TikTok, Institution: "knu"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(424242), AsOf: d}); err != nil {
			return err
		}
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.TikTok, ExternalID: "z1", Account: kopuro.AccountRef{Platform: kopuro.TikTok, Institution: "knu"},
			Published: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC), Text: "Zanzibar outreach"})
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if res, body := get(t, s, p.url); res.StatusCode != 200 || strings.Contains(body, p.after) || !strings.Contains(body, p.before) {
			t.Errorf("while recomputing, %s: %d, has %q or lacks %q (want the stale page)", p.url, res.StatusCode, p.after, p.before)
		}
	}
	db.Settle()
	for _, p := range pages {
		if res, body := get(t, s, p.url); res.StatusCode != 200 || !strings.Contains(body, p.after) {
			t.Errorf("after the recomputation, %s: %d, lacks %q", p.url, res.StatusCode, p.after)
		}
	}
}

// A signed-in user is never served the page cached for visitors.
func TestCachedPageNotForUsers(t *testing.T) {
	s, db := newTestServer(t)
	ctx := context.Background()
	pages := []string{"/?lang=en", "/posts?lang=en", "/institutions/knu?lang=en"}
	for _, url := range pages {
		for range 2 { // the second answer is the visitors' cached page
			if _, body := get(t, s, url); strings.Contains(body, "pr@knu.kg") {
				t.Fatalf("%s: a visitor sees a user", url)
			}
		}
	}
	u, err := db.AddUser(ctx, kopuro.User{Email: "pr@knu.kg", Role: kopuro.RoleEditor, Institution: "knu"}, "$argon2id$unused")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(ctx, u.ID, auth.HashToken("tok"), time.Hour); err != nil {
		t.Fatal(err)
	}
	for _, url := range pages {
		if _, body := get(t, s, url, "Cookie", sessionCookie+"=tok"); !strings.Contains(body, "pr@knu.kg") {
			t.Errorf("%s: the signed-in user got the visitors' page", url)
		}
	}
}
