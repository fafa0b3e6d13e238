package metrics

import (
	"fmt"
	"strings"
	"testing"

	"kopuro"
)

// A small institution over January 2024, every figure worked out by hand.
func TestScorecard(t *testing.T) {
	in := kopuro.Institution{Code: "demo", Students: 2000}
	ig := kopuro.Account{ID: 1, Institution: "demo", Platform: kopuro.Instagram, Handle: "demo.uni"}
	fb := kopuro.Account{ID: 2, Institution: "demo", Platform: kopuro.Facebook, Handle: "demouni"}
	tt := kopuro.Account{ID: 3, Institution: "demo", Platform: kopuro.TikTok, Handle: "demo.tt"}
	p := Period{From: day("2024-01-01"), To: day("2024-02-01")}
	c := NewCollector(in, p, nil)
	for _, a := range []kopuro.Account{ig, fb, tt} {
		c.AddAccount(a)
	}
	c.AddSnapshot(ig, snap("2024-01-01", 1000, kopuro.Exact))
	c.AddSnapshot(ig, snap("2024-01-31", 1100, kopuro.Exact))
	c.AddSnapshot(fb, snap("2024-01-15", 500, kopuro.Approx))
	c.AddSnapshot(tt, snap("2024-01-20", 0, kopuro.None)) // TikTok: no data

	tm := &kopuro.Labels{Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, Lang: kopuro.KY, Story: true, SDGs: []int{4}}
	inst := &kopuro.Labels{Category: kopuro.Institutional, Lang: kopuro.RU}
	items := []Item{
		{Post: withID(post(kopuro.Instagram, "2024-01-02 06:00", 40, 10, -1, -1), 1), Labels: tm, Cluster: "k1"}, // 50 / 1000 = 5 % (above)
		{Post: withID(post(kopuro.Facebook, "2024-01-03 06:00", 5, 0, 0, -1), 2), Labels: tm, Cluster: "k1"},     // 5 / ~500 = 1 % (approx)
		{Post: withID(post(kopuro.Instagram, "2024-01-09 06:00", 10, 0, 0, 0), 1), Labels: inst},                 // 10 / 1000 = 1 %
		{Post: withID(post(kopuro.Instagram, "2024-01-30 06:00", 22, 0, 0, 0), 1), Labels: inst, Cluster: "k2"},  // 22 / 1100 = 2 %
		{Post: withID(post(kopuro.TikTok, "2024-01-31 06:00", 100, 0, 0, 0), 3), Labels: nil},                    // no follower figure
	}
	for _, it := range items {
		if err := c.AddPost(it); err != nil {
			t.Fatal(err)
		}
	}
	c.AddComment(kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: "x", ExternalID: "c1", Published: day("2024-01-02 08:00")})
	c.AddComment(kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: "x", ExternalID: "r1", ParentID: "c1", FromInstitution: true, Published: day("2024-01-02 11:00")})

	sc := c.Result(day("2024-02-10"), DefaultIndexConfig())
	v := sc.Values
	// Followers at Jan 31: 1,100 (IG) + ~500 (FB), TikTok unknown: an
	// estimate (approx) that is also short of TikTok, which leaves approx.
	wantValue(t, "followers", v[Followers], 1600, Approx)
	wantValue(t, "per 1000", v[FollowersPer1000], 800, Approx)
	wantValue(t, "ig per 1000", sc.Platforms[kopuro.Instagram].PerStudents, 550, Exact)
	wantValue(t, "tiktok followers", sc.Platforms[kopuro.TikTok].Followers, 0, None)
	// Only Instagram has two snapshots: +100 in 30 days; FB's one snapshot
	// gives no growth, which may have been negative: approximate, no bound.
	wantValue(t, "growth", v[FollowersGrowth], 100, Approx)
	wantValue(t, "posts", v[PostsInPeriod], 5, Exact)
	wantValue(t, "coded", v[CodedPosts], 4, Exact)
	wantValue(t, "posts/week", v[PostsPerWeek], 5/(31.0/7), Exact)
	wantValue(t, "longest gap", v[LongestGapDays], 21, Exact)
	// ER 5 (above), 1 (approx), 1, 2: median 1.5, mean 2.25; joined precision approx.
	wantValue(t, "er median", v[ERMedian], 1.5, Approx)
	wantValue(t, "er mean", v[ERMean], 2.25, Approx)
	wantValue(t, "tm share", v[TMShare], 50, Exact)
	wantValue(t, "story", v[StoryShare], 50, Exact)
	wantValue(t, "tm english", v[TMEnglishShare], 0, Exact)
	wantValue(t, "sdg tm", v[SDGTMShare], 100, Exact)
	// k1 on Instagram and Facebook a day apart: 2 of 3 fingerprinted posts.
	wantValue(t, "duplicates", v[DuplicateRate], 200.0/3, Exact)
	wantValue(t, "response", v[ResponseRate], 100, Exact)
	wantValue(t, "response time", v[ResponseTimeMedian], 3, Exact)
	// Newest snapshots: IG Jan 31, FB Jan 15, TT Jan 20 (a "none" check); the oldest is FB.
	wantValue(t, "snapshot age", v[SnapshotAgeDays], 25.5, Exact)
	wantValue(t, "post age", v[PostAgeDays], 9.75, Exact)
	wantValue(t, "platforms", v[PlatformsPresent], 3, Exact)
	if !v[VisibilityIndex].OK() || sc.Index.Coverage < 0.5 {
		t.Errorf("index = %v (coverage %v), want a value", v[VisibilityIndex], sc.Index.Coverage)
	}
	if len(sc.Accounts) != 3 || sc.Accounts[0].Key != "1" || sc.Accounts[0].Cadence.Posts != 3 {
		t.Errorf("accounts = %+v", sc.Accounts)
	}
	for _, d := range Registry {
		if _, ok := v[d.ID]; !ok && !d.Keyed {
			t.Errorf("scalar metric %s missing from the scorecard", d.ID)
		}
	}

	if err := c.AddPost(Item{Post: withID(post(kopuro.Instagram, "2024-01-05", 1, 0, 0, 0), 1)}); err == nil {
		t.Error("a post out of time order must be an error")
	}
}

func withID(p kopuro.Post, account int64) kopuro.Post {
	p.AccountID = account
	return p
}

// Posts without a cluster key get one from the engine's fingerprint.
func TestCollectorFingerprint(t *testing.T) {
	p := Period{From: day("2024-01-01"), To: day("2024-02-01")}
	c := NewCollector(kopuro.Institution{Code: "demo"}, p, nil)
	c.Fingerprint = func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	for i, pl := range []kopuro.Platform{kopuro.Instagram, kopuro.Facebook, kopuro.Telegram} {
		it := Item{Post: post(pl, fmt.Sprintf("2024-01-0%d", i+1), 1, 0, 0, 0)}
		it.Post.Text = []string{"Same story ", "same story", "another"}[i]
		if err := c.AddPost(it); err != nil {
			t.Fatal(err)
		}
	}
	wantValue(t, "duplicates", c.Result(day("2024-02-01"), DefaultIndexConfig()).Values[DuplicateRate], 200.0/3, Exact)
}

// The followers of a period are, per account, the newest figure dated
// before its end: a figure recorded after the period never stands for
// it, and with none before the end the account's figure is missing.
func TestScorecardFollowersAtPeriodEnd(t *testing.T) {
	ig := kopuro.Account{ID: 1, Institution: "demo", Platform: kopuro.Instagram, Handle: "demo.uni"}
	fb := kopuro.Account{ID: 2, Institution: "demo", Platform: kopuro.Facebook, Handle: "demouni"}
	yt := kopuro.Account{ID: 3, Institution: "demo", Platform: kopuro.YouTube, Handle: "demo.yt"}
	p := Period{From: day("2025-01-01"), To: day("2025-07-01")}
	c := NewCollector(kopuro.Institution{Code: "demo"}, p, nil)
	for _, a := range []kopuro.Account{ig, fb, yt} {
		c.AddAccount(a)
	}
	c.AddSnapshot(ig, snap("2024-02", 19627, kopuro.Exact))
	c.AddSnapshot(ig, snap("2025-07", 21000, kopuro.Exact)) // after the period, and nearer its end
	c.AddSnapshot(fb, snap("2025-06", 9867, kopuro.Exact))
	c.AddSnapshot(yt, snap("2025-07-02", 3810, kopuro.Exact)) // only after the period
	sc := c.Result(day("2025-08-01"), DefaultIndexConfig())
	wantValue(t, "followers", sc.Values[Followers], 19627+9867, Above)
	wantValue(t, "instagram", sc.Platforms[kopuro.Instagram].Followers, 19627, Exact)
	wantValue(t, "youtube", sc.Platforms[kopuro.YouTube].Followers, 0, None)
	// Instagram's growth starts from February 2024 (before the period)
	// and ends there too: nothing new was recorded in the period.
	wantValue(t, "growth", sc.Values[FollowersGrowth], 0, None)
	for _, ac := range sc.Accounts {
		if ac.Platform == kopuro.Instagram && ac.Followers.AsOf.String() != "2024-02" {
			t.Errorf("instagram followers as of %s, want 2024-02", ac.Followers.AsOf)
		}
	}
}
