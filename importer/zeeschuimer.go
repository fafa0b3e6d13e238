package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"kopuro"
)

// Zeeschuimer reads the NDJSON files the Zeeschuimer browser add-on exports
// (one captured item per line, the platform's own object under "data").
// Instagram and TikTok items are imported; other platforms are reported.
type Zeeschuimer struct{}

// Name implements Format.
func (Zeeschuimer) Name() string { return "zeeschuimer-ndjson" }

// Detect implements Format: the first line is an object with Zeeschuimer's
// envelope keys.
func (Zeeschuimer) Detect(head []byte) bool {
	first := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		first = head[:i]
	}
	return startsJSONObject(first) && hasKey(first, "source_platform") && hasKey(first, "data") &&
		(hasKey(first, "nav_index") || hasKey(first, "item_id") || hasKey(first, "timestamp_collected"))
}

// zsEnvelope is one line of a Zeeschuimer export.
type zsEnvelope struct {
	SourcePlatform string          `json:"source_platform"`
	Collected      *flexInt        `json:"timestamp_collected"` // Unix milliseconds
	ItemID         flexString      `json:"item_id"`
	Data           json.RawMessage `json:"data"`
}

// maxLine bounds one NDJSON line: a captured item is kilobytes; a line
// beyond this is not one item and would only exhaust memory.
const maxLine = 32 << 20

// Parse implements Format, one line at a time in constant memory.
func (z Zeeschuimer) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	t := newTally(yield)
	seen := audience{}
	err := eachLine(ctx, r, func(n int, line []byte, tooLong bool) bool {
		if tooLong {
			return t.fail(n, corrupt(file, n, fmt.Sprintf("line %d (longer than %d bytes)", n, maxLine), errors.New("line too long")))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return true
		}
		if ok, more := z.fast(line, file, n, t, seen); ok {
			return more
		}
		var env zsEnvelope
		if err := json.Unmarshal(line, &env); err != nil {
			return t.fail(n, corrupt(file, n, fmt.Sprintf("line %d", n), err))
		}
		if isNull(env.Data) {
			return t.fail(n, drift(file, n, "zeeschuimer line", n, "data"))
		}
		switch env.SourcePlatform {
		case "instagram.com":
			return z.instagram(env.Data, file, n, t)
		case "tiktok.com":
			return z.tiktok(env, file, n, t, seen)
		case "":
			return t.fail(n, drift(file, n, "zeeschuimer line", n, "source_platform"))
		}
		return t.fail(n, unsupported(file, n, "zeeschuimer line", n, "source_platform", env.SourcePlatform))
	})
	if err != nil {
		return err
	}
	return t.end(z.Name(), file)
}

// Zeeschuimer writes compact JSON. When a line names its platform in that
// form it is decoded once, straight into the platform's object, instead of
// envelope first and data second; anything unexpected takes the slow path,
// which gives the exact error.
var (
	igMarker = []byte(`"source_platform":"instagram.com"`)
	ttMarker = []byte(`"source_platform":"tiktok.com"`)
)

type zsTyped[T any] struct {
	SourcePlatform string   `json:"source_platform"`
	Collected      *flexInt `json:"timestamp_collected"`
	Data           *T       `json:"data"`
}

// fast handles a line in one decoding when it can; ok false means the
// caller must take the slow path.
func (z Zeeschuimer) fast(line []byte, file string, n int, t *tally, seen audience) (ok, more bool) {
	switch {
	case bytes.Contains(line, igMarker):
		var e zsTyped[igMedia]
		if json.Unmarshal(line, &e) != nil || e.SourcePlatform != "instagram.com" || e.Data == nil {
			return false, true
		}
		return true, z.instagramItem(e.Data, file, n, t)
	case bytes.Contains(line, ttMarker):
		var e zsTyped[ttItem]
		if json.Unmarshal(line, &e) != nil || e.SourcePlatform != "tiktok.com" || e.Data == nil {
			return false, true
		}
		return true, z.tiktokItem(e.Data, e.Collected, file, n, t, seen)
	}
	return false, true
}

func (z Zeeschuimer) instagram(data json.RawMessage, file string, n int, t *tally) bool {
	var m igMedia
	if err := json.Unmarshal(data, &m); err != nil {
		return t.fail(n, corrupt(file, n, fmt.Sprintf("instagram item %d", n), err).InField("data"))
	}
	return z.instagramItem(&m, file, n, t)
}

func (z Zeeschuimer) instagramItem(m *igMedia, file string, n int, t *tally) bool {
	if m.isAd() {
		return true
	}
	p, comments, err := igPost(m, file, n, "instagram item", n, z.Name())
	if err != nil {
		return t.fail(n, err)
	}
	return emitPost(t, file, n, p, comments)
}

// emitPost validates a post and its comments and yields them; what does
// not validate is yielded as an item error located at file and line.
func emitPost(t *tally, file string, n int, p kopuro.Post, comments []kopuro.Comment) bool {
	if y := p.Published.UTC().Year(); y < 1990 || y > 2100 {
		// Social media did not exist before; a year like this is a
		// broken field, not a post to keep.
		return t.fail(n, badValue(file, n, "post", n, "published", p.Published.UTC().Format(time.RFC3339)))
	}
	if err := p.Validate(); err != nil {
		return t.fail(n, located(err, file, n))
	}
	if !t.item(Item{Line: n, Post: &p}) {
		return false
	}
	for i := range comments {
		if err := comments[i].Validate(); err != nil {
			if !t.fail(n, located(err, file, n)) {
				return false
			}
			continue
		}
		if !t.item(Item{Line: n, Comment: &comments[i]}) {
			return false
		}
	}
	return true
}

// located places a domain validation error at file and line.
func located(err error, file string, line int) *kopuro.Error {
	if e := kopuro.AsError(err); e != nil {
		return e.At(file, line)
	}
	return corrupt(file, line, "item", err)
}

// eachLine calls f with every line of r (without its line break) and its
// 1-based number. A line longer than maxLine is passed as tooLong with no
// content. f returns false to stop. The returned error is a read error or
// the context's.
func eachLine(ctx context.Context, r io.Reader, f func(n int, line []byte, tooLong bool) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	n := 0
	for {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		chunk, err := br.ReadSlice('\n')
		tooLong := false
		line := chunk
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], chunk...)
			for errors.Is(err, bufio.ErrBufferFull) {
				chunk, err = br.ReadSlice('\n')
				if len(long) <= maxLine {
					long = append(long, chunk...)
				}
			}
			tooLong = len(long) > maxLine
			line = long
			if tooLong {
				line, long = nil, nil
			}
		}
		if len(line) == 0 && !tooLong && err == io.EOF {
			return nil
		}
		n++
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if !f(n, line, tooLong) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
