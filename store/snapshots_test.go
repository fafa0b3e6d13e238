package store_test

import (
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
	"kopuro/store/storetest"
)

// LatestAudience(end) picks, per account and metric, the newest snapshot
// dated before end by the rules of kopuro.Date.Before and Compare — the
// rules of the scorecards' followers — "none" snapshots included.
func TestLatestAudienceBefore(t *testing.T) {
	db := storetest.New(t)
	ig := kopuro.AccountRef{Platform: kopuro.Instagram, Institution: "auca"}
	yt := kopuro.AccountRef{Platform: kopuro.YouTube, Institution: "auca"}
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
		end    string
		ig, yt string // as_of, "" when none
	}{
		{"2024-02-01 00:00", "", ""}, // a month counts from its first day
		{"2024-02-05 00:00", "2024-02", ""},
		{"2024-02-10 00:00", "2024-02", ""}, // a day is not before its own midnight
		{"2024-02-10 09:00", "2024-02-10", ""},
		{"2024-03-01 00:00", "2024-02-10", ""},
		{"2024-03-01 00:01", "2024-02-10", "2024-03-01"}, // the day sorts after its month
		{"2025-01-01 00:00", "2024-12-31", "2024-03-01"},
		{"2025-02-01 00:00", "2025-01", "2024-03-01"}, // "no data" is a fact to show
		{"2025-07-01 00:00", "2025-06", "2024-03-01"},
	}
	for _, tt := range tests {
		got := at(day(tt.end))
		if got[kopuro.Instagram] != tt.ig || got[kopuro.YouTube] != tt.yt {
			t.Errorf("end %s: instagram %q, youtube %q; want %q, %q", tt.end, got[kopuro.Instagram], got[kopuro.YouTube], tt.ig, tt.yt)
		}
	}
	if got := at(time.Time{}); got[kopuro.Instagram] != "2025-06" || got[kopuro.YouTube] != "2024-03-01" {
		t.Errorf("no end: %v, want every account's newest", got)
	}
	// Against the rule in Go, at every midnight and noon over the months the
	// figures span.
	for end := day("2024-01-25 00:00"); end.Before(day("2025-07-05 00:00")); end = end.Add(12 * time.Hour) {
		want := map[kopuro.Platform]string{}
		newest := map[kopuro.Metric]kopuro.Date{}
		for _, s := range all {
			if n, ok := newest[s.Metric]; s.AsOf.Before(end) && (!ok || s.AsOf.Compare(n) > 0) {
				newest[s.Metric] = s.AsOf
			}
		}
		for m, d := range newest {
			p := kopuro.Instagram
			if m == kopuro.MetricSubscribers {
				p = kopuro.YouTube
			}
			want[p] = d.String()
		}
		got := at(end)
		if got[kopuro.Instagram] != want[kopuro.Instagram] || got[kopuro.YouTube] != want[kopuro.YouTube] {
			t.Fatalf("end %v: %v, want %v", end, got, want)
		}
	}
}
