package store_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// dumpRows returns the rows of every table, read from a dump.
func dumpRows(t *testing.T, db *store.DB) map[string][]map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := db.Dump(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	out := map[string][]map[string]any{}
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n")[1:] {
		var r struct {
			Table string         `json:"table"`
			Row   map[string]any `json:"row"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		out[r.Table] = append(out[r.Table], r.Row)
	}
	return out
}

// hashtagRows returns the post_hashtags rows as "external id:tag", sorted.
func hashtagRows(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows := dumpRows(t, db)
	ext := map[float64]string{}
	for _, p := range rows["posts"] {
		ext[p["id"].(float64)] = p["external_id"].(string)
	}
	var out []string
	for _, h := range rows["post_hashtags"] {
		out = append(out, ext[h["post_id"].(float64)]+":"+h["tag"].(string))
	}
	sort.Strings(out)
	return out
}

// TestImportCommentTwice: a comment given twice in one import, while its
// post waits in the batch, ends as two upserts one after the other would
// leave it: the later text, and the earlier likes where the later has
// none.
func TestImportCommentTwice(t *testing.T) {
	db := storetest.New(t)
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Instagram, ExternalID: "p1", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "c2"},
			Published: at, Text: "окуу"}); err != nil {
			return err
		}
		for _, c := range []kopuro.Comment{
			{ExternalID: "c1", Text: "биринчи", Likes: kopuro.Known(5), Published: at},
			{ExternalID: "c2", Text: "башка"},
			{ExternalID: "c1", Text: "экинчи"},
		} {
			c.Platform, c.PostExternalID = kopuro.Instagram, "p1"
			if err := tx.PutComment(ctx, c); err != nil {
				return err
			}
		}
		return nil
	})
	// And once, in a batch of its own (one statement on PostgreSQL).
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Instagram, ExternalID: "p2", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "c2"},
			Published: at, Text: "окуу"}); err != nil {
			return err
		}
		return tx.PutComment(ctx, kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: "p2", ExternalID: "c1", Text: "үчүнчү", Likes: kopuro.Known(2), FromInstitution: true})
	})
	var got []string
	for _, c := range dumpRows(t, db)["comments"] {
		got = append(got, fmt.Sprint(c["external_id"], " ", c["text"], " ", c["likes"], " ", c["published"], " ", c["from_institution"]))
	}
	sort.Strings(got)
	want := []string{"c1 экинчи 5 <nil> 0", "c1 үчүнчү 2 <nil> 1", "c2 башка <nil> <nil> 0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comments %q, want %q", got, want)
	}
}

// TestImportRewritesBatches: a batch of posts that mixes new posts with
// stored ones (whose hashtags and codings are replaced, not added to), a
// hashtag given twice, the same post twice in one import, and imports
// longer than one batch on either store, leave exactly the rows one post
// at a time would have.
func TestImportRewritesBatches(t *testing.T) {
	db := storetest.New(t)
	post := func(id, text string, tags ...string) kopuro.Post {
		return kopuro.Post{Platform: kopuro.Instagram, ExternalID: id, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "batch"},
			Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: text, Hashtags: tags, Likes: kopuro.Known(1)}
	}
	many := func(n int, text string) []kopuro.Post {
		ps := make([]kopuro.Post, n)
		for i := range ps {
			ps[i] = post(fmt.Sprintf("m%04d", i), text, "many")
		}
		return ps
	}
	steps := []struct {
		name  string
		posts []kopuro.Post
		coded int
		tags  []string // "many" rows are counted, not listed
		many  int
	}{
		{"new posts, a tag given twice", []kopuro.Post{post("p1", "окуу", "a", "b"), post("p2", "окуу", "a", "a"), post("p3", "окуу")},
			3, []string{"p1:a", "p1:b", "p2:a"}, 0},
		{"stored and new in one batch", []kopuro.Post{post("p1", "наука", "c"), post("p2", "окуу", "a", "a"), post("p4", "окуу", "d")},
			2, []string{"p1:c", "p2:a", "p4:d"}, 0},
		{"one post twice in an import", []kopuro.Post{post("p5", "окуу", "e"), post("p5", "наука", "f", "e")},
			2, []string{"p1:c", "p2:a", "p4:d", "p5:e", "p5:f"}, 0},
		{"longer than a batch", many(1500, "окуу"), 1500, []string{"p1:c", "p2:a", "p4:d", "p5:e", "p5:f"}, 1500},
		{"the same again, one text changed", append(many(1500, "окуу")[:1499], post("m1499", "наука")),
			1, []string{"p1:c", "p2:a", "p4:d", "p5:e", "p5:f"}, 1499},
	}
	for i, s := range steps {
		if got := importCoded(t, db, s.posts...); got != s.coded {
			t.Errorf("%s: %d codings written, want %d", s.name, got, s.coded)
		}
		var listed []string
		n := 0
		for _, r := range hashtagRows(t, db) {
			if strings.HasSuffix(r, ":many") {
				n++
			} else {
				listed = append(listed, r)
			}
		}
		if !reflect.DeepEqual(listed, s.tags) || n != s.many {
			t.Errorf("%s: hashtag rows %v and %d of many, want %v and %d", s.name, listed, n, s.tags, s.many)
		}
		if got := machineCoding(t, db, "p1").Labels.Category; i > 0 && got != kopuro.Research {
			t.Errorf("%s: p1 coded %s, want its new text's %s", s.name, got, kopuro.Research)
		}
		if p, err := db.Check(ctx); err != nil || len(p) > 0 {
			t.Fatalf("%s: check %v %v", s.name, p, err)
		}
	}
	if got := machineCoding(t, db, "p5").Labels.Category; got != kopuro.Research {
		t.Errorf("p5 coded %s, want its later text's %s", got, kopuro.Research)
	}
	if got := machineCoding(t, db, "m1499").Labels.Category; got != kopuro.Research {
		t.Errorf("m1499 coded %s, want its changed text's %s", got, kopuro.Research)
	}
}
