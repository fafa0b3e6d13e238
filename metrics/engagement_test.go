package metrics

import (
	"testing"

	"kopuro"
)

func TestPostER(t *testing.T) {
	full := Item{Post: post(kopuro.Instagram, "2024-01-01", 40, 5, 3, 2)}
	partial := Item{Post: post(kopuro.Instagram, "2024-01-01", 40, 10, -1, -1)}
	none := Item{Post: post(kopuro.Instagram, "2024-01-01", -1, -1, -1, -1)}
	tests := []struct {
		name string
		it   Item
		f    Value
		v    float64
		p    Precision
	}{
		{"all counts", full, ExactValue(1000), 5, Exact},
		// Shares and saves missing: 50 known interactions, at least 5 %.
		{"missing counts", partial, ExactValue(1000), 5, Above},
		{"followers under 1,000", full, Value{V: 1000, Prec: Below}, 5, Above},
		{"followers about 1,000", full, Value{V: 1000, Prec: Approx}, 5, Approx},
		{"followers about, counts missing", partial, Value{V: 1000, Prec: Approx}, 5, Approx},
		{"no follower figure", full, Missing, 0, None},
		{"no counts at all", none, ExactValue(1000), 0, None},
		{"zero followers", full, ExactValue(0), 0, None},
	}
	for _, tt := range tests {
		wantValue(t, tt.name, PostER(tt.it, tt.f), tt.v, tt.p)
	}

	reel := full
	reel.Post.Format = kopuro.FormatReel
	reel.Post.Views = kopuro.Known(500)
	wantValue(t, "views ER", PostViewsER(reel), 10, Exact)
	photo := reel
	photo.Post.Format = kopuro.FormatPhoto
	wantValue(t, "photo has no views ER", PostViewsER(photo), 0, None)
	yt := Item{Post: post(kopuro.YouTube, "2024-01-01", 90, 10, -1, -1)}
	yt.Post.Views = kopuro.Known(2000)
	wantValue(t, "youtube views ER, counts missing", PostViewsER(yt), 5, Above)
	yt.Post.Views = kopuro.Known(0)
	wantValue(t, "zero views", PostViewsER(yt), 0, None)
}

func TestEngagement(t *testing.T) {
	e := NewEngagement(nil)
	lab := func(cat kopuro.Category, q bool) *kopuro.Labels {
		return &kopuro.Labels{Category: cat, Lang: kopuro.KY, Question: q}
	}
	// ERs 1, 2, 3, 10 % over 1,000 followers.
	add := func(at string, likes int64, l *kopuro.Labels, f kopuro.Format) {
		p := post(kopuro.Instagram, at, likes, 0, 0, 0)
		p.Format = f
		e.Add(Item{Post: p, Labels: l, Followers: ExactValue(1000)})
	}
	add("2024-01-01 08:00", 10, lab(kopuro.Institutional, false), kopuro.FormatPhoto) // Monday 14:00 in Bishkek
	add("2024-01-02 08:00", 20, lab(kopuro.Research, false), kopuro.FormatPhoto)
	add("2024-01-08 08:30", 30, lab(kopuro.ThirdMission, true), kopuro.FormatReel) // Monday 14:30
	add("2024-01-09 20:00", 100, lab(kopuro.ThirdMission, true), "")               // Wednesday 02:00
	e.Add(Item{Post: post(kopuro.Instagram, "2024-01-10", 5, 0, 0, 0), Followers: Missing})
	e.Add(Item{Post: post(kopuro.Instagram, "2024-01-11", -1, -1, -1, -1), Followers: ExactValue(1000)})

	r := e.Result()
	wantValue(t, "median", r.Median, 2.5, Exact)
	wantValue(t, "mean", r.Mean, 4, Exact)
	if r.Posts != 4 || r.NoFollowers != 1 || r.NoCounts != 1 || r.Incomplete != 0 {
		t.Errorf("posts %d, no followers %d, no counts %d, incomplete %d; want 4, 1, 1, 0", r.Posts, r.NoFollowers, r.NoCounts, r.Incomplete)
	}
	wantValue(t, "third mission", r.By[DimCategory]["third_mission"].Median, 6.5, Exact)
	wantValue(t, "research", r.By[DimCategory]["research"].Median, 2, Exact)
	wantValue(t, "photo", r.By[DimFormat]["photo"].Median, 1.5, Exact)
	if _, ok := r.By[DimFormat][""]; ok {
		t.Error("posts without a format must not form a group")
	}
	if g := r.By[DimWeekdayHour]["mon-14"]; g.Posts != 2 || g.Median.V != 2 {
		t.Errorf("mon-14 = %+v, want 2 posts, median 2", g)
	}
	if g := r.By[DimWeekdayHour]["wed-02"]; g.Posts != 1 {
		t.Errorf("wed-02 = %+v, want 1 post", g)
	}
	// With a question: 3 and 10 (median 6.5); without: 1 and 2 (median 1.5).
	wantValue(t, "lift question", r.Lift["question"].Ratio, 6.5/1.5, Exact)
	// Every coded post is Kyrgyz only: English is known to be absent, so
	// the lift has no "with" side and no ratio.
	if l := r.Lift["english"]; l.Without.Posts != 4 || l.With.Posts != 0 || l.Ratio.OK() {
		t.Errorf("english lift = %+v, want 4 posts without, none with, no ratio", l)
	}
	if got := r.BestSlots(2, 1); len(got) != 2 || got[0] != "wed-02" || got[1] != "mon-14" {
		t.Errorf("best slots = %v, want [wed-02 mon-14]", got)
	}
	if got := r.BestSlots(3, 2); len(got) != 1 || got[0] != "mon-14" {
		t.Errorf("best slots with ≥2 posts = %v, want [mon-14]", got)
	}
}
