package metrics

import (
	"testing"

	"kopuro"
)

func TestRank(t *testing.T) {
	got := Rank(Followers, []Entry{
		{"a", ExactValue(1000)}, {"b", Value{V: 1000, Prec: Below}}, {"c", ExactValue(1000)},
		{"d", Missing}, {"e", Value{V: 2000, Prec: Approx}}, {"f", Value{V: 1000, Prec: Above}},
	})
	want := []struct {
		key  string
		rank int
	}{{"e", 1}, {"f", 2}, {"a", 3}, {"c", 3}, {"b", 5}, {"d", 0}}
	for i, w := range want {
		if got[i].Key != w.key || got[i].Rank != w.rank {
			t.Errorf("place %d = %s #%d, want %s #%d", i, got[i].Key, got[i].Rank, w.key, w.rank)
		}
	}
	// Lower is better for regularity.
	got = Rank(RegularityCV, []Entry{{"x", ExactValue(0.8)}, {"y", ExactValue(0.5)}})
	if got[0].Key != "y" || got[0].Rank != 1 || got[1].Rank != 2 {
		t.Errorf("regularity ranking = %+v", got)
	}
}

func TestPeers(t *testing.T) {
	all := []kopuro.Institution{
		{Code: "a", Type: kopuro.Public, City: "Bishkek", Students: 20000},
		{Code: "b", Type: kopuro.Private, City: "Bishkek", Students: 4999},
		{Code: "c", Type: kopuro.Public, City: "Osh", Students: 5000},
		{Code: "d", Type: kopuro.Public, City: "Osh"},
	}
	for _, tt := range []struct {
		students int64
		band     string
	}{{0, "unknown"}, {4999, "small"}, {5000, "medium"}, {14999, "medium"}, {15000, "large"}} {
		if got := SizeBand(tt.students); got != tt.band {
			t.Errorf("SizeBand(%d) = %s, want %s", tt.students, got, tt.band)
		}
	}
	eq := func(a, b []string) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	if got := Peers(all[0], all, PeerType); !eq(got, []string{"a", "c", "d"}) {
		t.Errorf("type peers = %v", got)
	}
	if got := Peers(all[2], all, PeerCity); !eq(got, []string{"c", "d"}) {
		t.Errorf("city peers = %v", got)
	}
	if got := Peers(all[3], all, PeerSize); got != nil {
		t.Errorf("size peers of an unknown size = %v, want none", got)
	}
}
