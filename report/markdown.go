package report

import (
	"io"
	"strconv"
	"strings"
)

// Markdown writes the Doc as Markdown: the same text and tables, each
// chart as its data table. Untrusted text is escaped so that it cannot
// open links, images or HTML.
func Markdown(w io.Writer, d *Doc) error {
	var b strings.Builder
	b.WriteString("# " + mdEscape(d.Title) + "\n\n" + mdEscape(d.Subtitle) + "\n")
	for i, s := range d.Sections {
		b.WriteString("\n## " + strconv.Itoa(i+1) + ". " + mdEscape(s.Heading) + "\n")
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			switch {
			case bl.Para != "":
				b.WriteString(mdEscape(bl.Para) + "\n")
			case bl.Sub != "":
				b.WriteString("### " + mdEscape(bl.Sub) + "\n")
			case bl.Table != nil:
				mdTable(&b, bl.Table)
			case bl.Chart != nil:
				c := bl.Chart
				t := &Table{Caption: c.Title, Head: []string{"", c.Unit}, Note: c.Note}
				for _, bar := range c.Bars {
					t.Rows = append(t.Rows, []Cell{text(bar.Label), text(bar.Text)})
				}
				mdTable(&b, t)
			case bl.Example != nil:
				e := bl.Example
				b.WriteString("> " + mdEscape(e.Text) + "\n>\n> — " + mdEscape(e.Source))
				if safeURL(e.URL) {
					b.WriteString(" · <" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(e.URL) + ">")
				}
				b.WriteString("\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdTable(b *strings.Builder, t *Table) {
	b.WriteString("**" + mdEscape(t.Caption) + "**\n\n|")
	for _, h := range t.Head {
		b.WriteString(" " + mdEscape(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Head {
		if i == 0 {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, c := range r {
			s := mdEscape(c.Text) + c.Foot
			if c.AsOf != "" || c.Source != "" {
				s += " <br>" + mdEscape(strings.Trim(c.AsOf+" · "+c.Source, " ·"))
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteString("\n")
	}
	if len(t.Footnotes) > 0 {
		b.WriteString("\n")
		for _, fn := range t.Footnotes {
			b.WriteString(mdEscape(fn) + "  \n")
		}
	}
	if t.Note != "" {
		b.WriteString("\n*" + mdEscape(t.Note) + "*\n")
	}
}

// mdEscape makes text inert in Markdown: backslash before the characters
// that start markup, HTML brackets as entities, lines joined. Other
// spaces stay: the narrow no-break space groups ky/ru thousands.
func mdEscape(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }), " ")
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "|", `\|`,
		"<", "&lt;", ">", "&gt;", "#", `\#`)
	return r.Replace(s)
}

// safeURL admits only web links as links.
func safeURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, "\n\r\"'")
}
