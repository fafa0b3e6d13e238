package meta

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// InstagramSource is recorded as the source of what the Instagram
// collector fetches.
const InstagramSource = "instagram-graph-api"

// mediaFields are the IG Media fields business discovery may return.
const mediaFields = "id,caption,like_count,comments_count,timestamp,media_type,media_product_type,permalink"

// Instagram collects public professional (business or creator) accounts
// through business discovery, asked on behalf of Config.IGUserID.
type Instagram struct {
	g      *graph
	igUser string
}

var _ platform.Collector = (*Instagram)(nil)

// NewInstagram returns the Instagram collector.
func NewInstagram(cfg Config) (*Instagram, error) {
	g, err := newGraph(kopuro.Instagram, cfg, "INSTAGRAM_ACCESS_TOKEN")
	if err != nil {
		return nil, err
	}
	if !safeToken(cfg.IGUserID) {
		return nil, kopuro.Errorf(kopuro.EUnauthorized, "collect.no_credentials", "no Instagram business account id is configured").
			WithArg("Platform", kopuro.Instagram.Name()).WithArg("Variable", "INSTAGRAM_USER_ID")
	}
	return &Instagram{g: g, igUser: cfg.IGUserID}, nil
}

// Platform is Instagram.
func (c *Instagram) Platform() kopuro.Platform { return kopuro.Instagram }

type igMedia struct {
	ID               string `json:"id"`
	Caption          string `json:"caption"`
	LikeCount        *int64 `json:"like_count"`
	CommentsCount    *int64 `json:"comments_count"`
	Timestamp        string `json:"timestamp"`
	MediaType        string `json:"media_type"`
	MediaProductType string `json:"media_product_type"`
	Permalink        string `json:"permalink"`
}

type igDiscovery struct {
	BusinessDiscovery *struct {
		ID             string `json:"id"`
		Username       string `json:"username"`
		FollowersCount *int64 `json:"followers_count"`
		MediaCount     *int64 `json:"media_count"`
		Media          *struct {
			Data   []igMedia `json:"data"`
			Paging *paging   `json:"paging"`
		} `json:"media"`
	} `json:"business_discovery"`
}

// Collect fetches the account target.Handle (an Instagram username): its
// followers and media count, and its media newest first until since.
func (c *Instagram) Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (platform.Result, error) {
	user := kopuro.NormalizeHandle(kopuro.Instagram, target.Handle)
	res := platform.Result{Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: user, Institution: target.Institution}}
	if !safeToken(user) || len(user) > 30 {
		return res, httpx.BadTarget(kopuro.Instagram, target.Handle)
	}
	cursor := ""
	for n := 1; ; n++ {
		media := fmt.Sprintf("media.limit(%d)", c.g.pageSize)
		if cursor != "" {
			media = fmt.Sprintf("media.after(%s).limit(%d)", cursor, c.g.pageSize)
		}
		fields := fmt.Sprintf("business_discovery.username(%s){id,username,followers_count,media_count,%s{%s}}", user, media, mediaFields)
		page := fmt.Sprintf("business discovery of %s page %d", user, n)
		var d igDiscovery
		if err := c.g.get(ctx, url.PathEscape(c.igUser), url.Values{"fields": {fields}}, page, &d); err != nil {
			return res, err
		}
		bd := d.BusinessDiscovery
		if bd == nil {
			return res, httpx.Malformed(kopuro.Instagram, page, "business_discovery", "missing")
		}
		if n == 1 {
			res.Snapshots = c.snapshots(bd.FollowersCount, bd.MediaCount)
		}
		if bd.Media == nil {
			return res, nil
		}
		older := platform.AddPage(&res, page, bd.Media.Data, since, func(m igMedia) (kopuro.Post, *kopuro.Error) {
			return c.post(m, res.Account)
		})
		next, ok := bd.Media.Paging.after(cursor, false)
		if !ok || older || len(bd.Media.Data) == 0 {
			return res, nil
		}
		if !safeToken(next) {
			return res, httpx.Malformed(kopuro.Instagram, page, "business_discovery.media.paging.cursors.after", "a cursor with unexpected characters")
		}
		cursor = next
	}
}

func (c *Instagram) snapshots(followers, media *int64) []kopuro.Snapshot {
	today := kopuro.DateOf(c.g.now())
	var out []kopuro.Snapshot
	for _, s := range []struct {
		m kopuro.Metric
		v *int64
	}{{kopuro.MetricFollowers, followers}, {kopuro.MetricPosts, media}} {
		snap := kopuro.Snapshot{Metric: s.m, AsOf: today, Source: InstagramSource, Value: count(s.v), Precision: kopuro.Exact}
		if !snap.Value.Valid {
			snap.Precision = kopuro.None
		}
		out = append(out, snap)
	}
	return out
}

// post maps one IG Media. A like count the owner hid is absent and stays
// Unknown.
func (c *Instagram) post(m igMedia, acc kopuro.AccountRef) (kopuro.Post, *kopuro.Error) {
	t, off, err := itemTime(kopuro.Instagram, "media", m.ID, "timestamp", m.Timestamp)
	if err != nil {
		return kopuro.Post{}, err
	}
	return kopuro.Post{
		Platform: kopuro.Instagram, ExternalID: m.ID, Account: acc,
		URL: safeURL(m.Permalink), Published: t, Offset: off,
		Text: m.Caption, Format: igFormat(m.MediaType, m.MediaProductType),
		Likes: count(m.LikeCount), Comments: count(m.CommentsCount),
		Shares: kopuro.Unknown, Views: kopuro.Unknown, Saves: kopuro.Unknown,
		Hashtags: kopuro.Hashtags(m.Caption), Mentions: kopuro.Mentions(m.Caption),
		Source: kopuro.Source{Format: InstagramSource, File: "business_discovery", Version: "v21.0", ImportedAt: c.g.now().UTC()},
	}, nil
}

// igFormat maps media_type and media_product_type to a format.
func igFormat(mediaType, product string) kopuro.Format {
	switch strings.ToUpper(product) {
	case "REELS":
		return kopuro.FormatReel
	case "STORY":
		return kopuro.FormatStory
	}
	switch strings.ToUpper(mediaType) {
	case "IMAGE":
		return kopuro.FormatPhoto
	case "VIDEO":
		return kopuro.FormatVideo
	case "CAROUSEL_ALBUM":
		return kopuro.FormatAlbum
	}
	return ""
}

// safeURL keeps a link from the API only when it is an http(s) URL.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return u.String()
}
