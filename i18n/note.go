package i18n

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Slug keeps the letters and digits of s, lower case, joined by hyphens:
// "World Philosophy Day" → "world-philosophy-day". It names catalogue
// keys for data written in English (international days, Table 1 notes).
// A name without Latin letters or digits gets a stable hash instead.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		h := fnv.New32a()
		h.Write([]byte(s))
		out = fmt.Sprintf("x%08x", h.Sum32())
	}
	return out
}

// NoteKey is the catalogue key of a data note: "note." and its slug.
func NoteKey(note string) string { return "note." + Slug(strings.TrimSpace(note)) }

// Note is a data note (the remark beside a Table 1 figure) in lang: the
// catalogue's text under NoteKey when the catalogue has one, else the
// note as written, since notes that people import are their own words.
func (c *Catalog) Note(lang, note string) string {
	note = strings.TrimSpace(note)
	if note == "" {
		return ""
	}
	if k := NoteKey(note); c.Has(lang, k) {
		return c.T(lang, k)
	}
	return note
}
