package meta

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
	"kopuro/platform/internal/fakeapi"
)

const (
	testToken  = "EAAGtestTOKENsecret42"
	testIGUser = "17841499999999999"
)

var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// fakeGraph answers like the Graph API from testdata.
func fakeGraph(t *testing.T) *fakeapi.Server {
	return fakeapi.New(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("access_token") != testToken {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}`))
			return
		}
		switch r.URL.Path {
		case "/v21.0/" + testIGUser:
			switch f := q.Get("fields"); {
			case !strings.HasPrefix(f, "business_discovery.username(alatoo.test){"):
				w.WriteHeader(http.StatusBadRequest)
				w.Write([]byte(`{"error":{"message":"Invalid user id","type":"OAuthException","code":110}}`))
			case strings.Contains(f, "media.after(QVFIUafter1)"):
				fakeapi.File(t, w, "ig-page-2.json")
			default:
				fakeapi.File(t, w, "ig-page-1.json")
			}
		case "/v21.0/alatoo.edu":
			fakeapi.File(t, w, "fb-page.json")
		case "/v21.0/100000000000001_200000000000001/comments":
			if q.Get("filter") != "stream" {
				t.Errorf("comments without filter=stream miss the replies: %s", r.URL)
			}
			if q.Get("after") == "Y29tbWVudDI" {
				fakeapi.File(t, w, "fb-comments-2.json")
				return
			}
			fakeapi.File(t, w, "fb-comments-1.json")
		case "/v21.0/100000000000001_200000000000003/comments":
			w.Write([]byte(`{"data":[]}`))
		case "/v21.0/alatoo.edu/posts":
			if q.Get("after") == "Q2M0Y2after" {
				fakeapi.File(t, w, "fb-posts-2.json")
				return
			}
			fakeapi.File(t, w, "fb-posts-1.json")
		default:
			t.Errorf("unexpected request %s", r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
		}
	})
}

func config(srv *fakeapi.Server, clock *fakeapi.Clock) Config {
	return Config{Token: testToken, IGUserID: testIGUser, Endpoint: srv.URL + "/v21.0", Limiter: &httpx.Limiter{},
		Clock: httpx.Clock{Now: clock.Now, Sleep: clock.Sleep, Rand: clock.Rand}}
}

func collectors(t *testing.T, cfg Config) map[kopuro.Platform]platform.Collector {
	ig, err := NewInstagram(cfg)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := NewFacebook(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return map[kopuro.Platform]platform.Collector{kopuro.Instagram: ig, kopuro.Facebook: fb}
}

var handles = map[kopuro.Platform]string{kopuro.Instagram: "@Alatoo.Test", kopuro.Facebook: "alatoo.edu"}

func TestCollect(t *testing.T) {
	for p, c := range collectors(t, config(fakeGraph(t), fakeapi.NewClock(start))) {
		t.Run(string(p), func(t *testing.T) {
			res, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: handles[p], Institution: "alatoo"}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			fakeapi.Golden(t, string(p)+".golden.json", fakeapi.View(res))
			wantProblems := map[kopuro.Platform]int{kopuro.Instagram: 1, kopuro.Facebook: 2}[p]
			if len(res.Posts) != 3 || len(res.Problems) != wantProblems {
				t.Errorf("want 3 posts over 2 pages and %d unreadable items, got %d, %v", wantProblems, len(res.Posts), res.Problems)
			}
			for _, post := range res.Posts {
				if err := post.Validate(); err != nil {
					t.Errorf("%s: %v", post.ExternalID, err)
				}
			}
			for _, pr := range res.Problems {
				if !strings.Contains(pr.Error(), "page 2") {
					t.Errorf("problem should name its page: %v", pr)
				}
			}
		})
	}
}

func TestHiddenAndZeroCounts(t *testing.T) {
	cs := collectors(t, config(fakeGraph(t), fakeapi.NewClock(start)))
	ig, err := cs[kopuro.Instagram].Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo.test"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	likes := map[string]kopuro.Count{}
	for _, p := range ig.Posts {
		likes[p.ExternalID] = p.Likes
	}
	if likes["17900000000000012"].Valid || likes["17900000000000013"] != kopuro.Known(0) {
		t.Errorf("hidden likes must be Unknown and zero likes zero: %v", likes)
	}
	fb, err := cs[kopuro.Facebook].Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo.edu"}, time.Time{})
	if err != nil || len(fb.Posts) < 2 {
		t.Fatalf("facebook: %d posts, %v; the fixture has a second post without a shares field", len(fb.Posts), err)
	}
	if fb.Posts[1].Shares != kopuro.Known(0) {
		t.Errorf("a post without shares field but with summaries has 0 shares: %v", fb.Posts[1].Shares)
	}
}

func TestSince(t *testing.T) {
	srv := fakeGraph(t)
	cs := collectors(t, config(srv, fakeapi.NewClock(start)))
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for p, c := range cs {
		res, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: handles[p]}, since)
		if err != nil || len(res.Posts) != 2 {
			t.Errorf("%s since March: %d posts (want 2), %v", p, len(res.Posts), err)
		}
	}
	if n := srv.Count("/v21.0/" + testIGUser); n != 2 {
		t.Errorf("instagram pages = %d: the first page has no older post yet", n)
	}
	for _, r := range srv.Requests() {
		if strings.HasSuffix(strings.Split(r.URL, "?")[0], "/posts") && !strings.Contains(r.URL, "since=1772323200") {
			t.Errorf("page posts asked without since: %s", r.URL)
		}
	}
}

func TestFaults(t *testing.T) {
	usage := `{"100000000000001":[{"type":"pages","call_count":100,"total_cputime":30,"total_time":40,"estimated_time_to_regain_access":45}]}`
	tests := []struct {
		name    string
		p       kopuro.Platform
		path    string
		faults  []fakeapi.Fault
		waits   []time.Duration
		retryAt time.Duration // after start; 0: success
		code    string
	}{
		{name: "429 Retry-After then success", p: kopuro.Instagram, path: "/v21.0/" + testIGUser,
			faults: []fakeapi.Fault{{Status: 429, Header: map[string]string{"Retry-After": "20"}, Body: `{}`}},
			waits:  []time.Duration{20 * time.Second}},
		{name: "5xx retried", p: kopuro.Facebook, path: "/v21.0/alatoo.edu/posts",
			faults: []fakeapi.Fault{{Status: 502, Body: `bad gateway`}},
			waits:  []time.Duration{750 * time.Millisecond}},
		{name: "page rate limit stops until the usage header says", p: kopuro.Facebook, path: "/v21.0/alatoo.edu/posts",
			faults:  []fakeapi.Fault{{Status: 400, Header: map[string]string{"X-Business-Use-Case-Usage": usage}, Body: `{"error":{"message":"(#32) Page request limit reached","type":"OAuthException","code":32}}`}},
			retryAt: 45 * time.Minute},
		{name: "app rate limit without header stops for an hour", p: kopuro.Instagram, path: "/v21.0/" + testIGUser,
			faults:  []fakeapi.Fault{{Status: 403, Body: `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4}}`}},
			retryAt: time.Hour},
		{name: "expired token", p: kopuro.Facebook, path: "/v21.0/alatoo.edu",
			faults: []fakeapi.Fault{{Status: 400, Body: `{"error":{"message":"Error validating access token: token ` + testToken + ` has expired","type":"OAuthException","code":190,"error_subcode":463}}`}},
			code:   kopuro.EUnauthorized},
		{name: "malformed page", p: kopuro.Instagram, path: "/v21.0/" + testIGUser,
			faults: []fakeapi.Fault{{Status: 200, Body: `{"business_discovery":{"followers_count":"lots"}}`}},
			code:   kopuro.EInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeGraph(t)
			srv.FailNext(tt.path, tt.faults...)
			clock := fakeapi.NewClock(start)
			c := collectors(t, config(srv, clock))[tt.p]
			res, run, err := platform.Execute(context.Background(), c, kopuro.AccountRef{Handle: handles[tt.p]}, time.Time{}, clock.Now)
			switch {
			case tt.retryAt != 0:
				at, ok := httpx.QuotaRetryAt(err)
				if !ok || !at.Equal(start.Add(tt.retryAt)) || run.Status != kopuro.RunQuota {
					t.Fatalf("err = %v, retry at %v, status %s; want quota until +%v", err, at, run.Status, tt.retryAt)
				}
			case tt.code != "":
				if kopuro.ErrorCode(err) != tt.code {
					t.Fatalf("err = %v, want code %s", err, tt.code)
				}
			default:
				if err != nil || len(res.Posts) != 3 {
					t.Fatalf("err = %v, %d posts", err, len(res.Posts))
				}
			}
			if err != nil && strings.Contains(err.Error(), testToken) || strings.Contains(run.Error, testToken) {
				t.Errorf("token leaks: %v", err)
			}
			if !slices.Equal(clock.Waits, tt.waits) {
				t.Errorf("waits = %v, want %v", clock.Waits, tt.waits)
			}
		})
	}
}

func TestMalformedNamesField(t *testing.T) {
	srv := fakeGraph(t)
	srv.FailNext("/v21.0/"+testIGUser, fakeapi.Fault{Status: 200, Body: `{"business_discovery":{"followers_count":"lots"}}`})
	c := collectors(t, config(srv, fakeapi.NewClock(start)))[kopuro.Instagram]
	_, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo.test"}, time.Time{})
	ke := kopuro.AsError(err)
	if ke == nil || ke.Field != "business_discovery.followers_count" || !strings.Contains(err.Error(), "alatoo.test page 1") {
		t.Fatalf("err = %v", err)
	}
}

func TestBadTargetsAskNothing(t *testing.T) {
	srv := fakeGraph(t)
	for p, c := range collectors(t, config(srv, fakeapi.NewClock(start))) {
		for _, h := range []string{"", "x){id}", "a,b", "name with space", strings.Repeat("a", 31)} {
			if p == kopuro.Facebook && len(h) == 31 {
				continue // page names may be long
			}
			_, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: h}, time.Time{})
			if kopuro.ErrorCode(err) != kopuro.EInvalid {
				t.Errorf("%s %q: err = %v", p, h, err)
			}
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for invalid names", n)
	}
}

func TestNoToken(t *testing.T) {
	if _, err := NewInstagram(Config{}); kopuro.ErrorCode(err) != kopuro.EUnauthorized {
		t.Error(err)
	}
	if _, err := NewInstagram(Config{Token: "x"}); kopuro.ErrorCode(err) != kopuro.EUnauthorized {
		t.Error("instagram needs the business account id:", err)
	}
	if _, err := NewFacebook(Config{}); kopuro.ErrorCode(err) != kopuro.EUnauthorized {
		t.Error(err)
	}
}

func TestFacebookComments(t *testing.T) {
	srv := fakeGraph(t)
	c := collectors(t, config(srv, fakeapi.NewClock(start)))[kopuro.Facebook]
	res, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo.edu"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Comments) != 3 {
		t.Fatalf("comments = %+v, want 3 over two pages (one unreadable)", res.Comments)
	}
	own := res.Comments[1]
	if !own.FromInstitution || own.ParentID != res.Comments[0].ExternalID || res.Comments[0].FromInstitution || res.Comments[2].FromInstitution {
		t.Errorf("only the page's reply is the institution's own: %+v", res.Comments)
	}
	if res.Comments[2].Author != "" {
		t.Errorf("a hidden author stays empty: %+v", res.Comments[2])
	}
	for _, cm := range res.Comments {
		if err := cm.Validate(); err != nil {
			t.Error(err)
		}
	}
	// Post 2 has no comments: it is not asked for.
	if n := srv.Count("/v21.0/100000000000001_200000000000002/comments"); n != 0 {
		t.Errorf("asked %d times for the comments of a post without any", n)
	}
	c = collectors(t, Config{Token: testToken, IGUserID: testIGUser, Endpoint: srv.URL + "/v21.0", Limiter: &httpx.Limiter{}, CommentPosts: -1})[kopuro.Facebook]
	res, _ = c.Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo.edu"}, time.Time{})
	if len(res.Comments) != 0 {
		t.Error("comments fetched although CommentPosts < 0")
	}
}
