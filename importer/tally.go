package importer

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"kopuro"
)

// tally wraps a Parse caller's yield: it counts what was recognised and what
// was not, so that a parser can tell at the end whether the file was of its
// format at all. A file in which nothing is recognised fails with the first
// problem found, the message the user most needs ("instagram item 1: no
// caption.text, no edge_media_to_caption").
type tally struct {
	yield   func(Item, error) bool
	ok, bad int
	first   *kopuro.Error
	stopped bool
}

func newTally(yield func(Item, error) bool) *tally { return &tally{yield: yield} }

// item passes a recognised item on; false means stop reading.
func (t *tally) item(it Item) bool {
	if t.stopped {
		return false
	}
	t.ok++
	if !t.yield(it, nil) {
		t.stopped = true
	}
	return !t.stopped
}

// fail passes an item error on; false means stop reading.
func (t *tally) fail(line int, err *kopuro.Error) bool {
	if t.stopped {
		return false
	}
	t.bad++
	if t.first == nil {
		t.first = err
	}
	if !t.yield(Item{Line: line}, err) {
		t.stopped = true
	}
	return !t.stopped
}

// end is Parse's result once the input is exhausted.
func (t *tally) end(format, file string) error {
	switch {
	case t.stopped || t.ok > 0:
		return nil
	case t.bad > 0:
		e := *t.first
		e.Key = "formats.nothing_recognised"
		e.Message = fmt.Sprintf("nothing in the file was recognised as %s; first problem: %s", format, t.first.Message)
		return e.WithArg("Format", format).WithArg("First", t.first.Message)
	}
	return kopuro.Errorf(kopuro.EInvalid, "formats.empty", "the file holds no %s items", format).
		WithArg("Format", format).At(file, 0)
}

// drift is the error for an item whose shape is not the one expected:
// kind names what was read ("instagram item", "telegram message"), n its
// position, and missing the field paths looked for, any of which would do.
func drift(file string, line int, kind string, n int, missing ...string) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, "formats.drift", "%s %d: no %s", kind, n, strings.Join(missing, ", no ")).
		WithArg("Kind", kind).WithArg("Item", n).WithArg("Fields", strings.Join(missing, ", ")).
		InField(missing[0]).At(file, line)
}

// badValue is the error for a field that is present but unusable.
func badValue(file string, line int, kind string, n int, field, value string) *kopuro.Error {
	if len(value) > 80 {
		value = value[:80] + "…"
	}
	return kopuro.Errorf(kopuro.EInvalid, "formats.bad_value", "%s %d: %s has an unusable value %q", kind, n, field, value).
		WithArg("Kind", kind).WithArg("Item", n).WithArg("Field", field).WithArg("Value", value).
		InField(field).At(file, line)
}

// unsupported is the error for an item that is well formed but of a kind
// this format does not import (an unknown platform, a profile instead of a
// post).
func unsupported(file string, line int, kind string, n int, field, value string) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, "formats.unsupported", "%s %d: %s %q is not supported", kind, n, field, value).
		WithArg("Kind", kind).WithArg("Item", n).WithArg("Field", field).WithArg("Value", value).
		InField(field).At(file, line)
}

// corrupt is the error for bytes that are not the syntax the format uses.
func corrupt(file string, line int, what string, err error) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, "formats.corrupt", "%s is not valid: %v", what, err).
		WithArg("What", what).WithArg("Detail", err.Error()).At(file, line)
}

// hasKey reports whether head contains the JSON object key k, whatever the
// whitespace around the colon. Detection works on content, not file names.
func hasKey(head []byte, k string) bool {
	pat := []byte(`"` + k + `"`)
	for rest := head; ; {
		i := bytes.Index(rest, pat)
		if i < 0 {
			return false
		}
		rest = rest[i+len(pat):]
		if t := bytes.TrimLeft(rest, " \t\r\n"); len(t) > 0 && t[0] == ':' {
			return true
		}
	}
}

// startsJSONObject reports whether head's first non-space byte opens an
// object (after an optional byte order mark).
func startsJSONObject(head []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(head), "\uFEFF"), " \t\r\n")
	return strings.HasPrefix(s, "{")
}

// source is the provenance every post of a format carries.
func source(format, file string) kopuro.Source {
	return kopuro.Source{Format: format, File: file, Version: Version}
}

// mergeTags adds extra tags (with or without their "#"/"@") to base,
// lower-cased and without repeats, keeping the order of first appearance.
func mergeTags(base []string, extra ...string) []string {
	seen := make(map[string]bool, len(base)+len(extra))
	out := base[:0:0]
	for _, t := range append(append([]string(nil), base...), extra...) {
		t = strings.ToLower(strings.TrimLeft(strings.TrimSpace(t), "#@"))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// audience yields, once per account and day, the audience figure a format
// gives beside a post (TikTok's authorStats, yt-dlp's
// channel_follower_count), as measured when the file was captured.
type audience map[string]bool

func (a audience) emit(t *tally, file string, n int, ref kopuro.AccountRef, c kopuro.Count, prec kopuro.Precision, at time.Time, src string) bool {
	if !c.Valid || at.IsZero() {
		return true
	}
	if err := ref.Validate(); err != nil {
		return true // the post's own error already says why
	}
	s := kopuro.Snapshot{Metric: ref.Platform.AudienceMetric(), Value: c, Precision: prec, AsOf: kopuro.DateOf(at), Source: src}
	key := fmt.Sprint(ref, s.AsOf)
	if a[key] {
		return true
	}
	a[key] = true
	if err := s.Validate(); err != nil {
		return t.fail(n, located(err, file, n))
	}
	return t.item(Item{Line: n, Snapshot: &SnapshotItem{Account: ref, Snapshot: s}})
}
