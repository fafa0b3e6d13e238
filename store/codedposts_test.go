package store_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// codeText is a stand-in for the analysis engine: a coding that follows
// the text.
func codeText(text string) kopuro.Coding {
	l := kopuro.Labels{Lang: kopuro.RU, Category: kopuro.Teaching, SDGs: []int{4}}
	if strings.Contains(text, "наука") {
		l.Category, l.SDGs = kopuro.Research, []int{9}
	}
	return kopuro.Coding{Codebook: "cb1", Labels: l, Scores: map[string]float64{"len": float64(len(text))},
		Evidence: []kopuro.Evidence{{Label: string(l.Category), Term: text, Start: 0, End: len([]rune(text)), Weight: 0.5}}}
}

// importCoded stores posts with their codings in one import and returns
// how many codings it wrote.
func importCoded(t *testing.T, db *store.DB, posts ...kopuro.Post) int {
	t.Helper()
	var itx *store.ImportTx
	put(t, db, func(tx *store.ImportTx) error {
		itx = tx
		for _, p := range posts {
			if err := tx.PutCodedPost(ctx, p, codeText(p.Text)); err != nil {
				return err
			}
		}
		return nil
	})
	return itx.Coded()
}

func machineCoding(t *testing.T, db *store.DB, id string) kopuro.Coding {
	t.Helper()
	var found *kopuro.Coding
	err := db.EachPost(ctx, store.PostFilter{}, func(lp store.LabeledPost) error {
		if lp.Post.ExternalID == id {
			cs, err := db.Codings(ctx, lp.Post.ID)
			if err != nil {
				return err
			}
			if len(cs) == 0 || cs[0].Coder != "" {
				t.Fatalf("post %s has no machine coding: %+v", id, cs)
			}
			found = &cs[0]
		}
		return nil
	})
	if err != nil || found == nil {
		t.Fatalf("post %s: %v", id, err)
	}
	return *found
}

func TestPutCodedPostKeepsUnchangedAndRecodesChanged(t *testing.T) {
	db := storetest.New(t)
	now := time.Unix(1_700_000_000, 0)
	db.Now = func() time.Time { return now }
	// p1 twice in one batch: stored once, its coding once.
	if n := importCoded(t, db, post("p1", "Лекция"), post("p2", "Лекция для всех"), post("p1", "Лекция")); n != 2 {
		t.Errorf("first import wrote %d codings, want 2", n)
	}
	if left, err := db.PostsToCode(ctx, "cb1", false, 0, 10); err != nil || len(left) != 0 {
		t.Errorf("posts still to code after a coded import: %v, %v", left, err)
	}
	first := machineCoding(t, db, "p1")
	want := codeText("Лекция")
	want.PostID, want.At = first.PostID, first.At
	if !reflect.DeepEqual(first, want) || !first.At.Equal(now) {
		t.Errorf("stored coding = %+v\nwant %+v", first, want)
	}
	human := kopuro.Coding{PostID: first.PostID, Coder: "aigul@example.kg", Labels: kopuro.Labels{Lang: kopuro.KY, Category: kopuro.Teaching, SDGs: []int{}}}
	if err := db.SaveCodings(ctx, []kopuro.Coding{human}); err != nil {
		t.Fatal(err)
	}

	// Later, p1 comes again unchanged and p2 with a new text.
	now = now.Add(time.Hour)
	if n := importCoded(t, db, post("p1", "Лекция"), post("p2", "Наша наука")); n != 1 {
		t.Errorf("re-import wrote %d codings, want 1 (the changed post's)", n)
	}
	if got := machineCoding(t, db, "p1"); !reflect.DeepEqual(got, first) {
		t.Errorf("an unchanged post's coding changed: %+v, was %+v", got, first)
	}
	p2 := machineCoding(t, db, "p2")
	if p2.Labels.Category != kopuro.Research || p2.Evidence[0].Term != "Наша наука" || !p2.At.Equal(now) {
		t.Errorf("a changed post was not coded again: %+v", p2)
	}
	cs, err := db.Codings(ctx, first.PostID)
	if err != nil || len(cs) != 2 || cs[1].Coder != human.Coder || cs[1].Labels.Lang != kopuro.KY {
		t.Errorf("the human coding was touched: %+v, %v", cs, err)
	}
	// A newer codebook replaces a coding even of an unchanged text.
	put(t, db, func(tx *store.ImportTx) error {
		c := codeText("Лекция")
		c.Codebook = "cb2"
		return tx.PutCodedPost(ctx, post("p1", "Лекция"), c)
	})
	if got := machineCoding(t, db, "p1"); got.Codebook != "cb2" {
		t.Errorf("codebook after a newer one = %q", got.Codebook)
	}
}
