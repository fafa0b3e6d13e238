package advise

import (
	"strings"
	"testing"

	"kopuro/i18n"
	"kopuro/metrics"
)

// The platform-fit reason names the missing platforms as people write
// them, joined in each language's way, never by their ids.
func TestPlatformList(t *testing.T) {
	cat := i18n.Embedded()
	tests := []struct {
		ids  []string
		want map[string]string
	}{
		{nil, map[string]string{"en": "", "ru": "", "ky": ""}},
		{[]string{"youtube"}, map[string]string{"en": "YouTube", "ru": "YouTube", "ky": "YouTube"}},
		{[]string{"tiktok", "telegram"}, map[string]string{"en": "TikTok and Telegram", "ru": "TikTok и Telegram", "ky": "TikTok жана Telegram"}},
		{[]string{"instagram", "youtube", "tiktok", "telegram"}, map[string]string{
			"en": "Instagram, YouTube, TikTok and Telegram",
			"ru": "Instagram, YouTube, TikTok и Telegram",
			"ky": "Instagram, YouTube, TikTok жана Telegram"}},
		// An id the catalogue does not know still reads as a name.
		{[]string{"mastodon", "vk"}, map[string]string{"en": "Mastodon and VK", "ru": "Mastodon и ВКонтакте", "ky": "Mastodon жана ВКонтакте"}},
	}
	for _, tc := range tests {
		for _, lang := range i18n.Langs {
			if got := platformList(cat, lang, tc.ids); got != tc.want[lang] {
				t.Errorf("%s %v: %q, want %q", lang, tc.ids, got, tc.want[lang])
			}
		}
	}
}

// The rendered advice carries the names in every language.
func TestPlatformFitText(t *testing.T) {
	cat := i18n.Embedded()
	in := Input{Card: healthy("few"), Goals: 1, GoalReviewDays: ex(1)}
	in.Card.Values[metrics.PlatformsPresent] = ex(2)
	for _, lang := range i18n.Langs {
		a := Evaluate(in, DefaultConfig())
		Render(&a, cat, lang)
		r := find(a, PlatformFit)
		want := cat.T(lang, "advise.reason.platforms", "Value", "2", "Missing", platformList(cat, lang, []string{"tiktok", "telegram"}))
		if !r.Fired || !strings.Contains(r.Text, want) {
			t.Errorf("%s: %q lacks %q", lang, r.Text, want)
		}
	}
}
