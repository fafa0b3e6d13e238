package youtube

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

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

// videos fetches the videos with their statistics, 50 at a time (the
// API's limit for ids in one request), into res.
func (c *Collector) videos(ctx context.Context, res *platform.Result, ids []string, since time.Time) error {
	for start, page := 0, 1; start < len(ids); start, page = start+50, page+1 {
		batch := ids[start:min(start+50, len(ids))]
		name := fmt.Sprintf("videos page %d", page)
		resp, err := c.svc.Videos.List([]string{"snippet", "statistics", "contentDetails", "liveStreamingDetails"}).
			Id(batch...).MaxResults(50).Context(ctx).Do()
		if err != nil {
			return c.apiErr(err, name)
		}
		present := statisticsPresent(c.raw.take())
		platform.AddPage(res, name, resp.Items, since, func(v *yt.Video) (kopuro.Post, *kopuro.Error) {
			return c.post(v, present, res.Account)
		})
	}
	return nil
}

// post maps one video. present says which statistics the answer carried
// for each video id: a count the owner hid (likes, usually) is Unknown,
// not zero.
func (c *Collector) post(v *yt.Video, present map[string]map[string]bool, acc kopuro.AccountRef) (kopuro.Post, *kopuro.Error) {
	if v == nil || v.Id == "" {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video", "id", "a video without id")
	}
	if v.Snippet == nil {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video "+v.Id, "snippet", "no snippet")
	}
	published, err := time.Parse(time.RFC3339, v.Snippet.PublishedAt)
	if err != nil {
		return kopuro.Post{}, httpx.Malformed(kopuro.YouTube, "video "+v.Id, "snippet.publishedAt", fmt.Sprintf("%q is not an RFC 3339 time", httpx.Printable(v.Snippet.PublishedAt, 40)))
	}
	text := v.Snippet.Title
	if d := strings.TrimSpace(v.Snippet.Description); d != "" {
		text += "\n\n" + d
	}
	p := kopuro.Post{
		Platform:   kopuro.YouTube,
		ExternalID: v.Id,
		Account:    acc,
		URL:        "https://www.youtube.com/watch?v=" + v.Id,
		Published:  published.UTC(),
		Text:       text,
		Format:     format(v),
		Hashtags:   kopuro.Hashtags(text + " " + hashTags(v.Snippet.Tags)),
		Mentions:   kopuro.Mentions(text),
		Source:     kopuro.Source{Format: SourceName, File: "videos.list", Version: "v3", ImportedAt: c.now().UTC()},
	}
	if p.Format == kopuro.FormatReel {
		p.URL = "https://www.youtube.com/shorts/" + v.Id
	}
	if st := v.Statistics; st != nil {
		has := present[v.Id]
		p.Views = count(has, "viewCount", st.ViewCount)
		p.Likes = count(has, "likeCount", st.LikeCount)
		p.Comments = count(has, "commentCount", st.CommentCount)
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
func format(v *yt.Video) kopuro.Format {
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

// count is n when the answer carried the field, Unknown otherwise. Without
// the raw answer (present nil) the typed value is trusted.
func count(has map[string]bool, field string, n uint64) kopuro.Count {
	if has != nil && !has[field] {
		return kopuro.Unknown
	}
	return kopuro.Known(int64(n))
}

// statisticsPresent reads which statistics fields each video of a raw
// videos.list answer carries. Google's typed client decodes a missing
// count as 0, which would turn "hidden" into "nobody liked it".
func statisticsPresent(raw []byte) map[string]map[string]bool {
	var r struct {
		Items []struct {
			ID         string                     `json:"id"`
			Statistics map[string]json.RawMessage `json:"statistics"`
		} `json:"items"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &r) != nil {
		return nil
	}
	out := map[string]map[string]bool{}
	for _, it := range r.Items {
		has := map[string]bool{}
		for k := range it.Statistics {
			has[k] = true
		}
		out[it.ID] = has
	}
	return out
}

// capture keeps the raw body of the last successful videos.list answer
// (see statisticsPresent); every other request passes through untouched.
type capture struct {
	next http.RoundTripper
	mu   sync.Mutex
	last []byte
}

func (c *capture) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK || !strings.HasSuffix(req.URL.Path, "/videos") {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.last = body
	c.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// take returns and forgets the last captured body.
func (c *capture) take() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.last
	c.last = nil
	return b
}
