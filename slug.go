package kopuro

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// Slug keeps the letters and digits of s, lower case, joined by hyphens:
// "World Philosophy Day" → "world-philosophy-day". It names things written
// in English by a stable id: catalogue keys of data (international days,
// Table 1 notes), calendar entries' UIDs. A name without Latin letters or
// digits gets a stable hash instead.
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

// NoteKey is the catalogue key of a data note (the remark beside a Table 1
// figure, written in English in the bundled data): "note." and its slug.
func NoteKey(note string) string { return "note." + Slug(strings.TrimSpace(note)) }
