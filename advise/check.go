package advise

import (
	"fmt"
	"kopuro/codebook"
	"sort"
	"strings"

	"kopuro"
)

// Draft is a post before publication, with the labels the analysis engine
// gave its text. It does not depend on the engine: the caller runs the
// analysis and fills the labels.
type Draft struct {
	Text     string          `json:"text"`
	Platform kopuro.Platform `json:"platform,omitempty"`
	Labels   kopuro.Labels   `json:"labels"`
	// Langs lists every language found in the text (a "mixed" label alone
	// does not say whether English is among them).
	Langs []kopuro.Lang `json:"langs,omitempty"`
	// Hashtags of the draft; extracted from the text when empty.
	Hashtags []string `json:"hashtags,omitempty"`
	// Media tells that the text is a caption under a photo or video
	// (Telegram allows 1,024 characters there instead of 4,096).
	Media bool `json:"media,omitempty"`
	// CampaignTags are the hashtags of the campaigns running now that the
	// post could carry (from the calendar).
	CampaignTags []string `json:"campaign_tags,omitempty"`
}

// Suggestion is one improvement for a draft, with the id of the rule it
// belongs to and the evidence behind it.
type Suggestion struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Evidence map[string]any `json:"evidence"`
	key      string
	args     []any
}

// Check is the checker's answer.
type Check struct {
	Labels      kopuro.Labels `json:"labels"`
	Suggestions []Suggestion  `json:"suggestions"`
}

// CheckDraft returns the suggestions for d, texts in lang. A draft that
// tells a person's story, asks a question, carries a campaign hashtag and
// its SDG tags, and gives a third-mission story in English too gets none
// for those points.
func CheckDraft(d Draft, tr Translator, lang string) Check {
	tags := d.Hashtags
	if len(tags) == 0 {
		tags = kopuro.Hashtags(d.Text)
	}
	have := map[string]bool{}
	for _, t := range tags {
		have[normTag(t)] = true
	}
	var out []Suggestion
	add := func(id, key string, ev map[string]any, args ...any) {
		out = append(out, Suggestion{ID: id, Evidence: ev, key: key, args: args})
	}
	l := d.Labels
	tm := l.Category == kopuro.ThirdMission

	if !l.Story {
		add(Storytelling, "check.storytelling", map[string]any{"story": false, "category": string(l.Category)})
	}
	if !l.Question {
		key := "check.interactivity"
		if !l.CTA {
			key = "check.interactivity_cta"
		}
		add(Interactivity, key, map[string]any{"question": false, "cta": l.CTA})
	}
	var campaign []string
	for _, t := range d.CampaignTags {
		if n := normTag(t); n != "" {
			if have[n] {
				campaign = nil
				break
			}
			campaign = append(campaign, "#"+strings.TrimPrefix(strings.TrimSpace(t), "#"))
		}
	}
	switch {
	case len(campaign) > 0:
		add(Hashtags, "check.campaign", map[string]any{"hashtags": len(tags), "campaign_tags": campaign}, "Tags", strings.Join(campaign, " "))
	case len(tags) == 0:
		add(Hashtags, "check.hashtags", map[string]any{"hashtags": 0})
	}
	// SDG tags the draft could carry: the goals the engine found, when the
	// draft carries no #SDGn tag at all (one tag already does the job).
	var sdg []string
	tagged := false
	for t := range have {
		if isSDGTag(t) {
			tagged = true
		}
	}
	if !tagged {
		for _, g := range l.SDGs {
			sdg = append(sdg, fmt.Sprintf("#SDG%d", g))
		}
	}
	if len(sdg) > 0 {
		add(SDG, "check.sdg", map[string]any{"sdgs": l.SDGs, "missing_tags": sdg}, "Tags", strings.Join(sdg, " "))
	}
	if tm && !carriesEnglish(d) {
		add(Multilingual, "check.multilingual", map[string]any{"lang": string(l.Lang), "langs": langs(d.Langs), "third_mission": true})
	}
	out = append(out, limitSuggestions(d, tags, tr.T(lang, "platform."+string(d.Platform)))...)

	order := map[string]int{}
	for i, id := range RuleIDs {
		order[id] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].ID] < order[out[j].ID] })
	for i := range out {
		out[i].Text = tr.T(lang, out[i].key, out[i].args...)
	}
	if out == nil {
		out = []Suggestion{}
	}
	return Check{Labels: l, Suggestions: out}
}

// limitSuggestions checks d against its platform's limits; name is the
// platform's name in the reader's language.
func limitSuggestions(d Draft, tags []string, name string) []Suggestion {
	lim, ok := Limits[d.Platform]
	if !ok {
		return nil
	}
	var out []Suggestion
	max, what := lim.Text, lim.Description
	if d.Media && lim.Caption > 0 {
		max, what = lim.Caption, "caption"
	}
	if n := Length(d.Text, lim.Unit); n > max {
		out = append(out, Suggestion{ID: PlatformFit, key: "check.limit.length",
			Evidence: map[string]any{"platform": string(d.Platform), "length": n, "limit": max, "unit": lim.Unit, "of": what},
			args:     []any{"Platform", name, "Count", n, "Limit", max}})
	}
	if lim.Hashtags > 0 && len(tags) > lim.Hashtags {
		out = append(out, Suggestion{ID: PlatformFit, key: "check.limit.hashtags",
			Evidence: map[string]any{"platform": string(d.Platform), "hashtags": len(tags), "limit": lim.Hashtags},
			args:     []any{"Platform", name, "Count", len(tags), "Limit", lim.Hashtags}})
	}
	return out
}

func carriesEnglish(d Draft) bool {
	for _, l := range d.Langs {
		if l == kopuro.EN {
			return true
		}
	}
	return d.Labels.Lang == kopuro.EN
}

func langs(ls []kopuro.Lang) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, string(l))
	}
	return out
}

// isSDGTag tells whether a normalised tag is a goal's tag in any of the
// codebook's languages: sdg4, цур4, төм4.
func isSDGTag(t string) bool {
	for _, prefixes := range codebook.Default().SDGTags {
		for _, p := range prefixes {
			if rest, ok := strings.CutPrefix(t, strings.ToLower(p)); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
				return true
			}
		}
	}
	return false
}

func normTag(s string) string { return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#")) }
