package store_test

import (
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// LatestAudience(end) picks, per account and metric, the newest snapshot
// with a figure dated before end by the rules of kopuro.Date.Before and
// Compare — the rules of the scorecards' followers — and the newest "none"
// snapshot only for an account with no figure before end.
func TestLatestAudienceBefore(t *testing.T) {
	db := storetest.New(t)
	ig := kopuro.AccountRef{Platform: kopuro.Instagram, Institution: "auca"}
	yt := kopuro.AccountRef{Platform: kopuro.YouTube, Institution: "auca"}
	fb := kopuro.AccountRef{Platform: kopuro.Facebook, Institution: "auca"}
	type fig struct {
		ref  kopuro.AccountRef
		asOf string
		v    int64
		prec kopuro.Precision
	}
	figs := []fig{
		{ig, "2024-02", 1300, kopuro.Approx},
		{ig, "2024-02-10", 1350, kopuro.Below},
		{ig, "2024-12-31", 1400, kopuro.Exact},
		{ig, "2025-01", 0, kopuro.None},
		{ig, "2025-06", 1500, kopuro.Exact},
		{yt, "2024-03-01", 200, kopuro.Exact},
		{yt, "2024-03", 180, kopuro.Approx},
		{fb, "2024-06", 0, kopuro.None},
		{fb, "2024-04", 0, kopuro.None},
	}
	var all []kopuro.Snapshot
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		for _, f := range figs {
			d, err := kopuro.ParseDate(f.asOf)
			if err != nil {
				return err
			}
			s := kopuro.Snapshot{Metric: f.ref.Platform.AudienceMetric(), Value: kopuro.Known(f.v), Precision: f.prec, AsOf: d, Source: "test"}
			if f.prec == kopuro.None {
				s.Value = kopuro.Unknown
			}
			all = append(all, s)
			if err := tx.PutSnapshot(ctx, f.ref, s); err != nil {
				return err
			}
		}
		return nil
	})
	at := func(end time.Time) map[kopuro.Platform]string {
		t.Helper()
		latest, err := db.LatestAudience(ctx, end)
		if err != nil {
			t.Fatal(err)
		}
		out := map[kopuro.Platform]string{}
		for _, ls := range latest {
			if _, dup := out[ls.Account.Platform]; dup {
				t.Errorf("end %v: two snapshots of %s", end, ls.Account.Platform)
			}
			out[ls.Account.Platform] = ls.Snapshot.AsOf.String()
		}
		return out
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		end        string
		ig, yt, fb string // as_of, "" when none
	}{
		{"2024-02-01 00:00", "", "", ""}, // a month counts from its first day
		{"2024-02-05 00:00", "2024-02", "", ""},
		{"2024-02-10 00:00", "2024-02", "", ""}, // a day is not before its own midnight
		{"2024-02-10 09:00", "2024-02-10", "", ""},
		{"2024-03-01 00:00", "2024-02-10", "", ""},
		{"2024-03-01 00:01", "2024-02-10", "2024-03-01", ""},        // the day sorts after its month
		{"2024-05-01 00:00", "2024-02-10", "2024-03-01", "2024-04"}, // no figure at all: "no data" is a fact to show
		{"2025-01-01 00:00", "2024-12-31", "2024-03-01", "2024-06"},
		{"2025-02-01 00:00", "2024-12-31", "2024-03-01", "2024-06"}, // a newer "none" does not hide the figure
		{"2025-07-01 00:00", "2025-06", "2024-03-01", "2024-06"},
	}
	for _, tt := range tests {
		got := at(day(tt.end))
		if got[kopuro.Instagram] != tt.ig || got[kopuro.YouTube] != tt.yt || got[kopuro.Facebook] != tt.fb {
			t.Errorf("end %s: instagram %q, youtube %q, facebook %q; want %q, %q, %q", tt.end,
				got[kopuro.Instagram], got[kopuro.YouTube], got[kopuro.Facebook], tt.ig, tt.yt, tt.fb)
		}
	}
	if got := at(time.Time{}); got[kopuro.Instagram] != "2025-06" || got[kopuro.YouTube] != "2024-03-01" || got[kopuro.Facebook] != "2024-06" {
		t.Errorf("no end: %v, want every account's newest", got)
	}
	// Against the rule in Go, at every midnight and noon over the months the
	// figures span.
	for end := day("2024-01-25 00:00"); end.Before(day("2025-07-05 00:00")); end = end.Add(12 * time.Hour) {
		want := map[kopuro.Platform]string{}
		type pick struct {
			known bool
			d     kopuro.Date
		}
		newest := map[kopuro.Platform]pick{}
		for i, s := range all {
			p := figs[i].ref.Platform
			n, ok := newest[p]
			better := !ok || (s.Known() && !n.known) || (s.Known() == n.known && s.AsOf.Compare(n.d) > 0)
			if s.AsOf.Before(end) && better {
				newest[p] = pick{s.Known(), s.AsOf}
			}
		}
		for p, n := range newest {
			want[p] = n.d.String()
		}
		got := at(end)
		if got[kopuro.Instagram] != want[kopuro.Instagram] || got[kopuro.YouTube] != want[kopuro.YouTube] || got[kopuro.Facebook] != want[kopuro.Facebook] {
			t.Fatalf("end %v: %v, want %v", end, got, want)
		}
	}
}
