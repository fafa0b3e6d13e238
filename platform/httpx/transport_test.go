package httpx

import (
	"cmp"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"kopuro"
)

// fakeClock never waits; it records every wait and advances its time.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Clock() Clock {
	return Clock{
		Now: func() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now },
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.waits = append(f.waits, d)
			f.now = f.now.Add(d)
			return ctx.Err()
		},
		Rand: func() float64 { return 0.5 },
	}
}

// script answers each request with the next step; the last step repeats.
type script struct {
	mu     sync.Mutex
	steps  []func(w http.ResponseWriter, r *http.Request)
	n      int
	bodies []string
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	i := min(s.n, len(s.steps)-1)
	s.n++
	b, _ := io.ReadAll(r.Body)
	s.bodies = append(s.bodies, string(b))
	s.mu.Unlock()
	s.steps[i](w, r)
}

func status(code int, retryAfter string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(code)
		io.WriteString(w, `{"error":{"message":"slow down"}}`)
	}
}

func ok(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"n":1}`) }

func TestTransportRetries(t *testing.T) {
	tests := []struct {
		name      string
		steps     []func(http.ResponseWriter, *http.Request)
		waits     []time.Duration
		calls     int
		retries   int           // 0: 2
		wantQuota time.Duration // retry-at offset from the start; 0: no quota
		wantCode  string
	}{
		{name: "429 with Retry-After then success",
			steps: []func(http.ResponseWriter, *http.Request){status(429, "3"), ok},
			waits: []time.Duration{3 * time.Second}, calls: 2},
		{name: "5xx retried with backoff",
			steps: []func(http.ResponseWriter, *http.Request){status(503, ""), status(500, ""), status(502, ""), ok},
			// base 1s doubling, jittered to 3/4 of each step by Rand 0.5
			waits: []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second}, calls: 4, retries: 4},
		{name: "429 forever is a spent quota",
			steps: []func(http.ResponseWriter, *http.Request){status(429, "10")},
			waits: []time.Duration{10 * time.Second, 10 * time.Second}, calls: 3,
			wantQuota: 30 * time.Second},
		{name: "Retry-After beyond MaxWait stops at once",
			steps: []func(http.ResponseWriter, *http.Request){status(429, "7200")},
			calls: 1, wantQuota: 2 * time.Hour},
		{name: "5xx forever reaches the caller",
			steps: []func(http.ResponseWriter, *http.Request){status(500, "")},
			waits: []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond}, calls: 3,
			wantCode: kopuro.EUnavailable},
		{name: "404 is not retried",
			steps: []func(http.ResponseWriter, *http.Request){status(404, "")},
			calls: 1, wantCode: kopuro.ENotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{steps: tt.steps}
			srv := httptest.NewServer(s)
			defer srv.Close()
			fc := newFakeClock()
			start := fc.now
			tr := &Transport{Platform: kopuro.YouTube, MaxRetries: cmp.Or(tt.retries, 2), MaxWait: time.Minute, Clock: fc.Clock()}
			api := &API{Client: tr.Client(), Platform: kopuro.YouTube}
			var v struct{ N int }
			err := api.Get(context.Background(), srv.URL+"/x", "test page", &v)
			if s.n != tt.calls {
				t.Errorf("calls = %d, want %d", s.n, tt.calls)
			}
			if !equalDurations(fc.waits, tt.waits) {
				t.Errorf("waits = %v, want %v", fc.waits, tt.waits)
			}
			at, isQuota := QuotaRetryAt(err)
			switch {
			case tt.wantQuota != 0:
				if !isQuota {
					t.Fatalf("err = %v, want a quota stop", err)
				}
				if want := start.Add(tt.wantQuota); !at.Equal(want) {
					t.Errorf("retry at %v, want %v", at, want)
				}
				if kopuro.ErrorCode(err) != kopuro.EUnavailable || !strings.Contains(err.Error(), "try again after") {
					t.Errorf("quota error not user-safe: %v", err)
				}
			case tt.wantCode != "":
				if got := kopuro.ErrorCode(err); got != tt.wantCode {
					t.Errorf("code = %q (%v), want %q", got, err, tt.wantCode)
				}
				if !strings.Contains(err.Error(), "test page") || !strings.Contains(err.Error(), "slow down") {
					t.Errorf("error %q should name the page and the API's message", err)
				}
			default:
				if err != nil || v.N != 1 {
					t.Fatalf("err = %v, n = %d", err, v.N)
				}
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTransportReplaysBodyAndSetsHeader(t *testing.T) {
	var keys []string
	s := &script{steps: []func(http.ResponseWriter, *http.Request){
		func(w http.ResponseWriter, r *http.Request) {
			keys = append(keys, r.Header.Get("X-Key"))
			status(503, "1")(w, r)
		},
		func(w http.ResponseWriter, r *http.Request) { keys = append(keys, r.Header.Get("X-Key")); ok(w, r) },
	}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tr := &Transport{Platform: kopuro.TikTok, Header: http.Header{"X-Key": {"k-secret"}}, Clock: newFakeClock().Clock()}
	api := &API{Client: tr.Client(), Platform: kopuro.TikTok}
	var v struct{ N int }
	if err := api.PostJSON(context.Background(), srv.URL, "query", nil, map[string]int{"cursor": 7}, &v); err != nil {
		t.Fatal(err)
	}
	if len(s.bodies) != 2 || s.bodies[0] != `{"cursor":7}` || s.bodies[1] != s.bodies[0] {
		t.Errorf("bodies = %q, want the same body twice", s.bodies)
	}
	if keys[0] != "k-secret" || keys[1] != "k-secret" {
		t.Errorf("credential header = %q", keys)
	}
}

func TestClassifierStop(t *testing.T) {
	srv := httptest.NewServer(&script{steps: []func(http.ResponseWriter, *http.Request){status(403, "")}})
	defer srv.Close()
	fc := newFakeClock()
	reset := fc.now.Add(5 * time.Hour)
	tr := &Transport{Platform: kopuro.YouTube, Clock: fc.Clock(),
		Classify: func(resp *http.Response, body []byte, now time.Time) Verdict {
			if resp.StatusCode == 403 && strings.Contains(string(body), "slow down") {
				return Verdict{Action: Stop, RetryAt: reset}
			}
			return Verdict{}
		}}
	err := (&API{Client: tr.Client(), Platform: kopuro.YouTube}).Get(context.Background(), srv.URL, "p", &struct{}{})
	if at, ok := QuotaRetryAt(err); !ok || !at.Equal(reset) {
		t.Fatalf("err = %v, retry at %v; want quota until %v", err, at, reset)
	}
	if len(fc.waits) != 0 {
		t.Errorf("a spent quota must not be waited for: %v", fc.waits)
	}
}

type failing struct{ err error }

func (f failing) RoundTrip(*http.Request) (*http.Response, error) { return nil, f.err }

func TestErrorsHideCredentials(t *testing.T) {
	const token = "EAAB-secret-token-123"
	tr := &Transport{Platform: kopuro.Facebook, MaxRetries: 1, Clock: newFakeClock().Clock(),
		Base:    failing{errors.New("dial failed while sending " + token)},
		Secrets: []string{token}}
	api := &API{Client: tr.Client(), Platform: kopuro.Facebook, Secrets: []string{token}}
	err := api.Get(context.Background(), "https://graph.example/v1/me?access_token="+token+"&fields=id", "page", &struct{}{})
	if err == nil || strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "secret-token") {
		t.Fatalf("error leaks the token: %v", err)
	}
	if !strings.Contains(err.Error(), "graph.example/v1/me") {
		t.Errorf("error should still say where: %v", err)
	}

	// The API's own error text may echo what it was sent.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		io.WriteString(w, `{"error":{"message":"bad token `+r.URL.Query().Get("access_token")+`"}}`)
	}))
	defer srv.Close()
	api.Client = (&Transport{Platform: kopuro.Facebook, Clock: newFakeClock().Clock()}).Client()
	err = api.Get(context.Background(), srv.URL+"?access_token="+token, "page", &struct{}{})
	if err == nil || strings.Contains(err.Error(), token) {
		t.Fatalf("error leaks the token: %v", err)
	}
}

func TestMalformedNamesPageAndField(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"data":{"count":"many"}}`)
	}))
	defer srv.Close()
	api := &API{Client: srv.Client(), Platform: kopuro.TikTok}
	var v struct {
		Data struct {
			Count int `json:"count"`
		} `json:"data"`
	}
	err := api.Get(context.Background(), srv.URL, "video page 2", &v)
	ke := kopuro.AsError(err)
	if ke == nil || ke.Key != "collect.malformed" || ke.Field != "data.count" || !strings.Contains(err.Error(), "video page 2") {
		t.Fatalf("err = %v (%+v)", err, ke)
	}
}

func TestLimiterSpacesRequests(t *testing.T) {
	fc := newFakeClock()
	l := NewLimiter(2, time.Second)
	for range 4 {
		if err := l.Wait(context.Background(), fc.Clock()); err != nil {
			t.Fatal(err)
		}
	}
	// The first request goes at once; each next one waits its turn, and the
	// fake clock advances by each wait.
	want := []time.Duration{0, 500 * time.Millisecond, 500 * time.Millisecond, 500 * time.Millisecond}
	if !equalDurations(fc.waits, want) {
		t.Errorf("waits = %v, want %v", fc.waits, want)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"120", 2 * time.Minute, true},
		{"Tue, 10 Mar 2026 12:01:30 GMT", 90 * time.Second, true},
		{"Tue, 10 Mar 2026 11:00:00 GMT", 0, true},
		{"soon", 0, false},
		{"-5", 0, false},
	}
	for _, tt := range tests {
		got, ok := RetryAfter(http.Header{"Retry-After": {tt.v}}, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RetryAfter(%q) = %v,%v, want %v,%v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	for attempt := range 12 {
		for _, r := range []float64{0, 0.5, 0.999} {
			d := Backoff(attempt, time.Second, time.Minute, r)
			if d < 500*time.Millisecond || d >= time.Minute {
				t.Errorf("Backoff(%d, r=%v) = %v outside [0.5s, 1m)", attempt, r, d)
			}
		}
	}
	if a, b := Backoff(0, time.Second, time.Minute, 0), Backoff(3, time.Second, time.Minute, 0); b != 8*a {
		t.Errorf("backoff does not double: %v then %v", a, b)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://graph.facebook.com/v21.0/me?access_token=abc&fields=id", "https://graph.facebook.com/v21.0/me?access_token=REDACTED&fields=id"},
		{"https://www.googleapis.com/youtube/v3/channels?KEY=abc&part=id", "https://www.googleapis.com/youtube/v3/channels?KEY=REDACTED&part=id"},
		{"https://user:pw@example.org/x", "https://example.org/x"},
		{"https://t.me/s/chan?before=10", "https://t.me/s/chan?before=10"},
	}
	for _, tt := range tests {
		if got := RedactURLString(tt.in); got != tt.want {
			t.Errorf("RedactURLString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"a\x1b[31mb\nc", 100, "a [31mb c"},
		{"абвгд", 3, "абв…"},
		{"a\u0085b\u009bc", 100, "a b c"},           // C1
		{"exe.\u202etxt\u202c", 100, "exe. txt"},    // right-to-left override
		{"\u2066x\u2069\u200fy\u061c", 100, "x  y"}, // isolates, RLM, ALM
		{"bad\xffbyte", 100, "bad byte"},            // invalid UTF-8
		{"Ош мамлекеттик университети", 100, "Ош мамлекеттик университети"},
	} {
		if got := Printable(tc.in, tc.max); got != tc.want {
			t.Errorf("Printable(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

func TestLogsHideCredentials(t *testing.T) {
	const token = "EAAB-logged-token-456"
	var buf strings.Builder
	srv := httptest.NewServer(&script{steps: []func(http.ResponseWriter, *http.Request){status(503, ""), ok}})
	defer srv.Close()
	tr := &Transport{Platform: kopuro.Facebook, Clock: newFakeClock().Clock(),
		Logger: slog.New(slog.NewTextHandler(&buf, nil)), Secrets: []string{token}}
	api := &API{Client: tr.Client(), Platform: kopuro.Facebook, Secrets: []string{token}}
	if err := api.Get(context.Background(), srv.URL+"/me?access_token="+token, "page", &struct{}{}); err != nil {
		t.Fatal(err)
	}
	log := buf.String()
	if !strings.Contains(log, "retrying request") || !strings.Contains(log, "access_token=REDACTED") {
		t.Errorf("the retry is not logged with a redacted URL: %s", log)
	}
	if strings.Contains(log, token) {
		t.Errorf("the log holds the token: %s", log)
	}
}
