package metrics

import (
	"sort"
	"strconv"
	"time"

	"kopuro"
)

// AccountKey is how the collector names an account: its id when it is
// stored, else platform and handle (or "@" and the institution code).
// Item.AccountKey gives the same key for the account's posts.
func AccountKey(a kopuro.Account) string {
	if a.ID != 0 {
		return strconv.FormatInt(a.ID, 10)
	}
	h := a.Handle
	if h == "" {
		h = "@" + a.Institution
	}
	return string(a.Platform) + ":" + h
}

// Collector computes an institution's scorecard for a period from streamed
// data: first its accounts and snapshots, then its posts in time order,
// then comments (in any order).
type Collector struct {
	// Fingerprint, when set, gives a post without a cluster key its
	// near-duplicate cluster from its text (the analysis engine's
	// fingerprint); without it such posts do not count in duplicate_rate.
	Fingerprint func(text string) string
	// Langs, when set, lists the languages of a text; it is asked for
	// posts coded "mixed" without a language list, to tell whether a
	// third-mission post carries English.
	Langs func(text string) []kopuro.Lang

	inst     kopuro.Institution
	period   Period
	accounts map[string]*accountAcc
	cadence  *Cadence
	eng      *Engagement
	content  *Content
	dups     *Duplicates
	resp     *Responses
}

type accountAcc struct {
	account kopuro.Account
	series  *Series
	cadence *Cadence
	er      dist // per-post ER of the account: median and mean only
	fresh   Freshness
	posts   int
}

// NewCollector starts the scorecard of in over p; loc is the audience's
// time zone (nil: Bishkek).
func NewCollector(in kopuro.Institution, p Period, loc *time.Location) *Collector {
	return &Collector{
		inst: in, period: p, accounts: map[string]*accountAcc{},
		cadence: NewCadence(p), eng: NewEngagement(loc), content: NewContent(),
		dups: NewDuplicates(), resp: NewResponses(p),
	}
}

// AddAccount registers an account of the institution.
func (c *Collector) AddAccount(a kopuro.Account) {
	c.account(AccountKey(a), a)
}

func (c *Collector) account(key string, a kopuro.Account) *accountAcc {
	acc := c.accounts[key]
	if acc == nil {
		acc = &accountAcc{account: a, series: &Series{}, cadence: NewCadence(c.period)}
		c.accounts[key] = acc
	}
	return acc
}

// AddSnapshot records a snapshot of account a.
func (c *Collector) AddSnapshot(a kopuro.Account, s kopuro.Snapshot) {
	acc := c.account(AccountKey(a), a)
	acc.series.Add(s)
	acc.fresh.AddSnapshot(s)
}

// AddPost records a post. When it.Followers is unset (zero Value) it is
// resolved from the account's snapshots. Posts must come in time order.
func (c *Collector) AddPost(it Item) error {
	acc := c.account(it.AccountKey(), kopuro.Account{ID: it.Post.AccountID, Platform: it.Post.Platform, Handle: it.Post.Account.Handle, Institution: it.Post.Account.Institution})
	acc.fresh.AddPost(it.Post.Published)
	if !c.period.Contains(it.Post.Published) {
		return nil
	}
	if it.Followers.Prec == "" {
		it.Followers = acc.series.At(it.Post.Published).Value
	}
	if it.Cluster == "" && c.Fingerprint != nil && it.Post.Text != "" {
		it.Cluster = c.Fingerprint(it.Post.Text)
	}
	if len(it.Langs) == 0 && c.Langs != nil && it.Labels != nil && it.Labels.Lang == kopuro.LangMixed {
		it.Langs = c.Langs(it.Post.Text)
	}
	if err := c.cadence.Add(it.Post.Published); err != nil {
		return err
	}
	if err := acc.cadence.Add(it.Post.Published); err != nil {
		return err
	}
	acc.posts++
	acc.er.add(PostER(it, it.Followers))
	c.eng.Add(it)
	c.content.Add(it)
	c.dups.Add(it)
	return nil
}

// AddComment records a comment under one of the institution's posts.
func (c *Collector) AddComment(cm kopuro.Comment) { c.resp.Add(cm) }

// AccountCard is the scorecard of one account.
type AccountCard struct {
	Key         string          `json:"key"`
	Platform    kopuro.Platform `json:"platform"`
	Handle      string          `json:"handle,omitempty"`
	Followers   Point           `json:"followers"`
	Growth      Growth          `json:"growth"`
	Change      Change          `json:"change"` // since the end of the previous period of equal length
	Cadence     CadenceResult   `json:"cadence"`
	ERMedian    Value           `json:"er_median"`
	ERMean      Value           `json:"er_mean"`
	SnapshotAge Value           `json:"snapshot_age_days"`
	PostAge     Value           `json:"post_age_days"`
}

// PlatformCard sums an institution's accounts on one platform.
type PlatformCard struct {
	Followers   Value `json:"followers"`
	PerStudents Value `json:"followers_per_1000_students"`
	Posts       int   `json:"posts"`
	Accounts    int   `json:"accounts"`
}

// Scorecard is every metric of one institution over one period. Values
// holds the scalar metrics by registry id, the form that rankings, goals,
// the index and the advice read.
type Scorecard struct {
	Institution string                           `json:"institution"`
	Period      Period                           `json:"period"`
	Values      map[string]Value                 `json:"values"`
	Platforms   map[kopuro.Platform]PlatformCard `json:"platforms"`
	Accounts    []AccountCard                    `json:"accounts"`
	Cadence     CadenceResult                    `json:"cadence"`
	Engagement  EngagementResult                 `json:"engagement"`
	Content     ContentResult                    `json:"content"`
	Duplicates  DuplicateResult                  `json:"duplicates"`
	Responses   ResponseResult                   `json:"responses"`
	Index       IndexResult                      `json:"index"`
}

// Result computes the scorecard at now (for data freshness) with the
// index configuration ic.
func (c *Collector) Result(now time.Time, ic IndexConfig) Scorecard {
	sc := Scorecard{
		Institution: c.inst.Code, Period: c.period, Values: map[string]Value{},
		Platforms: map[kopuro.Platform]PlatformCard{},
		Cadence:   c.cadence.Result(), Engagement: c.eng.Result(), Content: c.content.Result(),
		Duplicates: c.dups.Result(), Responses: c.resp.Result(),
	}
	keys := make([]string, 0, len(c.accounts))
	for k := range c.accounts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var followers, growth, weekly, snapAges []Value
	postAge := Missing
	for _, k := range keys {
		acc := c.accounts[k]
		// The period's figure is the newest recorded before its end,
		// never one recorded after it, as in Table 1.
		ac := AccountCard{
			Key: k, Platform: acc.account.Platform, Handle: acc.account.Handle,
			Followers: acc.series.Latest(c.period.To), Growth: acc.series.Growth(c.period.From, c.period.To),
			Change:  acc.series.Change(c.period.Previous().To, c.period.To),
			Cadence: acc.cadence.Result(),
		}
		ac.ERMedian, ac.ERMean = acc.er.median(), acc.er.mean()
		ac.SnapshotAge, ac.PostAge = acc.fresh.Ages(now)
		sc.Accounts = append(sc.Accounts, ac)

		pc := sc.Platforms[ac.Platform]
		pc.Accounts++
		pc.Posts += acc.posts
		if pc.Accounts == 1 {
			pc.Followers = ac.Followers.Value
		} else {
			pc.Followers = Sum(pc.Followers, ac.Followers.Value)
		}
		sc.Platforms[ac.Platform] = pc

		followers = append(followers, ac.Followers.Value)
		growth = append(growth, ac.Growth.Absolute)
		weekly = append(weekly, ac.Growth.WeeklyPct)
		if ac.SnapshotAge.OK() {
			snapAges = append(snapAges, ac.SnapshotAge)
		}
		if ac.PostAge.OK() && (!postAge.OK() || ac.PostAge.V < postAge.V) {
			postAge = ac.PostAge
		}
	}
	for p, pc := range sc.Platforms {
		pc.PerStudents = PerThousandStudents(pc.Followers, c.inst.Students)
		sc.Platforms[p] = pc
	}
	present := 0
	for _, p := range kopuro.StudyPlatforms {
		if pc, ok := sc.Platforms[p]; ok && (pc.Posts > 0 || pc.Followers.OK()) {
			present++
		}
	}
	v := sc.Values
	v[Followers] = Sum(followers...)
	v[FollowersGrowth] = SumChanges(growth...)
	v[FollowersWeeklyPct] = Median(weekly)
	v[FollowersPer1000] = PerThousandStudents(v[Followers], c.inst.Students)
	v[PostsInPeriod] = ExactValue(float64(sc.Content.Posts))
	v[CodedPosts] = ExactValue(float64(sc.Content.Coded))
	v[PlatformsPresent] = ExactValue(float64(present))
	v[PostsPerWeek] = sc.Cadence.PostsPerWeek
	v[RegularityCV] = sc.Cadence.RegularityCV
	v[LongestGapDays] = sc.Cadence.LongestGap
	e := sc.Engagement
	v[ERMedian], v[ERMean], v[ERViewsMedian], v[ERViewsMean] = e.Median, e.Mean, e.ViewsMedian, e.ViewsMean
	ct := sc.Content
	v[TMShare], v[QuestionShare], v[CTAShare], v[StoryShare] = ct.TMShare, ct.QuestionShare, ct.CTAShare, ct.StoryShare
	v[TMEnglishShare], v[SDGShare], v[SDGTMShare] = ct.TMEnglishShare, ct.SDGShare, ct.SDGTMShare
	v[SDGCoverage] = ExactValue(float64(ct.SDGCoverage))
	v[HashtagShare], v[HashtagsPerPost], v[MentionShare], v[VideoShare] = ct.HashtagShare, ct.HashtagsPerPost, ct.MentionShare, ct.VideoShare
	v[RecurringHashtags] = ExactValue(float64(len(ct.RecurringHashtags)))
	v[DuplicateRate] = sc.Duplicates.Rate
	v[ResponseRate], v[PostResponseRate], v[ResponseTimeMedian] = sc.Responses.Rate, sc.Responses.PostRate, sc.Responses.MedianHours
	v[SnapshotAgeDays] = maxValue(snapAges)
	v[PostAgeDays] = postAge
	sc.Index = ic.Index(v)
	v[VisibilityIndex] = sc.Index.Value
	return sc
}

func maxValue(vs []Value) Value {
	out := Missing
	for _, v := range vs {
		if !out.OK() || v.V > out.V {
			out = v
		}
	}
	return out
}

// AddCodedPost is AddPost for a store that streams posts with their
// labels (nil when uncoded); the follower figure is resolved from the
// account's snapshots.
func (c *Collector) AddCodedPost(p kopuro.Post, l *kopuro.Labels) error {
	return c.AddPost(Item{Post: p, Labels: l})
}

// AddLatestPost records the time of an account's newest post, inside the
// period or not, for data freshness.
func (c *Collector) AddLatestPost(a kopuro.Account, t time.Time) {
	c.account(AccountKey(a), a).fresh.AddPost(t)
}
