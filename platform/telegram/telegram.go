// Package telegram collects public Telegram channels through their public
// web preview (https://t.me/s/<channel>): no login, no account that could
// be banned. Posts come with text, date, views and link; older pages are
// reached with ?before=<message id>. The HTML is parsed with
// golang.org/x/net/html and treated as untrusted.
package telegram

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// SourceName is recorded as the source of everything this collector fetches.
const SourceName = "telegram-web-preview"

// DefaultEndpoint is where the previews live.
const DefaultEndpoint = "https://t.me"

// maxPageBytes bounds one preview page (real ones are about 100 KB).
const maxPageBytes = 8 << 20

// Config configures a Collector.
type Config struct {
	// Endpoint is the preview site's base URL (default DefaultEndpoint).
	Endpoint string
	// MaxPages bounds one collection (default 500 pages, about 10,000 posts).
	MaxPages int
	Limiter  *httpx.Limiter // default one page every 2 seconds: a public site, be polite
	Clock    httpx.Clock
	Logger   *slog.Logger
	Base     http.RoundTripper
}

// Collector collects public Telegram channels.
type Collector struct {
	api      *httpx.API
	endpoint string
	maxPages int
	now      func() time.Time
}

var _ platform.Collector = (*Collector)(nil)

// New returns a collector for cfg.
func New(cfg Config) *Collector {
	if cfg.Limiter == nil {
		cfg.Limiter = httpx.NewLimiter(1, 2*time.Second)
	}
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = 500
	}
	endpoint := strings.TrimRight(cfg.Endpoint, "/")
	if endpoint == "" {
		endpoint = DefaultEndpoint
	}
	tr := &httpx.Transport{Base: cfg.Base, Platform: kopuro.Telegram, Limiter: cfg.Limiter, Clock: cfg.Clock, Logger: cfg.Logger}
	now := time.Now
	if cfg.Clock.Now != nil {
		now = cfg.Clock.Now
	}
	return &Collector{api: &httpx.API{Client: tr.Client(), Platform: kopuro.Telegram},
		endpoint: endpoint, maxPages: cfg.MaxPages, now: now}
}

// Platform is Telegram.
func (c *Collector) Platform() kopuro.Platform { return kopuro.Telegram }

// Collect fetches the channel target.Handle ("name", "@name" or
// "t.me/name"): its subscriber count and its posts, newest page first,
// back to since or the channel's first post.
func (c *Collector) Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (platform.Result, error) {
	// Channel names are case-insensitive; Kopuro stores them in lower case.
	name := strings.ToLower(channelName(target.Handle))
	res := platform.Result{Account: kopuro.AccountRef{Platform: kopuro.Telegram, Handle: name, Institution: target.Institution}}
	if !ValidChannel(name) {
		return res, httpx.BadTarget(kopuro.Telegram, target.Handle)
	}
	before := int64(0)
	for n := 1; n <= c.maxPages; n++ {
		u := c.endpoint + "/s/" + url.PathEscape(name)
		label := fmt.Sprintf("channel %s preview page %d", name, n)
		if before > 0 {
			u += "?before=" + strconv.FormatInt(before, 10)
			label += fmt.Sprintf(" (before message %d)", before)
		}
		b, err := c.api.GetBody(ctx, u, label, maxPageBytes)
		if err != nil {
			return res, err
		}
		page, err := ParsePage(b)
		if err != nil {
			return res, httpx.Malformed(kopuro.Telegram, label, "", "not HTML")
		}
		if n == 1 {
			if !page.Preview {
				return res, kopuro.Errorf(kopuro.ENotFound, "collect.not_found", "telegram has no public preview for channel %s", name).
					WithArg("Platform", kopuro.Telegram.Name()).WithArg("Page", "channel "+name).WithArg("Status", http.StatusNotFound)
			}
			res.Snapshots = c.snapshots(page)
		}
		for _, p := range page.Problems {
			res.Problems = append(res.Problems, p.At(label, 0))
		}
		older := platform.AddPage(&res, label, page.Posts, since, func(m Message) (kopuro.Post, *kopuro.Error) {
			return c.post(m, res.Account), nil
		})
		next := nextBefore(page, before)
		if older || next == 0 {
			return res, nil
		}
		before = next
	}
	return res, nil
}

// nextBefore is the cursor of the next older page: the page's own "more"
// link, else its oldest message. It is 0 when paging would not move
// backwards, so a page that repeats itself cannot loop.
func nextBefore(p Page, prev int64) int64 {
	next := p.Before
	if next == 0 {
		for _, m := range p.Posts {
			if next == 0 || m.ID < next {
				next = m.ID
			}
		}
	}
	if next <= 1 || (prev > 0 && next >= prev) || len(p.Posts) == 0 && p.Before == 0 {
		return 0
	}
	return next
}

func (c *Collector) snapshots(p Page) []kopuro.Snapshot {
	s := kopuro.Snapshot{Metric: kopuro.Telegram.AudienceMetric(), AsOf: kopuro.DateOf(c.now()), Source: SourceName,
		Value: p.Subscribers, Precision: kopuro.Exact}
	switch {
	case !p.Subscribers.Valid:
		s.Precision, s.Note = kopuro.None, "no subscriber counter on the preview"
	case p.Approx:
		s.Precision = kopuro.Approx
	}
	return []kopuro.Snapshot{s}
}

func (c *Collector) post(m Message, acc kopuro.AccountRef) kopuro.Post {
	return kopuro.Post{
		Platform: kopuro.Telegram, ExternalID: strconv.FormatInt(m.ID, 10), Account: acc,
		URL: m.URL, Published: m.Published, Offset: m.Offset, Text: m.Text, Format: m.Format,
		Views: m.Views, Likes: kopuro.Unknown, Comments: kopuro.Unknown, Shares: kopuro.Unknown, Saves: kopuro.Unknown,
		Hashtags: kopuro.Hashtags(m.Text), Mentions: kopuro.Mentions(m.Text),
		Source: kopuro.Source{Format: SourceName, File: "t.me/s/" + acc.Handle, ImportedAt: c.now().UTC()},
	}
}

// channelName strips what people paste around a channel name.
func channelName(h string) string {
	h = strings.TrimSpace(h)
	for _, p := range []string{"https://", "http://", "t.me/s/", "t.me/", "telegram.me/", "@"} {
		h = strings.TrimPrefix(h, p)
	}
	return strings.TrimSuffix(h, "/")
}
