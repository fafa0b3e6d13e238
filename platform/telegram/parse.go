package telegram

import (
	"bytes"
	"fmt"
	"kopuro/platform/httpx"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"kopuro"
)

// Page is what one page of a channel's public web preview shows.
type Page struct {
	Title string
	// Subscribers is the channel's subscriber count; Approx when the page
	// abbreviates it ("12.3K").
	Subscribers kopuro.Count
	Approx      bool
	// Posts are in page order (oldest first).
	Posts []Message
	// Problems are messages that could not be read, each naming its field.
	Problems []*kopuro.Error
	// Before is the cursor of the next (older) page; 0 when there is none.
	Before int64
	// Preview reports whether the page was a channel preview at all:
	// Telegram answers a channel without one with its plain landing page.
	Preview bool
}

// Message is one channel post as the preview shows it.
type Message struct {
	ID        int64
	Channel   string // as written in data-post
	Text      string
	Published time.Time
	Offset    int // the UTC offset the page gave, in seconds
	Views     kopuro.Count
	Format    kopuro.Format
	URL       string
}

// ParsePage reads one preview page. The HTML is untrusted: nothing in it
// is executed or followed; text is taken as text, links only when they
// point back to t.me, numbers are bounded.
func ParsePage(b []byte) (Page, error) {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Page{}, err
	}
	var p Page
	walk(root, func(n *html.Node) bool {
		switch {
		case hasClass(n, "tgme_channel_info"):
			p.Preview = true
			p.readInfo(n)
			return false
		case hasClass(n, "tgme_widget_message") && attr(n, "data-post") != "":
			p.Preview = true
			if hasClass(n, "service_message") {
				return false // "channel created", pinned notices: not posts
			}
			m, err := readMessage(n)
			if err != nil {
				p.Problems = append(p.Problems, err)
			} else {
				p.Posts = append(p.Posts, m)
			}
			return false
		case hasClass(n, "tme_messages_more"):
			if v, err := strconv.ParseInt(attr(n, "data-before"), 10, 64); err == nil && v > 0 {
				p.Before = v
			}
			return false
		}
		return true
	})
	return p, nil
}

// readInfo reads the channel header: its title and subscriber counter.
func (p *Page) readInfo(n *html.Node) {
	walk(n, func(c *html.Node) bool {
		switch {
		case hasClass(c, "tgme_channel_info_header_title"):
			p.Title = strings.TrimSpace(text(c))
			return false
		case hasClass(c, "tgme_channel_info_counter"):
			var value, typ string
			walk(c, func(s *html.Node) bool {
				if hasClass(s, "counter_value") {
					value = text(s)
				} else if hasClass(s, "counter_type") {
					typ = text(s)
				}
				return true
			})
			t := strings.ToLower(strings.TrimSpace(typ))
			if t == "subscribers" || t == "subscriber" || t == "members" {
				if v, approx, ok := ParseCount(value); ok {
					p.Subscribers, p.Approx = kopuro.Known(v), approx
				}
			}
			return false
		}
		return true
	})
}

// readMessage reads one message block.
func readMessage(n *html.Node) (Message, *kopuro.Error) {
	post := attr(n, "data-post")
	channel, num, _ := strings.Cut(post, "/")
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 || !ValidChannel(channel) {
		return Message{}, problem(post, "data-post", fmt.Sprintf("%q is not channel/number", httpx.Printable(post, 40)))
	}
	m := Message{ID: id, Channel: channel, Views: kopuro.Unknown}
	var when string
	textFound := false
	walk(n, func(c *html.Node) bool {
		switch {
		case hasClass(c, "tgme_widget_message_reply"), hasClass(c, "tgme_widget_message_link_preview"):
			return false // a quoted message or a link card is not this post's text
		case hasClass(c, "tgme_widget_message_text") && !textFound:
			m.Text, textFound = strings.TrimSpace(text(c)), true
			return false
		case hasClass(c, "tgme_widget_message_views"):
			if v, _, ok := ParseCount(text(c)); ok {
				m.Views = kopuro.Known(v)
			}
		case hasClass(c, "tgme_widget_message_date"):
			if href := attr(c, "href"); strings.HasPrefix(href, "https://t.me/") && !strings.ContainsAny(href, " \"'<>") {
				m.URL = href
			}
		case c.Type == html.ElementNode && c.Data == "time" && when == "":
			when = attr(c, "datetime")
		case m.Format == "" && hasClass(c, "tgme_widget_message_grouped_wrap"):
			m.Format = kopuro.FormatAlbum
		case m.Format == "" && (hasClass(c, "tgme_widget_message_video_player") || hasClass(c, "tgme_widget_message_roundvideo_player")):
			m.Format = kopuro.FormatVideo
		case m.Format == "" && hasClass(c, "tgme_widget_message_photo_wrap"):
			m.Format = kopuro.FormatPhoto
		}
		return true
	})
	if when == "" {
		return Message{}, problem(post, "time.datetime", "no date")
	}
	t, err := time.Parse(time.RFC3339, when)
	if err != nil {
		return Message{}, problem(post, "time.datetime", fmt.Sprintf("%q is not an RFC 3339 time", httpx.Printable(when, 40)))
	}
	_, m.Offset = t.Zone()
	m.Published = t.UTC()
	if m.Format == "" && m.Text != "" {
		m.Format = kopuro.FormatText
	}
	if m.URL == "" {
		m.URL = "https://t.me/" + channel + "/" + num
	}
	return m, nil
}

// ParseCount reads a counter as the preview writes it: "845", "1.2K",
// "3.4M", "12 345". approx reports an abbreviated (rounded) number.
// Decimal arithmetic avoids float rounding ("1.2K" is 1200, not 1199).
func ParseCount(s string) (n int64, approx, ok bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	s = strings.ReplaceAll(s, ",", "")
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s, approx = 1_000, s[:len(s)-1], true
	case strings.HasSuffix(s, "M"):
		mult, s, approx = 1_000_000, s[:len(s)-1], true
	case strings.HasSuffix(s, "B"):
		mult, s, approx = 1_000_000_000, s[:len(s)-1], true
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(whole) > 12 || !digits(whole) || (hasFrac && (frac == "" || !digits(frac) || mult == 1)) {
		return 0, false, false
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	if w > math.MaxInt64/mult-mult {
		return 0, false, false
	}
	n = w * mult
	scale := mult
	for _, d := range frac {
		scale /= 10
		if scale == 0 {
			break // more decimals than the unit has: ignore the rest
		}
		n += int64(d-'0') * scale
	}
	return n, approx, true
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ValidChannel reports whether s can be a public channel name: letters,
// digits and underscores, 4 to 32 long (Telegram's own rule is 5 to 32;
// some old names are shorter).
func ValidChannel(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func problem(post, field, detail string) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, "collect.malformed", "telegram: message %s: unreadable: %s", httpx.Printable(post, 40), detail).
		WithArg("Platform", kopuro.Telegram.Name()).WithArg("Page", httpx.Printable(post, 40)).WithArg("Detail", detail).InField(field)
}

// walk visits n and its descendants depth first; visit returns false to
// skip a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

// text is the text of n: text nodes joined, <br> as a line break. Scripts
// and styles are not text.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.Data == "br":
			b.WriteByte('\n')
		case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style"):
			return false
		}
		return true
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	if n.Type != html.ElementNode {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether n's class list holds class exactly (so that
// "tgme_widget_message" does not match "tgme_widget_message_text").
func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
