package importer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"kopuro"
)

// ttItem is a TikTok video object as the web app loads it (the "data" of a
// Zeeschuimer line). Older embedded-JSON items carry the author as a plain
// string beside "nickname"; newer ones also carry "statsV2" with counts as
// strings.
type ttItem struct {
	ID         flexString      `json:"id"`
	Desc       *string         `json:"desc"`
	CreateTime *flexInt        `json:"createTime"`
	Author     json.RawMessage `json:"author"`
	Stats      *ttStats        `json:"stats"`
	StatsV2    *ttStats        `json:"statsV2"`
	Challenges []struct {
		Title string `json:"title"`
	} `json:"challenges"`
	TextExtra []struct {
		HashtagName  string `json:"hashtagName"`
		UserUniqueID string `json:"userUniqueId"`
	} `json:"textExtra"`
	ImagePost *struct {
		Images []json.RawMessage `json:"images"`
	} `json:"imagePost"`
	IsAd        bool `json:"isAd"`
	AuthorStats *struct {
		FollowerCount *flexInt `json:"followerCount"`
	} `json:"authorStats"`
}

type ttStats struct {
	DiggCount    *flexInt `json:"diggCount"`
	CommentCount *flexInt `json:"commentCount"`
	ShareCount   *flexInt `json:"shareCount"`
	PlayCount    *flexInt `json:"playCount"`
	CollectCount *flexInt `json:"collectCount"`
}

func (z Zeeschuimer) tiktok(env zsEnvelope, file string, n int, t *tally, seen audience) bool {
	const kind = "tiktok item"
	var v ttItem
	if err := json.Unmarshal(env.Data, &v); err != nil {
		return t.fail(n, corrupt(file, n, fmt.Sprintf("%s %d", kind, n), err).InField("data"))
	}
	return z.tiktokItem(&v, env.Collected, file, n, t, seen)
}

func (z Zeeschuimer) tiktokItem(v *ttItem, collected *flexInt, file string, n int, t *tally, seen audience) bool {
	const kind = "tiktok item"
	if v.IsAd {
		return true
	}
	if v.ID == "" {
		return t.fail(n, drift(file, n, kind, n, "id"))
	}
	if v.Desc == nil {
		return t.fail(n, drift(file, n, kind, n, "desc"))
	}
	if v.CreateTime == nil || !v.CreateTime.Set {
		return t.fail(n, drift(file, n, kind, n, "createTime"))
	}
	if v.CreateTime.N <= 0 {
		return t.fail(n, badValue(file, n, kind, n, "createTime", fmt.Sprint(v.CreateTime.N)))
	}
	handle := ttAuthor(v.Author)
	if handle == "" {
		return t.fail(n, drift(file, n, kind, n, "author.uniqueId", "author"))
	}
	text := *v.Desc
	p := kopuro.Post{
		Platform:   kopuro.TikTok,
		ExternalID: string(v.ID),
		Account:    kopuro.AccountRef{Platform: kopuro.TikTok, Handle: handle},
		URL:        "https://www.tiktok.com/@" + handle + "/video/" + string(v.ID),
		Published:  time.Unix(v.CreateTime.N, 0).UTC(),
		Text:       text,
		Format:     kopuro.FormatVideo,
		Source:     source(z.Name(), file),
	}
	if v.ImagePost != nil {
		p.Format = kopuro.FormatPhoto
		if len(v.ImagePost.Images) > 1 {
			p.Format = kopuro.FormatAlbum
		}
	}
	var tags, mentions []string
	for _, c := range v.Challenges {
		tags = append(tags, c.Title)
	}
	for _, x := range v.TextExtra {
		tags = append(tags, x.HashtagName)
		mentions = append(mentions, x.UserUniqueID)
	}
	p.Hashtags = mergeTags(kopuro.Hashtags(text), tags...)
	p.Mentions = mergeTags(kopuro.Mentions(text), mentions...)
	var s, s2 ttStats
	if v.Stats != nil {
		s = *v.Stats
	}
	if v.StatsV2 != nil {
		s2 = *v.StatsV2
	}
	p.Likes = firstCount(s.DiggCount, s2.DiggCount)
	p.Comments = firstCount(s.CommentCount, s2.CommentCount)
	p.Shares = firstCount(s.ShareCount, s2.ShareCount)
	p.Views = firstCount(s.PlayCount, s2.PlayCount)
	p.Saves = firstCount(s.CollectCount, s2.CollectCount)
	if !emitPost(t, file, n, p, nil) {
		return false
	}
	// The author's follower count as seen when the item was captured.
	if v.AuthorStats != nil && collected != nil && collected.Set && collected.N > 0 {
		at := time.UnixMilli(collected.N).UTC()
		return seen.emit(t, file, n, p.Account, v.AuthorStats.FollowerCount.count(), kopuro.Exact, at, z.Name())
	}
	return true
}

// ttAuthor reads author.uniqueId, or the author string of older items.
func ttAuthor(raw json.RawMessage) string {
	if isNull(raw) {
		return ""
	}
	var a struct {
		UniqueID string `json:"uniqueId"`
	}
	if json.Unmarshal(raw, &a) == nil {
		return strings.TrimSpace(a.UniqueID)
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return ""
}
