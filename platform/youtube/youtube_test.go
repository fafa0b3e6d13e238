package youtube

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
	"kopuro/platform/internal/fakeapi"

	yt "google.golang.org/api/youtube/v3"
)

const (
	testKey     = "AIza-test-key-never-shown"
	testChannel = "UCtestAlaTooUniversity01"
)

var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// fakeYouTube answers like the YouTube Data API v3 from testdata.
func fakeYouTube(t *testing.T) *fakeapi.Server {
	return fakeapi.New(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Goog-Api-Key") != testKey {
			t.Errorf("%s without the API key header", r.URL.Path)
		}
		q := r.URL.Query()
		switch r.URL.Path {
		case "/youtube/v3/channels":
			if q.Get("id") != testChannel && q.Get("forHandle") != "alatoo-test" {
				w.Write([]byte(`{"kind":"youtube#channelListResponse","items":[]}`))
				return
			}
			fakeapi.File(t, w, "channels.json")
		case "/youtube/v3/playlistItems":
			if q.Get("pageToken") == "PAGE2" {
				fakeapi.File(t, w, "playlistItems-2.json")
				return
			}
			fakeapi.File(t, w, "playlistItems-1.json")
		case "/youtube/v3/videos":
			var ids []string
			for _, v := range q["id"] {
				ids = append(ids, strings.Split(v, ",")...)
			}
			w.Write(filterVideos(t, ids))
		case "/youtube/v3/commentThreads":
			switch v := q.Get("videoId"); {
			case v == "vidShort0001" && q.Get("pageToken") == "CT2":
				fakeapi.File(t, w, "commentThreads-vidShort0001-2.json")
			case v == "vidShort0001":
				fakeapi.File(t, w, "commentThreads-vidShort0001-1.json")
			case v == "vidOlder0003":
				w.WriteHeader(http.StatusForbidden)
				w.Write([]byte(`{"error":{"code":403,"message":"The video has disabled comments.","errors":[{"domain":"youtube.commentThread","reason":"commentsDisabled","message":"disabled"}]}}`))
			default:
				w.Write([]byte(`{"kind":"youtube#commentThreadListResponse","items":[]}`))
			}
		case "/youtube/v3/comments":
			if q.Get("parentId") == "thrA" {
				fakeapi.File(t, w, "comments-thrA.json")
				return
			}
			w.Write([]byte(`{"items":[]}`))
		default:
			t.Errorf("unexpected request %s", r.URL)
			w.WriteHeader(http.StatusNotFound)
		}
	})
}

// filterVideos answers videos.list with the fixture's videos whose ids
// were asked for, as the API does.
func filterVideos(t *testing.T, ids []string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", "videos.json"))
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	var keep []any
	for _, it := range all["items"].([]any) {
		if slices.Contains(ids, it.(map[string]any)["id"].(string)) {
			keep = append(keep, it)
		}
	}
	all["items"] = keep
	out, _ := json.Marshal(all)
	return out
}

func newCollector(t *testing.T, srv *fakeapi.Server, clock *fakeapi.Clock) *Collector {
	t.Helper()
	c, err := New(context.Background(), Config{
		APIKey: testKey, Endpoint: srv.URL + "/", Limiter: &httpx.Limiter{},
		Clock: httpx.Clock{Now: clock.Now, Sleep: clock.Sleep, Rand: clock.Rand},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCollectChannel(t *testing.T) {
	srv := fakeYouTube(t)
	clock := fakeapi.NewClock(start)
	res, err := newCollector(t, srv, clock).Collect(context.Background(), kopuro.AccountRef{Handle: testChannel, Institution: "alatoo"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	fakeapi.Golden(t, "collect.golden.json", fakeapi.View(res))

	if len(res.Posts) != 3 || srv.Count("/youtube/v3/playlistItems") != 2 {
		t.Errorf("want 3 videos over 2 playlist pages, got %d posts, %d pages", len(res.Posts), srv.Count("/youtube/v3/playlistItems"))
	}
	byID := map[string]kopuro.Post{}
	for _, p := range res.Posts {
		byID[p.ExternalID] = p
		if err := p.Validate(); err != nil {
			t.Errorf("post %s: %v", p.ExternalID, err)
		}
	}
	if p := byID["vidHidden002"]; p.Likes.Valid || !p.Views.Valid || !p.Comments.Valid {
		t.Errorf("hidden likes must be Unknown, shown counts known: %+v", p)
	}
	if p := byID["vidOlder0003"]; !p.Likes.Valid || p.Likes.N != 0 || p.Comments.Valid {
		t.Errorf("a zero like count is zero, an absent comment count unknown: %+v", p)
	}
	if byID["vidShort0001"].Format != kopuro.FormatReel || byID["vidOlder0003"].Format != kopuro.FormatLive || byID["vidHidden002"].Format != kopuro.FormatVideo {
		t.Errorf("formats: %s %s %s", byID["vidShort0001"].Format, byID["vidOlder0003"].Format, byID["vidHidden002"].Format)
	}
	own := 0
	for _, c := range res.Comments {
		if err := c.Validate(); err != nil {
			t.Errorf("comment %s: %v", c.ExternalID, err)
		}
		if c.FromInstitution {
			own++
			if c.ExternalID != "thrA.r1" {
				t.Errorf("%s marked as the channel's own", c.ExternalID)
			}
		}
	}
	if len(res.Comments) != 5 || own != 1 {
		t.Errorf("want 5 comments (2 threads, 3 replies fetched in full), 1 by the channel; got %d, %d", len(res.Comments), own)
	}
	if n := srv.Count("/youtube/v3/commentThreads"); n != 3 {
		t.Errorf("comment thread requests = %d, want 3 (2 pages + 1 disabled; none for a video with 0 comments)", n)
	}
	for _, s := range res.Snapshots {
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	for _, r := range srv.Requests() {
		if strings.Contains(r.URL, testKey) {
			t.Errorf("API key sent in a URL: %s", r.URL)
		}
	}
}

func TestCollectSince(t *testing.T) {
	srv := fakeYouTube(t)
	c := newCollector(t, srv, fakeapi.NewClock(start))
	c.cfg.CommentVideos = -1
	res, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: "@alatoo-test"}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Posts) != 2 || res.Account.Handle != testChannel {
		t.Errorf("since 2026: %d posts (want 2) for %q", len(res.Posts), res.Account.Handle)
	}
	if len(res.Comments) != 0 || srv.Count("/youtube/v3/commentThreads") != 0 {
		t.Error("comments fetched although CommentVideos < 0")
	}
}

func TestCollectRetriesAndQuota(t *testing.T) {
	quota := `{"error":{"code":403,"message":"The request cannot be completed because you have exceeded your quota.","errors":[{"message":"quota","domain":"youtube.quota","reason":"quotaExceeded"}]}}`
	tests := []struct {
		name    string
		path    string
		faults  []fakeapi.Fault
		waits   []time.Duration
		retryAt time.Time // zero: success expected
	}{
		{name: "429 with Retry-After then success", path: "/youtube/v3/channels",
			faults: []fakeapi.Fault{{Status: 429, Header: map[string]string{"Retry-After": "7"}, Body: `{"error":{"code":429,"message":"slow"}}`}},
			waits:  []time.Duration{7 * time.Second}},
		{name: "5xx retried", path: "/youtube/v3/playlistItems",
			faults: []fakeapi.Fault{{Status: 503, Body: `{}`}, {Status: 500, Body: `{}`}},
			waits:  []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond}},
		{name: "rate limit reason retried", path: "/youtube/v3/videos",
			faults: []fakeapi.Fault{{Status: 403, Body: `{"error":{"code":403,"message":"x","errors":[{"reason":"rateLimitExceeded"}]}}`}},
			waits:  []time.Duration{750 * time.Millisecond}},
		{name: "quota exhausted stops until midnight Pacific", path: "/youtube/v3/videos",
			faults: []fakeapi.Fault{{Status: 403, Body: quota}},
			// 10 March 2026 12:00 UTC is 05:00 PDT; the quota resets at 07:00 UTC on the 11th.
			retryAt: time.Date(2026, 3, 11, 7, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeYouTube(t)
			srv.FailNext(tt.path, tt.faults...)
			clock := fakeapi.NewClock(start)
			c := newCollector(t, srv, clock)
			res, run, err := platform.Execute(context.Background(), c, kopuro.AccountRef{Handle: testChannel}, time.Time{}, clock.Now)
			if tt.retryAt.IsZero() {
				if err != nil || len(res.Posts) != 3 || run.Status != kopuro.RunOK {
					t.Fatalf("err = %v, %d posts, status %s", err, len(res.Posts), run.Status)
				}
			} else {
				if at, ok := httpx.QuotaRetryAt(err); !ok || !at.Equal(tt.retryAt) {
					t.Fatalf("err = %v, retry at %v; want a quota stop until %v", err, at, tt.retryAt)
				}
				if run.Status != kopuro.RunQuota || !run.RetryAt.Equal(tt.retryAt) || run.Snapshots != 2 || run.Errors != 1 {
					t.Errorf("run = %+v", run)
				}
				if strings.Contains(err.Error(), testKey) || strings.Contains(run.Error, testKey) {
					t.Errorf("the key leaks: %v", err)
				}
			}
			if !slices.Equal(clock.Waits, tt.waits) {
				t.Errorf("waits = %v, want %v", clock.Waits, tt.waits)
			}
		})
	}
}

func TestCollectErrors(t *testing.T) {
	tests := []struct {
		name, path, body string
		status           int
		code, want       string
	}{
		{"malformed page names page and field", "/youtube/v3/videos", `{"items":[{"id":"x","statistics":{"viewCount":17}}]}`, 200,
			kopuro.EInvalid, "videos page 1"},
		{"truncated page", "/youtube/v3/playlistItems", `{"items":[{"id":`, 200, kopuro.EInvalid, "uploads playlist"},
		{"bad key", "/youtube/v3/channels", `{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","errors":[{"reason":"keyInvalid"}]}}`, 400,
			kopuro.EInvalid, "API key not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeYouTube(t)
			srv.FailNext(tt.path, fakeapi.Fault{Status: tt.status, Body: tt.body})
			_, err := newCollector(t, srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: testChannel}, time.Time{})
			if kopuro.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v (code %s), want code %s mentioning %q", err, kopuro.ErrorCode(err), tt.code, tt.want)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("the key leaks: %v", err)
			}
		})
	}
}

func TestUnknownChannel(t *testing.T) {
	srv := fakeYouTube(t)
	_, err := newCollector(t, srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: "UCnobodyNobodyNobody0000"}, time.Time{})
	if kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Fatalf("err = %v, want not found", err)
	}
}

func TestNoKey(t *testing.T) {
	if _, err := New(context.Background(), Config{}); kopuro.ErrorCode(err) != kopuro.EUnauthorized {
		t.Fatalf("err = %v", err)
	}
}

func TestSubscriberPrecision(t *testing.T) {
	c := &Collector{now: func() time.Time { return start }}
	tests := []struct {
		st   yt.ChannelStatistics
		want kopuro.Snapshot
	}{
		{yt.ChannelStatistics{SubscriberCount: 950}, kopuro.Snapshot{Value: kopuro.Known(950), Precision: kopuro.Exact}},
		{yt.ChannelStatistics{SubscriberCount: 12300}, kopuro.Snapshot{Value: kopuro.Known(12300), Precision: kopuro.Approx}},
		{yt.ChannelStatistics{HiddenSubscriberCount: true}, kopuro.Snapshot{Value: kopuro.Unknown, Precision: kopuro.None}},
	}
	for _, tt := range tests {
		got := c.snapshots(&yt.Channel{Statistics: &tt.st})[0]
		if got.Metric != kopuro.MetricSubscribers || got.Value != tt.want.Value || got.Precision != tt.want.Precision {
			t.Errorf("%+v: got %+v", tt.st, got)
		}
		if err := got.Validate(); err != nil {
			t.Error(err)
		}
	}
}
