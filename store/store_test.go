package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

var ctx = context.Background()

func put(t *testing.T, db *store.DB, fn func(tx *store.ImportTx) error) {
	t.Helper()
	if err := db.Import(ctx, fn); err != nil {
		t.Fatal(err)
	}
}

func auca() kopuro.Institution {
	return kopuro.Institution{Code: "auca", Name: kopuro.Text{EN: "American University of Central Asia", RU: "АУЦА"},
		Short: kopuro.Text{EN: "AUCA"}, Type: kopuro.Private, City: "Bishkek", Students: 1500}
}

func TestInstitutionRoundTrip(t *testing.T) {
	db := storetest.New(t)
	put(t, db, func(tx *store.ImportTx) error { return tx.PutInstitution(ctx, auca()) })
	got, err := db.Institution(ctx, "auca")
	if err != nil {
		t.Fatal(err)
	}
	want := auca()
	want.Country = "KG"
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	// An update with fewer fields keeps what it does not say.
	put(t, db, func(tx *store.ImportTx) error {
		return tx.PutInstitution(ctx, kopuro.Institution{Code: "auca", Name: kopuro.Text{KY: "БААУ"}})
	})
	got, _ = db.Institution(ctx, "auca")
	if got.Name.KY != "БААУ" || got.Name.EN != want.Name.EN || got.Students != 1500 || got.Type != kopuro.Private {
		t.Errorf("partial update lost fields: %+v", got)
	}
	if _, err := db.Institution(ctx, "nope"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("missing institution: err = %v, want not_found", err)
	}
}

func TestSnapshotsKeepPrecisionAndMissing(t *testing.T) {
	db := storetest.New(t)
	ref := kopuro.AccountRef{Platform: kopuro.Instagram, Institution: "auca"}
	may, _ := kopuro.ParseDate("2025-05")
	june, _ := kopuro.ParseDate("2025-06-15")
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		if err := tx.PutSnapshot(ctx, ref, kopuro.Snapshot{Metric: kopuro.MetricFollowers, Precision: kopuro.None, AsOf: may, Note: "no data"}); err != nil {
			return err
		}
		return tx.PutSnapshot(ctx, ref, kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(1000), Precision: kopuro.Below, AsOf: june, Source: "unirank.org"})
	})
	accs, err := db.Accounts(ctx, "auca")
	if err != nil || len(accs) != 1 {
		t.Fatalf("accounts = %v, %v; want one placeholder", accs, err)
	}
	snaps, err := db.Snapshots(ctx, accs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != 2 {
		t.Fatalf("got %d snapshots", len(snaps))
	}
	if snaps[0].Value.Valid || snaps[0].Precision != kopuro.None || snaps[0].AsOf.String() != "2025-05" {
		t.Errorf("none snapshot stored as %+v: missing must stay missing", snaps[0])
	}
	if snaps[1].Value != kopuro.Known(1000) || snaps[1].Precision != kopuro.Below || snaps[1].AsOf.String() != "2025-06-15" {
		t.Errorf("below snapshot stored as %+v", snaps[1])
	}
	latest, err := db.LatestAudience(ctx, time.Time{})
	if err != nil || len(latest) != 1 || latest[0].Snapshot.AsOf.String() != "2025-06-15" {
		t.Fatalf("latest = %+v, %v", latest, err)
	}
	// Every column read back as Accounts and Snapshots read it.
	if latest[0].Account != accs[0] || latest[0].Snapshot != snaps[1] {
		t.Errorf("latest = %+v\nwant %+v and %+v", latest[0], accs[0], snaps[1])
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	db := storetest.New(t)
	boom := errors.New("boom")
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	c, _ := db.Counts(ctx)
	if c != (store.Counts{}) {
		t.Errorf("a failed import left %+v", c)
	}
}

func post(id string, text string) kopuro.Post {
	return kopuro.Post{Platform: kopuro.Instagram, ExternalID: id, Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "@AUCA.Official"},
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.FixedZone("KGT", 6*3600)), Text: text, Likes: kopuro.Known(10)}
}

func TestPostsUpsertAndUnlinkedThenLink(t *testing.T) {
	db := storetest.New(t)
	put(t, db, func(tx *store.ImportTx) error { return tx.PutInstitution(ctx, auca()) })
	for i := 0; i < 2; i++ { // the same post twice: one row
		put(t, db, func(tx *store.ImportTx) error {
			if err := tx.PutPost(ctx, post("p1", "Волонтёры #AUCA #SDG4")); err != nil {
				return err
			}
			return tx.PutComment(ctx, kopuro.Comment{Platform: kopuro.Instagram, PostExternalID: "p1", ExternalID: "c1", Text: "Круто!"})
		})
	}
	c, _ := db.Counts(ctx)
	if c.Posts != 1 || c.Comments != 1 || c.Accounts != 1 {
		t.Fatalf("counts after re-import = %+v", c)
	}
	un, err := db.UnlinkedAccounts(ctx)
	if err != nil || len(un) != 1 || un[0].Handle != "auca.official" || un[0].Posts != 1 {
		t.Fatalf("unlinked = %+v, %v", un, err)
	}
	// Table 1 gave AUCA an Instagram count before anyone knew the handle.
	d, _ := kopuro.ParseDate("2024-02")
	put(t, db, func(tx *store.ImportTx) error {
		return tx.PutSnapshot(ctx, kopuro.AccountRef{Platform: kopuro.Instagram, Institution: "auca"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(76039), AsOf: d, Source: "unirank.org"})
	})
	if err := db.LinkAccount(ctx, kopuro.Instagram, "@auca.official", "auca"); err != nil {
		t.Fatal(err)
	}
	accs, _ := db.Accounts(ctx, "auca")
	if len(accs) != 1 || accs[0].Handle != "auca.official" || !accs[0].Official {
		t.Fatalf("after link: %+v", accs)
	}
	snaps, _ := db.Snapshots(ctx, accs[0].ID)
	if len(snaps) != 1 || snaps[0].Value.N != 76039 {
		t.Errorf("the placeholder's history did not follow the link: %+v", snaps)
	}
	if un, _ := db.UnlinkedAccounts(ctx); len(un) != 0 {
		t.Errorf("still unlinked: %+v", un)
	}
	if err := db.LinkAccount(ctx, kopuro.Instagram, "ghost", "auca"); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("linking an unknown account: %v", err)
	}
}

func TestCommentOfUnknownPostFails(t *testing.T) {
	db := storetest.New(t)
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		return tx.PutComment(ctx, kopuro.Comment{Platform: kopuro.YouTube, PostExternalID: "v9", ExternalID: "c1"})
	})
	if e := kopuro.AsError(err); e == nil || e.Key != "error.unknown_post" || e.Field != "post_external_id" {
		t.Errorf("err = %v", err)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	db := storetest.New(t)
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := db.Pending(ctx)
	if err != nil || len(p) != 0 {
		t.Errorf("pending = %v, %v", p, err)
	}
}
