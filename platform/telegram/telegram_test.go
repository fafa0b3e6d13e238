package telegram

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

var start = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// fakeTelegram serves the preview pages of one channel, alatoo_news.
func fakeTelegram(t *testing.T) *fakeapi.Server {
	return fakeapi.New(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/s/someone":
			fakeapi.File(t, w, "landing.html")
		case r.URL.Path != "/s/alatoo_news":
			w.WriteHeader(http.StatusNotFound)
		case r.URL.Query().Get("before") == "":
			fakeapi.File(t, w, "page-latest.html")
		case r.URL.Query().Get("before") == "101":
			fakeapi.File(t, w, "page-before-101.html")
		default:
			fakeapi.File(t, w, "page-empty.html")
		}
	})
}

func newCollector(srv *fakeapi.Server, clock *fakeapi.Clock) *Collector {
	return New(Config{Endpoint: srv.URL, Limiter: &httpx.Limiter{},
		Clock: httpx.Clock{Now: clock.Now, Sleep: clock.Sleep, Rand: clock.Rand}})
}

func TestCollect(t *testing.T) {
	srv := fakeTelegram(t)
	res, err := newCollector(srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: "https://t.me/Alatoo_News", Institution: "alatoo"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	fakeapi.Golden(t, "collect.golden.json", fakeapi.View(res))
	if len(res.Posts) != 5 || len(res.Problems) != 1 {
		t.Errorf("want 5 posts and 1 unreadable message, got %d, %v", len(res.Posts), res.Problems)
	}
	for _, p := range res.Posts {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ExternalID, err)
		}
	}
	var befores []string
	for _, r := range srv.Requests() {
		befores = append(befores, r.URL)
	}
	want := []string{"/s/alatoo_news", "/s/alatoo_news?before=101", "/s/alatoo_news?before=98"}
	if !slices.Equal(befores, want) {
		t.Errorf("pages asked = %v, want %v (back to the end)", befores, want)
	}
	if s := res.Snapshots; len(s) != 1 || s[0].Value != kopuro.Known(12300) || s[0].Precision != kopuro.Approx {
		t.Errorf("snapshot = %+v", s)
	}
}

func TestCollectSinceStopsPaging(t *testing.T) {
	srv := fakeTelegram(t)
	res, err := newCollector(srv, fakeapi.NewClock(start)).Collect(context.Background(), kopuro.AccountRef{Handle: "@alatoo_news"}, time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Posts) != 4 || len(srv.Requests()) != 2 {
		t.Errorf("since 15 Feb: %d posts (want 4) over %d pages (want 2)", len(res.Posts), len(srv.Requests()))
	}
}

func TestFaults(t *testing.T) {
	tests := []struct {
		name   string
		faults []fakeapi.Fault
		waits  []time.Duration
		code   string
	}{
		{name: "429 Retry-After then success", faults: []fakeapi.Fault{{Status: 429, Header: map[string]string{"Retry-After": "30"}}}, waits: []time.Duration{30 * time.Second}},
		{name: "5xx retried", faults: []fakeapi.Fault{{Status: 502}}, waits: []time.Duration{750 * time.Millisecond}},
		{name: "flood wait beyond patience", faults: []fakeapi.Fault{{Status: 429, Header: map[string]string{"Retry-After": "86400"}}}, code: kopuro.EUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeTelegram(t)
			srv.FailNext("/s/alatoo_news", tt.faults...)
			clock := fakeapi.NewClock(start)
			res, run, err := platform.Execute(context.Background(), newCollector(srv, clock), kopuro.AccountRef{Handle: "alatoo_news"}, time.Time{}, clock.Now)
			if tt.code != "" {
				if _, ok := httpx.QuotaRetryAt(err); !ok || run.Status != kopuro.RunQuota {
					t.Fatalf("err = %v, status %s", err, run.Status)
				}
			} else if err != nil || len(res.Posts) != 5 || run.Status != kopuro.RunPartial || run.Errors != 1 {
				t.Fatalf("err = %v, %d posts, run %+v", err, len(res.Posts), run)
			}
			if !slices.Equal(clock.Waits, tt.waits) {
				t.Errorf("waits = %v, want %v", clock.Waits, tt.waits)
			}
		})
	}
}

func TestNoPreviewAndBadNames(t *testing.T) {
	srv := fakeTelegram(t)
	c := newCollector(srv, fakeapi.NewClock(start))
	if _, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: "someone"}, time.Time{}); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("a channel without preview: %v", err)
	}
	if _, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: "nobody_here"}, time.Time{}); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("404: %v", err)
	}
	n := len(srv.Requests())
	for _, h := range []string{"", "abc", "a/b/../c", "name?x=1", strings.Repeat("a", 33), "имя_канала"} {
		if _, err := c.Collect(context.Background(), kopuro.AccountRef{Handle: h}, time.Time{}); kopuro.ErrorCode(err) != kopuro.EInvalid {
			t.Errorf("%q: %v", h, err)
		}
	}
	if len(srv.Requests()) != n {
		t.Error("requests sent for invalid names")
	}
}

func TestNextBefore(t *testing.T) {
	posts := func(ids ...int64) []Message {
		var m []Message
		for _, id := range ids {
			m = append(m, Message{ID: id})
		}
		return m
	}
	tests := []struct {
		name string
		page Page
		prev int64
		want int64
	}{
		{"more link wins", Page{Before: 50, Posts: posts(50, 51)}, 0, 50},
		{"oldest post without link", Page{Posts: posts(60, 58, 59)}, 0, 58},
		{"no posts, no link: the end", Page{}, 80, 0},
		{"a page that does not move back stops", Page{Posts: posts(90, 91)}, 90, 0},
		{"the first message is the end", Page{Posts: posts(1, 2)}, 5, 0},
	}
	for _, tt := range tests {
		if got := nextBefore(tt.page, tt.prev); got != tt.want {
			t.Errorf("%s: nextBefore = %d, want %d", tt.name, got, tt.want)
		}
	}
}
