package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/store/storetest"
)

func seeded(t *testing.T) string {
	t.Helper()
	db := storetest.DSN(t)
	if code, _, errs := runCLI(t, nil, "", "seed", "--db", db); code != 0 {
		t.Fatalf("seed: %d %s", code, errs)
	}
	return db
}

func TestAdviseCommand(t *testing.T) {
	db := seeded(t)
	code, out, errs := runCLI(t, nil, "", "advise", "--db", db, "--institution", "knu", "--period", "2024-01..2024-06", "--json")
	if code != 0 {
		t.Fatalf("advise: %d %s", code, errs)
	}
	var a struct {
		Institution     string
		Recommendations []struct{ ID, Status, Text string }
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil || a.Institution != "knu" || len(a.Recommendations) != 10 {
		t.Fatalf("advise json = %v %s", err, out)
	}
	code, out, _ = runCLI(t, map[string]string{"KOPURO_LANG": "ky"}, "", "advise", "--db", db, "--institution", "knu", "--period", "2024-01..2024-06")
	if code != 0 || !strings.Contains(out, "маалымат жетишсиз") {
		t.Errorf("Kyrgyz advice: %d %s", code, out)
	}
	if code, _, errs := runCLI(t, nil, "", "advise", "--db", db, "--institution", "nope"); code != 1 || !strings.Contains(errs, "nope") {
		t.Errorf("unknown institution: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, nil, "", "advise", "--db", db); code != 2 {
		t.Errorf("missing --institution: %d, want 2", code)
	}
}

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	labels := filepath.Join(dir, "labels.json")
	os.WriteFile(labels, []byte(`{"lang":"mixed","langs":["ky","en"],"category":"third_mission","tm_area":"civic_volunteering","sdgs":[4],"question":true,"story":true}`), 0o644)
	good := "Бул Айгүл. Ал айылда робототехника үйрөттү. Сиз кандай ойлойсуз? / Aigul teaches robotics. #UniServiceWeek #SDG4"
	code, out, errs := runCLI(t, nil, "", "check", "--labels", labels, "--platform", "instagram", "--campaign-tag", "UniServiceWeek", good)
	if code != 0 || !strings.Contains(out, "No suggestions") {
		t.Errorf("good draft: %d %q %s", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, strings.Repeat("ж", 300), "check", "--labels", labels, "--platform", "x", "--json", "-")
	if code != 0 || !strings.Contains(out, `"id": "platform_fit"`) || !strings.Contains(out, `"id": "hashtags"`) {
		t.Errorf("long draft from stdin: %d %s", code, out)
	}
	// Without --labels the engine analyses the draft: an announcement
	// without a question gets the interactivity suggestion.
	code, out, errs = runCLI(t, nil, "", "check", "--json", "Университетте семинар өттү.")
	var c struct {
		Labels      struct{ Category, Lang string }
		Suggestions []struct{ ID string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil || c.Labels.Category == "" || c.Labels.Lang != "ky" {
		t.Fatalf("engine check: %d %s %s", code, out, errs)
	}
	found := false
	for _, s := range c.Suggestions {
		found = found || s.ID == "interactivity"
	}
	if !found {
		t.Errorf("no interactivity suggestion for an announcement: %s", out)
	}
	if code, _, _ := runCLI(t, nil, "", "check", "--codebook", filepath.Join(dir, "missing.yaml"), "x"); code != 1 {
		t.Errorf("missing codebook: %d", code)
	}
}

func TestGoalCampaignCalendarCommands(t *testing.T) {
	db := seeded(t)
	code, out, errs := runCLI(t, nil, "", "goal", "add", "--db", db, "--institution", "knu", "--metric", "followers",
		"--platform", "instagram", "--target", "100000", "--deadline", "2030-12-31", "--milestone", "50000")
	if code != 0 || !strings.Contains(out, "Goal #1") {
		t.Fatalf("goal add: %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, "", "goal", "list", "--db", db, "--institution", "knu", "--json")
	var gs struct {
		Goals []struct {
			Metric   string
			Progress struct{ Milestones []struct{ Value float64 } }
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &gs) != nil || len(gs.Goals) != 1 || gs.Goals[0].Metric != "followers" || len(gs.Goals[0].Progress.Milestones) != 1 {
		t.Errorf("goal list: %d %s", code, out)
	}
	if code, _, errs := runCLI(t, nil, "", "goal", "add", "--db", db, "--institution", "knu", "--metric", "followers", "--target", "x", "--deadline", "2030-12-31"); code != 1 || !strings.Contains(errs, "not a number") {
		t.Errorf("bad target: %d %s", code, errs)
	}

	code, out, errs = runCLI(t, nil, "", "campaign", "add", "--db", db, "--id", "usw-2025", "--name", "University Service Week",
		"--hashtag", "UniServiceWeek", "--from", "2025-04-21", "--to", "2025-04-27", "--institution", "knu", "--institution", "auca", "--sdg", "17")
	if code != 0 || !strings.Contains(out, "#UniServiceWeek") {
		t.Fatalf("campaign add: %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, "", "campaign", "report", "usw-2025", "--db", db)
	if code != 0 || !strings.Contains(out, "posts with the tag: 0;") || !strings.Contains(out, "knu") {
		t.Errorf("campaign report: %d %s", code, out)
	}
	code, out, _ = runCLI(t, nil, "", "calendar", "--db", db, "--from", "2025-04-15", "--to", "2025-04-30", "--rubric", "Impact Friday:friday:#ImpactFriday")
	if code != 0 || !strings.Contains(out, "2025-04-21..2025-04-27") || strings.Count(out, "Impact Friday") != 2 {
		t.Errorf("calendar: %d %s", code, out)
	}
	code, out, _ = runCLI(t, nil, "", "calendar", "--db", db, "--from", "2025-11-01", "--to", "2025-11-30", "--ics")
	if code != 0 || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.Contains(out, "SUMMARY:World Philosophy Day\r\n") {
		t.Errorf("ics: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, nil, "", "calendar", "--db", db, "--rubric", "Impact Friday:funday"); code != 1 {
		t.Errorf("bad rubric: %d", code)
	}
}

func TestOfflineCommand(t *testing.T) {
	db := seeded(t)
	code, out, errs := runCLI(t, nil, "", "offline", "add", "--db", db, "--institution", "knu", "--kind", "volunteers",
		"--value", "40", "--date", "2025-04-22", "--source", "sign-up sheet")
	if code != 0 || !strings.Contains(out, "#1") {
		t.Fatalf("offline add: %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, "", "offline", "list", "--db", db, "--institution", "knu")
	if code != 0 || !strings.Contains(out, "2025-04-22 volunteers") || !strings.Contains(out, "40") {
		t.Errorf("offline list: %d %s", code, out)
	}
	if code, _, errs := runCLI(t, nil, "", "offline", "add", "--db", db, "--institution", "knu", "--kind", "likes",
		"--value", "4", "--date", "2025-04-22", "--source", "x"); code != 1 || !strings.Contains(errs, "likes") {
		t.Errorf("bad kind: %d %s", code, errs)
	}
}
