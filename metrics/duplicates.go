package metrics

import (
	"sort"
	"time"

	"kopuro"
)

// DuplicateWindow is how close in time two posts of one cluster on
// different platforms must be to count as the same story posted twice.
const DuplicateWindow = 7 * 24 * time.Hour

// Duplicates accumulates the near-duplicate cluster of each post of an
// institution and measures how many were posted unchanged on another
// platform within DuplicateWindow. The cluster key is opaque: whatever the
// analysis engine's fingerprinting gives.
type Duplicates struct {
	clusters map[string][]stamp
	posts    int
}

type stamp struct {
	p kopuro.Platform
	t time.Time
}

// NewDuplicates returns an empty accumulator.
func NewDuplicates() *Duplicates { return &Duplicates{clusters: map[string][]stamp{}} }

// Add records a post; posts without a cluster key are not counted.
func (d *Duplicates) Add(it Item) {
	if it.Cluster == "" {
		return
	}
	d.posts++
	d.clusters[it.Cluster] = append(d.clusters[it.Cluster], stamp{it.Post.Platform, it.Post.Published})
}

// DuplicateResult is the duplicate rate and its counts.
type DuplicateResult struct {
	Rate       Value `json:"duplicate_rate"`
	Duplicated int   `json:"duplicated"`
	Posts      int   `json:"posts"`
}

// Result counts the posts that have a partner in their cluster on another
// platform within the window, over the posts with a cluster key.
func (d *Duplicates) Result() DuplicateResult {
	dup := 0
	for _, s := range d.clusters {
		if len(s) < 2 {
			continue
		}
		sort.Slice(s, func(i, j int) bool { return s[i].t.Before(s[j].t) })
		for i := range s {
			if hasPartner(s, i) {
				dup++
			}
		}
	}
	return DuplicateResult{Rate: share(dup, d.posts), Duplicated: dup, Posts: d.posts}
}

// hasPartner looks either side of s[i] (sorted by time) for a post of
// another platform within the window.
func hasPartner(s []stamp, i int) bool {
	for j := i - 1; j >= 0 && s[i].t.Sub(s[j].t) <= DuplicateWindow; j-- {
		if s[j].p != s[i].p {
			return true
		}
	}
	for j := i + 1; j < len(s) && s[j].t.Sub(s[i].t) <= DuplicateWindow; j++ {
		if s[j].p != s[i].p {
			return true
		}
	}
	return false
}
