package web

import (
	"net/url"
	"strings"
	"testing"

	"kopuro"
	"kopuro/store"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name string
		text string
		ev   []kopuro.Evidence
		want string
	}{
		{"none", "a < b", nil, "a &lt; b"},
		{"rune offsets", "Көлдө волонтёрлор", []kopuro.Evidence{{Label: "civic", Start: 6, End: 17}},
			`Көлдө <mark class="ev" title="civic">волонтёрлор</mark>`},
		{"script stays text", "<script>alert(1)</script> help", []kopuro.Evidence{{Label: "cta", Start: 26, End: 30}},
			`&lt;script&gt;alert(1)&lt;/script&gt; <mark class="ev" title="cta">help</mark>`},
		{"span inside markup", "<img src=x onerror=alert(1)>", []kopuro.Evidence{{Label: `"><b>`, Start: 1, End: 4}},
			`&lt;<mark class="ev" title="&#34;&gt;&lt;b&gt;">img</mark> src=x onerror=alert(1)&gt;`},
		{"overlap and out of range skipped", "abcdef", []kopuro.Evidence{{Label: "x", Start: 2, End: 4}, {Label: "y", Start: 1, End: 3},
			{Label: "z", Start: 4, End: 99}, {Label: "w", Start: -1, End: 1}, {Label: "v", Start: 3, End: 3}},
			`a<mark class="ev" title="y">bc</mark>def`},
		{"unordered", "one two", []kopuro.Evidence{{Label: "b", Start: 4, End: 7}, {Label: "a", Start: 0, End: 3}},
			`<mark class="ev" title="a">one</mark> <mark class="ev" title="b">two</mark>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlight(tt.text, tt.ev)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("<script>alert(1)</script>", 0, 3)
	f.Add("Көлдө <img src=x onerror=alert(1)>", 6, 10)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		got := string(highlight(text, []kopuro.Evidence{{Label: "l", Start: start, End: end}}))
		// Only the mark tags may appear: strip them and no "<" is left.
		rest := strings.NewReplacer(`<mark class="ev" title="l">`, "", `</mark>`, "").Replace(got)
		if strings.ContainsAny(rest, "<>") {
			t.Fatalf("unescaped markup in %q", got)
		}
	})
}

// FuzzPostQuery feeds the explorer's query-string parser anything: it
// must not panic, must refuse with a user-safe error, and what it accepts
// must be in range.
func FuzzPostQuery(f *testing.F) {
	for _, s := range []string{"q=көл&category=research&sdg=6&from=2025-05-03&to=2025-05-03&sort=er&page=2",
		"post_lang=ky&format=video&platform=telegram&cta=1&unlinked=1", "sdg=18", "page=0", "from=yesterday", "area=x%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := postQuery(v)
		if err != nil {
			if kopuro.AsError(err) == nil || kopuro.ErrorCode(err) != kopuro.EInvalid {
				t.Fatalf("not a user-safe invalid error: %v", err)
			}
			return
		}
		if q.SDG < 0 || q.SDG > 17 || q.Page < 0 || (q.Sort != store.SortDate && q.Sort != store.SortER) {
			t.Fatalf("accepted out of range: %+v", q)
		}
	})
}
