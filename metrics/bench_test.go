package metrics

import (
	"fmt"
	"testing"
	"time"

	"kopuro"
)

// BenchmarkCollector streams b.N synthetic coded posts of five accounts
// through the institution collector, as the store does: the cost per post
// and the memory that stays (medians keep one float per post and group).
func BenchmarkCollector(b *testing.B) {
	in := kopuro.Institution{Code: "bench", Students: 20000}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	p := Period{From: start, To: start.AddDate(6, 0, 0)}
	c := NewCollector(in, p, nil)
	plats := []kopuro.Platform{kopuro.Instagram, kopuro.Facebook, kopuro.YouTube, kopuro.TikTok, kopuro.Telegram}
	var accs []kopuro.Account
	for i, pl := range plats {
		a := kopuro.Account{ID: int64(i + 1), Institution: "bench", Platform: pl, Handle: fmt.Sprintf("h%d", i)}
		accs = append(accs, a)
		c.AddAccount(a)
		for m := 0; m < 72; m++ {
			c.AddSnapshot(a, kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(int64(1000 + 50*m)), Precision: kopuro.Exact,
				AsOf: kopuro.DateOf(start.AddDate(0, m, 0))})
		}
	}
	cats := []kopuro.Category{kopuro.Teaching, kopuro.Research, kopuro.ThirdMission, kopuro.Institutional, kopuro.Contextual}
	labels := make([]kopuro.Labels, len(cats))
	for i, cat := range cats {
		labels[i] = kopuro.Labels{Lang: kopuro.KY, Category: cat, Question: i%2 == 0, Story: i%3 == 0, SDGs: []int{i + 1}}
		if cat == kopuro.ThirdMission {
			labels[i].Area = kopuro.CivicVolunteering
		}
	}
	step := p.To.Sub(p.From) / time.Duration(b.N+1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := accs[i%len(accs)]
		post := kopuro.Post{ID: int64(i), AccountID: a.ID, Platform: a.Platform, Published: start.Add(step * time.Duration(i)),
			Likes: kopuro.Known(int64(i % 300)), Comments: kopuro.Known(int64(i % 7)), Hashtags: []string{"tag" + fmt.Sprint(i%50)}}
		if err := c.AddPost(Item{Post: post, Labels: &labels[i%len(labels)], Cluster: fmt.Sprint(i / 2)}); err != nil {
			b.Fatal(err)
		}
	}
	sc := c.Result(p.To, DefaultIndexConfig())
	b.StopTimer()
	if sc.Content.Posts != b.N {
		b.Fatalf("posts = %d, want %d", sc.Content.Posts, b.N)
	}
}
