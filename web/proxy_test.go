package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestParseTrustedProxies(t *testing.T) {
	tests := []struct {
		in   []string
		want string // the prefixes joined by spaces; "error" when refused
	}{
		{nil, ""},
		{[]string{"10.0.0.1"}, "10.0.0.1/32"},
		{[]string{"10.0.0.0/8, 192.0.2.9", "::1"}, "10.0.0.0/8 192.0.2.9/32 ::1/128"},
		{[]string{"10.1.2.3/8"}, "10.0.0.0/8"},         // masked
		{[]string{"::ffff:192.0.2.9"}, "192.0.2.9/32"}, // unmapped
		{[]string{"fd00::/8,"}, "fd00::/8"},            // a trailing comma is harmless
		{[]string{"proxy.example"}, "error"},
		{[]string{"10.0.0.0/33"}, "error"},
	}
	for _, tt := range tests {
		ps, err := ParseTrustedProxies(tt.in)
		var got []string
		for _, p := range ps {
			got = append(got, p.String())
		}
		g := strings.Join(got, " ")
		if err != nil {
			g = "error"
		}
		if g != tt.want {
			t.Errorf("ParseTrustedProxies(%q) = %q (%v), want %q", tt.in, g, err, tt.want)
		}
	}
}

func TestClientIPBehindTrustedProxies(t *testing.T) {
	trusted, err := ParseTrustedProxies([]string{"10.0.0.0/24", "fd00::1"})
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{trusted: trusted}
	tests := []struct {
		remote string
		xff    []string
		want   string
	}{
		// Not from a proxy: the header is the client's word, ignored.
		{"192.0.2.7:5000", []string{"198.51.100.1"}, "192.0.2.7"},
		// From a proxy: the address the proxy saw.
		{"10.0.0.5:5000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"[fd00::1]:443", []string{"198.51.100.1"}, "198.51.100.1"},
		// A client's made-up entries stand left of the one the proxy added.
		{"10.0.0.5:5000", []string{"203.0.113.9, 198.51.100.1"}, "198.51.100.1"},
		// Two proxies in a row; the header split over two lines.
		{"10.0.0.5:5000", []string{"198.51.100.1", "10.0.0.7"}, "198.51.100.1"},
		// IPv6 clients count by /64.
		{"10.0.0.5:5000", []string{"2001:db8:1:2::77"}, "2001:db8:1:2::/64"},
		// No header, or only proxies: the nearest proxy stands for the client.
		{"10.0.0.5:5000", nil, "10.0.0.5"},
		{"10.0.0.5:5000", []string{"10.0.0.8"}, "10.0.0.8"},
		// A garbled hop: nothing left of it is believed.
		{"10.0.0.5:5000", []string{"198.51.100.1, garbage"}, "10.0.0.5"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		for _, v := range tt.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := s.clientIP(r); got != tt.want {
			t.Errorf("%s %q: %s, want %s", tt.remote, tt.xff, got, tt.want)
		}
	}
}

// TestLoginLimitBehindProxy: behind a trusted proxy, one client's failures
// do not lock out another; a client that forges the header directly gains
// nothing.
func TestLoginLimitBehindProxy(t *testing.T) {
	f := newAuthFixture(t)
	now := time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)
	f.S.logins = newLoginLimits(func() time.Time { return now })
	f.S.trusted, _ = ParseTrustedProxies([]string{"10.9.0.1"})
	login := func(remote, xff, email, pwd string) int {
		form := url.Values{"email": {email}, "password": {pwd}, "next": {"/"}}
		req := httptest.NewRequest("POST", "/login?lang=en", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.RemoteAddr = remote + ":40000"
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		f.S.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 0; i < 20; i++ {
		login("10.9.0.1", "198.51.100.1", fmt.Sprintf("nobody%d@example.kg", i), "wrong horse battery")
	}
	if code := login("10.9.0.1", "198.51.100.1", "admin@example.kg", fixturePwd); code != http.StatusTooManyRequests {
		t.Errorf("the guessing client behind the proxy: %d, want 429", code)
	}
	if code := login("10.9.0.1", "198.51.100.2", "admin@example.kg", fixturePwd); code != http.StatusSeeOther {
		t.Errorf("another client behind the same proxy: %d, want 303", code)
	}
	for i := 0; i < 20; i++ {
		login("192.0.2.50", fmt.Sprintf("203.0.113.%d", i), fmt.Sprintf("other%d@example.kg", i), "wrong horse battery")
	}
	if code := login("192.0.2.50", "203.0.113.200", "viewer@example.kg", fixturePwd); code != http.StatusTooManyRequests {
		t.Errorf("a client forging X-Forwarded-For escaped the limit: %d", code)
	}
}
