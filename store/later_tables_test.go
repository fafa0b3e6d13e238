package store_test

import (
	"testing"

	"kopuro"
	"kopuro/metrics"
	"kopuro/plan"
	"kopuro/store"
)

// fillLaterTables fills the tables that later migrations add (users,
// collector runs, goals, ...), one block per migration.
func fillLaterTables(t *testing.T, db *store.DB) {
	t.Helper()
	// 0002_plan: a goal, a campaign with a participant, an offline figure
	// that followed the campaign.
	day := func(s string) kopuro.Date {
		d, err := kopuro.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	target := 100000.0
	if _, err := db.AddGoal(ctx, plan.Goal{Institution: "auca", Metric: "followers", Platform: kopuro.Instagram, Target: &target,
		Baseline: metrics.Value{V: 76039, Prec: metrics.Approx}, Start: day("2025-01-01"), Deadline: day("2026-12-31"),
		Milestones: []float64{80000, 90000}, Note: "«Максат»"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCampaign(ctx, plan.Campaign{ID: "usw-2025", Name: "Университеттердин кызмат жумасы", Hashtag: "#UniServiceWeek",
		From: day("2025-04-21"), To: day("2025-04-27"), Institutions: []string{"auca"}, SDGs: []int{4, 17}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddIndicator(ctx, plan.Indicator{Institution: "auca", Kind: plan.Volunteers, Value: 40, Date: day("2025-04-25"),
		Source: "sign-up sheet", Campaign: "usw-2025", PostURL: "https://example.org/p/1"}); err != nil {
		t.Fatal(err)
	}
	if err := db.ReviewGoals(ctx, "auca"); err != nil {
		t.Fatal(err)
	}
}
