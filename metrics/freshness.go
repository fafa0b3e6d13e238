package metrics

import (
	"time"

	"kopuro"
)

// Freshness tracks the newest snapshot and post of one account.
type Freshness struct {
	snap time.Time
	post time.Time
}

// AddSnapshot records a snapshot (with or without a value: a "none"
// snapshot is still a check of the account).
func (f *Freshness) AddSnapshot(s kopuro.Snapshot) {
	if t := s.AsOf.Mid(); !s.AsOf.IsZero() && t.After(f.snap) {
		f.snap = t
	}
}

// AddPost records a post time.
func (f *Freshness) AddPost(t time.Time) {
	if t.After(f.post) {
		f.post = t
	}
}

// Ages returns the age in days of the newest snapshot and post at now;
// missing when there is none.
func (f *Freshness) Ages(now time.Time) (snapshot, post Value) {
	return age(now, f.snap), age(now, f.post)
}

func age(now, t time.Time) Value {
	if t.IsZero() {
		return Missing
	}
	return ExactValue(now.Sub(t).Hours() / 24)
}
