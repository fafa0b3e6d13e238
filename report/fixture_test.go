package report

import (
	"context"
	"flag"
	"testing"
	"time"

	"kopuro"
	"kopuro/i18n"
	"kopuro/importer"
	"kopuro/insight"
	goldenfile "kopuro/internal/golden"
	"kopuro/metrics"
	"kopuro/store"
	"kopuro/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixturePost is a post of the fixture store with its coding.
type fixturePost struct {
	inst     string
	platform kopuro.Platform
	day      int // day of 2025-03
	text     string
	likes    int64
	labels   kopuro.Labels
}

// fixturePosts are written for these tests: at least one per area, one in each
// language, one not about the third mission, and one whose text tries
// to inject markup.
var fixturePosts = []fixturePost{
	{"auca", kopuro.Instagram, 3, "Students and neighbours planted two hundred trees along the river in Bishkek this Saturday.", 1520,
		kopuro.Labels{Lang: kopuro.EN, Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement, Story: true}},
	{"auca", kopuro.Facebook, 5, "Биздин ыктыярчылар Токмоктогу балдар үйүнө китептерди жана жылуу кийимдерди алып барышты.", 830,
		kopuro.Labels{Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: kopuro.CivicVolunteering, Question: true}},
	{"oshsu", kopuro.YouTube, 7, "Университет и мэрия Оша подписали соглашение о совместной программе по чистой воде для районов.", 410,
		kopuro.Labels{Lang: kopuro.RU, Category: kopuro.ThirdMission, Area: kopuro.PartnershipRegional}},
	{"oshsu", kopuro.Facebook, 9, "Бесплатные вечерние курсы компьютерной грамотности для людей старше пятидесяти лет: запись открыта.", 95,
		kopuro.Labels{Lang: kopuro.RU, Category: kopuro.ThirdMission, Area: kopuro.LifelongLearning, CTA: true}},
	{"manas", kopuro.Instagram, 11, "<script>alert('x')</script> Our student team won the startup cup with a [solar dryer](javascript:alert(1)) for apricots | *wow*", 640,
		kopuro.Labels{Lang: kopuro.EN, Category: kopuro.ThirdMission, Area: kopuro.EntrepreneurshipInnovation}},
	// Two more community posts, so that the pooled median of an area
	// differs from the median of the universities' medians.
	{"oshsu", kopuro.Facebook, 14, "Ош шаарынын мектеп окуучулары үчүн университетте ачык эшиктер күнү жана илим фестивалы өттү.", 300,
		kopuro.Labels{Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement}},
	{"oshsu", kopuro.YouTube, 16, "Public lecture for the city: how the glaciers of the Alay valley are changing.", 900,
		kopuro.Labels{Lang: kopuro.EN, Category: kopuro.ThirdMission, Area: kopuro.CommunityEngagement}},
	{"manas", kopuro.Facebook, 12, "Кабыл алуу комиссиясы 20-июнда иштей баштайт, документтердин тизмеси сайтта.", 120,
		kopuro.Labels{Lang: kopuro.KY, Category: kopuro.Institutional}},
}

// fixtureFormats give two posts (by index in fixturePosts) a format, for
// the ER-by-format table; the others have none, as many sources give none.
var fixtureFormats = map[int]kopuro.Format{5: kopuro.FormatPhoto, 6: kopuro.FormatVideo}

// fixtureSnapshot is a follower figure the study does not have, so that
// growth since the previous period (for 2025-01..2025-06: since the end
// of 2024) has something to compare.
type fixtureSnapshot struct {
	inst     string
	platform kopuro.Platform
	asOf     string
	value    int64
	prec     kopuro.Precision
}

// fixtureSnapshots give: an exact rise (AUCA on Instagram), a fall
// (AUCA on Facebook), growth between approximate figures (KNU), growth
// from an upper bound (OshSU), a figure without a previous one (KSTU,
// whose previous figure is "no data"), and figures recorded after the
// period that the growth must not use (KTMU).
var fixtureSnapshots = []fixtureSnapshot{
	{"auca", kopuro.Instagram, "2024-11", 70000, kopuro.Exact},
	{"auca", kopuro.Instagram, "2025-05", 80500, kopuro.Exact},
	{"auca", kopuro.Facebook, "2024-12-20", 79000, kopuro.Exact},
	{"knu", kopuro.Instagram, "2025-04", 1500, kopuro.Approx},
	{"oshsu", kopuro.Instagram, "2025-03-15", 1400, kopuro.Exact},
	{"kstu", kopuro.Instagram, "2025-02", 500, kopuro.Exact},
	{"manas", kopuro.Instagram, "2025-07", 21000, kopuro.Exact},
}

// fixtureStore is a store with the study's institutions and Table 1, the
// fixture snapshots and the fixture posts, coded by a person.
func fixtureStore(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := storetest.New(t)
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		if _, err := importer.Seed(ctx, tx); err != nil {
			return err
		}
		for _, fs := range fixtureSnapshots {
			d, err := kopuro.ParseDate(fs.asOf)
			if err != nil {
				return err
			}
			sn := kopuro.Snapshot{Metric: fs.platform.AudienceMetric(), Value: kopuro.Known(fs.value), Precision: fs.prec, AsOf: d, Source: "fixture"}
			if err := tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: fs.platform, Institution: fs.inst}, sn); err != nil {
				return err
			}
		}
		for i, fp := range fixturePosts {
			p := kopuro.Post{Platform: fp.platform, ExternalID: "fx" + string(rune('a'+i)),
				Account:   kopuro.AccountRef{Platform: fp.platform, Institution: fp.inst},
				URL:       "https://example.org/" + fp.inst + "/" + string(rune('a'+i)),
				Published: time.Date(2025, 3, fp.day, 9, 30, 0, 0, time.UTC), Text: fp.text,
				Likes: kopuro.Count{N: fp.likes, Valid: true}, Comments: kopuro.Count{N: 4, Valid: true}, Format: fixtureFormats[i]}
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Two universities with student numbers, for followers per 1,000.
	var withStudents []kopuro.Institution
	for code, n := range map[string]int64{"oshsu": 40000, "auca": 1500} {
		in, err := db.Institution(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		in.Students = n
		withStudents = append(withStudents, in)
	}
	err = db.Import(ctx, func(tx *store.ImportTx) error {
		for _, in := range withStudents {
			if err := tx.PutInstitution(ctx, in); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var codings []kopuro.Coding
	err = db.EachPost(ctx, store.PostFilter{}, func(lp store.LabeledPost) error {
		for _, fp := range fixturePosts {
			if fp.text == lp.Post.Text {
				codings = append(codings, kopuro.Coding{PostID: lp.Post.ID, Labels: fp.labels, Coder: "tester", At: storetest.Clock})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveCodings(ctx, codings); err != nil {
		t.Fatal(err)
	}
	return db
}

// fixtureModel builds the model of the fixture store for the first half
// of 2025, for the given institutions (all when none).
func fixtureModel(t *testing.T, codes ...string) *Model {
	t.Helper()
	p, err := metrics.ParsePeriod("2025-01..2025-06")
	if err != nil {
		t.Fatal(err)
	}
	o := insight.DefaultOptions()
	m, err := Build(context.Background(), fixtureStore(t), Options{Period: p, Institutions: codes, Now: storetest.Clock, Insight: o})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var cat = i18n.Embedded()

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) { goldenfile.Check(t, name, got, *update) }
