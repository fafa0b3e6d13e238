package httpx

import (
	"strings"
	"testing"
	"time"

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

// Every collector message names the platform as its owner writes it: one
// message must not say "youtube" and the next "YouTube".
func TestPlatformArgIsTheOwnersName(t *testing.T) {
	p := kopuro.YouTube
	for name, e := range map[string]*kopuro.Error{
		"quota":      NewQuota(p, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).err,
		"status":     StatusError(p, 404, "channel UC1", ""),
		"malformed":  Malformed(p, "channel UC1", "items", "not a list"),
		"bad target": BadTarget(p, "@x"),
	} {
		if got := e.Args["Platform"]; got != "YouTube" {
			t.Errorf("%s: {Platform} = %v, want YouTube", name, got)
		}
	}
	if got := kopuro.VK.Name(); got != "vk" {
		t.Errorf("VK's name %q, want its id (the catalogues name it per language)", got)
	}
}
