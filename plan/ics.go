package plan

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxOctets is RFC 5545's line length limit, CRLF not included (§3.1).
const maxOctets = 75

// WriteICS writes events as an iCalendar file (RFC 5545): CRLF line ends,
// lines folded at 75 octets without splitting a UTF-8 character, TEXT
// values escaped, all-day events (DTSTART/DTEND as DATE, DTEND the day
// after the last), a stable UID per event and DTSTAMP = stamp in UTC.
func WriteICS(w io.Writer, events []Event, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Kopuro//Content calendar//EN")
	line("CALSCALE", "GREGORIAN")
	line("X-WR-CALNAME", escapeText("Kopuro"))
	ds := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.UID))
		line("DTSTAMP", ds)
		line("DTSTART;VALUE=DATE", e.Start.Start().Format("20060102"))
		line("DTEND;VALUE=DATE", e.End.Start().AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY", escapeText(e.Title))
		if d := description(e); d != "" {
			line("DESCRIPTION", escapeText(d))
		}
		line("CATEGORIES", escapeText(e.Kind))
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

func description(e Event) string {
	var parts []string
	if e.Rubric != "" || e.Platform != "" {
		parts = append(parts, strings.TrimSpace(e.Rubric+" "+string(e.Platform)))
	}
	if e.Description != "" {
		parts = append(parts, e.Description)
	}
	if e.Hashtag != "" {
		parts = append(parts, e.Hashtag)
	}
	if len(e.SDGs) > 0 {
		var tags []string
		for _, g := range e.SDGs {
			tags = append(tags, "#SDG"+strconv.Itoa(g))
		}
		parts = append(parts, strings.Join(tags, " "))
	}
	return strings.Join(parts, "\n")
}

// escapeText escapes a TEXT value (§3.3.11): backslash, semicolon, comma
// and newlines; a lone CR is dropped.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "")
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`)
	return r.Replace(s)
}

// writeFolded writes one content line, folded so that no line exceeds 75
// octets: continuation lines begin with a space, which counts (§3.1).
func writeFolded(w *bufio.Writer, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		fmt.Fprintf(w, "%s\r\n ", s[:cut])
		s = s[cut:]
		limit = maxOctets - 1
	}
	w.WriteString(s + "\r\n")
}
