package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"kopuro"
	"kopuro/plan"
)

// kopuro calendar lists the stored calendar entries beside international
// days, of every institution or of --institution only.
func TestCalendarEntries(t *testing.T) {
	dsn := seeded(t)
	ctx := context.Background()
	db, err := openStore(ctx, dsn, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []plan.Entry{
		{Institution: "knu", Date: calendarDay(t, "2025-11-14"), Rubric: "Impact Friday", Title: "Alumni who teach in villages", Platform: kopuro.Instagram},
		{Institution: "auca", Date: calendarDay(t, "2025-11-20"), Title: "Philosophy club open evening"},
		{Institution: "auca", Date: calendarDay(t, "2025-12-02"), Title: "Outside the period"},
	} {
		if _, _, err := db.SaveCalendarEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	code, out, errs := runCLI(t, map[string]string{"KOPURO_LANG": "en"}, "", "calendar", "--db", dsn, "--from", "2025-11-01", "--to", "2025-11-30")
	if code != 0 {
		t.Fatalf("calendar: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"2025-11-14             planned post       knu · Impact Friday · Alumni who teach in villages  Instagram",
		"2025-11-20             planned post       auca · Philosophy club open evening  ",
	}
	for _, w := range want {
		if !containsLine(lines, w) {
			t.Errorf("no line %q in\n%s", w, out)
		}
	}
	if !strings.Contains(out, "World Philosophy Day") || strings.Contains(out, "Outside the period") {
		t.Errorf("days or period wrong:\n%s", out)
	}
	// The entries keep the calendar's date order.
	if strings.Index(out, "Alumni who teach") > strings.Index(out, "World Philosophy Day") {
		t.Errorf("entries out of date order:\n%s", out)
	}

	code, out, _ = runCLI(t, map[string]string{"KOPURO_LANG": "ky"}, "", "calendar", "--db", dsn, "--from", "2025-11-01", "--to", "2025-11-30", "--institution", "knu", "--json")
	var got struct{ Events []plan.Event }
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("calendar --json: %d %s", code, out)
	}
	var entries []plan.Event
	for _, ev := range got.Events {
		if ev.Kind == plan.KindEntry {
			entries = append(entries, ev)
		}
	}
	if len(entries) != 1 || entries[0].Institution != "knu" || entries[0].Rubric != "Impact Friday" || entries[0].Entry == 0 {
		t.Errorf("knu's entries: %+v", entries)
	}

	code, out, _ = runCLI(t, nil, "", "calendar", "--db", dsn, "--from", "2025-11-01", "--to", "2025-11-30", "--ics")
	if code != 0 || !strings.Contains(out, "SUMMARY:Alumni who teach in villages\r\n") {
		t.Errorf("ics lacks the entry: %d %q", code, out)
	}
	code, _, errs = runCLI(t, map[string]string{"KOPURO_LANG": "en"}, "", "calendar", "--db", dsn, "--institution", "nowhere")
	if code != 1 || !strings.Contains(errs, "nowhere") {
		t.Errorf("unknown institution: %d %s", code, errs)
	}
}

func calendarDay(t *testing.T, s string) kopuro.Date {
	t.Helper()
	d, err := kopuro.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if strings.TrimRight(l, " ") == strings.TrimRight(want, " ") {
			return true
		}
	}
	return false
}
