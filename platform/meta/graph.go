// Package meta collects public Instagram professional accounts (through
// the Instagram Graph API's business discovery) and Facebook pages
// (through the Graph API's page posts), with plain net/http.
package meta

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform/httpx"
)

// DefaultEndpoint is the Graph API base URL, with the version Kopuro was
// written against.
const DefaultEndpoint = "https://graph.facebook.com/v21.0"

// Config configures the Meta collectors. Token is an access token (the
// command layer reads it from the environment); it is sent as the
// access_token parameter the Graph API documents, and redacted from every
// error and log line.
type Config struct {
	Token string
	// IGUserID is the Instagram professional account through which business
	// discovery is asked (the token's own account); Instagram only.
	IGUserID string
	// Endpoint is the Graph API base URL (default DefaultEndpoint).
	Endpoint string
	// PageSize is the number of items per page (default 50).
	PageSize int
	// CommentPosts is how many of a page's most recent posts get their
	// comments fetched (default 20; negative: none); Facebook only.
	CommentPosts int
	Limiter      *httpx.Limiter // default 2 per second
	Clock        httpx.Clock
	Logger       *slog.Logger
	Base         http.RoundTripper
}

// graph is the Graph API client both collectors share.
type graph struct {
	api      *httpx.API
	endpoint string
	token    string
	pageSize int
	now      func() time.Time
}

func newGraph(p kopuro.Platform, cfg Config, variable string) (*graph, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, kopuro.Errorf(kopuro.EUnauthorized, "collect.no_credentials", "no %s access token is configured", p).
			WithArg("Platform", p.Name()).WithArg("Variable", variable)
	}
	if cfg.Limiter == nil {
		cfg.Limiter = httpx.NewLimiter(2, time.Second)
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 50
	}
	endpoint := strings.TrimRight(cfg.Endpoint, "/")
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	tr := &httpx.Transport{Base: cfg.Base, Platform: p, Limiter: cfg.Limiter, Classify: classify,
		Clock: cfg.Clock, Logger: cfg.Logger, Secrets: []string{cfg.Token}}
	now := time.Now
	if cfg.Clock.Now != nil {
		now = cfg.Clock.Now
	}
	return &graph{
		api:      &httpx.API{Client: tr.Client(), Platform: p, Secrets: []string{cfg.Token}, Status: status},
		endpoint: endpoint, token: cfg.Token, pageSize: cfg.PageSize, now: now,
	}, nil
}

// get asks for node (a path such as "12345/posts") with params.
func (g *graph) get(ctx context.Context, node string, params url.Values, page string, v any) error {
	q := url.Values{}
	for k, vs := range params {
		q[k] = vs
	}
	q.Set("access_token", g.token)
	return g.api.Get(ctx, g.endpoint+"/"+node+"?"+q.Encode(), page, v)
}

// graphError is the Graph API's error envelope.
type graphError struct {
	Error struct {
		Message string `json:"message"`
		Type    string `json:"type"`
		Code    int    `json:"code"`
		Subcode int    `json:"error_subcode"`
	} `json:"error"`
}

// Rate-limit error codes of the Graph API: application (4), user (17),
// page (32), a method's hourly limit (613), and the business-use-case
// limits of Instagram and Pages (80001–80014).
func rateLimited(code int) bool {
	return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80001 && code <= 80014)
}

// classify stops on a Graph rate limit until the time the usage headers
// announce (an hour when they say nothing: Meta's windows are hourly).
func classify(resp *http.Response, body []byte, now time.Time) httpx.Verdict {
	var e graphError
	if json.Unmarshal(body, &e) == nil && rateLimited(e.Error.Code) {
		at := now.Add(time.Hour)
		if m := regainMinutes(resp.Header); m > 0 {
			at = now.Add(time.Duration(m) * time.Minute)
		}
		return httpx.Verdict{Action: httpx.Stop, RetryAt: at}
	}
	return httpx.DefaultClassify(resp, body, now)
}

// regainMinutes reads estimated_time_to_regain_access from the
// X-Business-Use-Case-Usage header: {"<id>":[{"type":…,
// "estimated_time_to_regain_access":minutes}]}. It returns the longest.
func regainMinutes(h http.Header) int {
	var usage map[string][]struct {
		Regain int `json:"estimated_time_to_regain_access"`
	}
	if json.Unmarshal([]byte(h.Get("X-Business-Use-Case-Usage")), &usage) != nil {
		return 0
	}
	m := 0
	for _, list := range usage {
		for _, u := range list {
			m = max(m, u.Regain)
		}
	}
	return m
}

// status reports an invalid or expired token (code 190) as 401, whatever
// status the Graph API used.
func status(s int, body []byte) int {
	var e graphError
	if json.Unmarshal(body, &e) == nil && e.Error.Code == 190 {
		return http.StatusUnauthorized
	}
	return s
}

// graphTime reads the Graph API's time format ("2025-07-03T19:35:59+0000")
// and RFC 3339; it returns the time in UTC and the source's offset.
func graphTime(s string) (time.Time, int, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05-0700", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			_, off := t.Zone()
			return t.UTC(), off, true
		}
	}
	return time.Time{}, 0, false
}

// itemTime checks that a list item has an id and reads its time field;
// kind names the item in errors ("post", "media").
func itemTime(p kopuro.Platform, kind, id, field, value string) (time.Time, int, *kopuro.Error) {
	if id == "" {
		return time.Time{}, 0, httpx.Malformed(p, kind, "id", "an item without id")
	}
	t, off, ok := graphTime(value)
	if !ok {
		return time.Time{}, 0, httpx.Malformed(p, kind+" "+id, field, fmt.Sprintf("%q is not a time", httpx.Printable(value, 40)))
	}
	return t, off, nil
}

// paging is the Graph API's list envelope's paging object.
type paging struct {
	Cursors struct {
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"cursors"`
	Next string `json:"next"`
}

// after returns the cursor of the next page, if one follows. Top-level
// lists say so with a next link (needNext); edges nested in a field
// expansion, like business discovery's media, carry only cursors, so a
// page there is the last when it has no after cursor or repeats the
// previous one. Kopuro follows cursors, never the next link, which
// repeats the token.
func (p *paging) after(prev string, needNext bool) (string, bool) {
	if p == nil || p.Cursors.After == "" || p.Cursors.After == prev || (needNext && p.Next == "") {
		return "", false
	}
	return p.Cursors.After, true
}

// list is the Graph API's list envelope.
type list[T any] struct {
	Data   []T     `json:"data"`
	Paging *paging `json:"paging"`
}

// eachPage GETs the list at node page after page, following after
// cursors, and gives each page's items to fn, which returns false to stop.
// label names the list in errors ("posts of page x").
func eachPage[T any](ctx context.Context, g *graph, p kopuro.Platform, node string, params url.Values, label string, fn func(page string, items []T) bool) error {
	q := url.Values{}
	for k, vs := range params {
		q[k] = vs
	}
	cursor := ""
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s page %d", label, n)
		var l list[T]
		if err := g.get(ctx, node, q, name, &l); err != nil {
			return err
		}
		if !fn(name, l.Data) {
			return nil
		}
		next, ok := l.Paging.after(cursor, true)
		if !ok || len(l.Data) == 0 {
			return nil
		}
		if !safeToken(next) {
			return httpx.Malformed(p, name, "paging.cursors.after", "a cursor with unexpected characters")
		}
		cursor = next
		q.Set("after", cursor)
	}
}

// safeToken reports whether s may be written into a Graph request: cursors
// and names come from a remote server or a config file, and a brace or
// comma would change the field expression they are spliced into.
func safeToken(s string) bool {
	if s == "" || len(s) > 1024 {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-=", r)
		if !ok {
			return false
		}
	}
	return true
}

// count converts an optional Graph count.
func count(p *int64) kopuro.Count {
	if p == nil || *p < 0 {
		return kopuro.Unknown
	}
	return kopuro.Known(*p)
}
