package tiktok

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
	"kopuro/platform/internal/fakeapi"
)

const (
	testKey    = "aw-test-client-key"
	testSecret = "tt-test-CLIENT-secret-99"
	testToken  = "clt.test-ACCESS-token-77"
)

var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// fakeTikTok answers like the Research API. Only the newest window
// (ending today) holds videos, over two pages.
func fakeTikTok(t *testing.T) *fakeapi.Server {
	return fakeapi.New(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			t.Errorf("%s %s: the Research API is POST only", r.Method, r.URL.Path)
		}
		if r.URL.Path == "/v2/oauth/token/" {
			if err := r.ParseForm(); err != nil || r.PostForm.Get("client_key") != testKey ||
				r.PostForm.Get("client_secret") != testSecret || r.PostForm.Get("grant_type") != "client_credentials" {
				w.Write([]byte(`{"error":"invalid_client","error_description":"Client key or secret is incorrect.","log_id":"x"}`))
				return
			}
			w.Write([]byte(`{"access_token":"` + testToken + `","expires_in":7200,"token_type":"Bearer"}`))
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"data":{},"error":{"code":"access_token_invalid","message":"The access token is invalid or not found in the request.","log_id":"x"}}`))
			return
		}
		switch r.URL.Path {
		case "/v2/research/user/info/":
			fakeapi.File(t, w, "user-info.json")
		case "/v2/research/video/query/":
			if !strings.Contains(r.URL.Query().Get("fields"), "like_count") {
				t.Errorf("video query without fields: %s", r.URL)
			}
			var q videoQuery
			if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
				t.Errorf("query body: %v", err)
			}
			if c := q.Query.And; len(c) != 1 || c[0].FieldName != "username" || c[0].FieldValues[0] != "alatoo_test" {
				t.Errorf("query = %+v", q.Query)
			}
			switch {
			case q.EndDate != "20260310":
				w.Write([]byte(`{"data":{"videos":[],"cursor":0,"has_more":false,"search_id":"s0"},"error":{"code":"ok","message":""}}`))
			case q.Cursor == 2 && q.SearchID == "7430000000000000099":
				fakeapi.File(t, w, "videos-2.json")
			default:
				fakeapi.File(t, w, "videos-1.json")
			}
		default:
			t.Errorf("unexpected %s", r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
		}
	})
}

func newCollector(t *testing.T, srv *fakeapi.Server, clock *fakeapi.Clock) *Collector {
	c, err := New(Config{ClientKey: testKey, ClientSecret: testSecret, Endpoint: srv.URL, Lookback: 60 * 24 * time.Hour,
		Limiter: &httpx.Limiter{}, Clock: httpx.Clock{Now: clock.Now, Sleep: clock.Sleep, Rand: clock.Rand}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCollect(t *testing.T) {
	srv := fakeTikTok(t)
	res, err := newCollector(t, srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: "@AlaToo_Test", Institution: "alatoo"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	fakeapi.Golden(t, "collect.golden.json", fakeapi.View(res))
	if len(res.Posts) != 3 || len(res.Problems) != 1 {
		t.Errorf("want 3 posts and 1 unreadable video, got %d, %v", len(res.Posts), res.Problems)
	}
	if len(res.Posts) > 0 && res.Posts[0].ExternalID != "7340000000000000001" {
		t.Errorf("video id lost precision: %s", res.Posts[0].ExternalID)
	}
	if len(res.Posts) > 1 && (res.Posts[1].Likes.Valid || res.Posts[1].Shares.Valid) {
		t.Errorf("counts not returned must be Unknown: %+v", res.Posts[1])
	}
	// 60 days back: windows ending 10 March, 8 February, and 9 January.
	if n := srv.Count("/v2/research/video/query/"); n != 4 {
		t.Errorf("video queries = %d, want 4 (two pages, then two older windows)", n)
	}
	if n := srv.Count("/v2/oauth/token/"); n != 1 {
		t.Errorf("token requests = %d, want 1 (cached)", n)
	}
}

func TestSinceLimitsWindows(t *testing.T) {
	srv := fakeTikTok(t)
	res, err := newCollector(t, srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: "alatoo_test"}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Posts) != 2 {
		t.Errorf("since March: %d posts, want 2", len(res.Posts))
	}
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.URL, "/v2/research/video/query/") && !strings.Contains(r.Body, `"start_date":"20260301"`) {
			t.Errorf("window not cut at since: %s", r.Body)
		}
	}
}

func TestFaults(t *testing.T) {
	quota := `{"data":{},"error":{"code":"rate_limit_exceeded","message":"API rate limit exceeded","log_id":"x"}}`
	tests := []struct {
		name    string
		path    string
		faults  []fakeapi.Fault
		waits   []time.Duration
		retryAt time.Time
		code    string
		want    string
	}{
		{name: "429 Retry-After then success", path: "/v2/research/video/query/",
			faults: []fakeapi.Fault{{Status: 429, Header: map[string]string{"Retry-After": "2"}, Body: `{}`}},
			waits:  []time.Duration{2 * time.Second}},
		{name: "5xx retried", path: "/v2/research/user/info/",
			faults: []fakeapi.Fault{{Status: 500, Body: `{}`}, {Status: 504, Body: `{}`}},
			waits:  []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond}},
		{name: "daily quota stops until midnight UTC", path: "/v2/research/video/query/",
			faults:  []fakeapi.Fault{{Status: 429, Body: quota}},
			retryAt: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)},
		{name: "refused client", path: "/v2/oauth/token/",
			faults: []fakeapi.Fault{{Status: 200, Body: `{"error":"invalid_client","error_description":"bad secret ` + testSecret + `"}`}},
			code:   kopuro.EUnauthorized, want: "access token"},
		{name: "error envelope", path: "/v2/research/video/query/",
			faults: []fakeapi.Fault{{Status: 200, Body: `{"data":{},"error":{"code":"invalid_params","message":"Invalid query."}}`}},
			code:   kopuro.EInvalid, want: "invalid_params"},
		{name: "malformed page", path: "/v2/research/video/query/",
			faults: []fakeapi.Fault{{Status: 200, Body: `{"data":{"videos":[{"id":1,"view_count":"many"}]},"error":{"code":"ok"}}`}},
			code:   kopuro.EInvalid, want: "data.videos.view_count"},
		{name: "cursor that does not advance", path: "/v2/research/video/query/",
			faults: []fakeapi.Fault{{Status: 200, Body: `{"data":{"videos":[{"id":1,"create_time":1773052200}],"cursor":0,"has_more":true,"search_id":"s"},"error":{"code":"ok"}}`}},
			code:   kopuro.EInvalid, want: "cursor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeTikTok(t)
			srv.FailNext(tt.path, tt.faults...)
			clock := fakeapi.NewClock(start)
			res, run, err := platform.Execute(context.Background(), newCollector(t, srv, clock), kopuro.AccountRef{Handle: "alatoo_test"}, time.Time{}, clock.Now)
			switch {
			case !tt.retryAt.IsZero():
				if at, ok := httpx.QuotaRetryAt(err); !ok || !at.Equal(tt.retryAt) || run.Status != kopuro.RunQuota {
					t.Fatalf("err = %v, retry at %v; want quota until %v", err, at, tt.retryAt)
				}
				if run.Snapshots != 2 {
					t.Errorf("what came before the quota stop is kept: %+v", run)
				}
			case tt.code != "":
				if kopuro.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want code %s mentioning %q", err, tt.code, tt.want)
				}
			default:
				if err != nil || len(res.Posts) != 3 {
					t.Fatalf("err = %v, %d posts", err, len(res.Posts))
				}
			}
			for _, s := range []string{testSecret, testToken} {
				if strings.Contains(run.Error, s) {
					t.Errorf("secret leaks: %s", run.Error)
				}
			}
			if !slices.Equal(clock.Waits, tt.waits) {
				t.Errorf("waits = %v, want %v", clock.Waits, tt.waits)
			}
		})
	}
}

func TestBadUsernameAsksNothing(t *testing.T) {
	srv := fakeTikTok(t)
	for _, h := range []string{"", "a b", "x\"}", strings.Repeat("a", 25)} {
		if _, err := newCollector(t, srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: h}, time.Time{}); kopuro.ErrorCode(err) != kopuro.EInvalid {
			t.Errorf("%q: %v", h, err)
		}
	}
	if len(srv.Requests()) != 0 {
		t.Error("requests sent for invalid names")
	}
}

func TestNoCredentials(t *testing.T) {
	if _, err := New(Config{ClientKey: "k"}); kopuro.ErrorCode(err) != kopuro.EUnauthorized {
		t.Error(err)
	}
}

func FuzzVideoID(f *testing.F) {
	for _, s := range []string{`7340000000000000001`, `"7340000000000000001"`, `null`, `-1`, `1e5`, `"x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v id
		if err := v.UnmarshalJSON([]byte(s)); err == nil {
			for _, r := range string(v) {
				if r < '0' || r > '9' {
					t.Fatalf("%q accepted as id %q", s, v)
				}
			}
		}
	})
}

// TestTokenRefreshUnderLoad: collections side by side refresh the access
// token (here it lives 0 s, so every query fetches one) while others
// scrub their errors of it. Run with -race (scripts/test does): the token
// list was appended to under the collector's lock but read without it.
// Only the newest token and the one before it are kept, however many
// refreshes there are, and a token a server echoes is never shown.
func TestTokenRefreshUnderLoad(t *testing.T) {
	var issued atomic.Int64
	srv := fakeapi.New(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v2/oauth/token/" {
			fmt.Fprintf(w, `{"access_token":"clt.rotating-token-%04d","expires_in":0,"token_type":"Bearer"}`, issued.Add(1))
			return
		}
		// A careless server that repeats the credentials it was sent.
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"data":{},"error":{"code":"invalid_params","message":"refused %s and %s"}}`,
			strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), testSecret)
	})
	c := newCollector(t, srv, fakeapi.NewClock(start))
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 8 {
		wg.Go(func() {
			for range 8 {
				_, err := c.user(context.Background(), "alatoo_test")
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err == nil {
			t.Fatal("a refused query succeeded")
		}
		// (A token refreshed away twice while its query was in flight may
		// show; with real lifetimes of hours that does not happen.)
		if msg := err.Error(); strings.Contains(msg, testSecret) {
			t.Errorf("error shows the client secret: %s", msg)
		}
	}
	if n := issued.Load(); n < 64 {
		t.Fatalf("%d tokens issued, want one per query", n)
	}
	if got := len(c.api.Secrets); got != 1 {
		t.Errorf("%d fixed secrets after %d refreshes, want the client secret alone", got, issued.Load())
	}
	// One query at a time: the token it was refused with is scrubbed.
	_, err := c.user(context.Background(), "alatoo_test")
	if msg := err.Error(); strings.Contains(msg, "clt.rotating-token-") || !strings.Contains(msg, httpx.Redacted) {
		t.Errorf("error %q, want the echoed token and secret redacted", msg)
	}
}
