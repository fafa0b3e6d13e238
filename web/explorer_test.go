package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/i18n"
	"kopuro/store"
)

// The hostile texts every page that shows posts must render as text.
const (
	xssScript = `<script>alert(1)</script> Студенттер көлдү тазалашты`
	xssImg    = `<img src=x onerror=alert(1)> open day`
)

// explorerFixture adds to the auth fixture one Telegram account for each of
// Own and Other, posts (two hostile ones), an unlinked account's post and
// the machine's codings with evidence; it returns the post ids by name.
func explorerFixture(t *testing.T) (*authFixture, map[string]int64) {
	t.Helper()
	f := newAuthFixture(t)
	ctx := context.Background()
	posts := []struct {
		name, inst, text string
		day              int
	}{
		{"xss", f.Own, xssScript, 1},
		{"img", f.Own, xssImg, 2},
		{"other", f.Other, "Илимий конференция #SDG4", 3},
		{"unlinked", "", "Волонтёры убрали парк", 4},
	}
	err := f.DB.Import(ctx, func(tx *store.ImportTx) error {
		for _, inst := range []string{f.Own, f.Other} {
			if _, err := tx.PutAccount(ctx, kopuro.Account{Institution: inst, Platform: kopuro.Telegram, Handle: inst + "_news"}); err != nil {
				return err
			}
		}
		for _, p := range posts {
			handle := p.inst + "_news"
			if p.inst == "" {
				handle = "somebody"
			}
			err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Telegram, ExternalID: p.name, Account: kopuro.AccountRef{Platform: kopuro.Telegram, Handle: handle},
				Published: time.Date(2025, 5, p.day, 10, 0, 0, 0, time.UTC), Text: p.text, Hashtags: kopuro.Hashtags(p.text), Likes: kopuro.Known(5)})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	if err := f.DB.EachPost(ctx, store.PostFilter{}, func(lp store.LabeledPost) error {
		ids[lp.Post.ExternalID] = lp.Post.ID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tm := kopuro.Labels{Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement, SDGs: []int{6}}
	cs := []kopuro.Coding{
		// "көлдү" is runes 37..42 of xssScript.
		{PostID: ids["xss"], Codebook: "t", Labels: tm, Evidence: []kopuro.Evidence{{Label: "third_mission", Term: "көл", Start: 37, End: 42}}},
		{PostID: ids["img"], Codebook: "t", Labels: kopuro.Labels{Lang: kopuro.EN, Category: kopuro.Teaching, SDGs: []int{}, CTA: true},
			Evidence: []kopuro.Evidence{{Label: "teaching", Term: "open day", Start: 29, End: 37}}},
		{PostID: ids["other"], Codebook: "t", Labels: kopuro.Labels{Lang: kopuro.KY, Category: kopuro.Research, SDGs: []int{4}}},
	}
	if err := f.DB.SaveCodings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	return f, ids
}

func TestPostsPageEscapesAndHighlights(t *testing.T) {
	f, _ := explorerFixture(t)
	for _, lang := range i18n.Langs {
		res, body := get(t, f.S, "/posts?lang="+lang)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", lang, res.StatusCode, body)
		}
		if m := missingKey.FindString(body); m != "" {
			t.Errorf("%s: missing catalogue key %s", lang, m)
		}
		for _, raw := range []string{"<script>alert(1)", "<img src=x"} {
			if strings.Contains(body, raw) {
				t.Errorf("%s: post text rendered as markup: %q", lang, raw)
			}
		}
		for _, esc := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"} {
			if !strings.Contains(body, esc) {
				t.Errorf("%s: hostile text not shown as text: %q", lang, esc)
			}
		}
		if !strings.Contains(body, `<mark class="ev" title="third_mission">көлдү</mark>`) || !strings.Contains(body, `<mark class="ev" title="teaching">open day</mark>`) {
			t.Errorf("%s: evidence not highlighted", lang)
		}
	}
}

func TestPostsPageFilters(t *testing.T) {
	f, _ := explorerFixture(t)
	tests := []struct {
		query string
		want  []string // texts that must show
		not   []string // texts that must not
	}{
		{"q=көлдү", []string{"тазалашты"}, []string{"open day", "конференция", "парк"}},
		{"q=КОНФЕРЕНЦИЯ", []string{"конференция"}, []string{"тазалашты"}},
		{"unlinked=1", []string{"парк"}, []string{"конференция", "open day"}},
		{"institution=" + f.Own, []string{"open day", "тазалашты"}, []string{"конференция", "парк"}},
		{"category=research", []string{"конференция"}, []string{"open day"}},
		{"cta=1", []string{"open day"}, []string{"конференция"}},
		{"sdg=6", []string{"тазалашты"}, []string{"конференция"}},
		{"post_lang=en", []string{"open day"}, []string{"тазалашты"}},
		{"from=2025-05-03&to=2025-05-03", []string{"конференция"}, []string{"парк", "open day"}},
		{"sort=er", []string{"конференция", "парк"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, body := get(t, f.S, "/posts?lang=en&"+tt.query)
			if res.StatusCode != 200 {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("%q not shown", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("%q shown", n)
				}
			}
		})
	}
	for _, bad := range []string{"category=nope", "sort=likes", "sdg=18", "from=yesterday", "page=0", "platform=myspace"} {
		if res, body := get(t, f.S, "/posts?lang=en&"+bad); res.StatusCode != 400 {
			t.Errorf("%s: status %d, want 400: %.200s", bad, res.StatusCode, body)
		}
	}
}

func TestPostsPagePaging(t *testing.T) {
	f, _ := explorerFixture(t)
	ctx := context.Background()
	err := f.DB.Import(ctx, func(tx *store.ImportTx) error {
		for i := range 25 {
			if err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Telegram, ExternalID: fmt.Sprint("bulk", i), Account: kopuro.AccountRef{Platform: kopuro.Telegram, Handle: f.Other + "_news"},
				Published: time.Date(2025, 6, 1, 0, i, 0, 0, time.UTC), Text: fmt.Sprintf("bulk post number%02d", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, first := get(t, f.S, "/posts?lang=en&q=bulk")
	if !strings.Contains(first, "25 posts found") || !strings.Contains(first, "number24") || strings.Contains(first, "number04") || !strings.Contains(first, `rel="next"`) {
		t.Errorf("first page wrong")
	}
	_, second := get(t, f.S, "/posts?lang=en&q=bulk&page=2")
	if !strings.Contains(second, "number04") || strings.Contains(second, "number05") || strings.Contains(second, `rel="next"`) || !strings.Contains(second, `rel="prev"`) {
		t.Errorf("second page wrong")
	}
}

// codings digests every human coding of the posts, what a labels write
// may change.
func codingsState(f *authFixture, ids map[string]int64) func(testing.TB) string {
	return func(t testing.TB) string {
		var b strings.Builder
		for _, name := range []string{"xss", "img", "other", "unlinked"} {
			cs, err := f.DB.Codings(context.Background(), ids[name])
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				fmt.Fprintf(&b, "%s/%s/%v;", name, c.Coder, c.Labels)
			}
		}
		return b.String()
	}
}

// postOf is the fixture post of an institution a write targets.
func postOf(f *authFixture, ids map[string]int64, inst string) int64 {
	if inst == f.Own {
		return ids["xss"]
	}
	return ids["other"]
}

func TestSaveLabelsAPIWho(t *testing.T) {
	f, ids := explorerFixture(t)
	f.checkWrite(t, writeEndpoint{Method: "POST",
		Path: func(inst string, n int) string { return fmt.Sprintf("/api/v1/posts/%d/labels", postOf(f, ids, inst)) },
		Body: func(inst string, n int) string {
			return fmt.Sprintf(`{"lang":"ky","category":"third_mission","tm_area":"civic_volunteering","sdgs":[%d],"cta":false,"question":true,"story":true}`, n%17+1)
		},
		State: codingsState(f, ids)},
		map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {200, 200}, asEditor: {200, 403}, asCoder: {200, 200}, asViewer: {403, 403}})
}

func TestSaveLabelsFormWho(t *testing.T) {
	f, ids := explorerFixture(t)
	f.checkWrite(t, writeEndpoint{Method: "POST", ContentType: "application/x-www-form-urlencoded",
		Path: func(inst string, n int) string { return fmt.Sprintf("/coding/%d", postOf(f, ids, inst)) },
		Body: func(inst string, n int) string {
			return url.Values{"category": {"teaching"}, "post_lang": {"ru"}, "sdg": {fmt.Sprint(n%17 + 1)}, "seed": {"3"}}.Encode()
		},
		State: codingsState(f, ids)},
		map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {303, 303}, asEditor: {303, 403}, asCoder: {303, 303}, asViewer: {403, 403}})
}

func TestSaveLabelsRefusesBadLabels(t *testing.T) {
	f, ids := explorerFixture(t)
	path := fmt.Sprintf("/api/v1/posts/%d/labels", ids["other"])
	before := codingsState(f, ids)(t)
	for _, body := range []string{
		`{"category":"teaching","tm_area":"civic_volunteering"}`, // area without third mission
		`{"category":"teaching","sdgs":[1,2,3,4]}`,
		`{"category":"gossip"}`,
		`{"category":"teaching","extra":1}`,
	} {
		if res, out := f.do(t, call{Method: "POST", Path: path, Body: body, As: asCoder}); res.StatusCode != 400 {
			t.Errorf("%s: status %d: %s", body, res.StatusCode, out)
		}
	}
	if res, _ := f.do(t, call{Method: "POST", Path: "/api/v1/posts/999999/labels", Body: `{"category":"teaching"}`, As: asCoder}); res.StatusCode != 404 {
		t.Errorf("unknown post: %d", res.StatusCode)
	}
	if codingsState(f, ids)(t) != before {
		t.Error("a refused write changed the codings")
	}
}

func TestCodingPageSameSampleAndAgreement(t *testing.T) {
	f, ids := explorerFixture(t)
	// Two coders with the same seed are shown the same post first.
	first := map[string]string{}
	for _, who := range []string{asCoder, asAdmin} {
		res, body := f.do(t, call{Method: "GET", Path: "/coding?seed=5&lang=ky", As: who, Cookie: true})
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", who, res.StatusCode, body)
		}
		if m := missingKey.FindString(body); m != "" {
			t.Errorf("missing catalogue key %s", m)
		}
		i := strings.Index(body, `action="/coding/`)
		if i < 0 {
			t.Fatalf("%s: no coding form", who)
		}
		first[who] = body[i : i+strings.Index(body[i:], `"`+">")]
		if strings.Contains(body, "<script>alert(1)") || strings.Contains(body, "<img src=x") {
			t.Errorf("hostile text rendered as markup on the coding page")
		}
	}
	if first[asCoder] != first[asAdmin] {
		t.Errorf("two coders got different first posts: %s, %s", first[asCoder], first[asAdmin])
	}
	for _, who := range []string{anonymous, asEditor} {
		if res, _ := f.do(t, call{Method: "GET", Path: "/coding", As: who, Cookie: true}); res.StatusCode != map[string]int{anonymous: 401, asEditor: 403}[who] {
			t.Errorf("%s on /coding: %d", who, res.StatusCode)
		}
	}
	// Both code two posts: same category on xss, different on img.
	label := func(who string, post int64, body string) {
		if res, out := f.do(t, call{Method: "POST", Path: fmt.Sprintf("/api/v1/posts/%d/labels", post), Body: body, As: who}); res.StatusCode != 200 {
			t.Fatalf("%s labels %d: %d %s", who, post, res.StatusCode, out)
		}
	}
	label(asCoder, ids["xss"], `{"lang":"ky","category":"third_mission","tm_area":"community_engagement","sdgs":[6]}`)
	label(asAdmin, ids["xss"], `{"lang":"ky","category":"third_mission","tm_area":"civic_volunteering","sdgs":[6]}`)
	label(asCoder, ids["img"], `{"lang":"en","category":"teaching","cta":true}`)
	label(asAdmin, ids["img"], `{"lang":"en","category":"institutional","cta":true}`)
	res, body := f.do(t, call{Method: "GET", Path: "/api/v1/agreement", As: asViewer})
	if res.StatusCode != 200 {
		t.Fatalf("agreement: %d %s", res.StatusCode, body)
	}
	// admin–coder category: (tm, tm), (institutional, teaching): 50 %;
	// pe = 1/2·1/2 (tm) = 1/4; κ = (1/2 − 1/4)/(3/4) = 1/3.
	admin, coder := f.Users[asAdmin].Email, f.Users[asCoder].Email
	wantPair := fmt.Sprintf(`{"a":%q,"b":%q,"posts":2,"fields":[{"field":"category","n":2,"agreement":0.5,"kappa":0.3333333333333333}`, admin, coder)
	if !strings.Contains(body, wantPair) {
		t.Errorf("agreement body lacks %s:\n%s", wantPair, body)
	}
	// The machine against each coder: the cta field agrees on both posts
	// with both values present: κ = 1.
	if !strings.Contains(body, fmt.Sprintf(`{"a":"","b":%q,"posts":2`, coder)) || !strings.Contains(body, `{"field":"cta","n":2,"agreement":1,"kappa":1}`) {
		t.Errorf("no machine–coder pair: %s", body)
	}
	// Human labels win in the explorer.
	if _, page := get(t, f.S, "/posts?lang=en&category=institutional"); !strings.Contains(page, "open day") {
		t.Errorf("the newest human coding does not count in the explorer")
	}
	for _, lang := range i18n.Langs {
		res, page := f.do(t, call{Method: "GET", Path: "/agreement?lang=" + lang, As: asCoder, Cookie: true})
		if res.StatusCode != 200 || missingKey.MatchString(page) || !strings.Contains(page, coder) {
			t.Errorf("%s agreement page: %d, missing key %q", lang, res.StatusCode, missingKey.FindString(page))
		}
	}
	for who, status := range map[string]int{anonymous: 401, asEditor: 403} {
		if res, _ := f.do(t, call{Method: "GET", Path: "/api/v1/agreement", As: who}); res.StatusCode != status {
			t.Errorf("%s on agreement: %d, want %d", who, res.StatusCode, status)
		}
	}
}

func TestPostsCSVExport(t *testing.T) {
	f, ids := explorerFixture(t)
	if res, out := f.do(t, call{Method: "POST", Path: fmt.Sprintf("/api/v1/posts/%d/labels", ids["img"]), Body: `{"category":"institutional"}`, As: asCoder}); res.StatusCode != 200 {
		t.Fatalf("labels: %d %s", res.StatusCode, out)
	}
	res, body := get(t, f.S, "/api/v1/posts.csv?institution="+f.Own)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "id,platform,external_id,institution") {
		t.Fatalf("csv: %q", lines)
	}
	coder := f.Users[asCoder].Email
	if !strings.Contains(body, ",institutional,,,false,false,false,"+coder+",") {
		t.Errorf("the coder's labels are not exported: %s", body)
	}
	if !strings.Contains(body, ",third_mission,community_engagement,6,false,false,false,,t") {
		t.Errorf("the machine's labels are not exported: %s", body)
	}
	// Untrusted cells of every column reach a spreadsheet as text, never as
	// a formula: the external id and URL as much as the text.
	err := f.DB.Import(context.Background(), func(tx *store.ImportTx) error {
		return tx.PutPost(context.Background(), kopuro.Post{Platform: kopuro.Telegram, ExternalID: "=1+1", URL: "=HYPERLINK(\"x\")",
			Account: kopuro.AccountRef{Platform: kopuro.Telegram, Handle: f.Own + "_news"}, Published: time.Date(2025, 5, 9, 10, 0, 0, 0, time.UTC), Text: "@cmd", Likes: kopuro.Known(1)})
	})
	if err != nil {
		t.Fatal(err)
	}
	_, body = get(t, f.S, "/api/v1/posts.csv?institution="+f.Own)
	for _, want := range []string{",'=1+1,", `'=HYPERLINK(""x"")`, ",'@cmd,"} {
		if !strings.Contains(body, want) {
			t.Errorf("csv lacks the defused cell %s:\n%s", want, body)
		}
	}
}
