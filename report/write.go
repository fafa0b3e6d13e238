package report

import (
	"context"
	"io"
	"strings"

	"kopuro"
)

// format is one report format: its name, as --format and the web page
// give it, its media type and its renderer.
type format struct {
	name, contentType string
	write             func(context.Context, io.Writer, *Doc) error
}

// formats is the one list of report formats; Formats, ContentType, Write
// and every message that names the formats follow it.
var formats = []format{
	{"html", "text/html; charset=utf-8", func(_ context.Context, w io.Writer, d *Doc) error { return HTML(w, d) }},
	{"pdf", "application/pdf", PDF},
	{"md", "text/markdown; charset=utf-8", func(_ context.Context, w io.Writer, d *Doc) error { return Markdown(w, d) }},
	{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", func(_ context.Context, w io.Writer, d *Doc) error { return XLSX(w, d) }},
}

// Formats are the names of the report formats, HTML first (the default).
var Formats = func() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}()

// FormatList is Formats written for people ("html, pdf, md, xlsx"), the
// {Formats} of the messages that list them.
var FormatList = strings.Join(Formats, ", ")

// lookup finds a format by name.
func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// ContentType is the media type of a format (HTML's for an unknown one).
func ContentType(name string) string {
	if f, ok := lookup(name); ok {
		return f.contentType
	}
	return formats[0].contentType
}

// ParseFormat checks a format name.
func ParseFormat(s string) (string, error) {
	if _, ok := lookup(s); ok {
		return s, nil
	}
	return "", kopuro.Errorf(kopuro.EInvalid, "report.error.format", "unknown report format %q (use %s)", s, FormatList).WithArg("Value", s).WithArg("Formats", FormatList)
}

// Write renders d in format to w.
func Write(ctx context.Context, w io.Writer, name string, d *Doc) error {
	f, ok := lookup(name)
	if !ok {
		_, err := ParseFormat(name)
		return err
	}
	return f.write(ctx, w, d)
}
