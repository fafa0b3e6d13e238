package meta

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// FacebookSource is recorded as the source of what the Facebook collector
// fetches.
const FacebookSource = "facebook-graph-api"

// postFields are the Page post fields Kopuro asks for; the summaries come
// without their items (limit(0)): only the totals are needed.
const postFields = "id,message,created_time,permalink_url,shares," +
	"reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),attachments{media_type}"

// Facebook collects the posts of Facebook pages and the comments under
// the most recent ones.
type Facebook struct {
	g            *graph
	commentPosts int
}

var _ platform.Collector = (*Facebook)(nil)

// NewFacebook returns the Facebook collector.
func NewFacebook(cfg Config) (*Facebook, error) {
	g, err := newGraph(kopuro.Facebook, cfg, "FACEBOOK_ACCESS_TOKEN")
	if err != nil {
		return nil, err
	}
	n := cfg.CommentPosts
	if n == 0 {
		n = 20
	}
	return &Facebook{g: g, commentPosts: n}, nil
}

// Platform is Facebook.
func (c *Facebook) Platform() kopuro.Platform { return kopuro.Facebook }

type fbSummary struct {
	Summary *struct {
		TotalCount *int64 `json:"total_count"`
	} `json:"summary"`
}

type fbPost struct {
	ID           string `json:"id"`
	Message      string `json:"message"`
	CreatedTime  string `json:"created_time"`
	PermalinkURL string `json:"permalink_url"`
	Shares       *struct {
		Count *int64 `json:"count"`
	} `json:"shares"`
	Reactions   *fbSummary `json:"reactions"`
	Comments    *fbSummary `json:"comments"`
	Attachments *struct {
		Data []struct {
			MediaType string `json:"media_type"`
		} `json:"data"`
	} `json:"attachments"`
}

type fbPage struct {
	ID             string `json:"id"`
	FollowersCount *int64 `json:"followers_count"`
}

// Collect fetches the page target.Handle (its id or user name): its
// follower count when the token may see it, and its posts newest first
// until since.
func (c *Facebook) Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (platform.Result, error) {
	page := kopuro.NormalizeHandle(kopuro.Facebook, target.Handle)
	res := platform.Result{Account: kopuro.AccountRef{Platform: kopuro.Facebook, Handle: page, Institution: target.Institution}}
	if !safeToken(page) {
		return res, httpx.BadTarget(kopuro.Facebook, target.Handle)
	}
	var info fbPage
	if err := c.g.get(ctx, url.PathEscape(page), url.Values{"fields": {"id,followers_count"}}, "page "+page, &info); err != nil {
		return res, err
	}
	if info.FollowersCount != nil {
		res.Snapshots = append(res.Snapshots, kopuro.Snapshot{Metric: kopuro.MetricFollowers, AsOf: kopuro.DateOf(c.g.now()),
			Source: FacebookSource, Value: count(info.FollowersCount), Precision: kopuro.Exact})
	}
	params := url.Values{"fields": {postFields}, "limit": {strconv.Itoa(c.g.pageSize)}}
	if !since.IsZero() {
		params.Set("since", strconv.FormatInt(since.Unix(), 10))
	}
	err := eachPage(ctx, c.g, kopuro.Facebook, url.PathEscape(page)+"/posts", params, "posts of page "+page,
		func(name string, items []fbPost) bool {
			older := platform.AddPage(&res, name, items, since, func(fp fbPost) (kopuro.Post, *kopuro.Error) {
				return c.post(fp, res.Account)
			})
			return !older
		})
	if err != nil {
		return res, err
	}
	for _, p := range platform.Recent(res.Posts, c.commentPosts) {
		if p.Comments.Valid && p.Comments.N == 0 {
			continue // nothing to ask for
		}
		if err := c.comments(ctx, &res, p.ExternalID, info.ID); err != nil {
			return res, err
		}
	}
	return res, nil
}

// post maps one page post. The Graph API leaves the shares field out of a
// post nobody shared, so a missing shares field on a post whose other
// summaries arrived is zero; without them, nothing is known.
func (c *Facebook) post(fp fbPost, acc kopuro.AccountRef) (kopuro.Post, *kopuro.Error) {
	t, off, err := itemTime(kopuro.Facebook, "post", fp.ID, "created_time", fp.CreatedTime)
	if err != nil {
		return kopuro.Post{}, err
	}
	p := kopuro.Post{
		Platform: kopuro.Facebook, ExternalID: fp.ID, Account: acc,
		URL: safeURL(fp.PermalinkURL), Published: t, Offset: off,
		Text: fp.Message, Format: fbFormat(fp),
		Likes: total(fp.Reactions), Comments: total(fp.Comments),
		Views: kopuro.Unknown, Saves: kopuro.Unknown,
		Hashtags: kopuro.Hashtags(fp.Message), Mentions: kopuro.Mentions(fp.Message),
		Source: kopuro.Source{Format: FacebookSource, File: "page posts", Version: "v21.0", ImportedAt: c.g.now().UTC()},
	}
	switch {
	case fp.Shares != nil:
		p.Shares = count(fp.Shares.Count)
	case p.Likes.Valid || p.Comments.Valid:
		p.Shares = kopuro.Known(0)
	}
	return p, nil
}

func total(s *fbSummary) kopuro.Count {
	if s == nil || s.Summary == nil {
		return kopuro.Unknown
	}
	return count(s.Summary.TotalCount)
}

// fbFormat reads the first attachment's media type; a post without
// attachments is text.
func fbFormat(fp fbPost) kopuro.Format {
	if fp.Attachments == nil || len(fp.Attachments.Data) == 0 {
		return kopuro.FormatText
	}
	switch fp.Attachments.Data[0].MediaType {
	case "photo":
		return kopuro.FormatPhoto
	case "video":
		return kopuro.FormatVideo
	case "album":
		return kopuro.FormatAlbum
	case "event":
		return kopuro.FormatEvent
	}
	return ""
}
