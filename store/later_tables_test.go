package store_test

import (
	"testing"
	"time"

	"kopuro"
	"kopuro/plan"
	"kopuro/store"
)

// fillLaterTables fills the tables that later migrations add, one block
// per migration, so that the dump round trip covers them.
func fillLaterTables(t *testing.T, db *store.DB) {
	t.Helper()
	// 0003_auth: users, sessions, api_tokens.
	admin, err := db.AddUser(ctx, kopuro.User{Email: "admin@example.kg", Role: kopuro.RoleAdmin}, pwHash)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddUser(ctx, kopuro.User{Email: "pr@auca.kg", Role: kopuro.RoleEditor, Institution: "auca"}, pwHash); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(ctx, admin.ID, "session-hash", time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateAPIToken(ctx, admin.ID, "backup", "token-hash"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TokenUser(ctx, "token-hash"); err != nil { // sets last_used_at
		t.Fatal(err)
	}
	// 0002_plan: goals, campaigns (with their institutions), offline indicators.
	target := 100000.0
	deadline, _ := kopuro.ParseDate("2026-12-31")
	if _, err := db.AddGoal(ctx, plan.Goal{Institution: "auca", Metric: "followers", Platform: kopuro.Instagram,
		Target: &target, Deadline: deadline, Milestones: []float64{80000, 90000}, Note: "rector's KPI"}); err != nil {
		t.Fatal(err)
	}
	from, _ := kopuro.ParseDate("2025-12-01")
	to, _ := kopuro.ParseDate("2025-12-07")
	if _, err := db.AddCampaign(ctx, plan.Campaign{ID: "usw-2025", Name: "University Service Week", Hashtag: "UniServiceWeek",
		From: from, To: to, Institutions: []string{"auca"}, SDGs: []int{4, 17}}); err != nil {
		t.Fatal(err)
	}
	day, _ := kopuro.ParseDate("2025-12-05")
	if _, err := db.AddIndicator(ctx, plan.Indicator{Institution: "auca", Kind: "volunteers", Value: 42, Date: day,
		Source: "sign-up sheet", Campaign: "usw-2025"}); err != nil {
		t.Fatal(err)
	}
	// 0004_collect_runs: a collector run stopped by quota.
	started := time.Date(2025, 12, 6, 3, 0, 0, 0, time.UTC)
	if _, err := db.RecordRun(ctx, kopuro.Run{Platform: kopuro.Instagram, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
		Started: started, Finished: started.Add(time.Minute), Status: kopuro.RunQuota, Posts: 3, Errors: 1,
		Error: "the instagram API quota is used up", RetryAt: started.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	// 0007_calendar: a planned post in a rubric, with untrusted text.
	if _, _, err := db.SaveCalendarEntry(ctx, plan.Entry{Institution: "auca", Date: day, Rubric: "Impact Friday",
		Title: "<b>Волонтёры</b> & «көпүрө»", Platform: kopuro.Instagram, Note: "line one\nline two"}); err != nil {
		t.Fatal(err)
	}
}
