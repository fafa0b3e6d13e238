package youtube

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"

	"google.golang.org/api/googleapi"
	yt "google.golang.org/api/youtube/v3"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
)

// uploads pages through the uploads playlist and returns the ids of videos
// published at or after since. The playlist lists newest first, so paging
// stops at the first page whose videos are all older than since.
func (c *Collector) uploads(ctx context.Context, playlist string, since time.Time) ([]string, error) {
	var ids []string
	seen := map[string]bool{}
	call := c.svc.PlaylistItems.List([]string{"contentDetails"}).PlaylistId(playlist).MaxResults(50).Context(ctx)
	for page := 1; ; page++ {
		resp, err := call.Do()
		if err != nil {
			return ids, c.apiErr(err, fmt.Sprintf("uploads playlist %s page %d", playlist, page))
		}
		older := 0
		for _, it := range resp.Items {
			if it == nil || it.ContentDetails == nil || it.ContentDetails.VideoId == "" {
				continue
			}
			cd := it.ContentDetails
			if !since.IsZero() && cd.VideoPublishedAt != "" {
				if t, err := time.Parse(time.RFC3339, cd.VideoPublishedAt); err == nil && t.Before(since) {
					older++
					continue
				}
			}
			if !seen[cd.VideoId] {
				seen[cd.VideoId] = true
				ids = append(ids, cd.VideoId)
			}
		}
		if resp.NextPageToken == "" || (older > 0 && older == len(resp.Items)) {
			return ids, nil
		}
		call.PageToken(resp.NextPageToken)
	}
}

// videoList is the answer of videos.list. It is decoded here, not by
// Google's client, whose statistics are plain uint64: a count the owner
// hid (likes, usually) would read as 0, "nobody liked it".
type videoList struct {
	Items []*video `json:"items"`
}

// video is one video of videoList. Snippet and live details are Google's
// own types; the counts are pointers, nil when the answer leaves them out.
type video struct {
	ID                   string                        `json:"id"`
	Snippet              *yt.VideoSnippet              `json:"snippet"`
	LiveStreamingDetails *yt.VideoLiveStreamingDetails `json:"liveStreamingDetails"`
	Statistics           *struct {
		// The API writes its counts as decimal strings.
		ViewCount    *uint64 `json:"viewCount,string"`
		LikeCount    *uint64 `json:"likeCount,string"`
		CommentCount *uint64 `json:"commentCount,string"`
	} `json:"statistics"`
}

// videos fetches the videos with their statistics, 50 at a time (the
// API's limit for ids in one request), into res.
func (c *Collector) videos(ctx context.Context, res *platform.Result, ids []string, since time.Time) error {
	for start, page := 0, 1; start < len(ids); start, page = start+50, page+1 {
		batch := ids[start:min(start+50, len(ids))]
		name := fmt.Sprintf("videos page %d", page)
		q := url.Values{"part": {"snippet,statistics,contentDetails,liveStreamingDetails"}, "id": {strings.Join(batch, ",")}, "maxResults": {"50"}}
		var list videoList
		if err := c.api.Get(ctx, googleapi.ResolveRelative(c.svc.BasePath, "youtube/v3/videos")+"?"+q.Encode(), name, &list); err != nil {
			return err
		}
		platform.AddPage(res, name, list.Items, since, func(v *video) (kopuro.Post, *kopuro.Error) {
			return c.post(v, res.Account)
		})
	}
	return nil
}

// post maps one video; a count the answer leaves out is Unknown, not zero.
func (c *Collector) post(v *video, acc kopuro.AccountRef) (kopuro.Post, *kopuro.Error) {
	if v == nil || v.ID == "" {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video", "id", "a video without id")
	}
	if v.Snippet == nil {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video "+v.ID, "snippet", "no snippet")
	}
	published, err := time.Parse(time.RFC3339, v.Snippet.PublishedAt)
	if err != nil {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video "+v.ID, "snippet.publishedAt", fmt.Sprintf("%q is not an RFC 3339 time", httpx.Printable(v.Snippet.PublishedAt, 40)))
	}
	text := v.Snippet.Title
	if d := strings.TrimSpace(v.Snippet.Description); d != "" {
		text += "\n\n" + d
	}
	p := kopuro.Post{
		Platform:   kopuro.YouTube,
		ExternalID: v.ID,
		Account:    acc,
		URL:        "https://www.youtube.com/watch?v=" + v.ID,
		Published:  published.UTC(),
		Text:       text,
		Format:     format(v),
		Hashtags:   kopuro.Hashtags(text + " " + hashTags(v.Snippet.Tags)),
		Mentions:   kopuro.Mentions(text),
		Source:     kopuro.Source{Format: SourceName, File: "videos.list", Version: "v3", ImportedAt: c.now().UTC()},
	}
	if p.Format == kopuro.FormatReel {
		p.URL = "https://www.youtube.com/shorts/" + v.ID
	}
	if st := v.Statistics; st != nil {
		p.Views, p.Likes, p.Comments = count(st.ViewCount), count(st.LikeCount), count(st.CommentCount)
	}
	return p, nil
}

// hashTags writes the video's tags that are hashtags ("#shorts") so that
// Hashtags finds them; plain keyword tags are not hashtags.
func hashTags(tags []string) string {
	var b strings.Builder
	for _, t := range tags {
		if strings.HasPrefix(t, "#") {
			b.WriteString(" " + t)
		}
	}
	return b.String()
}

// format tells live streams and Shorts from other videos. The API has no
// Shorts flag: a video is taken for a Short when its creator marked it
// #shorts (title, description or tags), the way YouTube itself suggests.
// Other Shorts are counted as videos.
func format(v *video) kopuro.Format {
	s := v.Snippet
	if v.LiveStreamingDetails != nil || s.LiveBroadcastContent == "live" || s.LiveBroadcastContent == "upcoming" {
		return kopuro.FormatLive
	}
	all := s.Title + " " + s.Description + " " + hashTags(s.Tags)
	for _, h := range kopuro.Hashtags(all) {
		if h == "shorts" || h == "short" {
			return kopuro.FormatReel
		}
	}
	for _, t := range s.Tags {
		if strings.EqualFold(strings.TrimPrefix(t, "#"), "shorts") {
			return kopuro.FormatReel
		}
	}
	return kopuro.FormatVideo
}

// count is a count the answer carried, Unknown when it left it out (or
// wrote one beyond any real count).
func count(n *uint64) kopuro.Count {
	if n == nil || *n > math.MaxInt64 {
		return kopuro.Unknown
	}
	return kopuro.Known(int64(*n))
}
