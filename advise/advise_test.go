package advise

import (
	"bytes"
	"encoding/json"
	"flag"
	goldenfile "kopuro/internal/golden"
	"kopuro/internal/reporoot"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

var update = flag.Bool("update", false, "rewrite golden files")

// healthy is a scorecard on which no rule fires: every measure clears its
// default threshold with enough data behind it.
func healthy(code string) metrics.Scorecard {
	v := map[string]metrics.Value{
		metrics.TMShare: ex(35), metrics.StoryShare: ex(30), metrics.QuestionShare: ex(20),
		metrics.ResponseRate: ex(75), metrics.RecurringHashtags: ex(2), metrics.DuplicateRate: ex(10),
		metrics.VideoShare: ex(25), metrics.MentionShare: ex(12), metrics.TMEnglishShare: ex(40),
		metrics.RegularityCV: ex(0.6), metrics.LongestGapDays: ex(9), metrics.SDGTMShare: ex(50),
		metrics.SnapshotAgeDays: ex(20), metrics.PostAgeDays: ex(2), metrics.PlatformsPresent: ex(3),
	}
	return metrics.Scorecard{
		Institution: code, Values: v,
		Content: metrics.ContentResult{Posts: 60, Coded: 60, Formatted: 60, ThirdMission: 21,
			LangShare: map[string]metrics.Value{"ky": ex(50), "ru": ex(30), "mixed": ex(20)}},
		Duplicates: metrics.DuplicateResult{Posts: 40},
		Responses:  metrics.ResponseResult{PublicComments: 80},
		Platforms: map[kopuro.Platform]metrics.PlatformCard{
			kopuro.Instagram: {Posts: 30, Followers: ex(9000)}, kopuro.Facebook: {Posts: 20, Followers: ex(5000)},
			kopuro.YouTube: {Posts: 10, Followers: ex(800)},
		},
	}
}

func ex(v float64) metrics.Value { return metrics.ExactValue(v) }

func find(a Advice, id string) Recommendation {
	for _, r := range a.Recommendations {
		if r.ID == id {
			return r
		}
	}
	return Recommendation{}
}

func TestRulesSilentOnAHealthyInstitution(t *testing.T) {
	a := Evaluate(Input{Card: healthy("good"), Goals: 2, GoalReviewDays: ex(10)}, DefaultConfig())
	if len(a.Recommendations) != len(RuleIDs) {
		t.Fatalf("%d recommendations, want %d", len(a.Recommendations), len(RuleIDs))
	}
	for _, r := range a.Recommendations {
		if r.Status != StatusOK || r.Fired || r.Priority != 0 {
			t.Errorf("%s: status %s fired %v priority %d, want ok; evidence %+v", r.ID, r.Status, r.Fired, r.Priority, r.Evidence)
		}
	}
}

// Each rule fires on its own gap and only that rule fires.
func TestRulesFire(t *testing.T) {
	tests := []struct {
		rule    string
		measure string
		change  func(*Input)
	}{
		{Strategy, metrics.TMShare, func(in *Input) { in.Card.Values[metrics.TMShare] = ex(12) }},
		{Storytelling, metrics.StoryShare, func(in *Input) { in.Card.Values[metrics.StoryShare] = ex(5) }},
		{Interactivity, metrics.QuestionShare, func(in *Input) { in.Card.Values[metrics.QuestionShare] = ex(2) }},
		{Interactivity, metrics.ResponseRate, func(in *Input) { in.Card.Values[metrics.ResponseRate] = ex(10) }},
		{Hashtags, metrics.RecurringHashtags, func(in *Input) { in.Card.Values[metrics.RecurringHashtags] = ex(0) }},
		{PlatformFit, metrics.PlatformsPresent, func(in *Input) {
			delete(in.Card.Platforms, kopuro.YouTube)
			in.Card.Values[metrics.PlatformsPresent] = ex(2)
		}},
		{PlatformFit, metrics.DuplicateRate, func(in *Input) { in.Card.Values[metrics.DuplicateRate] = ex(55) }},
		{PlatformFit, metrics.VideoShare, func(in *Input) { in.Card.Values[metrics.VideoShare] = ex(0) }},
		{Influencers, metrics.MentionShare, func(in *Input) { in.Card.Values[metrics.MentionShare] = ex(1) }},
		{Multilingual, MainLangShare, func(in *Input) {
			in.Card.Content.LangShare = map[string]metrics.Value{"ru": ex(95), "ky": ex(5)}
		}},
		{Multilingual, metrics.TMEnglishShare, func(in *Input) { in.Card.Values[metrics.TMEnglishShare] = ex(0) }},
		{Professionalisation, metrics.RegularityCV, func(in *Input) { in.Card.Values[metrics.RegularityCV] = ex(1.8) }},
		{Professionalisation, metrics.LongestGapDays, func(in *Input) { in.Card.Values[metrics.LongestGapDays] = ex(40) }},
		{SDG, metrics.SDGTMShare, func(in *Input) { in.Card.Values[metrics.SDGTMShare] = ex(5) }},
		{Monitoring, metrics.SnapshotAgeDays, func(in *Input) { in.Card.Values[metrics.SnapshotAgeDays] = ex(200) }},
		{Monitoring, metrics.SnapshotAgeDays, func(in *Input) { in.Card.Values[metrics.SnapshotAgeDays] = metrics.Missing }},
		{Monitoring, metrics.PostAgeDays, func(in *Input) { in.Card.Values[metrics.PostAgeDays] = ex(45) }},
		{Monitoring, GoalReview, func(in *Input) { in.GoalReviewDays = ex(120) }},
		{Monitoring, GoalReview, func(in *Input) { in.GoalReviewDays = metrics.Missing }},
	}
	for _, tt := range tests {
		in := Input{Card: healthy("x"), Goals: 1, GoalReviewDays: ex(10)}
		tt.change(&in)
		a := Evaluate(in, DefaultConfig())
		for _, r := range a.Recommendations {
			want := r.ID == tt.rule
			if r.Fired != want {
				t.Errorf("%s/%s: rule %s fired=%v, want %v (%+v)", tt.rule, tt.measure, r.ID, r.Fired, want, r.Evidence)
			}
		}
		r := find(a, tt.rule)
		if r.Evidence[tt.measure].Status != StatusFired || r.Priority != 1 {
			t.Errorf("%s: measure %s = %+v, priority %d", tt.rule, tt.measure, r.Evidence[tt.measure], r.Priority)
		}
	}
	// No goals at all: strategy and professionalisation fire; monitoring
	// has no goal to review and stays silent.
	a := Evaluate(Input{Card: healthy("x")}, DefaultConfig())
	for id, want := range map[string]bool{Strategy: true, Professionalisation: true, Monitoring: false} {
		if r := find(a, id); r.Fired != want {
			t.Errorf("no goals: %s fired=%v, want %v", id, r.Fired, want)
		}
	}
}

func TestNotEnoughData(t *testing.T) {
	in := Input{Card: healthy("small"), Goals: 1, GoalReviewDays: ex(1)}
	in.Card.Content.Coded, in.Card.Content.Posts = 3, 3
	in.Card.Values[metrics.StoryShare] = ex(0) // would fire, but rests on 3 posts
	a := Evaluate(in, DefaultConfig())
	r := find(a, Storytelling)
	if r.Status != StatusInsufficient || r.Fired {
		t.Fatalf("storytelling on 3 posts = %s, want insufficient", r.Status)
	}
	Render(&a, i18n.Embedded(), "en")
	if r := find(a, Storytelling); r.Text != "Storytelling: not enough data: 3 posts in period (10 needed)." {
		t.Errorf("text = %q", r.Text)
	}
	// A lower bound under a minimum proves nothing either way.
	in = Input{Card: healthy("b"), Goals: 1, GoalReviewDays: ex(1)}
	in.Card.Values[metrics.StoryShare] = metrics.Value{V: 10, Prec: metrics.Above}
	if r := find(Evaluate(in, DefaultConfig()), Storytelling); r.Status != StatusInsufficient {
		t.Errorf("story share ≥ 10 %% against a 15 %% minimum = %s, want insufficient", r.Status)
	}
}

func TestPriorityAndPeers(t *testing.T) {
	in := Input{Card: healthy("me"), Goals: 1, GoalReviewDays: ex(1)}
	in.Card.Values[metrics.StoryShare] = ex(12)    // 20 % under its 15 % minimum
	in.Card.Values[metrics.SDGTMShare] = ex(0)     // 100 % under: most urgent
	in.Card.Values[metrics.MentionShare] = ex(4.5) // 10 % under
	for _, s := range []float64{20, 40, 10, 99} {
		p := healthy("peer")
		p.Values[metrics.StoryShare] = ex(s)
		in.Peers = append(in.Peers, p)
	}
	in.Peers = append(in.Peers, in.Card) // the institution itself is not its own peer
	a := Evaluate(in, DefaultConfig())
	got := []string{}
	for _, r := range a.Recommendations[:3] {
		got = append(got, r.ID)
		if !r.Fired {
			t.Errorf("%s not fired", r.ID)
		}
	}
	if strings.Join(got, ",") != "sdg,storytelling,influencers" || a.Recommendations[0].Priority != 1 || a.Recommendations[2].Priority != 3 {
		t.Errorf("order = %v", got)
	}
	if m := find(a, Storytelling).Evidence[metrics.StoryShare]; m.PeerMedian.V != 30 {
		t.Errorf("peer median = %v, want 30 (median of 10, 20, 40, 99)", m.PeerMedian)
	}
}

func TestConfig(t *testing.T) {
	c, err := ReadConfig(strings.NewReader(`{"story_share_min": 40}`))
	if err != nil || c.StoryShareMin != 40 || c.TMShareMin != DefaultConfig().TMShareMin {
		t.Fatalf("override = %+v, %v", c, err)
	}
	for _, bad := range []string{`{"nope":1}`, `{"min_posts":0}`, `[`} {
		if _, err := ReadConfig(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadConfig(%s) accepted", bad)
		}
	}
	// A stricter threshold makes the healthy institution's story share fire.
	a := Evaluate(Input{Card: healthy("x"), Goals: 1, GoalReviewDays: ex(1)}, c)
	if !find(a, Storytelling).Fired {
		t.Error("story share 30 % under a 40 % minimum must fire")
	}
}

// golden advice for a fixture institution in each language.
func TestGolden(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "advise-input.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in Input
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	for _, lang := range i18n.Langs {
		a := Evaluate(in, DefaultConfig())
		Render(&a, i18n.Embedded(), lang)
		checkGolden(t, "advise-"+lang+".golden.json", a)
		for _, r := range a.Recommendations {
			if r.Text == "" || strings.Contains(r.Text, "!") && strings.Contains(r.Text, "!advise") || strings.Contains(r.Text, "{") {
				t.Errorf("%s %s: text %q has a missing key or placeholder", lang, r.ID, r.Text)
			}
		}
	}
}

// checkGolden compares v, as indented JSON, with testdata/name.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, name, buf.Bytes(), *update)
}

// Every threshold of the configuration is documented with its default.
func TestConfigDocumented(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(reporoot.For(t), "docs", "advice.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	raw, _ := json.Marshal(DefaultConfig())
	var fields map[string]any
	json.Unmarshal(raw, &fields)
	for k := range fields {
		if k != "version" && !strings.Contains(doc, "`"+k+"`") {
			t.Errorf("configuration field %s is not in docs/advice.md", k)
		}
	}
	for _, id := range RuleIDs {
		if !strings.Contains(doc, "`"+id+"`") {
			t.Errorf("rule %s is not in docs/advice.md", id)
		}
	}
}
