package youtube

import (
	"context"
	"fmt"
	"time"

	yt "google.golang.org/api/youtube/v3"

	"kopuro"
	"kopuro/platform/httpx"
)

// comments fetches every comment thread of a video, with all replies.
// A thread's answer holds at most a few replies; when it says there are
// more, the rest are fetched with comments.list. Comments written by the
// channel itself are marked FromInstitution. A video whose comments are
// disabled has none; that is not a problem.
func (c *Collector) comments(ctx context.Context, videoID, channelID string) ([]kopuro.Comment, []error, error) {
	var out []kopuro.Comment
	var problems []error
	call := c.svc.CommentThreads.List([]string{"snippet", "replies"}).VideoId(videoID).
		MaxResults(100).TextFormat("plainText").Context(ctx)
	for page := 1; ; page++ {
		name := fmt.Sprintf("comment threads of video %s page %d", videoID, page)
		resp, err := call.Do()
		if err != nil {
			if hasReason(err, "commentsDisabled") {
				return out, problems, nil
			}
			return out, problems, c.apiErr(err, name)
		}
		for i, th := range resp.Items {
			if th == nil || th.Snippet == nil || th.Snippet.TopLevelComment == nil {
				problems = append(problems, httpx.Malformed(kopuro.YouTube, name, "items.snippet.topLevelComment", "a thread without its comment").At(name, i+1))
				continue
			}
			top, err := comment(th.Snippet.TopLevelComment, videoID, "", channelID)
			if err != nil {
				problems = append(problems, err.At(name, i+1))
				continue
			}
			out = append(out, top)
			var replies []*yt.Comment
			if th.Replies != nil {
				replies = th.Replies.Comments
			}
			if th.Snippet.TotalReplyCount > int64(len(replies)) {
				all, err := c.replies(ctx, th.Id, videoID)
				if err != nil {
					return out, problems, err
				}
				replies = all
			}
			for j, r := range replies {
				rc, err := comment(r, videoID, top.ExternalID, channelID)
				if err != nil {
					problems = append(problems, err.At(name, j+1))
					continue
				}
				out = append(out, rc)
			}
		}
		if resp.NextPageToken == "" {
			return out, problems, nil
		}
		call.PageToken(resp.NextPageToken)
	}
}

// replies pages through all replies to a thread.
func (c *Collector) replies(ctx context.Context, parent, videoID string) ([]*yt.Comment, error) {
	var out []*yt.Comment
	call := c.svc.Comments.List([]string{"snippet"}).ParentId(parent).MaxResults(100).
		TextFormat("plainText").Context(ctx)
	for page := 1; ; page++ {
		resp, err := call.Do()
		if err != nil {
			return out, c.apiErr(err, fmt.Sprintf("replies to comment %s on video %s page %d", parent, videoID, page))
		}
		out = append(out, resp.Items...)
		if resp.NextPageToken == "" {
			return out, nil
		}
		call.PageToken(resp.NextPageToken)
	}
}

// comment maps one comment; parent is the thread's top comment for a reply.
func comment(cm *yt.Comment, videoID, parent, channelID string) (kopuro.Comment, *kopuro.Error) {
	if cm == nil || cm.Id == "" || cm.Snippet == nil {
		return kopuro.Comment{}, httpx.Malformed(kopuro.YouTube, "comment on video "+videoID, "id", "a comment without id or snippet")
	}
	s := cm.Snippet
	out := kopuro.Comment{
		Platform:       kopuro.YouTube,
		PostExternalID: videoID,
		ExternalID:     cm.Id,
		ParentID:       parent,
		Author:         s.AuthorDisplayName,
		Text:           s.TextOriginal,
		Likes:          kopuro.Known(s.LikeCount),
	}
	if out.Text == "" {
		out.Text = s.TextDisplay
	}
	if s.AuthorChannelId != nil && s.AuthorChannelId.Value != "" && s.AuthorChannelId.Value == channelID {
		out.FromInstitution = true
	}
	if s.PublishedAt != "" {
		t, err := time.Parse(time.RFC3339, s.PublishedAt)
		if err != nil {
			return kopuro.Comment{}, httpx.Malformed(kopuro.YouTube, "comment "+cm.Id, "snippet.publishedAt", fmt.Sprintf("%q is not an RFC 3339 time", httpx.Printable(s.PublishedAt, 40)))
		}
		out.Published = t.UTC()
	}
	return out, nil
}
