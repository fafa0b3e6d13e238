package advise

import (
	"math"

	"kopuro"
	"kopuro/metrics"
)

// Rule ids: the study's ten recommendations, in the study's order.
const (
	Strategy            = "strategy"
	Storytelling        = "storytelling"
	Interactivity       = "interactivity"
	Hashtags            = "hashtags"
	PlatformFit         = "platform_fit"
	Influencers         = "influencers"
	Multilingual        = "multilingual"
	Professionalisation = "professionalisation"
	SDG                 = "sdg"
	Monitoring          = "monitoring"
)

// RuleIDs lists the rules in the study's order.
var RuleIDs = []string{Strategy, Storytelling, Interactivity, Hashtags, PlatformFit, Influencers, Multilingual, Professionalisation, SDG, Monitoring}

// Measures that are not metrics of the registry.
const (
	GoalsMeasure    = "goals"            // active goals (KPIs) of the institution
	GoalReview      = "goal_review_days" // days since a goal's progress was last reviewed
	MainLangShare   = "main_lang_share"  // share of the most used language
	basisPosts      = "posts"
	basisTMPosts    = "tm_posts"
	basisComments   = "comments"
	basisFormats    = "formatted_posts"
	basisFingerprts = "fingerprinted_posts"
)

// Input is what the rules read: the institution's scorecard, its peers'
// scorecards (for the peer median) and the state of its goals.
type Input struct {
	Card  metrics.Scorecard   `json:"card"`
	Peers []metrics.Scorecard `json:"peers"`
	// Goals is the number of active goals; GoalReviewDays the days since
	// any goal's progress was last looked at (Missing: never).
	Goals          int           `json:"goals"`
	GoalReviewDays metrics.Value `json:"goal_review_days"`
}

// trigger is one measured condition of a rule.
type trigger struct {
	measure string
	above   bool // fires when the value is over the threshold (else under it)
	limit   func(Config) float64
	value   func(Input, metrics.Scorecard) metrics.Value
	// basis says what the value rests on and how much of it is needed.
	basis func(Input, Config) (kind string, have, need int)
	// missingFires makes a missing value a finding (no snapshot at all)
	// rather than a lack of data.
	missingFires bool
	detail       func(Input) []string
}

func scalar(id string) func(Input, metrics.Scorecard) metrics.Value {
	return func(_ Input, sc metrics.Scorecard) metrics.Value {
		if v, ok := sc.Values[id]; ok {
			return v
		}
		return metrics.Missing
	}
}

func coded(in Input, c Config) (string, int, int) {
	return basisPosts, in.Card.Content.Coded, c.MinPosts
}
func posts(in Input, c Config) (string, int, int) {
	return basisPosts, in.Card.Content.Posts, c.MinPosts
}
func always(Input, Config) (string, int, int) { return "", 0, 0 }
func tmPosts(in Input, c Config) (string, int, int) {
	return basisTMPosts, in.Card.Content.ThirdMission, c.MinTMPosts
}

func goalsTrigger() trigger {
	return trigger{measure: GoalsMeasure, limit: func(Config) float64 { return 1 }, basis: always,
		value: func(in Input, sc metrics.Scorecard) metrics.Value {
			if sc.Institution != in.Card.Institution {
				return metrics.Missing // peers' goals are not known
			}
			return metrics.ExactValue(float64(in.Goals))
		}}
}

// rules maps each rule to its triggers; a rule fires when any fires.
var rules = map[string][]trigger{
	Strategy: {
		{measure: metrics.TMShare, limit: func(c Config) float64 { return c.TMShareMin }, value: scalar(metrics.TMShare), basis: coded},
		goalsTrigger(),
	},
	Storytelling: {
		{measure: metrics.StoryShare, limit: func(c Config) float64 { return c.StoryShareMin }, value: scalar(metrics.StoryShare), basis: coded},
	},
	Interactivity: {
		{measure: metrics.QuestionShare, limit: func(c Config) float64 { return c.QuestionShareMin }, value: scalar(metrics.QuestionShare), basis: coded},
		{measure: metrics.ResponseRate, limit: func(c Config) float64 { return c.ResponseRateMin }, value: scalar(metrics.ResponseRate),
			basis: func(in Input, c Config) (string, int, int) {
				return basisComments, in.Card.Responses.PublicComments, c.MinComments
			}},
	},
	Hashtags: {
		{measure: metrics.RecurringHashtags, limit: func(c Config) float64 { return c.RecurringHashtagMin }, value: scalar(metrics.RecurringHashtags), basis: posts,
			detail: func(in Input) []string { return in.Card.Content.RecurringHashtags }},
	},
	PlatformFit: {
		{measure: metrics.PlatformsPresent, limit: func(c Config) float64 { return c.PlatformsMin }, value: scalar(metrics.PlatformsPresent), basis: always, detail: missingPlatforms},
		{measure: metrics.DuplicateRate, above: true, limit: func(c Config) float64 { return c.DuplicateRateMax }, value: scalar(metrics.DuplicateRate),
			basis: func(in Input, c Config) (string, int, int) {
				return basisFingerprts, in.Card.Duplicates.Posts, c.MinPosts
			}},
		{measure: metrics.VideoShare, limit: func(c Config) float64 { return c.VideoShareMin }, value: scalar(metrics.VideoShare),
			basis: func(in Input, c Config) (string, int, int) { return basisFormats, formatted(in.Card), c.MinPosts }},
	},
	Influencers: {
		{measure: metrics.MentionShare, limit: func(c Config) float64 { return c.MentionShareMin }, value: scalar(metrics.MentionShare), basis: posts},
	},
	Multilingual: {
		{measure: MainLangShare, above: true, limit: func(c Config) float64 { return c.MainLangShareMax }, value: mainLang, basis: coded},
		{measure: metrics.TMEnglishShare, limit: func(c Config) float64 { return c.TMEnglishShareMin }, value: scalar(metrics.TMEnglishShare), basis: tmPosts},
	},
	Professionalisation: {
		{measure: metrics.RegularityCV, above: true, limit: func(c Config) float64 { return c.RegularityCVMax }, value: scalar(metrics.RegularityCV), basis: posts},
		{measure: metrics.LongestGapDays, above: true, limit: func(c Config) float64 { return c.LongestGapDaysMax }, value: scalar(metrics.LongestGapDays), basis: posts},
		goalsTrigger(),
	},
	SDG: {
		{measure: metrics.SDGTMShare, limit: func(c Config) float64 { return c.SDGTMShareMin }, value: scalar(metrics.SDGTMShare), basis: tmPosts},
	},
	Monitoring: {
		{measure: metrics.SnapshotAgeDays, above: true, limit: func(c Config) float64 { return c.SnapshotAgeDaysMax }, value: scalar(metrics.SnapshotAgeDays), basis: always, missingFires: true},
		{measure: metrics.PostAgeDays, above: true, limit: func(c Config) float64 { return c.PostAgeDaysMax }, value: scalar(metrics.PostAgeDays), basis: always, missingFires: true},
		{measure: GoalReview, above: true, limit: func(c Config) float64 { return c.GoalReviewDaysMax }, basis: always,
			value: func(in Input, sc metrics.Scorecard) metrics.Value {
				if sc.Institution != in.Card.Institution || in.Goals == 0 {
					return metrics.Missing // nothing to review: strategy and professionalisation say so
				}
				if !in.GoalReviewDays.OK() {
					return metrics.Value{V: math.Inf(1), Prec: metrics.Exact} // never reviewed
				}
				return in.GoalReviewDays
			}},
	},
}

// formatted counts the posts whose format is known (the video share's
// denominator).
func formatted(sc metrics.Scorecard) int { return sc.Content.Formatted }

func present(sc metrics.Scorecard, p kopuro.Platform) bool {
	pc, ok := sc.Platforms[p]
	return ok && (pc.Posts > 0 || pc.Followers.OK())
}

func missingPlatforms(in Input) []string {
	var out []string
	for _, p := range kopuro.StudyPlatforms {
		if !present(in.Card, p) {
			out = append(out, string(p))
		}
	}
	return out
}

// mainLang is the share of the most used language among coded posts with
// a language; a "mixed" post already carries two languages and does not
// count towards a single main language.
func mainLang(_ Input, sc metrics.Scorecard) metrics.Value {
	best := metrics.Missing
	for l, v := range sc.Content.LangShare {
		if l == string(kopuro.LangMixed) || !v.OK() {
			continue
		}
		if !best.OK() || v.V > best.V {
			best = v
		}
	}
	if !best.OK() && len(sc.Content.LangShare) > 0 {
		return metrics.ExactValue(0) // only mixed posts
	}
	return best
}
