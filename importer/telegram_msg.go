package importer

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kopuro"
)

// tgMessage is one exported message.
type tgMessage struct {
	ID            *flexInt        `json:"id"`
	Type          string          `json:"type"`
	Date          string          `json:"date"`
	DateUnix      *flexInt        `json:"date_unixtime"`
	From          *string         `json:"from"`
	FromID        flexString      `json:"from_id"`
	ForwardedFrom *string         `json:"forwarded_from"`
	ReplyTo       *flexInt        `json:"reply_to_message_id"`
	Text          json.RawMessage `json:"text"`
	TextEntities  []tgEntity      `json:"text_entities"`
	Photo         string          `json:"photo"`
	File          string          `json:"file"`
	MediaType     string          `json:"media_type"`
	MimeType      string          `json:"mime_type"`
	Poll          json.RawMessage `json:"poll"`
	Reactions     []struct {
		Count *flexInt `json:"count"`
	} `json:"reactions"`
	Views    *flexInt `json:"views"`
	Forwards *flexInt `json:"forwards"`
}

// tgEntity is one part of a formatted text: {"type": "hashtag", "text": "#x"}.
type tgEntity struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// text flattens the message text, which the exporter writes as a string or
// as an array of strings and entity objects; text_entities is the fallback.
// It returns the hashtags and mentions the entities mark.
func (m *tgMessage) text() (text string, tags, mentions []string, ok bool) {
	var parts []tgEntity
	switch {
	case isNull(m.Text):
		parts = m.TextEntities
	case m.Text[0] == '"':
		if json.Unmarshal(m.Text, &text) != nil {
			return "", nil, nil, false
		}
		parts = m.TextEntities
	case m.Text[0] == '[':
		var raw []json.RawMessage
		if json.Unmarshal(m.Text, &raw) != nil {
			return "", nil, nil, false
		}
		var b strings.Builder
		for _, r := range raw {
			var e tgEntity
			if len(r) > 0 && r[0] == '"' {
				if json.Unmarshal(r, &e.Text) != nil {
					return "", nil, nil, false
				}
				e.Type = "plain"
			} else if json.Unmarshal(r, &e) != nil {
				return "", nil, nil, false
			}
			b.WriteString(e.Text)
			parts = append(parts, e)
		}
		text = b.String()
	default:
		return "", nil, nil, false
	}
	if isNull(m.Text) {
		var b strings.Builder
		for _, e := range parts {
			b.WriteString(e.Text)
		}
		text = b.String()
	}
	for _, e := range parts {
		switch e.Type {
		case "hashtag":
			tags = append(tags, e.Text)
		case "mention":
			mentions = append(mentions, e.Text)
		}
	}
	return text, tags, mentions, true
}

// when is the message time in UTC and the offset of the exporting
// computer's clock, which the export reveals by giving both the local
// "date" and "date_unixtime". Without date_unixtime (old exports) the
// local time is taken as UTC: the offset is not known.
func (m *tgMessage) when() (time.Time, int, string) {
	local, lerr := time.Parse("2006-01-02T15:04:05", m.Date)
	if m.DateUnix != nil && m.DateUnix.Set && m.DateUnix.N > 0 {
		utc := time.Unix(m.DateUnix.N, 0).UTC()
		off := 0
		if lerr == nil {
			off = int(local.Sub(utc) / time.Second)
			if off < -14*3600 || off > 14*3600 || off%900 != 0 {
				off = 0 // not a real zone: the two fields disagree
			}
		}
		return utc, off, ""
	}
	if m.Date == "" {
		return time.Time{}, 0, "missing"
	}
	if lerr != nil {
		return time.Time{}, 0, "date"
	}
	return local, 0, ""
}

// format is the post format the message's media gives.
func (m *tgMessage) format() kopuro.Format {
	switch {
	case m.Photo != "" || strings.HasPrefix(m.MimeType, "image/"):
		return kopuro.FormatPhoto
	case m.MediaType == "video_file" || m.MediaType == "video_message" || m.MediaType == "animation":
		return kopuro.FormatVideo
	case m.MediaType != "" || m.File != "":
		return "" // stickers, voice, audio, documents: no post format fits
	}
	return kopuro.FormatText
}

// tgChecked is what every mapping of a message needs, checked.
type tgChecked struct {
	id             int64
	ts             time.Time
	off            int
	text           string
	tags, mentions []string
}

// check reads the fields every mapping needs; when one is missing or
// unusable it reports an item error and returns false.
func (p *tgParser) check(m *tgMessage, at string) (tgChecked, bool) {
	const kind = "telegram message"
	n := p.n
	var c tgChecked
	if m.ID == nil || !m.ID.Set {
		p.t.fail(n, drift(p.file, n, kind, n, at+".id"))
		return c, false
	}
	var bad string
	c.ts, c.off, bad = m.when()
	switch bad {
	case "missing":
		p.t.fail(n, drift(p.file, n, kind, n, at+".date_unixtime", at+".date"))
		return c, false
	case "date":
		p.t.fail(n, badValue(p.file, n, kind, n, at+".date", m.Date))
		return c, false
	}
	var ok bool
	c.text, c.tags, c.mentions, ok = m.text()
	if !ok {
		p.t.fail(n, badValue(p.file, n, kind, n, at+".text", string(m.Text)))
		return c, false
	}
	c.id = m.ID.N
	return c, true
}

// post maps a channel message to a post. Service messages (channel
// created, message pinned) and unsupported ones are not posts.
func (p *tgParser) post(c tgChat, m *tgMessage, at string) bool {
	if m.Type != "message" && m.Type != "" {
		return true
	}
	if c.ID == 0 {
		return p.t.fail(p.n, drift(p.file, p.n, "telegram chat", p.n, strings.TrimSuffix(c.path, ".")+".id"))
	}
	k, ok := p.check(m, at)
	if !ok {
		return !p.t.stopped
	}
	id, text := k.id, k.text
	chat := strconv.FormatInt(c.ID, 10)
	post := kopuro.Post{
		Platform:   kopuro.Telegram,
		ExternalID: chat + "/" + strconv.FormatInt(id, 10),
		Account:    kopuro.AccountRef{Platform: kopuro.Telegram, Handle: "channel" + chat},
		URL:        fmt.Sprintf("https://t.me/c/%s/%d", chat, id),
		Published:  k.ts,
		Offset:     k.off,
		Text:       text,
		Format:     m.format(),
		Likes:      kopuro.Unknown,
		Comments:   kopuro.Unknown,
		Shares:     m.Forwards.count(),
		Views:      m.Views.count(),
		Saves:      kopuro.Unknown,
		Hashtags:   mergeTags(kopuro.Hashtags(text), k.tags...),
		Mentions:   mergeTags(kopuro.Mentions(text), k.mentions...),
		Source:     source(p.name, p.file),
	}
	if m.Reactions != nil {
		var sum int64
		for _, r := range m.Reactions {
			if c := r.Count.count(); c.Valid {
				sum += c.N
			}
		}
		post.Likes = kopuro.Known(sum)
	}
	if p.full {
		p.disc.channelPost(c.ID, id, k.ts, text)
	}
	return emitPost(p.t, p.file, p.n, post, nil)
}
