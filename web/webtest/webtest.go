// Package webtest seeds stores for the dashboard's tests: the study's
// institutions and snapshots plus a few posts of our own, two of them
// carrying markup that must be shown as text.
package webtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kopuro"
	"kopuro/analyze"
	"kopuro/codebook"
	"kopuro/importer"
	"kopuro/insight"
	"kopuro/store"
)

// XSS are post texts that a page must show as text, never run.
var XSS = []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`}

// PostsOf is the institution whose Instagram account gets the posts.
const PostsOf = "knu"

// Seed fills db with the seed data and posts (coded by the default
// codebook) in the month before the month of db.Now(), so that they fall
// in the default period of the pages (the six whole months before now).
func Seed(t testing.TB, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	now := db.Now().UTC()
	month := time.Date(now.Year(), now.Month(), 1, 12, 0, 0, 0, time.UTC)
	texts := append([]string{
		"Студенттер айыл мектебинде волонтёр болуп, балдарга англис тилин окутушту. Сиз да кошулгуңуз келеби?",
		"Our researchers opened a free evening course in coding for adults in Bishkek. Register by Friday!",
		"Университет провёл день открытых дверей для абитуриентов.",
	}, XSS...)
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		if _, err := importer.Seed(ctx, tx); err != nil {
			return err
		}
		ref := kopuro.AccountRef{Platform: kopuro.Instagram, Institution: PostsOf, Handle: "knu.webtest"}
		if _, err := tx.PutAccount(ctx, kopuro.Account{Platform: kopuro.Instagram, Handle: ref.Handle, Institution: PostsOf}); err != nil {
			return err
		}
		for i, s := range []int64{1000, 1100, 1250} {
			sn := kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(s), Precision: kopuro.Exact,
				AsOf: kopuro.DateOf(month.AddDate(0, i-3, 0)), Source: "webtest"}
			if err := tx.PutSnapshot(ctx, ref, sn); err != nil {
				return err
			}
		}
		for i, text := range texts {
			p := kopuro.Post{Platform: kopuro.Instagram, ExternalID: fmt.Sprintf("webtest-%d", i), Account: ref,
				Published: month.Add(-time.Duration(i+1) * 72 * time.Hour), Text: text,
				Likes: kopuro.Known(int64(40 + 10*i)), Comments: kopuro.Known(int64(i)), Shares: kopuro.Known(1), Saves: kopuro.Known(0)}
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := analyze.New(codebook.Default())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := insight.CodePosts(ctx, db, eng, true); err != nil {
		t.Fatal(err)
	}
}
