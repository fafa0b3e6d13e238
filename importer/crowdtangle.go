package importer

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"kopuro"
)

// CrowdTangle reads post lists exported as CSV with CrowdTangle's column
// sets, for Facebook pages and groups ("Page Name", "Message", "Total
// Interactions", reaction columns) and for Instagram accounts ("Account",
// "Description", "Views"). Columns are found by name, in any order.
type CrowdTangle struct{}

// Name implements Format.
func (CrowdTangle) Name() string { return "crowdtangle-csv" }

// Detect implements Format: a header with CrowdTangle's column names.
func (CrowdTangle) Detect(head []byte) bool {
	cols := headerCols(firstLine(head))
	return cols["post created"] && cols["url"] &&
		(cols["page name"] || cols["group name"] || cols["account"]) &&
		(cols["message"] || cols["description"] || cols["total interactions"])
}

// ctReactions are the Facebook reaction columns; their sum is the post's
// likes, as Facebook shows one total for all reactions.
var ctReactions = []string{"Likes", "Love", "Wow", "Haha", "Sad", "Angry", "Care"}

// Parse implements Format.
func (ct CrowdTangle) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	t := newTally(yield)
	tab, err := openCSV(r)
	if err != nil {
		return corrupt(file, 1, "the CSV header", err)
	}
	facebook := tab.has("Message") || tab.has("Page Name") || tab.has("Group Name") || tab.has("Total Interactions")
	seen := map[string]bool{} // follower snapshots already given, per account and day
	err = tab.each(ctx, func(row csvRow) bool {
		p, ferr := ct.post(row, file, facebook)
		if ferr != nil {
			return t.fail(row.line, ferr)
		}
		followers, fok := parseCount(row.get("Followers at Posting"))
		if !emitPost(t, file, row.line, p, nil) {
			return false
		}
		if !fok || !followers.Valid {
			return true
		}
		day := kopuro.DateOf(p.Published)
		key := p.Account.Handle + " " + day.String()
		if seen[key] {
			return true
		}
		seen[key] = true
		s := kopuro.Snapshot{Metric: p.Platform.AudienceMetric(), Value: followers,
			Precision: kopuro.Exact, AsOf: day, Source: ct.Name()}
		if err := s.Validate(); err != nil {
			return t.fail(row.line, located(err, file, row.line))
		}
		return t.item(Item{Line: row.line, Snapshot: &SnapshotItem{Account: p.Account, Snapshot: s}})
	}, func(line int, err error) bool {
		return t.fail(line, corrupt(file, line, fmt.Sprintf("line %d", line), err))
	})
	if err != nil {
		return err
	}
	return t.end(ct.Name(), file)
}

// post maps one row. The platform is the URL's, else the column set's.
func (ct CrowdTangle) post(row csvRow, file string, facebook bool) (kopuro.Post, *kopuro.Error) {
	const kind = "crowdtangle row"
	n := row.line
	var p kopuro.Post
	link := row.get("URL")
	if link == "" {
		return p, drift(file, n, kind, n, "URL")
	}
	u, err := url.Parse(link)
	id := ""
	if err == nil {
		segs := strings.Split(strings.Trim(u.Path, "/"), "/")
		id = segs[len(segs)-1]
	}
	if id == "" {
		return p, badValue(file, n, kind, n, "URL", link)
	}
	plat := kopuro.Instagram
	host := ""
	if err == nil {
		host = strings.ToLower(u.Hostname())
	}
	switch {
	case strings.HasSuffix(host, "facebook.com") || strings.HasSuffix(host, "fb.com"):
		plat = kopuro.Facebook
	case strings.HasSuffix(host, "instagram.com"):
		plat = kopuro.Instagram
	case facebook:
		plat = kopuro.Facebook
	}
	handle := row.get("User Name")
	if handle == "" && plat == kopuro.Facebook {
		handle = row.get("Facebook Id")
	}
	if handle == "" {
		return p, drift(file, n, kind, n, "User Name", "Facebook Id")
	}
	published, off, terr := ctTime(row)
	if terr != "" {
		if terr == "missing" {
			return p, drift(file, n, kind, n, "Post Created", "Post Created Date")
		}
		return p, badValue(file, n, kind, n, "Post Created", terr)
	}
	text := row.get("Message")
	if plat == kopuro.Instagram || text == "" && !facebook {
		text = firstNonEmpty(row.get("Description"), row.get("Title"))
	}
	p = kopuro.Post{
		Platform:   plat,
		ExternalID: id,
		Account:    kopuro.AccountRef{Platform: plat, Handle: handle},
		URL:        link,
		Published:  published,
		Offset:     off,
		Text:       text,
		Format:     ctFormat(row.get("Type")),
		Likes:      kopuro.Unknown,
		Shares:     kopuro.Unknown,
		Saves:      kopuro.Unknown,
		Hashtags:   kopuro.Hashtags(text),
		Mentions:   kopuro.Mentions(text),
		Source:     source(ct.Name(), file),
	}
	counts := []struct {
		dst  *kopuro.Count
		cols []string
	}{
		{&p.Comments, []string{"Comments"}},
		{&p.Views, []string{"Post Views", "Total Views", "Views"}},
	}
	if plat == kopuro.Facebook {
		counts = append(counts, struct {
			dst  *kopuro.Count
			cols []string
		}{&p.Shares, []string{"Shares"}})
	}
	for _, c := range counts {
		for _, col := range c.cols {
			v, ok := parseCount(row.get(col))
			if !ok {
				return p, badValue(file, n, kind, n, col, row.get(col))
			}
			if v.Valid {
				*c.dst = v
				break
			}
		}
	}
	reactions := ctReactions[:1]
	if plat == kopuro.Facebook {
		reactions = ctReactions
	}
	if !p.Format.IsVideo() && p.Format != "" {
		p.Views = kopuro.Unknown // CrowdTangle writes 0 views for photos and links: not measured
	}
	for _, col := range reactions {
		v, ok := parseCount(row.get(col))
		if !ok {
			return p, badValue(file, n, kind, n, col, row.get(col))
		}
		if v.Valid {
			p.Likes = kopuro.Known(p.Likes.N + v.N)
		}
	}
	return p, nil
}

// ctFormat maps the Type column ("Photo", "Album", "Native Video", "Live
// Video Complete", "Link", "Status", "IGTV", "Reel", "Carousel").
func ctFormat(typ string) kopuro.Format {
	t := strings.ToLower(typ)
	switch {
	case t == "":
		return ""
	case strings.Contains(t, "live"):
		return kopuro.FormatLive
	case strings.Contains(t, "reel"):
		return kopuro.FormatReel
	case strings.Contains(t, "album") || strings.Contains(t, "carousel") || strings.Contains(t, "sidecar"):
		return kopuro.FormatAlbum
	case strings.Contains(t, "video") || t == "igtv" || t == "youtube" || t == "vine":
		return kopuro.FormatVideo
	case strings.Contains(t, "photo") || t == "image":
		return kopuro.FormatPhoto
	case t == "status" || t == "link":
		return kopuro.FormatText
	case t == "event":
		return kopuro.FormatEvent
	}
	return ""
}

// ctTime reads "Post Created" ("2024-03-01 10:00:00 EST", "… +0600") or,
// without it, "Post Created Date" and "Post Created Time" taken as UTC.
// The problem, if any, is "missing" or the unusable value.
func ctTime(row csvRow) (time.Time, int, string) {
	s := row.get("Post Created")
	if s == "" {
		d := row.get("Post Created Date")
		if d == "" {
			return time.Time{}, 0, "missing"
		}
		s = strings.TrimSpace(d + " " + row.get("Post Created Time"))
	}
	f := strings.Fields(s)
	var local time.Time
	var err error
	switch len(f) {
	case 1:
		local, err = time.Parse("2006-01-02", f[0])
	default:
		local, err = time.Parse("2006-01-02 15:04:05", f[0]+" "+f[1])
		if err != nil {
			local, err = time.Parse("2006-01-02 15:04", f[0]+" "+f[1])
		}
	}
	if err != nil {
		return time.Time{}, 0, s
	}
	off := 0
	if len(f) > 2 {
		var ok bool
		if off, ok = zoneOffset(strings.Join(f[2:], "")); !ok {
			return time.Time{}, 0, s
		}
	}
	return local.Add(-time.Duration(off) * time.Second).UTC(), off, ""
}
