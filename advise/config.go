// Package advise turns measured gaps into the study's ten recommendations
// (rules with a stable id, a measured trigger, the evidence that fired it
// beside the peer median, and text in Kyrgyz, Russian and English), and
// checks a single draft post before it is published.
//
// Thresholds are configuration (Config) with documented defaults; a rule
// whose inputs lack data says so instead of firing or staying silent.
package advise

import (
	"encoding/json"
	"io"

	"kopuro"
)

// Config holds every threshold of the rules. The defaults (DefaultConfig)
// are documented in docs/advice.md; a deployment may override any of them
// with a JSON file of the same shape (missing fields keep their default).
type Config struct {
	Version int `json:"version"`
	// MinPosts is the number of coded posts in the period a post-based
	// trigger needs; fewer gives "not enough data".
	MinPosts int `json:"min_posts"`
	// MinTMPosts is the number of third-mission posts the TM-based
	// triggers need (English summaries, SDG tags).
	MinTMPosts int `json:"min_tm_posts"`
	// MinComments is the number of public comments the response-rate
	// trigger needs.
	MinComments int `json:"min_comments"`

	TMShareMin          float64 `json:"tm_share_min"`          // strategy: % of posts
	StoryShareMin       float64 `json:"story_share_min"`       // storytelling
	QuestionShareMin    float64 `json:"question_share_min"`    // interactivity
	ResponseRateMin     float64 `json:"response_rate_min"`     // interactivity
	RecurringHashtagMin float64 `json:"recurring_hashtag_min"` // hashtags: distinct recurring tags
	PlatformsMin        float64 `json:"platforms_min"`         // platform_fit: of the study's five
	DuplicateRateMax    float64 `json:"duplicate_rate_max"`    // platform_fit
	VideoShareMin       float64 `json:"video_share_min"`       // platform_fit
	MentionShareMin     float64 `json:"mention_share_min"`     // influencers
	MainLangShareMax    float64 `json:"main_lang_share_max"`   // multilingual: share of the one main language
	TMEnglishShareMin   float64 `json:"tm_english_share_min"`  // multilingual
	RegularityCVMax     float64 `json:"regularity_cv_max"`     // professionalisation
	LongestGapDaysMax   float64 `json:"longest_gap_days_max"`  // professionalisation
	SDGTMShareMin       float64 `json:"sdg_tm_share_min"`      // sdg
	SnapshotAgeDaysMax  float64 `json:"snapshot_age_days_max"` // monitoring
	PostAgeDaysMax      float64 `json:"post_age_days_max"`     // monitoring
	GoalReviewDaysMax   float64 `json:"goal_review_days_max"`  // monitoring
}

// DefaultConfig returns the documented default thresholds.
func DefaultConfig() Config {
	return Config{
		Version: 1, MinPosts: 10, MinTMPosts: 5, MinComments: 10,
		TMShareMin: 20, StoryShareMin: 15, QuestionShareMin: 10, ResponseRateMin: 50,
		RecurringHashtagMin: 1, PlatformsMin: 3, DuplicateRateMax: 30, VideoShareMin: 10,
		MentionShareMin: 5, MainLangShareMax: 90, TMEnglishShareMin: 20,
		RegularityCVMax: 1, LongestGapDaysMax: 21, SDGTMShareMin: 25,
		SnapshotAgeDaysMax: 90, PostAgeDaysMax: 30, GoalReviewDaysMax: 90,
	}
}

// ReadConfig reads a JSON override on top of the defaults.
func ReadConfig(r io.Reader) (Config, error) {
	c := DefaultConfig()
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, kopuro.Errorf(kopuro.EInvalid, "error.advise_config", "advice configuration: %v", err).WithArg("Reason", err.Error())
	}
	if c.MinPosts < 1 || c.MinTMPosts < 1 || c.MinComments < 1 {
		return c, kopuro.Errorf(kopuro.EInvalid, "error.advise_config", "advice configuration: minimum counts must be at least 1").WithArg("Reason", "min_posts, min_tm_posts and min_comments must be at least 1")
	}
	return c, nil
}
