package metrics

import (
	"testing"
)

func TestCadence(t *testing.T) {
	p := Period{From: day("2024-01-01"), To: day("2024-01-29")} // 28 days, 4 weeks
	c := NewCadence(p)
	for _, at := range []string{"2023-12-31", "2024-01-01", "2024-01-02", "2024-01-04", "2024-01-08", "2024-01-29"} {
		if err := c.Add(day(at)); err != nil {
			t.Fatal(err)
		}
	}
	r := c.Result()
	if r.Posts != 4 {
		t.Fatalf("posts = %d, want 4 (the first and last lie outside the period)", r.Posts)
	}
	wantValue(t, "posts/week", r.PostsPerWeek, 1, Exact)
	// Gaps 1, 2, 4 days: mean 7/3, population σ = √(14/9); CV = σ/mean.
	wantValue(t, "cv", r.RegularityCV, 0.534522484, Exact)
	wantValue(t, "longest", r.LongestGap, 4, Exact)

	if err := c.Add(day("2024-01-03")); err == nil {
		t.Error("a post earlier than the last one must be an error")
	}

	two := NewCadence(p)
	two.Add(day("2024-01-01 06:00"))
	two.Add(day("2024-01-03 18:00"))
	r = two.Result()
	wantValue(t, "two posts cv", r.RegularityCV, 0, None)
	wantValue(t, "two posts gap", r.LongestGap, 2.5, Exact)
	wantValue(t, "two posts/week", r.PostsPerWeek, 0.5, Exact)

	r = NewCadence(p).Result()
	wantValue(t, "no posts/week", r.PostsPerWeek, 0, Exact) // zero posts is a measurement, not missing
	wantValue(t, "no posts gap", r.LongestGap, 0, None)

	// Evenly spaced posts are perfectly regular.
	even := NewCadence(p)
	for _, at := range []string{"2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"} {
		even.Add(day(at))
	}
	wantValue(t, "even cv", even.Result().RegularityCV, 0, Exact)
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		bad      bool
	}{
		{in: "2025-01..2025-06", from: "2025-01-01", to: "2025-07-01"},
		{in: "2025-01-10..2025-01-10", from: "2025-01-10", to: "2025-01-11"},
		{in: "2024-12..2024-12", from: "2024-12-01", to: "2025-01-01"},
		{in: "2025-06..2025-01", bad: true},
		{in: "2025-01", bad: true},
		{in: "x..2025-01", bad: true},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParsePeriod(%q) = %v, want an error", tt.in, p)
			}
			continue
		}
		if err != nil || !p.From.Equal(day(tt.from)) || !p.To.Equal(day(tt.to)) {
			t.Errorf("ParsePeriod(%q) = %v..%v, %v; want %s..%s", tt.in, p.From, p.To, err, tt.from, tt.to)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-01..2025-06", "2025-01-10..2025-01-10", "..", "2025-13..2025-14", "2025-01..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err == nil && !p.To.After(p.From) {
			t.Fatalf("ParsePeriod(%q) gave an empty period", s)
		}
	})
}
