package plan

import (
	"strings"
	"testing"
	"time"

	"kopuro"
)

func TestDayRule(t *testing.T) {
	tests := []struct {
		rule string
		year int
		want string // "" when the day does not occur
	}{
		{"11-third-thursday", 2025, "2025-11-20"}, // Nov 1 2025 is a Saturday
		{"11-third-thursday", 2026, "2026-11-19"}, // Nov 1 2026 is a Sunday
		{"11-first-saturday", 2025, "2025-11-01"},
		{"05-last-friday", 2025, "2025-05-30"},
		{"02-last-sunday", 2026, "2026-02-22"},
		{"03-21", 2025, "2025-03-21"},
		{"02-29", 2024, "2024-02-29"},
		{"02-29", 2025, ""},
	}
	for _, tt := range tests {
		r, err := ParseDayRule(tt.rule)
		if err != nil {
			t.Fatalf("%s: %v", tt.rule, err)
		}
		got, ok := r.In(tt.year)
		if tt.want == "" {
			if ok {
				t.Errorf("%s in %d = %s, want none", tt.rule, tt.year, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("%s in %d = %s, want %s", tt.rule, tt.year, got.Format("2006-01-02"), tt.want)
		}
	}
	for _, bad := range []string{"13-01", "02-30", "11-fifth-thursday", "11-third-thu", "1-1", "", "11-third"} {
		if _, err := ParseDayRule(bad); err == nil {
			t.Errorf("ParseDayRule(%q) accepted", bad)
		}
	}
}

func TestBundledDays(t *testing.T) {
	days, err := BundledDays()
	if err != nil {
		t.Fatal(err)
	}
	if len(days) < 40 {
		t.Fatalf("%d international days, want the bundled ~45", len(days))
	}
	rubric := Rubric{ID: "impact-friday", Name: "Impact Friday", Weekday: time.Friday, Hashtag: "#ImpactFriday"}
	camp := Campaign{ID: "usw", Name: "University Service Week", Hashtag: "#UniServiceWeek", From: d("2025-11-17"), To: d("2025-11-23"), SDGs: []int{17}}
	ev := Calendar(at("2025-11-01"), at("2025-11-30"), days, []Rubric{rubric}, []Campaign{camp})
	var got []string
	for _, e := range ev {
		got = append(got, e.Start.String()+" "+e.Kind+" "+e.Title)
	}
	want := []string{
		"2025-11-07 rubric Impact Friday",
		"2025-11-10 international_day World Science Day for Peace and Development",
		"2025-11-14 rubric Impact Friday",
		"2025-11-17 campaign University Service Week",
		"2025-11-20 international_day World Philosophy Day",
		"2025-11-21 rubric Impact Friday",
		"2025-11-28 rubric Impact Friday",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("November 2025:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range ev {
		if e.Title == "World Philosophy Day" && (len(e.SDGs) != 2 || e.SDGs[0] != 4 || e.SDGs[1] != 16) {
			t.Errorf("philosophy day SDGs = %v, want [4 16]", e.SDGs)
		}
	}
	// A calendar spanning new year takes each year's dates.
	ev = Calendar(at("2025-12-30"), at("2026-01-25"), days, nil, nil)
	if len(ev) != 1 || ev[0].Start.String() != "2026-01-24" {
		t.Errorf("new year span = %+v", ev)
	}
}

func TestReadInternationalDaysErrors(t *testing.T) {
	for _, tt := range []struct{ in, line string }{
		{"date,name,sdgs\n", ":1:"},
		{"date,name_en,sdgs\n01-24,Education,4\n13-01,Bad,4\n", ":3:"},
		{"date,name_en,sdgs\n01-24,Education,18\n", ":2:"},
		{"date,name_en,sdgs\n01-24,,4\n", ":2:"},
		{"date,name_en,sdgs\n01-24,Education\n", ":2:"},
	} {
		_, err := ReadInternationalDays(strings.NewReader(tt.in), "days.csv")
		if err == nil || !strings.Contains(err.Error(), "days.csv"+tt.line) {
			t.Errorf("%q: error %v, want one at line %s", tt.in, err, tt.line)
		}
	}
}

func FuzzReadInternationalDays(f *testing.F) {
	f.Add("date,name_en,sdgs\n11-third-thursday,World Philosophy Day,4;16\n02-29,Leap,1\n")
	f.Add("date,name_en,sdgs\n05-last-friday,X,\n")
	f.Fuzz(func(t *testing.T, s string) {
		days, err := ReadInternationalDays(strings.NewReader(s), "f.csv")
		if err != nil {
			return
		}
		for _, d := range days {
			if got, ok := d.Rule.In(2025); ok && got.Month() != d.Rule.Month {
				t.Fatalf("%s fell in %s", d.Spec, got.Month())
			}
		}
	})
}

func TestCampaignTracker(t *testing.T) {
	c := Campaign{ID: "usw-2025", Name: "Service week", Hashtag: "UniServiceWeek", From: d("2025-04-21"), To: d("2025-04-27"), Institutions: []string{"alpha", "beta", "gamma"}}
	if err := c.Validate(); err != nil || c.Hashtag != "#UniServiceWeek" {
		t.Fatalf("validate: %v, %s", err, c.Hashtag)
	}
	tr := NewTracker(c, nil)
	post := func(at, text string) kopuro.Post {
		p, err := time.Parse(time.RFC3339, at)
		if err != nil {
			panic(err)
		}
		return kopuro.Post{Platform: kopuro.Instagram, Published: p, Text: text}
	}
	tr.Add("alpha", post("2025-04-20T19:00:00Z", "Бүгүн баштадык! #UniServiceWeek")) // 01:00 on Apr 21 in Bishkek
	tr.Add("alpha", post("2025-04-23T10:00:00Z", "#uniserviceweek күнү 3"))
	tr.Add("alpha", post("2025-04-27T18:30:00Z", "#UniServiceWeek жыйынтык")) // 00:30 on Apr 28: after
	tr.Add("beta", post("2025-04-22T10:00:00Z", "без хэштега"))
	tr.Add("beta", post("2025-04-22T11:00:00Z", "#UniServiceWeekend")) // another tag
	tr.Add("delta", kopuro.Post{Published: time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC), Hashtags: []string{"UniServiceWeek"}})
	r := tr.Report()
	want := []CampaignRow{{"alpha", 2, true}, {"delta", 1, false}, {"beta", 0, true}, {"gamma", 0, true}}
	if len(r.Rows) != len(want) {
		t.Fatalf("rows = %+v", r.Rows)
	}
	for i := range want {
		if r.Rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, r.Rows[i], want[i])
		}
	}
	if r.Posts != 3 || r.Participants != 2 {
		t.Errorf("posts %d participants %d, want 3, 2", r.Posts, r.Participants)
	}
	for _, bad := range []Campaign{
		{ID: "x", Name: "n", Hashtag: "two tags", From: d("2025-01-01"), To: d("2025-01-02")},
		{ID: "x", Name: "n", Hashtag: "#ok", From: d("2025-01-02"), To: d("2025-01-01")},
		{ID: "x", Name: "n", Hashtag: "#ok", From: d("2025-01"), To: d("2025-02")},
		{ID: "X Y", Name: "n", Hashtag: "#ok", From: d("2025-01-01"), To: d("2025-01-02")},
		{ID: "x", Name: "", Hashtag: "#ok", From: d("2025-01-01"), To: d("2025-01-02")},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
