// Package tiktok collects TikTok accounts through the TikTok Research API:
// user info becomes snapshots, the video query becomes posts. It speaks
// plain net/http: client-credentials token, then POSTed queries paged by
// cursor and search id.
package tiktok

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// SourceName is recorded as the source of everything this collector fetches.
const SourceName = "tiktok-research-api"

// DefaultEndpoint is the Research API's base URL.
const DefaultEndpoint = "https://open.tiktokapis.com"

// videoFields are the video fields asked for.
const videoFields = "id,username,create_time,video_description,region_code,view_count,like_count,comment_count,share_count,hashtag_names,video_duration"

// userFields are the user info fields asked for.
const userFields = "display_name,follower_count,following_count,likes_count,video_count,is_verified"

// window is the longest date range one video query may span (30 days, as
// the Research API allows), counted in whole days, both ends included.
const window = 30

// Config configures a Collector. ClientKey and ClientSecret are the
// research client's credentials (the command layer reads them from the
// environment); the secret and the access token are never logged.
type Config struct {
	ClientKey, ClientSecret string
	// Endpoint is the API's base URL (default DefaultEndpoint).
	Endpoint string
	// Lookback is how far back a collection without since goes (default a
	// year): the API cannot be asked for "everything".
	Lookback time.Duration
	Limiter  *httpx.Limiter // default 1 per second
	Clock    httpx.Clock
	Logger   *slog.Logger
	Base     http.RoundTripper
}

// Collector collects TikTok accounts.
type Collector struct {
	cfg      Config
	api      *httpx.API
	endpoint string
	now      func() time.Time

	mu      sync.Mutex
	token   string
	expires time.Time
}

var _ platform.Collector = (*Collector)(nil)

// New returns a collector for cfg.
func New(cfg Config) (*Collector, error) {
	if strings.TrimSpace(cfg.ClientKey) == "" || strings.TrimSpace(cfg.ClientSecret) == "" {
		return nil, kopuro.Errorf(kopuro.EUnauthorized, "collect.no_credentials", "no TikTok research client credentials are configured").
			WithArg("Platform", kopuro.TikTok.Name()).WithArg("Variable", "TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET")
	}
	if cfg.Limiter == nil {
		cfg.Limiter = httpx.NewLimiter(1, time.Second)
	}
	if cfg.Lookback <= 0 {
		cfg.Lookback = 365 * 24 * time.Hour
	}
	endpoint := strings.TrimRight(cfg.Endpoint, "/")
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	tr := &httpx.Transport{Base: cfg.Base, Platform: kopuro.TikTok, Limiter: cfg.Limiter, Classify: classify,
		QuotaReset: nextUTCMidnight, Clock: cfg.Clock, Logger: cfg.Logger, Secrets: []string{cfg.ClientSecret}}
	now := time.Now
	if cfg.Clock.Now != nil {
		now = cfg.Clock.Now
	}
	return &Collector{cfg: cfg, endpoint: endpoint, now: now,
		api: &httpx.API{Client: tr.Client(), Platform: kopuro.TikTok, Secrets: []string{cfg.ClientSecret}}}, nil
}

// Platform is TikTok.
func (c *Collector) Platform() kopuro.Platform { return kopuro.TikTok }

// envelope is the Research API's answer: data plus an error object whose
// code is "ok" on success.
type envelope[T any] struct {
	Data  T `json:"data"`
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// query POSTs body as JSON to path?fields=… with the bearer token and
// checks the envelope's error code.
func query[T any](ctx context.Context, c *Collector, path, fields string, body any, page string) (T, error) {
	var out envelope[T]
	tok, err := c.accessToken(ctx)
	if err != nil {
		return out.Data, err
	}
	u := c.endpoint + path + "?" + url.Values{"fields": {fields}}.Encode()
	if err := c.api.PostJSON(ctx, u, page, http.Header{"Authorization": {"Bearer " + tok}}, body, &out); err != nil {
		return out.Data, err
	}
	if out.Error.Code != "" && out.Error.Code != "ok" {
		return out.Data, httpx.StatusError(kopuro.TikTok, http.StatusBadRequest, page, c.api.Scrub(out.Error.Code+": "+out.Error.Message))
	}
	return out.Data, nil
}

// classify stops on TikTok's daily quota (429 rate_limit_exceeded), which
// resets at midnight UTC; other 429s and 5xx are retried.
func classify(resp *http.Response, body []byte, now time.Time) httpx.Verdict {
	if resp.StatusCode == http.StatusTooManyRequests {
		var e envelope[json.RawMessage]
		if json.Unmarshal(body, &e) == nil && e.Error.Code == "rate_limit_exceeded" {
			return httpx.Verdict{Action: httpx.Stop, RetryAt: nextUTCMidnight(now)}
		}
	}
	return httpx.DefaultClassify(resp, body, now)
}

func nextUTCMidnight(now time.Time) time.Time {
	t := now.UTC()
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, time.UTC)
}
