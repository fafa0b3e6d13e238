package tiktok

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// id is a video id: a number beyond float64's exact range, given as a
// JSON number (or, defensively, a string). It is kept as its digits.
type id string

func (v *id) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	if s == "null" || s == "" {
		*v = ""
		return nil
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return fmt.Errorf("id %q is not a number", httpx.Printable(s, 30))
		}
	}
	*v = id(s)
	return nil
}

type video struct {
	ID           id       `json:"id"`
	VideoID      id       `json:"video_id"` // the name in the 2023 documentation example
	Username     string   `json:"username"`
	CreateTime   *int64   `json:"create_time"`
	Description  string   `json:"video_description"`
	ViewCount    *int64   `json:"view_count"`
	LikeCount    *int64   `json:"like_count"`
	CommentCount *int64   `json:"comment_count"`
	ShareCount   *int64   `json:"share_count"`
	Hashtags     []string `json:"hashtag_names"`
}

type videoPage struct {
	Videos   []video `json:"videos"`
	Cursor   int64   `json:"cursor"`
	HasMore  bool    `json:"has_more"`
	SearchID string  `json:"search_id"`
}

type condition struct {
	FieldName   string   `json:"field_name"`
	Operation   string   `json:"operation"`
	FieldValues []string `json:"field_values"`
}

type videoQuery struct {
	Query struct {
		And []condition `json:"and"`
	} `json:"query"`
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
	MaxCount  int    `json:"max_count"`
	Cursor    int64  `json:"cursor,omitempty"`
	SearchID  string `json:"search_id,omitempty"`
}

// videos queries the user's videos from since to today, newest window
// first, each window paged by cursor and search id until has_more is false.
func (c *Collector) videos(ctx context.Context, res *platform.Result, user string, since time.Time) error {
	today := c.now().UTC().Truncate(24 * time.Hour)
	first := since.UTC().Truncate(24 * time.Hour)
	if since.IsZero() {
		first = today.Add(-c.cfg.Lookback).Truncate(24 * time.Hour)
	}
	for end := today; !end.Before(first); end = end.AddDate(0, 0, -window) {
		start := end.AddDate(0, 0, -(window - 1))
		if start.Before(first) {
			start = first
		}
		q := videoQuery{StartDate: start.Format("20060102"), EndDate: end.Format("20060102"), MaxCount: 100}
		q.Query.And = []condition{{FieldName: "username", Operation: "EQ", FieldValues: []string{user}}}
		for n := 1; ; n++ {
			page := fmt.Sprintf("videos of %s from %s to %s page %d", user, q.StartDate, q.EndDate, n)
			vp, err := query[videoPage](ctx, c, "/v2/research/video/query/", videoFields, q, page)
			if err != nil {
				return err
			}
			platform.AddPage(res, page, vp.Videos, since, func(v video) (kopuro.Post, *kopuro.Error) {
				return c.post(v, user, res.Account)
			})
			if !vp.HasMore || len(vp.Videos) == 0 {
				break
			}
			if vp.Cursor <= q.Cursor {
				return httpx.Malformed(kopuro.TikTok, page, "data.cursor", "the cursor does not advance")
			}
			q.Cursor, q.SearchID = vp.Cursor, vp.SearchID
		}
	}
	return nil
}

// post maps one video; counts not returned are Unknown.
func (c *Collector) post(v video, user string, acc kopuro.AccountRef) (kopuro.Post, *kopuro.Error) {
	vid := string(v.ID)
	if vid == "" {
		vid = string(v.VideoID)
	}
	if vid == "" {
		return kopuro.Post{}, httpx.Malformed(kopuro.TikTok, "video", "id", "a video without id")
	}
	if v.CreateTime == nil || *v.CreateTime <= 0 {
		return kopuro.Post{}, httpx.Malformed(kopuro.TikTok, "video "+vid, "create_time", "missing or not a time")
	}
	author := user
	if v.Username != "" {
		author = kopuro.NormalizeHandle(kopuro.TikTok, v.Username)
	}
	tags := kopuro.Hashtags(v.Description)
	for _, h := range v.Hashtags {
		h = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "#"))
		if h != "" && !slices.Contains(tags, h) {
			tags = append(tags, h)
		}
	}
	return kopuro.Post{
		Platform: kopuro.TikTok, ExternalID: vid, Account: acc,
		URL:       "https://www.tiktok.com/@" + author + "/video/" + vid,
		Published: time.Unix(*v.CreateTime, 0).UTC(),
		Text:      v.Description, Format: kopuro.FormatVideo,
		Views: cnt(v.ViewCount), Likes: cnt(v.LikeCount), Comments: cnt(v.CommentCount), Shares: cnt(v.ShareCount),
		Hashtags: tags, Mentions: kopuro.Mentions(v.Description),
		Source: kopuro.Source{Format: SourceName, File: "research/video/query", Version: "v2", ImportedAt: c.now().UTC()},
	}, nil
}

func cnt(p *int64) kopuro.Count {
	if p == nil || *p < 0 {
		return kopuro.Unknown
	}
	return kopuro.Known(*p)
}

// userInfo is the Research API's user info.
type userInfo struct {
	FollowerCount *int64 `json:"follower_count"`
	VideoCount    *int64 `json:"video_count"`
}

// user fetches the account's follower and video counts as snapshots.
func (c *Collector) user(ctx context.Context, user string) ([]kopuro.Snapshot, error) {
	u, err := query[userInfo](ctx, c, "/v2/research/user/info/", userFields, map[string]string{"username": user}, "user info of "+user)
	if err != nil {
		return nil, err
	}
	today := kopuro.DateOf(c.now())
	var out []kopuro.Snapshot
	for _, s := range []struct {
		m kopuro.Metric
		v *int64
	}{{kopuro.MetricFollowers, u.FollowerCount}, {kopuro.MetricPosts, u.VideoCount}} {
		snap := kopuro.Snapshot{Metric: s.m, AsOf: today, Source: SourceName, Value: cnt(s.v), Precision: kopuro.Exact}
		if !snap.Value.Valid {
			snap.Precision = kopuro.None
		}
		out = append(out, snap)
	}
	return out, nil
}

// validUser reports whether s can be a TikTok username (letters, digits,
// underscores and dots, at most 24).
func validUser(s string) bool {
	if s == "" || len(s) > 24 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// Collect fetches the account target.Handle (a TikTok username): its user
// info and its videos since since (a year back when since is zero).
func (c *Collector) Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (platform.Result, error) {
	user := kopuro.NormalizeHandle(kopuro.TikTok, target.Handle)
	res := platform.Result{Account: kopuro.AccountRef{Platform: kopuro.TikTok, Handle: user, Institution: target.Institution}}
	if !validUser(user) {
		return res, httpx.BadTarget(kopuro.TikTok, target.Handle)
	}
	snaps, err := c.user(ctx, user)
	res.Snapshots = snaps
	if err != nil {
		return res, err
	}
	return res, c.videos(ctx, &res, user, since)
}
