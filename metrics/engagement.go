package metrics

import (
	"sort"
	"time"
)

// PostER is a post's engagement rate by followers at post time:
// (likes + comments + shares + saves) ÷ followers × 100.
//
// Missing counts are handled explicitly: a count the source does not give
// is left out of the sum, and then the rate is a lower bound (precision
// "above"), since the missing interactions could only add to it. A post
// with no count at all, or without a follower figure, has no rate.
func PostER(it Item, followers Value) Value {
	e, ok := engagement(it)
	if !ok {
		return Missing
	}
	return e.Div(followers).Scale(100)
}

// PostViewsER is the engagement rate by views, for video posts with a
// known, non-zero view count.
func PostViewsER(it Item) Value {
	if !it.video() || !it.Post.Views.Valid || it.Post.Views.N == 0 {
		return Missing
	}
	e, ok := engagement(it)
	if !ok {
		return Missing
	}
	return e.Div(ExactValue(float64(it.Post.Views.N))).Scale(100)
}

func engagement(it Item) (Value, bool) {
	p := it.Post
	n, ok := p.Engagement()
	if !ok {
		return Missing, false
	}
	v := ExactValue(float64(n))
	if !p.Likes.Valid || !p.Comments.Valid || !p.Shares.Valid || !p.Saves.Valid {
		v.Prec = Above
	}
	return v, true
}

// Dimensions of ER breakdowns, as used in EngagementResult.By.
const (
	DimCategory    = "category"
	DimArea        = "tm_area"
	DimFormat      = "format"
	DimLang        = "lang"
	DimWeekdayHour = "weekday_hour"
)

// LiftLabels are the labels ER lift is measured for.
var LiftLabels = []string{"question", "cta", "story", "third_mission", "sdg", "hashtag", "mention", "video", "english"}

// Engagement accumulates per-post engagement rates.
type Engagement struct {
	loc         *time.Location
	all, views  dist
	by          map[string]map[string]*dist
	lift        map[string]*[2]dist // [0] without, [1] with
	noFollowers int
	noCounts    int
	incomplete  int
}

// NewEngagement measures engagement; loc is the audience's time zone for
// the weekday × hour breakdown (nil: Asia/Bishkek, UTC+6 all year).
func NewEngagement(loc *time.Location) *Engagement {
	if loc == nil {
		loc = Bishkek
	}
	e := &Engagement{loc: loc, by: map[string]map[string]*dist{}, lift: map[string]*[2]dist{}}
	for _, l := range LiftLabels {
		e.lift[l] = &[2]dist{}
	}
	return e
}

// Bishkek is Kyrgyzstan's time, UTC+6 without daylight saving.
var Bishkek = time.FixedZone("Asia/Bishkek", 6*3600)

// Add records one post; it.Followers is the audience at post time.
func (e *Engagement) Add(it Item) {
	if _, ok := it.Post.Engagement(); !ok {
		e.noCounts++
		return
	}
	if v := PostViewsER(it); v.OK() {
		e.views.add(v)
	}
	er := PostER(it, it.Followers)
	if !er.OK() {
		e.noFollowers++
		return
	}
	if p := it.Post; !p.Likes.Valid || !p.Comments.Valid || !p.Shares.Valid || !p.Saves.Valid {
		e.incomplete++
	}
	e.all.add(er)
	t := it.Post.Published.In(e.loc)
	e.group(DimWeekdayHour, slotKey(t), er)
	if it.Post.Format != "" {
		e.group(DimFormat, string(it.Post.Format), er)
	}
	if l := it.Labels; l != nil {
		e.group(DimCategory, string(l.Category), er)
		if l.Area != "" {
			e.group(DimArea, string(l.Area), er)
		}
		if l.Lang != "" {
			e.group(DimLang, string(l.Lang), er)
		}
	}
	for _, f := range flags(it) {
		e.lift[f.label][b2i(f.on)].add(er)
	}
}

var weekdayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// slotKey is the weekday × hour key of t: "mon-14".
func slotKey(t time.Time) string {
	h := t.Hour()
	return weekdayKeys[t.Weekday()] + "-" + string(rune('0'+h/10)) + string(rune('0'+h%10))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

type labelFlag struct {
	label string
	on    bool
}

// flags lists the lift labels that are known for it.
func flags(it Item) []labelFlag {
	fs := []labelFlag{
		{"hashtag", len(it.hashtags()) > 0},
		{"mention", len(it.mentions()) > 0},
	}
	if it.Post.Format != "" || it.Post.Platform.Video() {
		fs = append(fs, labelFlag{"video", it.video()})
	}
	if l := it.Labels; l != nil {
		fs = append(fs, labelFlag{"question", l.Question}, labelFlag{"cta", l.CTA}, labelFlag{"story", l.Story},
			labelFlag{"third_mission", it.thirdMission()}, labelFlag{"sdg", len(l.SDGs) > 0})
	}
	if en, known := it.english(); known {
		fs = append(fs, labelFlag{"english", en})
	}
	return fs
}

func (e *Engagement) group(dim, key string, v Value) {
	m := e.by[dim]
	if m == nil {
		m = map[string]*dist{}
		e.by[dim] = m
	}
	d := m[key]
	if d == nil {
		d = &dist{}
		m[key] = d
	}
	d.add(v)
}

// Group is the ER of one group of posts.
type Group struct {
	Median Value `json:"median"`
	Mean   Value `json:"mean"`
	Posts  int   `json:"posts"`
}

// Lift compares the posts with a label to those without it.
type Lift struct {
	With    Group `json:"with"`
	Without Group `json:"without"`
	Ratio   Value `json:"ratio"` // median with ÷ median without
}

// EngagementResult is what Engagement measured.
type EngagementResult struct {
	Median      Value                       `json:"er_median"`
	Mean        Value                       `json:"er_mean"`
	Posts       int                         `json:"posts"` // posts with a rate
	ViewsMedian Value                       `json:"er_views_median"`
	ViewsMean   Value                       `json:"er_views_mean"`
	ViewPosts   int                         `json:"view_posts"`
	NoFollowers int                         `json:"no_followers"` // posts left out: no follower figure at post time
	NoCounts    int                         `json:"no_counts"`    // posts left out: no interaction count at all
	Incomplete  int                         `json:"incomplete"`   // posts whose rate is a lower bound (some counts missing)
	By          map[string]map[string]Group `json:"by"`
	Lift        map[string]Lift             `json:"lift"`
}

// Result returns medians, means, breakdowns and lifts.
func (e *Engagement) Result() EngagementResult {
	r := EngagementResult{
		Median: e.all.median(), Mean: e.all.mean(), Posts: e.all.n(),
		ViewsMedian: e.views.median(), ViewsMean: e.views.mean(), ViewPosts: e.views.n(),
		NoFollowers: e.noFollowers, NoCounts: e.noCounts, Incomplete: e.incomplete,
		By: map[string]map[string]Group{}, Lift: map[string]Lift{},
	}
	for dim, m := range e.by {
		r.By[dim] = map[string]Group{}
		for k, d := range m {
			r.By[dim][k] = groupOf(d)
		}
	}
	for _, l := range LiftLabels {
		d := e.lift[l]
		if d[0].n()+d[1].n() == 0 {
			continue
		}
		lf := Lift{With: groupOf(&d[1]), Without: groupOf(&d[0])}
		lf.Ratio = lf.With.Median.Div(lf.Without.Median)
		r.Lift[l] = lf
	}
	return r
}

func groupOf(d *dist) Group { return Group{Median: d.median(), Mean: d.mean(), Posts: d.n()} }

// BestSlots returns up to n weekday × hour keys with the highest median ER
// among slots with at least minPosts posts, best first (ties by key).
func (r EngagementResult) BestSlots(n, minPosts int) []string {
	type kv struct {
		k string
		v float64
	}
	var s []kv
	for k, g := range r.By[DimWeekdayHour] {
		if g.Posts >= minPosts && g.Median.OK() {
			s = append(s, kv{k, g.Median.V})
		}
	}
	sort.Slice(s, func(i, j int) bool {
		if s[i].v != s[j].v {
			return s[i].v > s[j].v
		}
		return s[i].k < s[j].k
	})
	var out []string
	for i := 0; i < len(s) && i < n; i++ {
		out = append(out, s[i].k)
	}
	return out
}
