package store_test

import (
	"fmt"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// BenchmarkQueryPosts times one explorer page over 20 000 machine-coded
// posts: go test -run XXX -bench QueryPosts ./store/
func BenchmarkQueryPosts(b *testing.B) {
	db := storetest.New(b)
	const n = 20000
	words := []string{"волонтёрлор", "көл", "университет", "конференция", "students", "open", "day", "Ысык-Көл", "практика", "грант"}
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		if _, err := tx.PutAccount(ctx, kopuro.Account{Institution: "auca", Platform: kopuro.Instagram, Handle: "auca.official"}); err != nil {
			return err
		}
		if err := tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(5000), Precision: kopuro.Exact, AsOf: kopuro.Date{Year: 2025, Month: 1}}); err != nil {
			return err
		}
		for i := range n {
			text := fmt.Sprintf("%s %s %s #tag%d", words[i%len(words)], words[(i*7)%len(words)], words[(i*3)%len(words)], i%50)
			p := post(fmt.Sprint("b", i), text)
			p.Published = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
			p.Likes = kopuro.Known(int64(i % 97))
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var cs []kopuro.Coding
	todo, _ := db.PostsToCode(ctx, "cb", false, 0, n)
	for i, p := range todo {
		cat := kopuro.Categories[i%len(kopuro.Categories)]
		l := kopuro.Labels{Lang: kopuro.KY, Category: cat, SDGs: []int{i%17 + 1}, CTA: i%3 == 0}
		cs = append(cs, kopuro.Coding{PostID: p.ID, Codebook: "cb", Labels: l})
	}
	if err := db.SaveCodings(ctx, cs); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    store.PostQuery
	}{
		{"newest", store.PostQuery{}},
		{"search", store.PostQuery{Q: "көл"}},
		{"search-two-words", store.PostQuery{Q: "волонтёр конф"}},
		{"category-sdg", store.PostQuery{Category: kopuro.Research, SDG: 4}},
		{"sort-er", store.PostQuery{Sort: store.SortER}},
		{"deep-page", store.PostQuery{Page: 500}},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.QueryPosts(ctx, q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
