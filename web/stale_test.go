package web

import (
	"fmt"
	"strings"
	"testing"
)

// A coder's labels show at once in the explorer's counts to the coder who
// saved them, while visitors may still be served the counts of before
// until the recomputation ends; the coding queue is never stale.
func TestOwnChangeShowsAtOnce(t *testing.T) {
	f, ids := explorerFixture(t)
	const url = "/posts?category=contextual&lang=en"
	count := func(who string) string {
		t.Helper()
		res, body := f.do(t, call{Method: "GET", Path: url, As: who, Cookie: who != anonymous})
		if res.StatusCode != 200 {
			t.Fatalf("%s: GET %s: %d", who, url, res.StatusCode)
		}
		// The count element exactly: "0 posts" would also match "10 posts".
		for _, c := range []string{"0 posts", "1 post"} {
			if strings.Contains(body, `<p class="count">`+c+` found</p>`) {
				return c
			}
		}
		t.Fatalf("%s: no post count in %s", who, url)
		return ""
	}
	for _, who := range []string{anonymous, asCoder, asViewer} {
		if c := count(who); c != "0 posts" {
			t.Fatalf("%s before: %s, want 0 posts", who, c)
		}
	}
	res, out := f.do(t, call{Method: "POST", Path: fmt.Sprintf("/api/v1/posts/%d/labels", ids["other"]), As: asCoder, Cookie: true,
		Body: `{"lang":"ky","category":"contextual","sdgs":[4],"cta":false,"question":false,"story":false}`})
	if res.StatusCode != 200 {
		t.Fatalf("saving labels: %d %s", res.StatusCode, out)
	}
	if c := count(asCoder); c != "1 post" {
		t.Errorf("the coder right after their change: %s, want 1 post", c)
	}
	if c := count(anonymous); c != "0 posts" {
		t.Errorf("a visitor during the recomputation: %s, want the stale 0 posts", c)
	}
	f.DB.Settle()
	for _, who := range []string{anonymous, asViewer} {
		if c := count(who); c != "1 post" {
			t.Errorf("%s after the recomputation: %s, want 1 post", who, c)
		}
	}
}
