package insight

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/i18n"
	"kopuro/metrics"
	"kopuro/plan"
	"kopuro/store"
	"kopuro/store/storetest"
)

var ctx = context.Background()

func date(s string) kopuro.Date {
	d, err := kopuro.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// fixture: two public universities; alpha posts twelve times in the first
// half of 2025 on Instagram, beta once.
func fixture(t *testing.T) *store.DB {
	db := storetest.New(t)
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		for _, in := range []kopuro.Institution{
			{Code: "alpha", Name: kopuro.Text{EN: "Alpha University"}, Type: kopuro.Public, Students: 10000},
			{Code: "beta", Name: kopuro.Text{EN: "Beta University"}, Type: kopuro.Public},
		} {
			if err := tx.PutInstitution(ctx, in); err != nil {
				return err
			}
		}
		for _, a := range []kopuro.Account{
			{Institution: "alpha", Platform: kopuro.Instagram, Handle: "alpha.uni", Official: true},
			{Institution: "beta", Platform: kopuro.Instagram, Handle: "beta.uni", Official: true},
		} {
			if _, err := tx.PutAccount(ctx, a); err != nil {
				return err
			}
		}
		ref := kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "alpha.uni"}
		for _, s := range []kopuro.Snapshot{
			{Metric: kopuro.MetricFollowers, Value: kopuro.Known(5000), Precision: kopuro.Exact, AsOf: date("2025-01-01"), Source: "test"},
			{Metric: kopuro.MetricFollowers, Value: kopuro.Known(6000), Precision: kopuro.Exact, AsOf: date("2025-06-01"), Source: "test"},
		} {
			if err := tx.PutSnapshot(ctx, ref, s); err != nil {
				return err
			}
		}
		texts := map[int]string{1: "#AlphaCares", 3: "#AlphaCares", 5: "#AlphaCares", 7: "#UniServiceWeek", 8: "#UniServiceWeek", 11: "#UniServiceWeek late"}
		days := []string{"01-06", "01-20", "02-03", "02-17", "03-03", "03-17", "03-31", "04-22", "04-25", "05-12", "05-26", "06-09"}
		for i, d := range days {
			p := kopuro.Post{Platform: kopuro.Instagram, ExternalID: fmt.Sprintf("a%d", i), Account: ref,
				Published: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 0), Text: "Post " + texts[i],
				Likes: kopuro.Known(60), Comments: kopuro.Known(0)}
			p.Published, _ = time.Parse("2006-01-02 15:04", "2025-"+d+" 09:00")
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		if err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Instagram, ExternalID: "b1", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "beta.uni"},
			Published: time.Date(2025, 4, 23, 9, 0, 0, 0, time.UTC), Text: "#uniserviceweek", Likes: kopuro.Known(5)}); err != nil {
			return err
		}
		for _, c := range []kopuro.Comment{
			{Platform: kopuro.Instagram, PostExternalID: "a0", ExternalID: "c1", Text: "?", Published: time.Date(2025, 1, 6, 10, 0, 0, 0, time.UTC)},
			{Platform: kopuro.Instagram, PostExternalID: "a0", ExternalID: "r1", ParentID: "c1", FromInstitution: true, Text: "!", Published: time.Date(2025, 1, 6, 14, 0, 0, 0, time.UTC)},
		} {
			if err := tx.PutComment(ctx, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

var now = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)

func TestScorecardFromStore(t *testing.T) {
	db := fixture(t)
	in, _ := db.Institution(ctx, "alpha")
	p, _ := metrics.ParsePeriod("2025-01..2025-06")
	sc, err := Scorecard(ctx, db, in, p, now, DefaultOptions(), Scope{})
	if err != nil {
		t.Fatal(err)
	}
	v := sc.Values
	want := map[string]float64{
		metrics.PostsInPeriod: 12, metrics.Followers: 6000, metrics.FollowersPer1000: 600, metrics.FollowersGrowth: 1000,
		metrics.ResponseRate: 100, metrics.ResponseTimeMedian: 4, metrics.RecurringHashtags: 2, metrics.LongestGapDays: 22, // Mar 31 → Apr 22
		metrics.CodedPosts: 0, metrics.PostAgeDays: 21.125, metrics.SnapshotAgeDays: 29,
	}
	for id, w := range want {
		if got := v[id]; !got.OK() || got.V != w {
			t.Errorf("%s = %+v, want %v", id, got, w)
		}
	}
	// 60 likes over 5,000–6,000 followers at post time; shares and saves
	// are not in the data, so ER is a lower bound.
	if er := v[metrics.ERMedian]; er.Prec != metrics.Above || er.V < 1 || er.V > 1.2 {
		t.Errorf("ER median = %+v, want ≥1 %% … 1.2 %% and a lower bound", er)
	}
	if v[metrics.TMShare].OK() {
		t.Error("no post is coded: the third-mission share must be missing, not 0")
	}
	// Scoped to TikTok: nothing.
	sc, _ = Scorecard(ctx, db, in, p, now, DefaultOptions(), Scope{Platform: kopuro.TikTok})
	if sc.Values[metrics.PostsInPeriod].V != 0 || sc.Values[metrics.Followers].OK() {
		t.Errorf("tiktok scope = %v posts, followers %v", sc.Values[metrics.PostsInPeriod], sc.Values[metrics.Followers])
	}
}

func TestAdviceFromStore(t *testing.T) {
	db := fixture(t)
	p, _ := metrics.ParsePeriod("2025-01..2025-06")
	a, err := Advice(ctx, db, "alpha", p, now, DefaultOptions(), i18n.Embedded(), "en")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]advise.Recommendation{}
	for _, r := range a.Recommendations {
		got[r.ID] = r
	}
	if len(got) != 10 || a.Institution != "alpha" {
		t.Fatalf("advice = %+v", a)
	}
	if r := got[advise.Storytelling]; r.Status != advise.StatusInsufficient || !strings.Contains(r.Text, "0 posts in period (10 needed)") {
		t.Errorf("storytelling = %s %q", r.Status, r.Text)
	}
	if r := got[advise.Strategy]; !r.Fired || r.Evidence[advise.GoalsMeasure].Status != advise.StatusFired {
		t.Errorf("strategy without goals = %+v", r)
	}
	if r := got[advise.Hashtags]; r.Status != advise.StatusOK {
		t.Errorf("hashtags with two recurring tags = %s", r.Status)
	}
	if _, err := Advice(ctx, db, "nope", p, now, DefaultOptions(), i18n.Embedded(), "en"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("unknown institution: %v", err)
	}
}

func TestGoalsFromStore(t *testing.T) {
	db := fixture(t)
	target := 10000.0
	g, err := db.AddGoal(ctx, plan.Goal{Institution: "alpha", Metric: "followers", Platform: kopuro.Instagram, Target: &target,
		Baseline: metrics.ExactValue(5000), Start: date("2025-01-01"), Deadline: date("2025-12-31"), Milestones: []float64{6000}})
	if err != nil || g.ID == 0 {
		t.Fatalf("add goal: %+v, %v", g, err)
	}
	gs, err := Goals(ctx, db, "alpha", now, DefaultOptions())
	if err != nil || len(gs) != 1 {
		t.Fatalf("goals = %+v, %v", gs, err)
	}
	pr := gs[0].Progress
	if pr.Current.V != 6000 || pr.Percent.V != 20 || !pr.Milestones[0].Reached || pr.Done {
		t.Errorf("progress = %+v", pr)
	}
	if _, err := AddGoal(ctx, db, plan.Goal{Institution: "alpha", Metric: "nope", Target: &target, Deadline: date("2025-12-31")}, now, DefaultOptions()); kopuro.ErrorCode(err) != kopuro.EInvalid {
		t.Errorf("bad goal: %v", err)
	}
	if err := db.ReviewGoals(ctx, "alpha"); err != nil {
		t.Fatal(err)
	}
	if gs, _ := db.Goals(ctx, "alpha"); gs[0].Reviewed.IsZero() {
		t.Error("review not recorded")
	}
	// Offline volunteers count towards an offline goal.
	if _, err := db.AddIndicator(ctx, plan.Indicator{Institution: "alpha", Kind: plan.Volunteers, Value: 30, Date: date("2025-05-10"), Source: "form"}); err != nil {
		t.Fatal(err)
	}
	v, err := Current(ctx, db, plan.Goal{Institution: "alpha", Metric: "offline.volunteers", Target: &target, Deadline: date("2025-12-31")}, now, DefaultOptions())
	if err != nil || v.V != 30 {
		t.Errorf("offline current = %v, %v", v, err)
	}
}

func TestCampaignAndCalendarFromStore(t *testing.T) {
	db := fixture(t)
	c := plan.Campaign{ID: "usw-2025", Name: "University Service Week", Hashtag: "#UniServiceWeek", From: date("2025-04-21"), To: date("2025-04-27"), Institutions: []string{"alpha"}}
	if _, err := db.AddCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCampaign(ctx, c); kopuro.ErrorCode(err) != kopuro.EConflict {
		t.Errorf("second add: %v", err)
	}
	r, err := CampaignReport(ctx, db, "usw-2025", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 2 || r.Rows[0] != (plan.CampaignRow{Institution: "alpha", Posts: 2, Registered: true}) ||
		r.Rows[1] != (plan.CampaignRow{Institution: "beta", Posts: 1}) {
		t.Errorf("report = %+v", r.Rows)
	}
	ev, err := Calendar(ctx, db, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC),
		[]plan.Rubric{{ID: "impact-friday", Name: "Impact Friday", Weekday: time.Friday}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range ev {
		kinds[e.Kind]++
	}
	if kinds[plan.KindCampaign] != 1 || kinds[plan.KindRubric] != 4 || kinds[plan.KindInternationalDay] < 5 {
		t.Errorf("April 2025 calendar kinds = %v", kinds)
	}
}

func TestRankFromStore(t *testing.T) {
	db := fixture(t)
	p, _ := metrics.ParsePeriod("2025-01..2025-06")
	r, err := Rank(ctx, db, metrics.PostsInPeriod, kopuro.Instagram, "", "", p, now, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != 2 || r.Entries[0].Key != "alpha" || r.Entries[0].Rank != 1 || r.Entries[1].Value.V != 1 {
		t.Errorf("ranking = %+v", r.Entries)
	}
	// Followers: beta has no snapshot, so it is unranked and last.
	r, _ = Rank(ctx, db, metrics.Followers, "", metrics.PeerType, "alpha", p, now, DefaultOptions())
	if len(r.Entries) != 2 || r.Entries[1].Key != "beta" || r.Entries[1].Rank != 0 {
		t.Errorf("followers ranking = %+v", r.Entries)
	}
	if _, err := Rank(ctx, db, metrics.ERByLang, "", "", "", p, now, DefaultOptions()); kopuro.ErrorCode(err) != kopuro.EInvalid {
		t.Errorf("keyed metric: %v", err)
	}
}
