package metrics

import (
	"sort"

	"kopuro"
)

// Content accumulates what posts are about and how they are written:
// label shares, languages, SDGs, hashtags, mentions and formats.
type Content struct {
	posts, coded, tm           int
	question, cta, story       int
	category                   map[kopuro.Category]int
	area                       map[kopuro.Area]int
	lang                       map[kopuro.Lang]int
	langKnown                  int
	tmEnglish, tmLangKnown     int
	sdgPosts, sdgTM            int
	sdg                        [18]int
	withTag, tags, withMention int
	tagPosts                   map[string]int
	tagWeeks                   map[string]map[[2]int]bool
	format                     map[kopuro.Format]int
	formatKnown, video         int
}

// NewContent returns an empty accumulator.
func NewContent() *Content {
	return &Content{
		category: map[kopuro.Category]int{}, area: map[kopuro.Area]int{}, lang: map[kopuro.Lang]int{},
		tagPosts: map[string]int{}, tagWeeks: map[string]map[[2]int]bool{}, format: map[kopuro.Format]int{},
	}
}

// Add records one post.
func (c *Content) Add(it Item) {
	c.posts++
	tags := it.hashtags()
	if len(tags) > 0 {
		c.withTag++
	}
	c.tags += len(tags)
	y, w := it.Post.Published.UTC().ISOWeek()
	seen := map[string]bool{}
	for _, t := range tags {
		t = normTag(t)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		c.tagPosts[t]++
		if c.tagWeeks[t] == nil {
			c.tagWeeks[t] = map[[2]int]bool{}
		}
		c.tagWeeks[t][[2]int{y, w}] = true
	}
	if len(it.mentions()) > 0 {
		c.withMention++
	}
	if f := it.Post.Format; f != "" {
		c.formatKnown++
		c.format[f]++
		if f.IsVideo() {
			c.video++
		}
	}
	l := it.Labels
	if l == nil {
		return
	}
	c.coded++
	c.category[l.Category]++
	if l.Question {
		c.question++
	}
	if l.CTA {
		c.cta++
	}
	if l.Story {
		c.story++
	}
	if l.Lang != "" {
		c.langKnown++
		c.lang[l.Lang]++
	}
	hasSDG := false
	for _, g := range l.SDGs {
		if g >= 1 && g <= 17 {
			c.sdg[g]++
			hasSDG = true
		}
	}
	if hasSDG {
		c.sdgPosts++
	}
	if it.thirdMission() {
		c.tm++
		if l.Area != "" {
			c.area[l.Area]++
		}
		if hasSDG {
			c.sdgTM++
		}
		if en, known := it.english(); known {
			c.tmLangKnown++
			if en {
				c.tmEnglish++
			}
		}
	}
}

// TagCount is a hashtag and the number of posts carrying it.
type TagCount struct {
	Tag   string `json:"tag"`
	Posts int    `json:"posts"`
}

// ContentResult is what Content measured. Shares are percentages.
type ContentResult struct {
	Posts             int              `json:"posts"`
	Coded             int              `json:"coded"`
	Formatted         int              `json:"formatted_posts"` // posts whose format is known
	ThirdMission      int              `json:"third_mission_posts"`
	TMShare           Value            `json:"tm_share"`
	CategoryShare     map[string]Value `json:"category_share"`
	AreaShare         map[string]Value `json:"area_share"`
	QuestionShare     Value            `json:"question_share"`
	CTAShare          Value            `json:"cta_share"`
	StoryShare        Value            `json:"story_share"`
	LangShare         map[string]Value `json:"lang_share"`
	TMEnglishShare    Value            `json:"tm_english_share"`
	SDGShare          Value            `json:"sdg_share"`
	SDGTMShare        Value            `json:"sdg_tm_share"`
	SDGCoverage       int              `json:"sdg_coverage"`
	SDGPosts          map[int]int      `json:"sdg_posts"`
	HashtagShare      Value            `json:"hashtag_share"`
	HashtagsPerPost   Value            `json:"hashtags_per_post"`
	TopHashtags       []TagCount       `json:"top_hashtags"`
	RecurringHashtags []string         `json:"recurring_hashtags"`
	MentionShare      Value            `json:"mention_share"`
	FormatShare       map[string]Value `json:"format_share"`
	VideoShare        Value            `json:"video_share"`
}

// Recurrence thresholds of RecurringHashtags: a campaign tag is one used
// in at least this many posts in at least this many ISO weeks.
const (
	RecurringMinPosts = 3
	RecurringMinWeeks = 2
	topHashtags       = 10
)

// Result returns the shares.
func (c *Content) Result() ContentResult {
	r := ContentResult{
		Posts: c.posts, Coded: c.coded, Formatted: c.formatKnown, ThirdMission: c.tm,
		TMShare:       share(c.tm, c.coded),
		CategoryShare: map[string]Value{}, AreaShare: map[string]Value{}, LangShare: map[string]Value{},
		QuestionShare: share(c.question, c.coded), CTAShare: share(c.cta, c.coded), StoryShare: share(c.story, c.coded),
		TMEnglishShare: share(c.tmEnglish, c.tmLangKnown),
		SDGShare:       share(c.sdgPosts, c.coded), SDGTMShare: share(c.sdgTM, c.tm),
		SDGPosts:     map[int]int{},
		HashtagShare: share(c.withTag, c.posts), HashtagsPerPost: Missing,
		MentionShare: share(c.withMention, c.posts),
		FormatShare:  map[string]Value{}, VideoShare: share(c.video, c.formatKnown),
	}
	if c.coded > 0 {
		for _, cat := range kopuro.Categories {
			r.CategoryShare[string(cat)] = share(c.category[cat], c.coded)
		}
	}
	if c.tm > 0 {
		for _, a := range kopuro.Areas {
			r.AreaShare[string(a)] = share(c.area[a], c.tm)
		}
	}
	for l, n := range c.lang {
		r.LangShare[string(l)] = share(n, c.langKnown)
	}
	for g := 1; g <= 17; g++ {
		if c.sdg[g] > 0 {
			r.SDGPosts[g] = c.sdg[g]
			r.SDGCoverage++
		}
	}
	if c.posts > 0 {
		r.HashtagsPerPost = ExactValue(float64(c.tags) / float64(c.posts))
	}
	for t, n := range c.tagPosts {
		r.TopHashtags = append(r.TopHashtags, TagCount{t, n})
		if n >= RecurringMinPosts && len(c.tagWeeks[t]) >= RecurringMinWeeks {
			r.RecurringHashtags = append(r.RecurringHashtags, t)
		}
	}
	sort.Slice(r.TopHashtags, func(i, j int) bool {
		a, b := r.TopHashtags[i], r.TopHashtags[j]
		if a.Posts != b.Posts {
			return a.Posts > b.Posts
		}
		return a.Tag < b.Tag
	})
	if len(r.TopHashtags) > topHashtags {
		r.TopHashtags = r.TopHashtags[:topHashtags]
	}
	sort.Strings(r.RecurringHashtags)
	for f, n := range c.format {
		r.FormatShare[string(f)] = share(n, c.formatKnown)
	}
	return r
}
