package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"kopuro"
)

// YtDlp reads yt-dlp's info JSON: one video (--write-info-json, -j), one
// playlist or channel with its "entries" (-J), entries nested to any depth,
// or several documents one after another (-j over a playlist prints one per
// line). Entries are read one at a time, so a channel dump of any size
// costs the memory of its largest video.
type YtDlp struct{}

// Name implements Format.
func (YtDlp) Name() string { return "ytdlp-info-json" }

// Detect implements Format: an object with yt-dlp's own keys.
func (YtDlp) Detect(head []byte) bool {
	if !startsJSONObject(head) || hasKey(head, "source_platform") || hasKey(head, "instaloader") {
		return false
	}
	n := 0
	// A video's "formats" come first and can fill the whole head, so the
	// keys of a format entry count too.
	for _, k := range []string{"_type", "extractor", "extractor_key", "webpage_url", "upload_date", "format_id",
		"format_note", "vcodec", "acodec", "uploader_id", "channel_id", "ie_key", "playlist_count"} {
		if hasKey(head, k) {
			n++
		}
	}
	return hasKey(head, "id") && n >= 2
}

// ytInfo holds the fields of an info dict Kopuro maps.
type ytInfo struct {
	Type             string     `json:"_type"`
	ID               flexString `json:"id"`
	Title            string     `json:"title"`
	Description      string     `json:"description"`
	WebpageURL       string     `json:"webpage_url"`
	OriginalURL      string     `json:"original_url"`
	Extractor        string     `json:"extractor"`
	ExtractorKey     string     `json:"extractor_key"`
	IEKey            string     `json:"ie_key"`
	Timestamp        *flexInt   `json:"timestamp"`
	ReleaseTimestamp *flexInt   `json:"release_timestamp"`
	UploadDate       string     `json:"upload_date"`
	ReleaseDate      string     `json:"release_date"`
	Channel          string     `json:"channel"`
	ChannelID        string     `json:"channel_id"`
	Uploader         string     `json:"uploader"`
	UploaderID       string     `json:"uploader_id"`
	ViewCount        *flexInt   `json:"view_count"`
	LikeCount        *flexInt   `json:"like_count"`
	CommentCount     *flexInt   `json:"comment_count"`
	RepostCount      *flexInt   `json:"repost_count"`
	SaveCount        *flexInt   `json:"save_count"`
	LiveStatus       string     `json:"live_status"`
	IsLive           bool       `json:"is_live"`
	WasLive          bool       `json:"was_live"`
	MediaType        string     `json:"media_type"`
	Followers        *flexInt   `json:"channel_follower_count"`
	Epoch            *flexInt   `json:"epoch"` // when yt-dlp read the page
	Comments         []struct {
		ID               flexString `json:"id"`
		Text             string     `json:"text"`
		Author           string     `json:"author"`
		AuthorID         string     `json:"author_id"`
		AuthorIsUploader bool       `json:"author_is_uploader"`
		Timestamp        *flexInt   `json:"timestamp"`
		LikeCount        *flexInt   `json:"like_count"`
		Parent           string     `json:"parent"`
	} `json:"comments"`
}

// ytSkip are bulky keys that say nothing Kopuro keeps.
var ytSkip = map[string]bool{"formats": true, "requested_formats": true, "thumbnails": true,
	"subtitles": true, "automatic_captions": true, "heatmap": true, "requested_downloads": true,
	"fragments": true, "chapters": true, "http_headers": true}

// ytCtx is what a playlist tells its entries: whose they are.
type ytCtx struct {
	extractor string
	info      ytInfo // the playlist's own account fields read so far
}

// ytParser is the state of one Parse call.
type ytParser struct {
	ctx  context.Context
	dec  *json.Decoder
	file string
	name string
	t    *tally
	n    int // info dicts seen: the item index of errors
	seen audience
}

// ytPending is a video whose account is only known once its playlist's
// later keys (channel_id after entries) are read.
type ytPending struct {
	n    int
	path string
	info ytInfo
}

// Parse implements Format.
func (y YtDlp) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		_, _ = br.Discard(3)
	}
	p := &ytParser{ctx: ctx, dec: json.NewDecoder(br), file: file, name: y.Name(), t: newTally(yield), seen: audience{}}
	for doc := 0; p.dec.More(); doc++ {
		path := ""
		if doc > 0 {
			path = fmt.Sprintf("[document %d]", doc+1)
		}
		pending, err := p.info(path, 0, ytCtx{})
		if err != nil {
			if p.t.stopped {
				return nil
			}
			if kopuro.AsError(err) != nil || ctx.Err() != nil {
				return err
			}
			return corrupt(file, p.n, fmt.Sprintf("the JSON near byte %d", p.dec.InputOffset()), err)
		}
		for _, pd := range pending {
			if !p.emit(pd, ytInfo{}) {
				return nil
			}
		}
	}
	return p.t.end(y.Name(), file)
}

// followers yields the channel's subscriber count a dict gives, as of the
// time yt-dlp read it. YouTube shows subscriber counts rounded to three
// significant digits, so they are approximate there.
func (p *ytParser) followers(n int, acct, v ytInfo) bool {
	plat, _ := acct.platform()
	handle := acct.account()
	if plat == "" || handle == "" || v.Epoch == nil || !v.Epoch.Set || v.Epoch.N <= 0 {
		return true
	}
	prec := kopuro.Exact
	if plat == kopuro.YouTube {
		prec = kopuro.Approx
	}
	ref := kopuro.AccountRef{Platform: plat, Handle: handle}
	return p.seen.emit(p.t, p.file, n, ref, v.Followers.count(), prec, time.Unix(v.Epoch.N, 0), p.name)
}

// errStop unwinds the walkers when yield asked to stop.
var errStop = fmt.Errorf("stopped")

// info reads one info dict. A playlist's entries are read and emitted as
// they come; a video is returned as pending when no account is known yet.
func (p *ytParser) info(path string, depth int, parent ytCtx) ([]ytPending, error) {
	if err := p.ctx.Err(); err != nil {
		return nil, err
	}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return nil, nil // a null entry: yt-dlp writes one for an unavailable video
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("%s: want an object, got %v", orRoot(path), tok)
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	self := parent
	var own ytInfo
	var waiting []ytPending
	isList := false
	err = walkObjectBody(p.dec, func(key string) error {
		if key == "entries" {
			isList = true
			self.info = mergeAccount(own, parent.info)
			if own.extractorName() != "" {
				self.extractor = own.extractorName()
			}
			return walkArray(p.dec, func(i int) error {
				pend, err := p.info(fmt.Sprintf("%s.entries[%d]", path, i), depth+1, self)
				waiting = append(waiting, pend...)
				return err
			})
		}
		var raw json.RawMessage
		if err := p.dec.Decode(&raw); err != nil {
			return err
		}
		if ytSkip[key] {
			return nil
		}
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(key)
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(raw)
		// Keep the account fields current for entries that follow.
		if key == "channel_id" || key == "uploader_id" || key == "uploader" || key == "channel" ||
			key == "extractor" || key == "extractor_key" || key == "ie_key" {
			_ = json.Unmarshal(raw, &own)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	buf.WriteByte('}')
	p.n++
	n := p.n
	var v ytInfo
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		if !p.t.fail(n, corrupt(p.file, n, fmt.Sprintf("yt-dlp entry %d (%s)", n, orRoot(path)), err)) {
			return nil, errStop
		}
		return nil, nil
	}
	if isList {
		// The playlist is complete: its later keys name the account of
		// entries that had none.
		acct := mergeAccount(v, parent.info)
		if v.extractorName() == "" {
			acct.Extractor = parent.extractor
		}
		if !p.followers(n, acct, v) {
			return nil, errStop
		}
		var still []ytPending
		for _, pd := range waiting {
			if acct.account() != "" || depth == 0 {
				if !p.emit(pd, acct) {
					return nil, errStop
				}
				continue
			}
			still = append(still, pd)
		}
		return still, nil
	}
	if v.extractorName() == "" {
		v.Extractor = parent.extractor
	}
	pd := ytPending{n: n, path: path, info: v}
	if v.account() == "" && parent.info.account() == "" && depth > 0 {
		return []ytPending{pd}, nil
	}
	if !p.emit(pd, parent.info) {
		return nil, errStop
	}
	return nil, nil
}

func orRoot(path string) string {
	if path == "" {
		return "top level"
	}
	return strings.TrimPrefix(path, ".")
}

// mergeAccount fills v's empty account fields from outer.
func mergeAccount(v, outer ytInfo) ytInfo {
	if v.ChannelID == "" {
		v.ChannelID = outer.ChannelID
	}
	if v.UploaderID == "" {
		v.UploaderID = outer.UploaderID
	}
	if v.Uploader == "" {
		v.Uploader = outer.Uploader
	}
	if v.Channel == "" {
		v.Channel = outer.Channel
	}
	if v.extractorName() == "" {
		v.Extractor = outer.extractorName()
	}
	return v
}

// extractorName is the extractor's family: "youtube" for "youtube:tab"
// and for the key "YoutubeTab".
func (v ytInfo) extractorName() string {
	for _, s := range []string{v.ExtractorKey, v.Extractor, v.IEKey} {
		if s == "" {
			continue
		}
		s = strings.ToLower(s)
		if i := strings.IndexByte(s, ':'); i >= 0 {
			s = s[:i]
		}
		for fam := range ytPlatforms {
			if strings.HasPrefix(s, fam) {
				return fam
			}
		}
		return s
	}
	return ""
}

// account is the handle Kopuro files the video under (see platform).
func (v ytInfo) account() string {
	var order []string
	switch v.extractorName() {
	case "youtube", "":
		order = []string{v.ChannelID, v.UploaderID}
	case "tiktok":
		order = []string{v.Uploader, v.Channel}
	case "instagram":
		order = []string{v.Channel, v.UploaderID}
	default:
		order = []string{v.UploaderID, v.ChannelID, v.Uploader}
	}
	for _, s := range order {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
