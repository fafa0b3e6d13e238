package metrics

import (
	"math"
	"testing"
	"time"

	"kopuro"
)

// wantValue fails unless got has the expected number (to 1e-6) and
// precision; a want of precision None only checks that got is missing.
func wantValue(t *testing.T, name string, got Value, v float64, p Precision) {
	t.Helper()
	if p == None {
		if got.OK() {
			t.Errorf("%s = %v, want missing", name, got)
		}
		return
	}
	if got.Prec != p || math.Abs(got.V-v) > 1e-6 {
		t.Errorf("%s = %v %s, want %v %s", name, got.V, got.Prec, v, p)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

func date(s string) kopuro.Date {
	d, err := kopuro.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func snap(asOf string, v int64, p kopuro.Precision) kopuro.Snapshot {
	s := kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(v), Precision: p, AsOf: date(asOf), Source: "test"}
	if p == kopuro.None {
		s.Value = kopuro.Unknown
	}
	return s
}

func post(platform kopuro.Platform, at string, likes, comments, shares, saves int64) kopuro.Post {
	c := func(n int64) kopuro.Count {
		if n < 0 {
			return kopuro.Unknown
		}
		return kopuro.Known(n)
	}
	return kopuro.Post{Platform: platform, ExternalID: at, Published: day(at), Account: kopuro.AccountRef{Platform: platform, Handle: "uni"},
		Likes: c(likes), Comments: c(comments), Shares: c(shares), Saves: c(saves)}
}
