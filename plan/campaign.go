package plan

import (
	"sort"
	"strings"
	"time"

	"kopuro"
)

// Campaign is a campaign shared by several universities under one
// hashtag, such as a national #UniServiceWeek, over a span of days (both
// ends included, in the audience's time zone).
type Campaign struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Hashtag      string      `json:"hashtag"`
	From         kopuro.Date `json:"from"`
	To           kopuro.Date `json:"to"`
	Institutions []string    `json:"institutions,omitempty"`
	SDGs         []int       `json:"sdgs,omitempty"`
	Description  string      `json:"description,omitempty"`
}

// Validate checks the campaign and normalises its hashtag to "#Tag".
func (c *Campaign) Validate() error {
	if !kopuro.ValidCode(c.ID) {
		return invalid("id", "error.campaign_id", "campaign id %q must be lower-case letters, digits and hyphens", c.ID).WithArg("Value", c.ID)
	}
	if strings.TrimSpace(c.Name) == "" {
		return invalid("name", "error.required", "name is required").WithArg("Field", "name")
	}
	tag := strings.TrimPrefix(strings.TrimSpace(c.Hashtag), "#")
	if got := kopuro.Hashtags("#" + tag); len(got) != 1 || got[0] != strings.ToLower(tag) {
		return invalid("hashtag", "error.hashtag", "%q is not a single hashtag", c.Hashtag).WithArg("Value", c.Hashtag)
	}
	c.Hashtag = "#" + tag
	if c.From.IsZero() || c.To.IsZero() || c.From.MonthOnly() || c.To.MonthOnly() {
		return invalid("from", "error.campaign_dates", "a campaign needs from and to days (YYYY-MM-DD)")
	}
	if c.To.Start().Before(c.From.Start()) {
		return invalid("to", "error.campaign_dates", "a campaign must not end before it starts")
	}
	for _, in := range c.Institutions {
		if !kopuro.ValidCode(in) {
			return invalid("institutions", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", in).WithArg("Value", in)
		}
	}
	for _, g := range c.SDGs {
		if g < 1 || g > 17 {
			return invalid("sdgs", "error.sdg", "SDG %d is not between 1 and 17", g).WithArg("Value", g)
		}
	}
	return nil
}

// Tag is the campaign's hashtag as compared: lower case, without "#".
func (c Campaign) Tag() string { return strings.ToLower(strings.TrimPrefix(c.Hashtag, "#")) }

// Tracker counts, per university, the posts that carried a campaign's
// hashtag within its window. Feed it posts in any order.
type Tracker struct {
	c      Campaign
	loc    *time.Location
	from   time.Time
	to     time.Time // exclusive
	counts map[string]int
}

// NewTracker tracks c; loc is the time zone in which the campaign's days
// are counted (nil: Asia/Bishkek, UTC+6).
func NewTracker(c Campaign, loc *time.Location) *Tracker {
	if loc == nil {
		loc = time.FixedZone("Asia/Bishkek", 6*3600)
	}
	t := &Tracker{c: c, loc: loc, counts: map[string]int{}}
	t.from = time.Date(c.From.Year, c.From.Month, c.From.Day, 0, 0, 0, 0, loc)
	t.to = time.Date(c.To.Year, c.To.Month, c.To.Day, 0, 0, 0, 0, loc).AddDate(0, 0, 1)
	for _, in := range c.Institutions {
		t.counts[in] = 0
	}
	return t
}

// Add counts p for institution when it was published in the window and
// carries the tag (in its hashtag list or its text).
func (t *Tracker) Add(institution string, p kopuro.Post) {
	if p.Published.Before(t.from) || !p.Published.Before(t.to) {
		return
	}
	tags := p.Hashtags
	if len(tags) == 0 {
		tags = kopuro.Hashtags(p.Text)
	}
	want := t.c.Tag()
	for _, tag := range tags {
		if strings.ToLower(strings.TrimPrefix(tag, "#")) == want {
			t.counts[institution]++
			return
		}
	}
}

// CampaignRow is one university's count.
type CampaignRow struct {
	Institution string `json:"institution"`
	Posts       int    `json:"posts"`
	Registered  bool   `json:"registered"` // named in the campaign (else it joined by using the tag)
}

// CampaignReport is the tracker's result.
type CampaignReport struct {
	Campaign     Campaign      `json:"campaign"`
	Rows         []CampaignRow `json:"rows"`
	Posts        int           `json:"posts"`
	Participants int           `json:"participants"` // universities with at least one post
}

// Report lists every registered university (with zero when it did not
// post) and every other one that used the tag, most posts first.
func (t *Tracker) Report() CampaignReport {
	reg := map[string]bool{}
	for _, in := range t.c.Institutions {
		reg[in] = true
	}
	r := CampaignReport{Campaign: t.c, Rows: []CampaignRow{}}
	for in, n := range t.counts {
		r.Rows = append(r.Rows, CampaignRow{Institution: in, Posts: n, Registered: reg[in]})
		r.Posts += n
		if n > 0 {
			r.Participants++
		}
	}
	sort.Slice(r.Rows, func(i, j int) bool {
		if r.Rows[i].Posts != r.Rows[j].Posts {
			return r.Rows[i].Posts > r.Rows[j].Posts
		}
		return r.Rows[i].Institution < r.Rows[j].Institution
	})
	return r
}
