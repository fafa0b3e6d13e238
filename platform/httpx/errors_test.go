package httpx

import (
	"strings"
	"testing"

	"kopuro"
)

// TestBadTarget: every collector's "cannot ask for this account" error
// names the platform as its owner writes it and shows the untrusted name
// only through Printable.
func TestBadTarget(t *testing.T) {
	for _, tc := range []struct {
		p      kopuro.Platform
		handle string
		name   string
		value  string
	}{
		{kopuro.YouTube, "bad handle\x1b[2J", "YouTube", "bad handle [2J"},
		{kopuro.TikTok, "a\nb", "TikTok", "a b"},
		{kopuro.Telegram, "x?y", "Telegram", "x?y"},
		{kopuro.Facebook, strings.Repeat("я", 70), "Facebook", strings.Repeat("я", 60) + "…"},
		{kopuro.Instagram, "\u0085ig", "Instagram", "ig"},
		{kopuro.VK, "v", "vk", "v"},
	} {
		e := BadTarget(tc.p, tc.handle)
		if e.Code != kopuro.EInvalid || e.Key != "collect.bad_target" || e.Args["Platform"] != tc.name || e.Args["Value"] != tc.value {
			t.Errorf("%s %q: %+v", tc.p, tc.handle, e)
		}
		if strings.ContainsAny(e.Message, "\x1b\n\u0085") {
			t.Errorf("%s: message %q carries a control character", tc.p, e.Message)
		}
	}
}
