package importer

import (
	"net/url"
	"strings"
	"time"

	"kopuro"
)

// ytPlatforms maps yt-dlp extractor families to platforms.
var ytPlatforms = map[string]kopuro.Platform{
	"youtube": kopuro.YouTube, "tiktok": kopuro.TikTok, "instagram": kopuro.Instagram,
	"facebook": kopuro.Facebook, "vk": kopuro.VK, "twitter": kopuro.X, "linkedin": kopuro.LinkedIn,
}

// platform is the platform of v: from its extractor, else from the host of
// its page, else YouTube when the id has YouTube's 11-character shape.
func (v ytInfo) platform() (kopuro.Platform, string) {
	if ex := v.extractorName(); ex != "" {
		if p, ok := ytPlatforms[ex]; ok {
			return p, ""
		}
		return "", ex
	}
	for _, raw := range []string{v.WebpageURL, v.OriginalURL} {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			continue
		}
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		host = strings.TrimPrefix(host, "m.")
		switch {
		case host == "youtu.be" || host == "youtube.com" || strings.HasSuffix(host, ".youtube.com"):
			return kopuro.YouTube, ""
		case strings.HasSuffix(host, "tiktok.com"):
			return kopuro.TikTok, ""
		case strings.HasSuffix(host, "instagram.com"):
			return kopuro.Instagram, ""
		case strings.HasSuffix(host, "facebook.com"):
			return kopuro.Facebook, ""
		}
		return "", host
	}
	if len(v.ID) == 11 {
		return kopuro.YouTube, ""
	}
	return "", "(none)"
}

// emit maps one video (with the account fields of its playlist as outer)
// to a post and its comments and yields them.
func (p *ytParser) emit(pd ytPending, outer ytInfo) bool {
	const kind = "yt-dlp entry"
	n, file := pd.n, p.file
	at := func(f string) string {
		if pd.path == "" {
			return f
		}
		return strings.TrimPrefix(pd.path, ".") + "." + f
	}
	v := mergeAccount(pd.info, outer)
	plat, other := v.platform()
	if plat == "" {
		return p.t.fail(n, unsupported(file, n, kind, n, at("extractor"), other))
	}
	if v.ID == "" {
		return p.t.fail(n, drift(file, n, kind, n, at("id")))
	}
	published, offsetKnown := ytTime(v)
	if published.IsZero() {
		if !offsetKnown {
			return p.t.fail(n, drift(file, n, kind, n, at("timestamp"), at("upload_date")))
		}
		return p.t.fail(n, badValue(file, n, kind, n, at("upload_date"), v.UploadDate))
	}
	handle := v.account()
	if handle == "" {
		return p.t.fail(n, drift(file, n, kind, n, at("channel_id"), at("uploader_id")))
	}
	text := v.Title
	if d := strings.TrimSpace(v.Description); d != "" {
		text += "\n\n" + d
	}
	post := kopuro.Post{
		Platform:   plat,
		ExternalID: string(v.ID),
		Account:    kopuro.AccountRef{Platform: plat, Handle: handle},
		URL:        firstNonEmpty(v.WebpageURL, v.OriginalURL),
		Published:  published,
		Text:       text,
		Format:     v.format(plat),
		Likes:      v.LikeCount.count(),
		Comments:   v.CommentCount.count(),
		Shares:     v.RepostCount.count(),
		Views:      v.ViewCount.count(),
		Saves:      v.SaveCount.count(),
		Hashtags:   kopuro.Hashtags(text),
		Mentions:   kopuro.Mentions(text),
		Source:     source(p.name, file),
	}
	if !strings.HasPrefix(post.URL, "http") {
		post.URL = ""
	}
	own := map[string]bool{}
	for _, s := range []string{v.ChannelID, v.UploaderID} {
		if s != "" {
			own[s] = true
		}
	}
	var comments []kopuro.Comment
	for _, c := range v.Comments {
		if c.ID == "" {
			continue
		}
		cm := kopuro.Comment{
			Platform:        plat,
			PostExternalID:  post.ExternalID,
			ExternalID:      string(c.ID),
			Author:          firstNonEmpty(c.Author, c.AuthorID),
			FromInstitution: c.AuthorIsUploader || own[c.AuthorID],
			Text:            c.Text,
			Likes:           c.LikeCount.count(),
		}
		if c.Parent != "" && c.Parent != "root" {
			cm.ParentID = c.Parent
		}
		if c.Timestamp != nil && c.Timestamp.Set && c.Timestamp.N > 0 {
			cm.Published = time.Unix(c.Timestamp.N, 0).UTC()
		}
		comments = append(comments, cm)
	}
	if !emitPost(p.t, file, n, post, comments) {
		return false
	}
	return p.followers(n, v, v)
}

// ytTime is the publication time: timestamp, release_timestamp, or the
// upload/release date (UTC, at midnight). ok reports whether any time field
// was there at all.
func ytTime(v ytInfo) (time.Time, bool) {
	for _, ts := range []*flexInt{v.Timestamp, v.ReleaseTimestamp} {
		if ts != nil && ts.Set && ts.N > 0 {
			return time.Unix(ts.N, 0).UTC(), true
		}
	}
	for _, d := range []string{v.UploadDate, v.ReleaseDate} {
		if d == "" {
			continue
		}
		t, err := time.Parse("20060102", d)
		if err != nil {
			return time.Time{}, true
		}
		return t, true
	}
	return time.Time{}, false
}

// format: YouTube Shorts are reels, streams are live, the rest videos.
func (v ytInfo) format(plat kopuro.Platform) kopuro.Format {
	switch {
	case v.LiveStatus == "is_live" || v.LiveStatus == "was_live" || v.LiveStatus == "post_live" ||
		v.LiveStatus == "is_upcoming" || v.IsLive || v.WasLive:
		return kopuro.FormatLive
	case plat == kopuro.YouTube && (strings.Contains(v.WebpageURL, "/shorts/") ||
		strings.Contains(v.OriginalURL, "/shorts/") || v.MediaType == "short"):
		return kopuro.FormatReel
	}
	return kopuro.FormatVideo
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
