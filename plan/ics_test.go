package plan

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kopuro"
)

// parseICS reads back what WriteICS wrote, checking the RFC 5545 framing
// on the way: CRLF line ends, no physical line over 75 octets, folds that
// do not split a UTF-8 character. It returns each VEVENT's properties
// (name with parameters → unescaped value).
func parseICS(t *testing.T, b []byte) (cal map[string]string, events []map[string]string) {
	t.Helper()
	s := string(b)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("file does not end with CRLF")
	}
	phys := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var lines []string
	for i, l := range phys {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	cal = map[string]string{}
	var cur map[string]string
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		switch {
		case name == "BEGIN" && value == "VEVENT":
			cur = map[string]string{}
		case name == "END" && value == "VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			cur[name] = unescape(t, value)
		default:
			cal[name+":"+value] = value
		}
	}
	return cal, events
}

func unescape(t *testing.T, v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v):
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			case '\\', ';', ',':
				b.WriteByte(v[i])
			default:
				t.Fatalf("bad escape \\%c in %q", v[i], v)
			}
		case c == ';' || c == ',':
			t.Fatalf("unescaped %c in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestICS(t *testing.T) {
	long := "Университеттердин коомчулукка кызмат кылуу жумасы: ыктыярчылык, ачык лекциялар, айылдарга сапарлар жана башкалар"
	events := []Event{
		{UID: "campaign-usw@kopuro", Kind: KindCampaign, Title: long, Start: d("2025-04-21"), End: d("2025-04-27"),
			Hashtag: "#UniServiceWeek", SDGs: []int{4, 17}, Description: "Plan; post, repeat \\ share\nline two"},
		{UID: "intl-2025-11-20-world-philosophy-day@kopuro", Kind: KindInternationalDay, Title: "World Philosophy Day", Start: d("2025-11-20"), End: d("2025-11-20")},
	}
	var buf bytes.Buffer
	stamp := time.Date(2025, 3, 1, 8, 30, 0, 0, time.FixedZone("x", 6*3600))
	if err := WriteICS(&buf, events, stamp); err != nil {
		t.Fatal(err)
	}
	cal, got := parseICS(t, buf.Bytes())
	for _, want := range []string{"BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR"} {
		if _, ok := cal[want]; !ok {
			t.Errorf("calendar lacks %s", want)
		}
	}
	if len(got) != 2 {
		t.Fatalf("%d events, want 2", len(got))
	}
	e := got[0]
	checks := map[string]string{
		"UID": "campaign-usw@kopuro", "DTSTAMP": "20250301T023000Z",
		"DTSTART;VALUE=DATE": "20250421", "DTEND;VALUE=DATE": "20250428", // DTEND is the day after
		"SUMMARY":     long,
		"DESCRIPTION": "Plan; post, repeat \\ share\nline two\n#UniServiceWeek\n#SDG4 #SDG17",
		"CATEGORIES":  "campaign",
	}
	for k, want := range checks {
		if e[k] != want {
			t.Errorf("%s = %q, want %q", k, e[k], want)
		}
	}
	if got[1]["DTSTART;VALUE=DATE"] != "20251120" || got[1]["DTEND;VALUE=DATE"] != "20251121" {
		t.Errorf("one-day event = %v", got[1])
	}
	if !bytes.Contains(buf.Bytes(), []byte("\r\n ")) {
		t.Error("the long Kyrgyz title was not folded")
	}
}

func FuzzICS(f *testing.F) {
	f.Add("World Philosophy Day", "a;b,c\\d\ne")
	f.Add(strings.Repeat("ү", 80), strings.Repeat("🙂", 40))
	f.Fuzz(func(t *testing.T, title, desc string) {
		if !utf8.ValidString(title) || !utf8.ValidString(desc) {
			return
		}
		ev := Event{UID: "x@kopuro", Kind: KindRubric, Title: title, Description: desc, Start: kopuro.Date{Year: 2025, Month: 1, Day: 1}, End: kopuro.Date{Year: 2025, Month: 1, Day: 1}}
		var buf bytes.Buffer
		if err := WriteICS(&buf, []Event{ev}, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
		_, got := parseICS(t, buf.Bytes())
		norm := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "") }
		if got[0]["SUMMARY"] != norm(title) {
			t.Fatalf("summary %q, want %q", got[0]["SUMMARY"], norm(title))
		}
		if desc != "" && got[0]["DESCRIPTION"] != norm(desc) {
			t.Fatalf("description %q, want %q", got[0]["DESCRIPTION"], norm(desc))
		}
	})
}
