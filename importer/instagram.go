package importer

import (
	"encoding/json"
	"strings"
	"time"

	"kopuro"
)

// igMedia is the union of the three shapes Instagram's web app has used for
// a post, which Zeeschuimer captures and Instaloader saves:
//   - the "item list" shape of the current feed API (code, caption.text,
//     taken_at, user, media_type, like_count, comments[]);
//   - the legacy GraphQL shape (shortcode, edge_media_to_caption,
//     taken_at_timestamp, owner, __typename GraphImage/GraphVideo/GraphSidecar,
//     edge_media_preview_like …), also Instaloader's "node";
//   - the partial "Polaris" grid shape (__typename XIGPolaris…, code,
//     caption.text, user, play_count; no like or comment counts).
//
// Raw fields are kept raw where their presence matters: a missing caption
// key is drift, a null caption is a post without a caption.
type igMedia struct {
	Typename    string          `json:"__typename"`
	Code        string          `json:"code"`
	Shortcode   string          `json:"shortcode"`
	Caption     json.RawMessage `json:"caption"`
	EdgeCaption *struct {
		Edges []struct {
			Node struct {
				Text string `json:"text"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"edge_media_to_caption"`
	TakenAt          *flexInt `json:"taken_at"`
	TakenAtTimestamp *flexInt `json:"taken_at_timestamp"`
	Date             *flexInt `json:"date"` // Instaloader's synthesised node
	User             *igUser  `json:"user"`
	Owner            *igUser  `json:"owner"`
	Coauthors        []igUser `json:"coauthor_producers"`
	MediaType        int      `json:"media_type"`
	ProductType      string   `json:"product_type"`
	IsVideo          bool     `json:"is_video"`
	Link             string   `json:"link"`

	LikeCount       *flexInt `json:"like_count"`
	CommentCount    *flexInt `json:"comment_count"`
	ViewCount       *flexInt `json:"view_count"`
	PlayCount       *flexInt `json:"play_count"`
	VideoViewCount  *flexInt `json:"video_view_count"`
	VideoPlayCount  *flexInt `json:"video_play_count"`
	ReshareCount    *flexInt `json:"reshare_count"`
	CountsDisabled  bool     `json:"like_and_view_counts_disabled"`
	EdgeLike        *igEdge  `json:"edge_media_preview_like"`
	EdgeLikedBy     *igEdge  `json:"edge_liked_by"`
	EdgeComment     *igEdge  `json:"edge_media_to_comment"`
	EdgePreviewComm *igEdge  `json:"edge_media_preview_comment"`
	EdgeParentComm  *igEdge  `json:"edge_media_to_parent_comment"`
	// Comments is the item list's preview comments (an array) or, in an
	// Instaloader node built from the mobile API, the comment count.
	Comments        json.RawMessage `json:"comments"`
	PreviewComments []igComment     `json:"preview_comments"`
	Usertags        *struct {
		In []struct {
			User igUser `json:"user"`
		} `json:"in"`
	} `json:"usertags"`
	EdgeTagged *struct {
		Edges []struct {
			Node struct {
				User igUser `json:"user"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"edge_media_to_tagged_user"`
}

type igUser struct {
	Username string `json:"username"`
}

// igEdge is a GraphQL connection: a count and, for comments, a page of nodes.
type igEdge struct {
	Count *flexInt `json:"count"`
	Edges []struct {
		Node igComment `json:"node"`
	} `json:"edges"`
}

// igComment is a comment in either shape: item list (pk, created_at, user,
// comment_like_count) or Graph (id, created_at, owner, edge_liked_by).
type igComment struct {
	PK          flexString `json:"pk"`
	ID          flexString `json:"id"`
	Text        string     `json:"text"`
	CreatedAt   *flexInt   `json:"created_at"`
	User        *igUser    `json:"user"`
	Owner       *igUser    `json:"owner"`
	LikeCount   *flexInt   `json:"comment_like_count"`
	EdgeLikedBy *igEdge    `json:"edge_liked_by"`
}

// isAd reports whether 4CAT's rules mark the item as an advertisement,
// which is not the account's own post and is skipped.
func (m *igMedia) isAd() bool {
	return m.ProductType == "ad" || strings.HasPrefix(m.Link, "https://www.facebook.com/ads/ig_redirect")
}

// igPost maps one Instagram media to a post and its preview comments. kind
// and n name the item in errors ("instagram item 12").
func igPost(m *igMedia, file string, line int, kind string, n int, format string) (kopuro.Post, []kopuro.Comment, *kopuro.Error) {
	var p kopuro.Post
	code := m.Code
	if code == "" {
		code = m.Shortcode
	}
	if code == "" {
		return p, nil, drift(file, line, kind, n, "code", "shortcode")
	}
	text, ok := m.caption()
	if !ok {
		return p, nil, drift(file, line, kind, n, "caption.text", "edge_media_to_caption")
	}
	ts := m.TakenAt
	if ts == nil || !ts.Set {
		ts = m.TakenAtTimestamp
	}
	if ts == nil || !ts.Set {
		ts = m.Date
	}
	if ts == nil || !ts.Set {
		if strings.HasPrefix(kind, "instaloader") {
			return p, nil, drift(file, line, kind, n, "taken_at_timestamp", "date")
		}
		return p, nil, drift(file, line, kind, n, "taken_at", "taken_at_timestamp")
	}
	if ts.N <= 0 {
		return p, nil, badValue(file, line, kind, n, "taken_at", "0")
	}
	handle := ""
	for _, u := range []*igUser{m.User, m.Owner} {
		if u != nil && u.Username != "" {
			handle = u.Username
			break
		}
	}
	if handle == "" {
		return p, nil, drift(file, line, kind, n, "user.username", "owner.username")
	}
	p = kopuro.Post{
		Platform:   kopuro.Instagram,
		ExternalID: code,
		Account:    kopuro.AccountRef{Platform: kopuro.Instagram, Handle: handle},
		URL:        "https://www.instagram.com/p/" + code + "/",
		Published:  time.Unix(ts.N, 0).UTC(),
		Text:       text,
		Format:     m.format(),
		Likes:      kopuro.Unknown,
		Comments:   kopuro.Unknown,
		Shares:     m.ReshareCount.count(),
		Views:      kopuro.Unknown,
		Saves:      kopuro.Unknown,
		Hashtags:   kopuro.Hashtags(text),
		Source:     source(format, file),
	}
	if !m.CountsDisabled {
		p.Likes = firstCount(m.LikeCount, m.EdgeLike.count(), m.EdgeLikedBy.count())
		if p.Format.IsVideo() {
			p.Views = firstCount(m.ViewCount, m.VideoViewCount, m.PlayCount, m.VideoPlayCount)
		}
	}
	var numComments flexInt // an array (previews) leaves it unset
	if len(m.Comments) > 0 {
		_ = json.Unmarshal(m.Comments, &numComments)
	}
	p.Comments = firstCount(m.CommentCount, m.EdgeParentComm.count(), m.EdgeComment.count(), m.EdgePreviewComm.count(), &numComments)
	var tagged []string
	if m.Usertags != nil {
		for _, t := range m.Usertags.In {
			tagged = append(tagged, t.User.Username)
		}
	}
	if m.EdgeTagged != nil {
		for _, e := range m.EdgeTagged.Edges {
			tagged = append(tagged, e.Node.User.Username)
		}
	}
	for _, c := range m.Coauthors {
		if !strings.EqualFold(c.Username, handle) {
			tagged = append(tagged, c.Username)
		}
	}
	p.Mentions = mergeTags(kopuro.Mentions(text), tagged...)
	comments, cerr := m.comments(p, file, line, kind, n)
	return p, comments, cerr
}

// caption returns the caption text and whether any caption field was there.
func (m *igMedia) caption() (string, bool) {
	if present(m.Caption) {
		if isNull(m.Caption) {
			return "", true
		}
		var c struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(m.Caption, &c) == nil {
			return c.Text, true
		}
		var s string // Instaloader's synthesised node keeps the caption as a string
		if json.Unmarshal(m.Caption, &s) == nil {
			return s, true
		}
		return "", false
	}
	if m.EdgeCaption != nil {
		if len(m.EdgeCaption.Edges) == 0 {
			return "", true
		}
		return m.EdgeCaption.Edges[0].Node.Text, true
	}
	return "", false
}

// format maps media_type / __typename / product_type to a post format.
func (m *igMedia) format() kopuro.Format {
	t := strings.ToLower(m.Typename)
	switch {
	case m.MediaType == 8 || strings.Contains(t, "sidecar") || strings.Contains(t, "carousel"):
		return kopuro.FormatAlbum
	case m.MediaType == 2 || m.IsVideo || strings.Contains(t, "video"):
		if m.ProductType == "clips" {
			return kopuro.FormatReel
		}
		return kopuro.FormatVideo
	case m.MediaType == 1 || strings.Contains(t, "image"):
		return kopuro.FormatPhoto
	}
	return ""
}

// comments maps the preview comments a capture carries. A comment by the
// post's own account is the institution answering.
func (m *igMedia) comments(p kopuro.Post, file string, line int, kind string, n int) ([]kopuro.Comment, *kopuro.Error) {
	var list []igComment
	if len(m.Comments) > 0 && m.Comments[0] == '[' {
		if err := json.Unmarshal(m.Comments, &list); err != nil {
			return nil, badValue(file, line, kind, n, "comments", string(m.Comments))
		}
	}
	list = append(list, m.PreviewComments...)
	for _, e := range []*igEdge{m.EdgeComment, m.EdgePreviewComm, m.EdgeParentComm} {
		if e != nil {
			for _, x := range e.Edges {
				list = append(list, x.Node)
			}
		}
	}
	var out []kopuro.Comment
	seen := map[string]bool{}
	for _, c := range list {
		id := string(c.PK)
		if id == "" {
			id = string(c.ID)
		}
		if id == "" || seen[id] {
			continue // a preview without an id cannot be kept idempotently
		}
		seen[id] = true
		author := ""
		for _, u := range []*igUser{c.User, c.Owner} {
			if u != nil && u.Username != "" {
				author = strings.ToLower(u.Username)
				break
			}
		}
		cm := kopuro.Comment{
			Platform:        kopuro.Instagram,
			PostExternalID:  p.ExternalID,
			ExternalID:      id,
			Author:          author,
			FromInstitution: author != "" && author == kopuro.NormalizeHandle(kopuro.Instagram, p.Account.Handle),
			Text:            c.Text,
			Likes:           firstCount(c.LikeCount, c.EdgeLikedBy.count()),
		}
		if c.CreatedAt != nil && c.CreatedAt.Set && c.CreatedAt.N > 0 {
			cm.Published = time.Unix(c.CreatedAt.N, 0).UTC()
		}
		out = append(out, cm)
	}
	return out, nil
}

func (e *igEdge) count() *flexInt {
	if e == nil {
		return nil
	}
	return e.Count
}

// firstCount returns the first count that is set, or Unknown.
func firstCount(fs ...*flexInt) kopuro.Count {
	for _, f := range fs {
		if c := f.count(); c.Valid {
			return c
		}
	}
	return kopuro.Unknown
}
