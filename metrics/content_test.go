package metrics

import (
	"testing"

	"kopuro"
)

func TestContent(t *testing.T) {
	c := NewContent()
	mk := func(at, text string, l *kopuro.Labels, langs ...kopuro.Lang) Item {
		p := post(kopuro.Instagram, at, 1, 0, 0, 0)
		p.Text = text
		return Item{Post: p, Labels: l, Langs: langs}
	}
	c.Add(mk("2024-01-01", "Volunteers #UniServiceWeek #SDG4", &kopuro.Labels{Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, Lang: kopuro.KY, Question: true, SDGs: []int{4}}))
	c.Add(mk("2024-01-02", "Айыл мектеби / village school", &kopuro.Labels{Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement, Lang: kopuro.LangMixed, Story: true}, kopuro.KY, kopuro.EN))
	c.Add(mk("2024-01-03", "Лаборатория @partner", &kopuro.Labels{Category: kopuro.Research, Lang: kopuro.RU, CTA: true}))
	c.Add(mk("2024-01-04", "аралаш текст", &kopuro.Labels{Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, Lang: kopuro.LangMixed}))
	uncoded := mk("2024-01-05", "#uniserviceweek", nil)
	uncoded.Post.Format = kopuro.FormatReel
	c.Add(uncoded)

	r := c.Result()
	if r.Posts != 5 || r.Coded != 4 || r.ThirdMission != 3 {
		t.Fatalf("posts %d coded %d tm %d, want 5, 4, 3", r.Posts, r.Coded, r.ThirdMission)
	}
	wantValue(t, "tm", r.TMShare, 75, Exact)
	wantValue(t, "question", r.QuestionShare, 25, Exact)
	wantValue(t, "cta", r.CTAShare, 25, Exact)
	wantValue(t, "story", r.StoryShare, 25, Exact)
	wantValue(t, "research", r.CategoryShare["research"], 25, Exact)
	wantValue(t, "teaching", r.CategoryShare["teaching"], 0, Exact)
	wantValue(t, "civic", r.AreaShare["civic_volunteering"], 200.0/3, Exact)
	wantValue(t, "community", r.AreaShare["community_engagement"], 100.0/3, Exact)
	wantValue(t, "lang ky", r.LangShare["ky"], 25, Exact)
	wantValue(t, "lang mixed", r.LangShare["mixed"], 50, Exact)
	// TM posts: ky only (no English), ky+en (English), mixed without a
	// language list (unknown, left out): 1 of 2.
	wantValue(t, "tm english", r.TMEnglishShare, 50, Exact)
	wantValue(t, "sdg", r.SDGShare, 25, Exact)
	wantValue(t, "sdg tm", r.SDGTMShare, 100.0/3, Exact)
	if r.SDGCoverage != 1 || r.SDGPosts[4] != 1 {
		t.Errorf("sdg coverage %d, posts %v; want 1, {4:1}", r.SDGCoverage, r.SDGPosts)
	}
	wantValue(t, "hashtag share", r.HashtagShare, 40, Exact)
	wantValue(t, "hashtags/post", r.HashtagsPerPost, 0.6, Exact)
	if len(r.TopHashtags) != 2 || r.TopHashtags[0] != (TagCount{"uniserviceweek", 2}) || r.TopHashtags[1] != (TagCount{"sdg4", 1}) {
		t.Errorf("top hashtags = %v", r.TopHashtags)
	}
	wantValue(t, "mentions", r.MentionShare, 20, Exact)
	wantValue(t, "video", r.VideoShare, 100, Exact) // one post with a known format, a reel
	if len(r.RecurringHashtags) != 0 {
		t.Errorf("recurring = %v, want none (2 posts only)", r.RecurringHashtags)
	}

	empty := NewContent().Result()
	wantValue(t, "empty tm", empty.TMShare, 0, None)
	wantValue(t, "empty hashtags/post", empty.HashtagsPerPost, 0, None)
}

func TestRecurringHashtags(t *testing.T) {
	c := NewContent()
	for _, at := range []string{"2024-01-01", "2024-01-02", "2024-01-09"} { // weeks 1 and 2
		p := post(kopuro.Instagram, at, 1, 0, 0, 0)
		p.Text = "#ImpactFriday"
		c.Add(Item{Post: p})
	}
	for _, at := range []string{"2024-01-01", "2024-01-02", "2024-01-03"} { // one week only
		p := post(kopuro.Instagram, at, 1, 0, 0, 0)
		p.Hashtags = []string{"Once"}
		c.Add(Item{Post: p})
	}
	if got := c.Result().RecurringHashtags; len(got) != 1 || got[0] != "impactfriday" {
		t.Errorf("recurring = %v, want [impactfriday]", got)
	}
}
