package metrics

// Def declares one metric: what it counts, over what, how it is combined
// across posts and accounts, and which version of the definition is in use.
// A change to a formula bumps Version; reports print it.
type Def struct {
	ID          string `json:"id"`
	Version     int    `json:"version"`
	Unit        string `json:"unit"` // count, percent, ratio, days, hours, per_week, per_1000, index
	Formula     string `json:"formula"`
	Numerator   string `json:"numerator,omitempty"`
	Denominator string `json:"denominator,omitempty"`
	Aggregation string `json:"aggregation"`
	Better      string `json:"better,omitempty"` // "higher", "lower" or "" (no ranking direction)
	Keyed       bool   `json:"keyed,omitempty"`  // one value per key (category, area, hashtag, ...)
}

// Metric ids. They are stable: goals, rankings and advice refer to them.
const (
	Followers           = "followers"
	FollowersGrowth     = "followers_growth"
	FollowersWeeklyPct  = "followers_weekly_growth_pct"
	FollowersPer1000    = "followers_per_1000_students"
	FollowersChange     = "followers_change"
	FollowersChangePct  = "followers_change_pct"
	PostsPerWeek        = "posts_per_week"
	RegularityCV        = "regularity_cv"
	LongestGapDays      = "longest_gap_days"
	ERMedian            = "er_median"
	ERMean              = "er_mean"
	ERViewsMedian       = "er_views_median"
	ERViewsMean         = "er_views_mean"
	ERByCategory        = "er_by_category"
	ERByArea            = "er_by_area"
	ERByFormat          = "er_by_format"
	ERByLang            = "er_by_lang"
	ERByWeekdayHour     = "er_by_weekday_hour"
	ERLift              = "er_lift"
	TMShare             = "tm_share"
	AreaShare           = "area_share"
	CategoryShare       = "category_share"
	QuestionShare       = "question_share"
	CTAShare            = "cta_share"
	StoryShare          = "story_share"
	LangShare           = "lang_share"
	TMEnglishShare      = "tm_english_share"
	SDGShare            = "sdg_share"
	SDGTMShare          = "sdg_tm_share"
	SDGCoverage         = "sdg_coverage"
	SDGPosts            = "sdg_posts"
	HashtagShare        = "hashtag_share"
	HashtagsPerPost     = "hashtags_per_post"
	TopHashtags         = "top_hashtags"
	RecurringHashtags   = "recurring_hashtags"
	MentionShare        = "mention_share"
	FormatShare         = "format_share"
	VideoShare          = "video_share"
	DuplicateRate       = "duplicate_rate"
	ResponseRate        = "response_rate"
	PostResponseRate    = "post_response_rate"
	ResponseTimeMedian  = "response_time_median_hours"
	SnapshotAgeDays     = "snapshot_age_days"
	PostAgeDays         = "post_age_days"
	PlatformsPresent    = "platforms_present"
	PostsInPeriod       = "posts"
	CodedPosts          = "coded_posts"
	VisibilityIndex     = "tmvi"
	erNumerator         = "likes + comments + shares + saves, over the counts the source gives"
	codedPostsInPeriod  = "coded posts in the period"
	tmPostsInPeriod     = "coded third-mission posts in the period"
	postsInPeriod       = "posts in the period"
	perPostMedianOrMean = "over the posts of the account, or of every account of the institution"
)

// Registry lists every metric. docs/metrics.md is generated from the same
// declarations in words; a test keeps them in step.
var Registry = []Def{
	{ID: Followers, Version: 2, Unit: "count", Formula: "value of the newest audience snapshot (followers, or subscribers on YouTube) dated before the end of the period (a month-only date counts from its first day); precision carried through", Aggregation: "per account the newest snapshot with a value dated before the end, never one recorded after the period (with none, missing, never 0); per platform and per institution the sum over the accounts, precision joined (a missing account makes the sum a lower bound)", Better: "higher"},
	{ID: FollowersGrowth, Version: 3, Unit: "count", Formula: "followers(end) − followers(start); end: the newest snapshot with a value dated before the end of the period; start: the newest dated on or before its first day, else the oldest dated in the period (a month-only date counts from its first day)", Aggregation: "per account, missing when either figure is missing or both are the same snapshot (an upper-bounded start makes a lower-bounded growth); per institution the sum over its accounts whose growth is known, approximate (~) when another account's growth is missing (growth can be negative, so the known part is no bound)", Better: "higher"},
	{ID: FollowersWeeklyPct, Version: 2, Unit: "percent", Formula: "((followers(end) ÷ followers(start))^(7 ÷ days) − 1) × 100, start and end as in followers_growth, days between the two snapshots used", Denominator: "followers(start)", Aggregation: "per account, missing like followers_growth; per institution the median over its accounts", Better: "higher"},
	{ID: FollowersPer1000, Version: 2, Unit: "per_1000", Formula: "followers ÷ students × 1000", Numerator: "followers of the period (the newest figure dated before its end), summed over the institution's accounts of the platform", Denominator: "students of the institution (missing when unknown)", Aggregation: "per institution and platform", Better: "higher"},
	{ID: FollowersChange, Version: 1, Unit: "count", Formula: "followers(end of the period) − followers(end of the previous period); each is the newest snapshot with a value dated before that end", Aggregation: "per account (the scorecard's accounts); missing when either figure is missing or both are the same snapshot; an upper-bounded previous figure makes a lower-bounded growth", Keyed: true},
	{ID: FollowersChangePct, Version: 1, Unit: "percent", Formula: "(followers(end of the period) ÷ followers(end of the previous period) − 1) × 100", Denominator: "followers at the end of the previous period", Aggregation: "per account; missing like followers_change, and when the previous figure is 0", Keyed: true},
	{ID: PostsPerWeek, Version: 1, Unit: "per_week", Formula: "posts ÷ (period days ÷ 7)", Numerator: postsInPeriod, Denominator: "weeks in the period", Aggregation: "per account, per institution (all its accounts)", Better: "higher"},
	{ID: RegularityCV, Version: 1, Unit: "ratio", Formula: "population standard deviation of the gaps between consecutive posts ÷ their mean", Denominator: "mean gap", Aggregation: "over the posts in time order; needs 3 posts", Better: "lower"},
	{ID: LongestGapDays, Version: 1, Unit: "days", Formula: "longest time between two consecutive posts", Aggregation: "maximum; needs 2 posts", Better: "lower"},
	{ID: ERMedian, Version: 1, Unit: "percent", Formula: "median of per-post ER, ER = (likes + comments + shares + saves) ÷ followers at post time × 100", Numerator: erNumerator, Denominator: "followers at post time (nearest snapshot); posts without a follower figure or without any count are left out", Aggregation: "median " + perPostMedianOrMean, Better: "higher"},
	{ID: ERMean, Version: 1, Unit: "percent", Formula: "mean of per-post ER", Numerator: erNumerator, Denominator: "followers at post time", Aggregation: "arithmetic mean " + perPostMedianOrMean, Better: "higher"},
	{ID: ERViewsMedian, Version: 1, Unit: "percent", Formula: "median of (likes + comments + shares + saves) ÷ views × 100", Numerator: erNumerator, Denominator: "views of the post (video platforms and video formats only)", Aggregation: "median over the video posts", Better: "higher"},
	{ID: ERViewsMean, Version: 1, Unit: "percent", Formula: "mean of (likes + comments + shares + saves) ÷ views × 100", Numerator: erNumerator, Denominator: "views of the post", Aggregation: "mean over the video posts", Better: "higher"},
	{ID: ERByCategory, Version: 1, Unit: "percent", Formula: "median ER of the posts of each category", Denominator: "followers at post time", Aggregation: "median per category", Keyed: true},
	{ID: ERByArea, Version: 1, Unit: "percent", Formula: "median ER of the posts of each third-mission area", Denominator: "followers at post time", Aggregation: "median per area", Keyed: true},
	{ID: ERByFormat, Version: 1, Unit: "percent", Formula: "median ER of the posts of each format", Denominator: "followers at post time", Aggregation: "median per format", Keyed: true},
	{ID: ERByLang, Version: 1, Unit: "percent", Formula: "median ER of the posts of each language", Denominator: "followers at post time", Aggregation: "median per language", Keyed: true},
	{ID: ERByWeekdayHour, Version: 1, Unit: "percent", Formula: "median ER of the posts published on each weekday and hour (local time of the audience, Asia/Bishkek by default); key \"mon-14\"", Denominator: "followers at post time", Aggregation: "median per weekday × hour", Keyed: true},
	{ID: ERLift, Version: 1, Unit: "ratio", Formula: "median ER of the posts with the label ÷ median ER of the posts without it", Denominator: "median ER of the posts without the label", Aggregation: "per label: question, cta, story, third_mission, sdg, hashtag, mention, video, english", Keyed: true},
	{ID: TMShare, Version: 1, Unit: "percent", Formula: "third-mission posts ÷ coded posts × 100", Numerator: "posts of category third_mission", Denominator: codedPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: AreaShare, Version: 1, Unit: "percent", Formula: "posts of the area ÷ third-mission posts × 100", Denominator: tmPostsInPeriod, Aggregation: "count per area", Keyed: true},
	{ID: CategoryShare, Version: 1, Unit: "percent", Formula: "posts of the category ÷ coded posts × 100", Denominator: codedPostsInPeriod, Aggregation: "count per category", Keyed: true},
	{ID: QuestionShare, Version: 1, Unit: "percent", Formula: "posts asking the audience a question ÷ coded posts × 100", Denominator: codedPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: CTAShare, Version: 1, Unit: "percent", Formula: "posts with a call to action ÷ coded posts × 100", Denominator: codedPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: StoryShare, Version: 1, Unit: "percent", Formula: "posts telling a story ÷ coded posts × 100", Denominator: codedPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: LangShare, Version: 1, Unit: "percent", Formula: "posts of the language (ky, ru, en, mixed, other) ÷ coded posts with a language × 100", Denominator: "coded posts whose language is known", Aggregation: "count per language", Keyed: true},
	{ID: TMEnglishShare, Version: 1, Unit: "percent", Formula: "third-mission posts carrying English ÷ third-mission posts whose languages are known × 100", Denominator: "coded third-mission posts whose languages are known (a \"mixed\" post without its language list is unknown)", Aggregation: "count over posts", Better: "higher"},
	{ID: SDGShare, Version: 1, Unit: "percent", Formula: "posts with at least one SDG ÷ coded posts × 100", Denominator: codedPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: SDGTMShare, Version: 1, Unit: "percent", Formula: "third-mission posts with at least one SDG ÷ third-mission posts × 100", Denominator: tmPostsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: SDGCoverage, Version: 1, Unit: "count", Formula: "number of distinct SDGs (1–17) carried by at least one post", Aggregation: "distinct count", Better: "higher"},
	{ID: SDGPosts, Version: 1, Unit: "count", Formula: "posts carrying each SDG", Aggregation: "count per goal", Keyed: true},
	{ID: HashtagShare, Version: 1, Unit: "percent", Formula: "posts with at least one hashtag ÷ posts × 100", Denominator: postsInPeriod, Aggregation: "count over posts"},
	{ID: HashtagsPerPost, Version: 1, Unit: "ratio", Formula: "hashtags ÷ posts", Denominator: postsInPeriod, Aggregation: "mean"},
	{ID: TopHashtags, Version: 1, Unit: "count", Formula: "posts carrying each hashtag, the 10 most used (ties in alphabetical order)", Aggregation: "count per hashtag", Keyed: true},
	{ID: RecurringHashtags, Version: 1, Unit: "count", Formula: "distinct hashtags carried by at least 3 posts in at least 2 different weeks", Aggregation: "distinct count", Better: "higher"},
	{ID: MentionShare, Version: 1, Unit: "percent", Formula: "posts mentioning another account (@) ÷ posts × 100", Denominator: postsInPeriod, Aggregation: "count over posts", Better: "higher"},
	{ID: FormatShare, Version: 1, Unit: "percent", Formula: "posts of the format ÷ posts whose format is known × 100", Denominator: "posts whose format is known", Aggregation: "count per format", Keyed: true},
	{ID: VideoShare, Version: 1, Unit: "percent", Formula: "video, reel or live posts ÷ posts whose format is known × 100", Denominator: "posts whose format is known", Aggregation: "count over posts", Better: "higher"},
	{ID: DuplicateRate, Version: 1, Unit: "percent", Formula: "posts whose near-duplicate cluster has a post on another platform within 7 days ÷ posts with a fingerprint × 100", Denominator: "posts with a fingerprint", Aggregation: "per institution over all its accounts", Better: "lower"},
	{ID: ResponseRate, Version: 1, Unit: "percent", Formula: "public comments with a threaded reply from the institution's account ÷ public comments × 100", Denominator: "comments not written by the institution, in the period", Aggregation: "count over comments", Better: "higher"},
	{ID: PostResponseRate, Version: 1, Unit: "percent", Formula: "posts with public comments where the institution commented too ÷ posts with public comments × 100", Denominator: "posts with at least one public comment", Aggregation: "count over posts (for sources without threads)", Better: "higher"},
	{ID: ResponseTimeMedian, Version: 1, Unit: "hours", Formula: "median time from a public comment to the institution's first threaded reply", Aggregation: "median over answered comments", Better: "lower"},
	{ID: SnapshotAgeDays, Version: 1, Unit: "days", Formula: "now − date of the newest snapshot (middle of the month for a month-only date)", Aggregation: "per account; per institution the oldest of its accounts' newest", Better: "lower"},
	{ID: PostAgeDays, Version: 1, Unit: "days", Formula: "now − time of the newest post", Aggregation: "per account; per institution the newest over its accounts", Better: "lower"},
	{ID: PlatformsPresent, Version: 1, Unit: "count", Formula: "of the study's five platforms (Instagram, Facebook, YouTube, TikTok, Telegram), those where an account of the institution has a post in the period or a follower figure", Aggregation: "distinct count", Better: "higher"},
	{ID: PostsInPeriod, Version: 1, Unit: "count", Formula: "posts published in the period", Aggregation: "count", Better: "higher"},
	{ID: CodedPosts, Version: 1, Unit: "count", Formula: "posts in the period with labels (human coding wins over machine)", Aggregation: "count"},
	{ID: VisibilityIndex, Version: 1, Unit: "index", Formula: "Σ weightᵢ × scoreᵢ ÷ Σ weightᵢ over the components that have a value; scoreᵢ = clamp(value ÷ target, 0, 1) × 100 (or the inverse for lower-is-better components); see tmvi.json", Aggregation: "per institution; missing when the present weights are under min_coverage", Better: "higher"},
}

// Lookup returns the declaration of id.
func Lookup(id string) (Def, bool) {
	for _, d := range Registry {
		if d.ID == id {
			return d, true
		}
	}
	return Def{}, false
}
