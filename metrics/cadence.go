package metrics

import (
	"time"

	"kopuro"
)

// Period is a half-open interval of time [From, To).
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Contains reports whether t falls in p.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// Days is the length of p in days.
func (p Period) Days() float64 { return p.To.Sub(p.From).Hours() / 24 }

// ParsePeriod reads "2025-01..2025-06" (whole months, both included) or
// "2025-01-01..2025-03-31" (whole days, both included).
func ParsePeriod(s string) (Period, error) {
	a, b, ok := cut(s, "..")
	if !ok {
		return Period{}, kopuro.Errorf(kopuro.EInvalid, "error.period", "period %q must be written FROM..TO", s).WithArg("Value", s)
	}
	from, err := kopuro.ParseDate(a)
	if err != nil {
		return Period{}, err
	}
	to, err := kopuro.ParseDate(b)
	if err != nil {
		return Period{}, err
	}
	end := to.Start().AddDate(0, 0, 1)
	if to.MonthOnly() {
		end = to.Start().AddDate(0, 1, 0)
	}
	p := Period{From: from.Start(), To: end}
	if !p.To.After(p.From) {
		return Period{}, kopuro.Errorf(kopuro.EInvalid, "error.period", "period %q ends before it starts", s).WithArg("Value", s)
	}
	return p, nil
}

func cut(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

// Cadence accumulates posting times, in ascending order, for posts per
// week, regularity and the longest gap. It keeps no slice.
type Cadence struct {
	period  Period
	n       int
	last    time.Time
	gaps    welford
	longest time.Duration
}

// NewCadence counts the posts of period p.
func NewCadence(p Period) *Cadence { return &Cadence{period: p} }

// Add records a post published at t. Posts outside the period are ignored;
// posts must arrive in time order (a store reads them ORDER BY published),
// and an earlier time than the last is an error.
func (c *Cadence) Add(t time.Time) error {
	if !c.period.Contains(t) {
		return nil
	}
	if c.n > 0 {
		if t.Before(c.last) {
			return kopuro.Errorf(kopuro.EInternal, "error.internal", "metrics: posts out of time order (%s after %s)", t, c.last)
		}
		g := t.Sub(c.last)
		c.gaps.add(g.Hours() / 24)
		if g > c.longest {
			c.longest = g
		}
	}
	c.n++
	c.last = t
	return nil
}

// CadenceResult is what Cadence measured.
type CadenceResult struct {
	Posts        int   `json:"posts"`
	PostsPerWeek Value `json:"posts_per_week"`
	RegularityCV Value `json:"regularity_cv"`
	LongestGap   Value `json:"longest_gap_days"`
}

// Result returns posts per week over the whole period, the coefficient of
// variation of the gaps (needs three posts: two gaps) and the longest gap
// (needs two posts).
func (c *Cadence) Result() CadenceResult {
	r := CadenceResult{Posts: c.n, PostsPerWeek: Missing, RegularityCV: Missing, LongestGap: Missing}
	if d := c.period.Days(); d > 0 {
		r.PostsPerWeek = ExactValue(float64(c.n) / (d / 7))
	}
	if cv, ok := c.gaps.cv(); ok {
		r.RegularityCV = ExactValue(cv)
	}
	if c.n >= 2 {
		r.LongestGap = ExactValue(c.longest.Hours() / 24)
	}
	return r
}
