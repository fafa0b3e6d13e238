package store_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// fivePosts stores AUCA's Instagram account with five posts, a day apart.
func fivePosts(t *testing.T, db *store.DB) {
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		if _, err := tx.PutAccount(ctx, kopuro.Account{Institution: "auca", Platform: kopuro.Instagram, Handle: "auca.official"}); err != nil {
			return err
		}
		for i := 1; i <= 5; i++ {
			p := post(fmt.Sprint("p", i), fmt.Sprintf("post %d #tag%d", i, i))
			p.Published = time.Date(2025, 3, i, 9, 0, 0, 0, time.UTC)
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		// An unlinked account's post.
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.TikTok, ExternalID: "t1", Account: kopuro.AccountRef{Handle: "someone"},
			Published: time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC), Text: "hello"})
	})
}

func TestCodingsHumanWins(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	todo, err := db.PostsToCode(ctx, "cb1", false, 0, 4)
	if err != nil || len(todo) != 4 {
		t.Fatalf("first page: %v, %v", todo, err)
	}
	rest, _ := db.PostsToCode(ctx, "cb1", false, todo[3].ID, 4)
	if len(rest) != 2 {
		t.Fatalf("second page: %d posts", len(rest))
	}
	var cs []kopuro.Coding
	for _, p := range append(todo, rest...) {
		cs = append(cs, kopuro.Coding{PostID: p.ID, Codebook: "cb1", Labels: kopuro.Labels{Lang: kopuro.EN, Category: kopuro.Teaching, SDGs: []int{}},
			Scores: map[string]float64{"teaching": 0.7}, Evidence: []kopuro.Evidence{{Label: "teaching", Term: "post", Start: 0, End: 4}}})
	}
	if err := db.SaveCodings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if left, _ := db.PostsToCode(ctx, "cb1", false, 0, 100); len(left) != 0 {
		t.Errorf("%d posts still to code for cb1", len(left))
	}
	if left, _ := db.PostsToCode(ctx, "cb2", false, 0, 100); len(left) != 6 {
		t.Errorf("a new codebook version should recode all: %d", len(left))
	}
	if all, _ := db.PostsToCode(ctx, "cb1", true, 0, 100); len(all) != 6 {
		t.Errorf("rebuild selects %d posts", len(all))
	}
	// A human codes post 2: their labels win, the machine's stay stored.
	human := kopuro.Coding{PostID: todo[1].ID, Coder: "aigul@example.kg",
		Labels: kopuro.Labels{Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, SDGs: []int{4, 10}, Story: true}}
	if err := db.SaveCodings(ctx, []kopuro.Coding{human}); err != nil {
		t.Fatal(err)
	}
	// Re-running the machine does not touch the human coding.
	if err := db.SaveCodings(ctx, cs[1:2]); err != nil {
		t.Fatal(err)
	}
	lp, err := db.Post(ctx, todo[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if lp.Coding == nil || lp.Coding.Coder != human.Coder || !reflect.DeepEqual(lp.Coding.Labels, human.Labels) {
		t.Errorf("effective coding = %+v", lp.Coding)
	}
	all, _ := db.Codings(ctx, todo[1].ID)
	if len(all) != 2 || all[0].Coder != "" || all[0].Evidence[0].Term != "post" || all[0].Scores["teaching"] != 0.7 {
		t.Errorf("codings = %+v", all)
	}
	bad := kopuro.Coding{PostID: todo[0].ID, Labels: kopuro.Labels{Category: kopuro.Research, Area: kopuro.CivicVolunteering}}
	if err := db.SaveCodings(ctx, []kopuro.Coding{bad}); kopuro.ErrorCode(err) != kopuro.EInvalid {
		t.Errorf("incoherent labels stored: %v", err)
	}
}

func TestEachPostFilters(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	count := func(f store.PostFilter) (n int, ids []string) {
		t.Helper()
		err := db.EachPost(ctx, f, func(lp store.LabeledPost) error {
			n++
			ids = append(ids, lp.Post.ExternalID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return n, ids
	}
	if n, _ := count(store.PostFilter{}); n != 6 {
		t.Errorf("all: %d", n)
	}
	if n, _ := count(store.PostFilter{Institution: "auca"}); n != 5 {
		t.Errorf("auca: %d", n)
	}
	if _, ids := count(store.PostFilter{Unlinked: true}); !reflect.DeepEqual(ids, []string{"t1"}) {
		t.Errorf("unlinked: %v", ids)
	}
	from, to := time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	if _, ids := count(store.PostFilter{From: from, To: to}); !reflect.DeepEqual(ids, []string{"p2", "p3"}) {
		t.Errorf("period: %v", ids)
	}
	lp, _ := db.Post(ctx, 1)
	if lp.Account.Institution != "auca" || lp.Post.Likes != kopuro.Known(10) || lp.Post.Shares.Valid || !reflect.DeepEqual(lp.Post.Hashtags, []string{"tag1"}) || lp.Coding != nil {
		t.Errorf("post 1 = %+v", lp)
	}
	if _, err := db.Post(ctx, 999); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("missing post: %v", err)
	}
}
