package meta

import (
	"context"
	"net/url"

	"kopuro"
	"kopuro/platform"
)

// commentFields are asked for every comment; with filter=stream the list
// holds replies too, each naming its parent.
const commentFields = "id,message,created_time,from{id,name},like_count,parent{id}"

type fbComment struct {
	ID          string `json:"id"`
	Message     string `json:"message"`
	CreatedTime string `json:"created_time"`
	From        *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"from"`
	LikeCount *int64 `json:"like_count"`
	Parent    *struct {
		ID string `json:"id"`
	} `json:"parent"`
}

// comments fetches every comment and reply under a post into res. A
// comment whose author is the page itself (pageID) is the institution's
// own: the response-rate metric counts those. The Graph API leaves out the
// author of people who did not allow it to be shown; such comments have no
// author and are not the institution's.
func (c *Facebook) comments(ctx context.Context, res *platform.Result, postID, pageID string) error {
	params := url.Values{"fields": {commentFields}, "filter": {"stream"}, "limit": {"100"}}
	return eachPage(ctx, c.g, kopuro.Facebook, url.PathEscape(postID)+"/comments", params, "comments of post "+postID,
		func(name string, items []fbComment) bool {
			for i, fc := range items {
				t, _, err := itemTime(kopuro.Facebook, "comment", fc.ID, "created_time", fc.CreatedTime)
				if err != nil {
					res.Problems = append(res.Problems, err.At(name, i+1))
					continue
				}
				cm := kopuro.Comment{Platform: kopuro.Facebook, PostExternalID: postID, ExternalID: fc.ID,
					Text: fc.Message, Published: t, Likes: count(fc.LikeCount)}
				if fc.From != nil {
					cm.Author = fc.From.Name
					cm.FromInstitution = pageID != "" && fc.From.ID == pageID
				}
				if fc.Parent != nil {
					cm.ParentID = fc.Parent.ID
				}
				res.Comments = append(res.Comments, cm)
			}
			return true
		})
}
