// Package youtube collects a YouTube channel through the YouTube Data API
// v3, using Google's official client (google.golang.org/api/youtube/v3):
// channel statistics become snapshots, the uploads playlist becomes posts,
// and the comment threads of recent videos become comments.
package youtube

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"google.golang.org/api/option"
	yt "google.golang.org/api/youtube/v3"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// SourceName is recorded as the source of everything this collector fetches.
const SourceName = "youtube-data-api"

// Config configures a Collector. APIKey is required; it travels in the
// X-Goog-Api-Key header, never in a URL, so it cannot leak through one.
type Config struct {
	APIKey string
	// Endpoint is the API's base URL (Google's when empty); tests and
	// proxies set it, e.g. "http://127.0.0.1:8080/".
	Endpoint string
	// CommentVideos is how many of the most recent videos get their comment
	// threads fetched (default 20; negative: none).
	CommentVideos int
	// Limiter spaces requests (default 5 per second).
	Limiter *httpx.Limiter
	Clock   httpx.Clock
	Logger  *slog.Logger
	// Base is the transport under the retry layer (tests may set it).
	Base http.RoundTripper
}

// Collector collects YouTube channels. It is not safe for concurrent use.
type Collector struct {
	svc *yt.Service
	cfg Config
	now func() time.Time
	// api fetches what Google's typed client would decode wrongly
	// (videos.list: see videoList), through the same transport.
	api *httpx.API
}

var _ platform.Collector = (*Collector)(nil)

// New returns a collector for cfg.
func New(ctx context.Context, cfg Config) (*Collector, error) {
	if strings.TrimSpace(cfg.APIKey) == "" {
		return nil, kopuro.Errorf(kopuro.EUnauthorized, "collect.no_credentials", "no YouTube API key is configured").
			WithArg("Platform", kopuro.YouTube.Name()).WithArg("Variable", "YOUTUBE_API_KEY")
	}
	if cfg.CommentVideos == 0 {
		cfg.CommentVideos = 20
	}
	if cfg.Limiter == nil {
		cfg.Limiter = httpx.NewLimiter(5, time.Second)
	}
	tr := &httpx.Transport{
		Base:       cfg.Base,
		Platform:   kopuro.YouTube,
		Header:     http.Header{"X-Goog-Api-Key": {cfg.APIKey}},
		Limiter:    cfg.Limiter,
		Classify:   classify,
		QuotaReset: nextPacificMidnight,
		Clock:      cfg.Clock,
		Logger:     cfg.Logger,
	}
	client := &http.Client{Transport: tr}
	opts := []option.ClientOption{option.WithHTTPClient(client)}
	if cfg.Endpoint != "" {
		opts = append(opts, option.WithEndpoint(cfg.Endpoint))
	}
	svc, err := yt.NewService(ctx, opts...)
	if err != nil {
		return nil, httpx.Clean(err, cfg.APIKey)
	}
	now := time.Now
	if cfg.Clock.Now != nil {
		now = cfg.Clock.Now
	}
	return &Collector{svc: svc, cfg: cfg, now: now,
		api: &httpx.API{Client: client, Platform: kopuro.YouTube, Secrets: []string{cfg.APIKey}}}, nil
}

// Platform is YouTube.
func (c *Collector) Platform() kopuro.Platform { return kopuro.YouTube }

// Collect fetches the channel target.Handle: a channel id ("UC…") or a
// handle ("@name"). Videos published before since are left out; the
// comment threads of the CommentVideos most recent videos are fetched.
func (c *Collector) Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (platform.Result, error) {
	res := platform.Result{Account: target}
	ch, err := c.channel(ctx, target.Handle)
	if err != nil {
		return res, err
	}
	res.Account = kopuro.AccountRef{Platform: kopuro.YouTube, Handle: ch.Id, Institution: target.Institution}
	res.Snapshots = c.snapshots(ch)
	if ch.ContentDetails == nil || ch.ContentDetails.RelatedPlaylists == nil || ch.ContentDetails.RelatedPlaylists.Uploads == "" {
		res.Problems = append(res.Problems, httpx.Malformed(kopuro.YouTube, "channel "+ch.Id, "contentDetails.relatedPlaylists.uploads", "no uploads playlist"))
		return res, nil
	}
	ids, err := c.uploads(ctx, ch.ContentDetails.RelatedPlaylists.Uploads, since)
	if err != nil {
		return res, err
	}
	if err := c.videos(ctx, &res, ids, since); err != nil {
		return res, err
	}
	for _, p := range platform.Recent(res.Posts, c.cfg.CommentVideos) {
		if p.Comments.Valid && p.Comments.N == 0 {
			continue // nothing to ask for: saves quota
		}
		cs, probs, err := c.comments(ctx, p.ExternalID, ch.Id)
		res.Comments, res.Problems = append(res.Comments, cs...), append(res.Problems, probs...)
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// channel fetches the channel's statistics and uploads playlist.
func (c *Collector) channel(ctx context.Context, handle string) (*yt.Channel, error) {
	handle = strings.TrimSpace(handle)
	if handle == "" || strings.ContainsAny(handle, " /?&#") {
		return nil, httpx.BadTarget(kopuro.YouTube, handle)
	}
	call := c.svc.Channels.List([]string{"snippet", "statistics", "contentDetails"}).Context(ctx)
	if strings.HasPrefix(handle, "UC") && len(handle) == 24 {
		call = call.Id(handle)
	} else {
		call = call.ForHandle(strings.TrimPrefix(handle, "@"))
	}
	page := "channel " + handle
	resp, err := call.Do()
	if err != nil {
		return nil, c.apiErr(err, page)
	}
	if len(resp.Items) == 0 || resp.Items[0] == nil || resp.Items[0].Id == "" {
		return nil, httpx.StatusError(kopuro.YouTube, http.StatusNotFound, page, "")
	}
	return resp.Items[0], nil
}

// snapshots turns channel statistics into today's snapshots. YouTube
// rounds public subscriber counts to three significant figures, so any
// count of 1,000 or more is approximate; a hidden count is missing.
func (c *Collector) snapshots(ch *yt.Channel) []kopuro.Snapshot {
	st := ch.Statistics
	if st == nil {
		return nil
	}
	today := kopuro.DateOf(c.now())
	subs := kopuro.Snapshot{Metric: kopuro.MetricSubscribers, AsOf: today, Source: SourceName}
	switch {
	case st.HiddenSubscriberCount:
		subs.Precision, subs.Note = kopuro.None, "subscriber count hidden by the channel"
	case st.SubscriberCount >= 1000:
		subs.Value, subs.Precision = kopuro.Known(int64(st.SubscriberCount)), kopuro.Approx
	default:
		subs.Value, subs.Precision = kopuro.Known(int64(st.SubscriberCount)), kopuro.Exact
	}
	posts := kopuro.Snapshot{Metric: kopuro.MetricPosts, AsOf: today, Source: SourceName,
		Value: kopuro.Known(int64(st.VideoCount)), Precision: kopuro.Exact}
	return []kopuro.Snapshot{subs, posts}
}
