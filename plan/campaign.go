package plan

import (
	"sort"
	"strings"
	"time"

	"kopuro"
)

// Campaign is a campaign shared by several universities under one
// hashtag (kopuro.Campaign, a domain type the store keeps).
type Campaign = kopuro.Campaign

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
