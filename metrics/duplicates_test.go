package metrics

import (
	"testing"

	"kopuro"
)

func TestDuplicates(t *testing.T) {
	d := NewDuplicates()
	add := func(cluster string, p kopuro.Platform, at string) {
		d.Add(Item{Post: post(p, at, 1, 0, 0, 0), Cluster: cluster})
	}
	add("a", kopuro.Instagram, "2024-01-01")
	add("a", kopuro.Facebook, "2024-01-05") // 4 days apart: both duplicated
	add("b", kopuro.Instagram, "2024-01-01")
	add("b", kopuro.Facebook, "2024-01-10") // 9 days apart: not
	add("c", kopuro.Instagram, "2024-01-01")
	add("c", kopuro.Instagram, "2024-01-02") // same platform: not
	add("", kopuro.Telegram, "2024-01-01")   // no fingerprint: not counted
	r := d.Result()
	if r.Duplicated != 2 || r.Posts != 6 {
		t.Fatalf("duplicated %d of %d, want 2 of 6", r.Duplicated, r.Posts)
	}
	wantValue(t, "rate", r.Rate, 100.0/3, Exact)
	wantValue(t, "empty", NewDuplicates().Result().Rate, 0, None)

	// Exactly seven days still counts.
	d = NewDuplicates()
	add("x", kopuro.Instagram, "2024-01-01 10:00")
	add("x", kopuro.Telegram, "2024-01-08 10:00")
	wantValue(t, "7 days", d.Result().Rate, 100, Exact)
}
