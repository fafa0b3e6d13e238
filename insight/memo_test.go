package insight

import (
	"encoding/json"
	"testing"
	"time"

	"kopuro"
	"kopuro/metrics"
	"kopuro/store"
)

// A cached scorecard read later equals one computed then: only the ages
// of the data move with the clock, and the index is computed again; a
// write makes it computed afresh.
func TestMemoScorecardMatchesFresh(t *testing.T) {
	db := fixture(t)
	in, err := db.Institution(ctx, "alpha")
	if err != nil {
		t.Fatal(err)
	}
	p := metrics.Period{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	now := time.Date(2025, 7, 10, 12, 0, 0, 0, time.UTC)
	memo := DefaultOptions()
	memo.Memo = true
	if _, err := Scorecard(ctx, db, in, p, now, memo, Scope{}); err != nil {
		t.Fatal(err)
	}
	later := now.Add(36*time.Hour + 17*time.Minute)
	same := func(when string) {
		t.Helper()
		got, err := Scorecard(ctx, db, in, p, later, memo, Scope{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := Scorecard(ctx, db, in, p, later, DefaultOptions(), Scope{})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := roundJSON(t, got), roundJSON(t, want); g != w {
			t.Errorf("%s: cached scorecard\n%s\nwant\n%s", when, g, w)
		}
		if !got.Values[metrics.PostAgeDays].OK() {
			t.Errorf("%s: post age missing", when)
		}
	}
	same("read later")
	if err := db.Import(ctx, func(tx *store.ImportTx) error {
		return tx.PutPost(ctx, kopuro.Post{Platform: kopuro.Instagram, ExternalID: "new", Account: kopuro.AccountRef{Platform: kopuro.Instagram, Handle: "alpha.uni"},
			Published: time.Date(2025, 6, 20, 9, 0, 0, 0, time.UTC), Text: "#AlphaCares again"})
	}); err != nil {
		t.Fatal(err)
	}
	same("after a write")
}

// roundJSON renders a scorecard with its numbers rounded to 9 digits (a
// moved age may differ from a fresh one in the last bits).
func roundJSON(t *testing.T, c metrics.Scorecard) string {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var round func(any) any
	round = func(x any) any {
		switch x := x.(type) {
		case float64:
			return float64(int64(x*1e9+0.5)) / 1e9
		case map[string]any:
			for k, e := range x {
				x[k] = round(e)
			}
		case []any:
			for i, e := range x {
				x[i] = round(e)
			}
		}
		return x
	}
	out, _ := json.MarshalIndent(round(v), "", " ")
	return string(out)
}
