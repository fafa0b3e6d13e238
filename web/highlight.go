package web

import (
	"html/template"
	"sort"
	"strings"

	"kopuro"
)

// highlight renders a post's text as HTML with the evidence spans marked.
// The text is untrusted: it is split at the evidence's rune offsets and
// every piece is escaped on its own, so no piece can open a tag. Spans out
// of range, empty or overlapping an earlier one are skipped (the evidence
// may come from an older text of the post).
func highlight(text string, ev []kopuro.Evidence) template.HTML {
	runes := []rune(text)
	spans := make([]kopuro.Evidence, 0, len(ev))
	for _, e := range ev {
		if e.Start >= 0 && e.End > e.Start && e.End <= len(runes) {
			spans = append(spans, e)
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	at := 0
	for _, e := range spans {
		if e.Start < at {
			continue
		}
		b.WriteString(template.HTMLEscapeString(string(runes[at:e.Start])))
		b.WriteString(`<mark class="ev" title="`)
		b.WriteString(template.HTMLEscapeString(e.Label))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(string(runes[e.Start:e.End])))
		b.WriteString(`</mark>`)
		at = e.End
	}
	b.WriteString(template.HTMLEscapeString(string(runes[at:])))
	return template.HTML(b.String())
}
