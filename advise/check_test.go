package advise

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro"
	"kopuro/i18n"
)

type namedDraft struct {
	Name  string `json:"name"`
	Draft Draft  `json:"draft"`
}

func readDrafts(t *testing.T) []namedDraft {
	b, err := os.ReadFile(filepath.Join("testdata", "check-drafts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ds []namedDraft
	if err := json.Unmarshal(b, &ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

func ids(c Check) string {
	var s []string
	for _, x := range c.Suggestions {
		s = append(s, x.ID)
	}
	return strings.Join(s, ",")
}

func TestCheckDraft(t *testing.T) {
	want := map[string]string{
		// A named person's story, a question, a campaign tag, an SDG tag, two languages.
		"good":             "",
		"announcement":     "storytelling,interactivity,hashtags,multilingual,sdg",
		"research-no-tags": "storytelling,interactivity,hashtags",
	}
	for _, nd := range readDrafts(t) {
		c := CheckDraft(nd.Draft, i18n.Embedded(), "en")
		got := ids(c)
		// The order follows the study's recommendations.
		if got != strings.Join(orderedIDs(want[nd.Name]), ",") {
			t.Errorf("%s: suggestions %q, want %q", nd.Name, got, want[nd.Name])
		}
	}
}

// TestCheckDraftSDGTagAnyLanguage: a goal's tag in Russian or Kyrgyz
// counts as much as #SDG4; only a draft with none is asked for one.
func TestCheckDraftSDGTagAnyLanguage(t *testing.T) {
	for text, wantSDG := range map[string]bool{
		"Волонтеры провели урок #SDG4":   false,
		"Волонтеры провели урок #ЦУР4":   false,
		"Волонтерлор сабак өтүштү #ТӨМ4": false,
		"Волонтеры провели урок #ЦУРА":   true,
		"Волонтеры провели урок":         true,
	} {
		d := Draft{Text: text, Platform: kopuro.Instagram, Labels: kopuro.Labels{Category: kopuro.ThirdMission, SDGs: []int{4}}}
		got := strings.Contains(ids(CheckDraft(d, i18n.Embedded(), "en")), SDG)
		if got != wantSDG {
			t.Errorf("%q: SDG suggestion %v, want %v", text, got, wantSDG)
		}
	}
}

func orderedIDs(s string) []string {
	if s == "" {
		return nil
	}
	set := map[string]bool{}
	for _, id := range strings.Split(s, ",") {
		set[id] = true
	}
	var out []string
	for _, id := range RuleIDs {
		if set[id] {
			out = append(out, id)
		}
	}
	return out
}

func TestCheckGolden(t *testing.T) {
	out := map[string]map[string]Check{}
	for _, lang := range i18n.Langs {
		out[lang] = map[string]Check{}
		for _, nd := range readDrafts(t) {
			out[lang][nd.Name] = CheckDraft(nd.Draft, i18n.Embedded(), lang)
		}
	}
	checkGolden(t, "check.golden.json", out)
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name     string
		d        Draft
		want     bool
		evidence string
	}{
		{"instagram 2,200", Draft{Platform: kopuro.Instagram, Text: strings.Repeat("ү", 2200)}, false, ""},
		{"instagram 2,201", Draft{Platform: kopuro.Instagram, Text: strings.Repeat("ү", 2201)}, true, "length"},
		{"instagram 30 tags", Draft{Platform: kopuro.Instagram, Text: tags(30)}, false, ""},
		{"instagram 31 tags", Draft{Platform: kopuro.Instagram, Text: tags(31)}, true, "hashtags"},
		{"x 280 cyrillic", Draft{Platform: kopuro.X, Text: strings.Repeat("ж", 280)}, false, ""},
		// 140 emoji weigh 2 each: 280; one more is over.
		{"x 141 emoji", Draft{Platform: kopuro.X, Text: strings.Repeat("🙂", 141)}, true, "length"},
		// A long link counts 23: 257 letters + space + link = 281.
		{"x link", Draft{Platform: kopuro.X, Text: strings.Repeat("a", 257) + " https://example.org/" + strings.Repeat("p", 100)}, true, "length"},
		{"x link fits", Draft{Platform: kopuro.X, Text: strings.Repeat("a", 256) + " https://example.org/" + strings.Repeat("p", 100)}, false, ""},
		{"telegram message 1,500", Draft{Platform: kopuro.Telegram, Text: strings.Repeat("a", 1500)}, false, ""},
		{"telegram caption 1,500", Draft{Platform: kopuro.Telegram, Text: strings.Repeat("a", 1500), Media: true}, true, "length"},
		// An emoji is two UTF-16 units: 513 emoji = 1,026 > 1,024.
		{"telegram caption emoji", Draft{Platform: kopuro.Telegram, Text: strings.Repeat("🙂", 513), Media: true}, true, "length"},
		{"tiktok 2,200 utf16", Draft{Platform: kopuro.TikTok, Text: strings.Repeat("🙂", 1100)}, false, ""},
		{"tiktok 2,202 utf16", Draft{Platform: kopuro.TikTok, Text: strings.Repeat("🙂", 1101)}, true, "length"},
		// YouTube counts bytes: 2,501 Cyrillic letters are 5,002 bytes.
		{"youtube bytes", Draft{Platform: kopuro.YouTube, Text: strings.Repeat("ж", 2501)}, true, "length"},
		{"vk unchecked", Draft{Platform: kopuro.VK, Text: strings.Repeat("a", 100000)}, false, ""},
	}
	for _, tt := range tests {
		var got *Suggestion
		for _, s := range limitSuggestions(tt.d, kopuro.Hashtags(tt.d.Text), string(tt.d.Platform)) {
			s := s
			got = &s
		}
		if (got != nil) != tt.want {
			t.Errorf("%s: suggestion %v, want %v", tt.name, got, tt.want)
			continue
		}
		if got != nil {
			if _, ok := got.Evidence[tt.evidence]; !ok || got.ID != PlatformFit {
				t.Errorf("%s: evidence %v, want %s", tt.name, got.Evidence, tt.evidence)
			}
		}
	}
}

func tags(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(" #tag")
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(byte('a' + i/26))
	}
	return b.String()
}

func FuzzCheckDraft(f *testing.F) {
	for _, s := range []string{"#SDG4 hello", "🙂 https://x.org #a #b", "", "#sdg #sdg17x"} {
		f.Add(s, "instagram")
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, text, platform string) {
		d := Draft{Text: text, Platform: kopuro.Platform(platform), Labels: kopuro.Labels{Category: kopuro.ThirdMission, SDGs: []int{4}}}
		c := CheckDraft(d, i18n.Embedded(), "ky")
		for _, s := range c.Suggestions {
			if s.Text == "" || strings.HasPrefix(s.Text, "!") {
				t.Fatalf("suggestion %s without text", s.ID)
			}
		}
	})
}
