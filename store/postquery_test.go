package store_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// explorerPosts stores AUCA's Instagram account with four posts in three
// languages, machine-coded, and one post of an unlinked account.
func explorerPosts(t *testing.T, db *store.DB) map[string]int64 {
	t.Helper()
	texts := []struct{ id, text string }{
		{"k1", "Көлдө волонтёрлор таза аба үчүн иштешти #эко"},
		{"k2", "Колледждин студенттери кол көтөрүштү"},
		{"r1", "Университет объявляет приём на курсы Ёлки"},
		{"e1", "Volunteers cleaned the river bank, join us! #SDG6"},
	}
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		if _, err := tx.PutAccount(ctx, kopuro.Account{Institution: "auca", Platform: kopuro.Instagram, Handle: "auca.official"}); err != nil {
			return err
		}
		for i, x := range texts {
			p := post(x.id, x.text)
			p.Published = time.Date(2025, 3, i+1, 9, 0, 0, 0, time.UTC)
			p.Likes = kopuro.Known(int64(10 * (i + 1)))
			p.Hashtags = kopuro.Hashtags(x.text)
			if x.id == "e1" {
				p.Likes = kopuro.Known(1)
				p.Format = kopuro.FormatVideo
			}
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.TikTok, ExternalID: "t1", Account: kopuro.AccountRef{Handle: "someone"},
			Published: time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC), Text: "Ёлка и волонтёры"})
	})
	ids := map[string]int64{}
	err := db.EachPost(ctx, store.PostFilter{}, func(lp store.LabeledPost) error {
		ids[lp.Post.ExternalID] = lp.Post.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	machine := map[string]kopuro.Labels{
		"k1": {Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, SDGs: []int{13, 6}, Story: true},
		"k2": {Lang: kopuro.KY, Category: kopuro.Teaching, SDGs: []int{}},
		"r1": {Lang: kopuro.RU, Category: kopuro.Teaching, SDGs: []int{4}, CTA: true},
		"e1": {Lang: kopuro.EN, Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement, SDGs: []int{16}, CTA: true},
	}
	var cs []kopuro.Coding
	for id, l := range machine {
		cs = append(cs, kopuro.Coding{PostID: ids[id], Codebook: "cb1", Labels: l})
	}
	// A coder corrects r1: research, no CTA; their labels are what counts.
	cs = append(cs, kopuro.Coding{PostID: ids["r1"], Coder: "coder@example.kg", Labels: kopuro.Labels{Lang: kopuro.RU, Category: kopuro.Research, SDGs: []int{}}})
	if err := db.SaveCodings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestQueryPosts(t *testing.T) {
	db := storetest.New(t)
	explorerPosts(t, db)
	tests := []struct {
		name  string
		q     store.PostQuery
		want  []string // external ids in order
		total int
	}{
		{"all newest first", store.PostQuery{}, []string{"t1", "e1", "r1", "k2", "k1"}, 5},
		{"page 2 of 2", store.PostQuery{Page: 2, Limit: 2}, []string{"r1", "k2"}, 5},
		{"unlinked", store.PostQuery{PostFilter: store.PostFilter{Unlinked: true}}, []string{"t1"}, 1},
		{"institution", store.PostQuery{PostFilter: store.PostFilter{Institution: "auca"}}, []string{"e1", "r1", "k2", "k1"}, 4},
		{"category", store.PostQuery{Category: kopuro.ThirdMission}, []string{"e1", "k1"}, 2},
		{"human label wins", store.PostQuery{Category: kopuro.Research}, []string{"r1"}, 1},
		{"human label wins for flags", store.PostQuery{CTA: true}, []string{"e1"}, 1},
		{"area", store.PostQuery{Area: kopuro.CivicVolunteering}, []string{"k1"}, 1},
		{"sdg 6 not 16", store.PostQuery{SDG: 6}, []string{"k1"}, 1},
		{"sdg 16", store.PostQuery{SDG: 16}, []string{"e1"}, 1},
		{"lang", store.PostQuery{Lang: kopuro.KY}, []string{"k2", "k1"}, 2},
		{"format", store.PostQuery{Format: kopuro.FormatVideo}, []string{"e1"}, 1},
		{"story", store.PostQuery{Story: true}, []string{"k1"}, 1},
		{"platform", store.PostQuery{PostFilter: store.PostFilter{Platform: kopuro.TikTok}}, []string{"t1"}, 1},
		{"date range", store.PostQuery{PostFilter: store.PostFilter{From: time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)}}, []string{"r1", "k2"}, 2},
		// Full text: case-insensitive in every script, by word prefix.
		{"search ky", store.PostQuery{Q: "көл"}, []string{"k1"}, 1},
		{"ө is not о", store.PostQuery{Q: "кол"}, []string{"k2"}, 1},
		{"ү is not у", store.PostQuery{Q: "учун"}, nil, 0},
		{"search ru upper", store.PostQuery{Q: "УНИВЕРСИТЕТ"}, []string{"r1"}, 1},
		{"ё is not е", store.PostQuery{Q: "елки"}, nil, 0},
		{"ё", store.PostQuery{Q: "ёлк"}, []string{"t1", "r1"}, 2},
		{"prefix", store.PostQuery{Q: "volunt"}, []string{"e1"}, 1},
		{"every word", store.PostQuery{Q: "river join"}, []string{"e1"}, 1},
		{"every word missing", store.PostQuery{Q: "river university"}, nil, 0},
		{"hashtag", store.PostQuery{Q: "#эко"}, []string{"k1"}, 1},
		{"syntax is text", store.PostQuery{Q: `"river" OR NEAR(* -join`}, nil, 0},
		{"search and filter", store.PostQuery{Q: "волонтёры", PostFilter: store.PostFilter{Unlinked: true}}, []string{"t1"}, 1},
		// ER by the latest audience: none is stored here, so date order.
		{"er without audience", store.PostQuery{Sort: store.SortER, Limit: 2}, []string{"t1", "e1"}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.QueryPosts(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, lp := range got {
				ids = append(ids, lp.Post.ExternalID)
			}
			if total != tt.total || len(ids) != len(tt.want) {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.total)
			}
			for i := range ids {
				if ids[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", ids, tt.want)
				}
			}
		})
	}
}

func TestQueryPostsSortER(t *testing.T) {
	db := storetest.New(t)
	explorerPosts(t, db)
	put(t, db, func(tx *store.ImportTx) error {
		return tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "auca.official"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(1000), Precision: kopuro.Exact, AsOf: kopuro.Date{Year: 2025, Month: 3}})
	})
	got, _, err := db.QueryPosts(ctx, store.PostQuery{Sort: store.SortER})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, lp := range got {
		ids = append(ids, lp.Post.ExternalID)
	}
	// Likes 30, 20, 10, 1 over 1000 followers; the unlinked post has no audience.
	want := "[r1 k2 k1 e1 t1]"
	if s := fmtIDs(ids); s != want {
		t.Errorf("by ER: %s, want %s", s, want)
	}
}

func fmtIDs(ids []string) string {
	s := "["
	for i, id := range ids {
		if i > 0 {
			s += " "
		}
		s += id
	}
	return s + "]"
}

func TestSearchAfterUpdate(t *testing.T) {
	db := storetest.New(t)
	explorerPosts(t, db)
	// Re-importing a post with new text moves it in the index.
	put(t, db, func(tx *store.ImportTx) error { return tx.PutPost(ctx, post("k2", "Жаңы текст")) })
	if got, n, _ := db.QueryPosts(ctx, store.PostQuery{Q: "колледждин"}); n != 0 {
		t.Errorf("old text still found: %d %v", n, got)
	}
	if _, n, _ := db.QueryPosts(ctx, store.PostQuery{Q: "жаңы"}); n != 1 {
		t.Errorf("new text found %d times", n)
	}
	if _, n, _ := db.QueryPosts(ctx, store.PostQuery{Q: "жаны"}); n != 0 {
		t.Errorf("ң folded to н: found %d", n)
	}
}

func TestNextToCodeSharedSample(t *testing.T) {
	db := storetest.New(t)
	ids := explorerPosts(t, db)
	order := func(coder string, seed int64) []int64 {
		var got []int64
		for {
			lp, _, ok, err := db.NextToCode(ctx, coder, seed)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return got
			}
			got = append(got, lp.Post.ID)
			if err := db.SaveCodings(ctx, []kopuro.Coding{{PostID: lp.Post.ID, Coder: coder, Labels: kopuro.Labels{Category: kopuro.Teaching}}}); err != nil {
				t.Fatal(err)
			}
			if len(got) > len(ids) {
				t.Fatalf("%s: no end to the sample: %v", coder, got)
			}
		}
	}
	a, b := order("a@example.kg", 7), order("b@example.kg", 7)
	// coder@example.kg already coded r1; the others code every post with text.
	if len(a) != len(ids) || fmtInts(a) != fmtInts(b) {
		t.Errorf("two coders got different samples: %v and %v (%d posts)", a, b, len(ids))
	}
	if c := order("coder@example.kg", 7); len(c) != len(ids)-1 {
		t.Errorf("coder who coded r1 got %v", c)
	}
	_, coded, _, _ := db.NextToCode(ctx, "a@example.kg", 7)
	if coded != len(ids) {
		t.Errorf("a coded %d", coded)
	}
	cs, err := db.CodingsForAgreement(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Every post has 3 or 4 human codings and one machine coding but the
	// unlinked one, which has no machine coding.
	if want := 4*len(ids) - 1; len(cs) != want {
		t.Errorf("%d codings for agreement, want %d", len(cs), want)
	}
	m, err := db.MachineCodings(ctx, []int64{ids["k1"], ids["t1"]})
	if err != nil || len(m) != 1 || m[ids["k1"]].Labels.Category != kopuro.ThirdMission {
		t.Errorf("machine codings: %v %v", m, err)
	}
}

func fmtInts(xs []int64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return fmtIDs(s)
}

// A dump carries the codings (human ones included) but not the search
// index, which the restoring store rebuilds as the posts come in.
func TestSearchAndCodingsSurviveDumpRestore(t *testing.T) {
	src := storetest.New(t)
	explorerPosts(t, src)
	var dump bytes.Buffer
	if err := src.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(dump.String(), "posts_fts") {
		t.Error("the search index is in the dump")
	}
	dst := storetest.New(t)
	if err := dst.Restore(ctx, &dump, "dump.ndjson"); err != nil {
		t.Fatal(err)
	}
	got, n, err := dst.QueryPosts(ctx, store.PostQuery{Q: "көл", Category: kopuro.ThirdMission})
	if err != nil || n != 1 || got[0].Post.ExternalID != "k1" {
		t.Errorf("search after restore: %d %v", n, err)
	}
	if _, n, _ := dst.QueryPosts(ctx, store.PostQuery{Category: kopuro.Research}); n != 1 {
		t.Errorf("the human coding did not survive the dump: %d research posts", n)
	}
}
