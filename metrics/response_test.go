package metrics

import (
	"testing"

	"kopuro"
)

func TestResponses(t *testing.T) {
	r := NewResponses(Period{From: day("2024-01-01"), To: day("2024-02-01")})
	cm := func(postID, id, parent string, inst bool, at string) kopuro.Comment {
		return kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: postID, ExternalID: id, ParentID: parent, FromInstitution: inst, Published: day(at)}
	}
	for _, c := range []kopuro.Comment{
		cm("X", "r1", "c1", true, "2024-01-01 12:00"), // replies may come before their comment in the stream
		cm("X", "c1", "", false, "2024-01-01 10:00"),
		cm("X", "c2", "", false, "2024-01-01 11:00"),
		cm("X", "r2", "c1", true, "2024-01-02 10:00"), // a later second reply: the first one counts
		cm("Y", "c3", "", false, "2024-01-03 00:00"),
		cm("Y", "r3", "c3", true, "2024-01-03 06:00"),
		cm("Z", "c4", "", false, "2024-01-04 00:00"),
		cm("W", "r4", "", true, "2024-01-05 00:00"),  // the institution alone
		cm("V", "c5", "", false, "2023-12-31 00:00"), // before the period
		cm("X", "c9", "", false, "2024-01-20 00:00"), // unanswered
	} {
		r.Add(c)
	}
	got := r.Result()
	if got.PublicComments != 5 || got.Answered != 2 {
		t.Fatalf("public %d answered %d, want 5, 2", got.PublicComments, got.Answered)
	}
	wantValue(t, "rate", got.Rate, 40, Exact)
	wantValue(t, "median hours", got.MedianHours, 4, Exact) // 2 h and 6 h
	// Posts with public comments: X, Y, Z; the institution commented on X and Y.
	wantValue(t, "post rate", got.PostRate, 200.0/3, Exact)

	none := NewResponses(Period{From: day("2024-01-01"), To: day("2024-02-01")}).Result()
	wantValue(t, "no comments", none.Rate, 0, None)
	wantValue(t, "no replies time", none.MedianHours, 0, None)
}

func TestFreshness(t *testing.T) {
	var f Freshness
	now := day("2024-03-01")
	s, p := f.Ages(now)
	wantValue(t, "no snapshot", s, 0, None)
	wantValue(t, "no post", p, 0, None)
	f.AddSnapshot(snap("2024-02-20", 0, kopuro.None)) // a "none" check still dates the data
	f.AddSnapshot(snap("2024-01-01", 5, kopuro.Exact))
	f.AddPost(day("2024-02-25"))
	f.AddPost(day("2024-02-01"))
	s, p = f.Ages(now)
	wantValue(t, "snapshot age", s, 9.5, Exact) // Feb 20 12:00 → Mar 1 00:00
	wantValue(t, "post age", p, 5, Exact)
}
