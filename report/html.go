package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed templates/report.html
var templates embed.FS

var page = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"inc":  func(i int) int { return i + 1 },
	"svg":  barChart,
	"safe": safeURL,
}).ParseFS(templates, "templates/report.html"))

// HTML writes the Doc as one self-contained page: styles and charts
// inline, a print stylesheet that starts each section on a new page.
// html/template escapes every text, post excerpts included.
func HTML(w io.Writer, d *Doc) error { return page.Execute(w, d) }

// Chart geometry, in SVG user units.
const (
	chartWidth = 640
	barHeight  = 20
	barGap     = 6
	labelWidth = 220
	valueWidth = 90
)

// barChart draws a horizontal bar chart as inline SVG; labels are escaped
// here because the result is trusted markup.
func barChart(c *Chart) template.HTML {
	maxV := 0.0
	for _, b := range c.Bars {
		maxV = max(maxV, b.Value)
	}
	h := len(c.Bars)*(barHeight+barGap) + barGap
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%%" viewBox="0 0 %d %d" aria-label="%s">`,
		chartWidth, h, template.HTMLEscapeString(c.Title))
	span := float64(chartWidth - labelWidth - valueWidth)
	for i, b := range c.Bars {
		y := barGap + i*(barHeight+barGap)
		w := 0.0
		if maxV > 0 {
			w = b.Value / maxV * span
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="12" text-anchor="end" fill="#1d2733">%s</text>`,
			labelWidth-6, y+barHeight-5, template.HTMLEscapeString(clip(b.Label, 32)))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#2a6f97"/>`, labelWidth, y, w, barHeight)
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" font-size="12" fill="#1d2733">%s</text>`,
			float64(labelWidth)+w+4, y+barHeight-5, template.HTMLEscapeString(b.Text))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// clip shortens a label to n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
