package advise

import (
	"regexp"
	"unicode/utf16"
	"unicode/utf8"

	"kopuro"
)

// Limit is a platform's documented limit on a post's text. Unit says how
// the platform counts: "runes" (Unicode characters), "utf16" (UTF-16 code
// units, as Telegram and TikTok count), "bytes" (UTF-8, YouTube) or
// "weighted" (X: most scripts 1, others 2, every URL 23).
type Limit struct {
	Text        int    `json:"text"`
	Caption     int    `json:"caption,omitempty"` // text under a photo or video, when it differs
	Hashtags    int    `json:"hashtags,omitempty"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
}

// Limits are the text limits of each platform, from the platforms'
// developer documentation (sources in docs/advice.md). Platforms without a
// documented limit here (VK) are not checked.
var Limits = map[kopuro.Platform]Limit{
	kopuro.Instagram: {Text: 2200, Hashtags: 30, Unit: "runes", Description: "caption"},
	kopuro.Facebook:  {Text: 63206, Unit: "runes", Description: "post"},
	kopuro.YouTube:   {Text: 5000, Unit: "bytes", Description: "video description"},
	kopuro.TikTok:    {Text: 2200, Unit: "utf16", Description: "video caption"},
	kopuro.Telegram:  {Text: 4096, Caption: 1024, Unit: "utf16", Description: "message"},
	kopuro.X:         {Text: 280, Unit: "weighted", Description: "post"},
	kopuro.LinkedIn:  {Text: 3000, Unit: "runes", Description: "post"},
}

var urlRE = regexp.MustCompile(`https?://[^\s]+`)

// xURLWeight is what X counts for any link (t.co wrapping).
const xURLWeight = 23

// Length counts s in unit.
func Length(s, unit string) int {
	switch unit {
	case "utf16":
		n := 0
		for _, r := range s {
			n += utf16.RuneLen(r)
		}
		return n
	case "bytes":
		return len(s)
	case "weighted":
		n := 0
		rest := urlRE.ReplaceAllStringFunc(s, func(string) string { n += xURLWeight; return "" })
		for _, r := range rest {
			n += xWeight(r)
		}
		return n
	}
	return utf8.RuneCountInString(s)
}

// xWeight follows X's counting: code points in these ranges (Latin,
// Cyrillic and most alphabets, general punctuation) weigh 1, the rest
// (CJK, emoji) 2.
func xWeight(r rune) int {
	switch {
	case r <= 0x10FF, r >= 0x2000 && r <= 0x200D, r >= 0x2010 && r <= 0x201F, r >= 0x2032 && r <= 0x2037:
		return 1
	}
	return 2
}
