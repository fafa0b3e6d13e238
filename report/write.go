package report

import (
	"context"
	"io"

	"kopuro"
)

// Formats are the report formats, as --format and the web page name them.
var Formats = []string{"html", "pdf", "md", "xlsx"}

// ContentType is the media type of a format.
func ContentType(format string) string {
	switch format {
	case "pdf":
		return "application/pdf"
	case "md":
		return "text/markdown; charset=utf-8"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "text/html; charset=utf-8"
}

// ParseFormat checks a format name.
func ParseFormat(s string) (string, error) {
	for _, f := range Formats {
		if s == f {
			return s, nil
		}
	}
	return "", kopuro.Errorf(kopuro.EInvalid, "report.error.format", "unknown report format %q (use html, pdf, md or xlsx)", s).WithArg("Value", s)
}

// Write renders d in format to w.
func Write(ctx context.Context, w io.Writer, format string, d *Doc) error {
	switch format {
	case "pdf":
		return PDF(ctx, w, d)
	case "md":
		return Markdown(w, d)
	case "xlsx":
		return XLSX(w, d)
	case "html":
		return HTML(w, d)
	}
	_, err := ParseFormat(format)
	return err
}
