package main

import (
	"context"
	"log/slog"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/meta"
	"kopuro/platform/telegram"
	"kopuro/platform/tiktok"
	"kopuro/platform/youtube"
)

// collectPlatforms are the platforms Kopuro can collect, in display order.
var collectPlatforms = []kopuro.Platform{kopuro.YouTube, kopuro.Instagram, kopuro.Facebook, kopuro.TikTok, kopuro.Telegram}

// credentialVars names the environment variables each platform's
// collector needs; Telegram's public previews need none.
var credentialVars = map[kopuro.Platform][]string{
	kopuro.YouTube:   {"YOUTUBE_API_KEY"},
	kopuro.Instagram: {"INSTAGRAM_ACCESS_TOKEN", "INSTAGRAM_USER_ID"},
	kopuro.Facebook:  {"FACEBOOK_ACCESS_TOKEN"},
	kopuro.TikTok:    {"TIKTOK_CLIENT_KEY", "TIKTOK_CLIENT_SECRET"},
	kopuro.Telegram:  nil,
}

// missingCredentials returns the variables platform p needs that are not set.
func missingCredentials(e *env, p kopuro.Platform) []string {
	var out []string
	for _, v := range credentialVars[p] {
		if e.getenv(v) == "" {
			out = append(out, v)
		}
	}
	return out
}

// newCollector builds platform p's collector from the environment.
// endpoint replaces the API's address (tests, proxies). Retries are logged
// on stderr, with credentials redacted by the HTTP layer.
func newCollector(ctx context.Context, e *env, p kopuro.Platform, endpoint string) (platform.Collector, error) {
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	switch p {
	case kopuro.YouTube:
		return youtube.New(ctx, youtube.Config{APIKey: e.getenv("YOUTUBE_API_KEY"), Endpoint: endpoint, Logger: log})
	case kopuro.Instagram:
		return meta.NewInstagram(meta.Config{Token: e.getenv("INSTAGRAM_ACCESS_TOKEN"), IGUserID: e.getenv("INSTAGRAM_USER_ID"), Endpoint: endpoint, Logger: log})
	case kopuro.Facebook:
		return meta.NewFacebook(meta.Config{Token: e.getenv("FACEBOOK_ACCESS_TOKEN"), Endpoint: endpoint, Logger: log})
	case kopuro.TikTok:
		return tiktok.New(tiktok.Config{ClientKey: e.getenv("TIKTOK_CLIENT_KEY"), ClientSecret: e.getenv("TIKTOK_CLIENT_SECRET"), Endpoint: endpoint, Logger: log})
	case kopuro.Telegram:
		return telegram.New(telegram.Config{Endpoint: endpoint, Logger: log}), nil
	}
	return nil, kopuro.Errorf(kopuro.EInvalid, "cli.collect.platform", "kopuro cannot collect %s", p).WithArg("Platform", string(p))
}

// parseSince reads --since: a date (YYYY-MM-DD or YYYY-MM), its start in UTC.
func parseSince(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := kopuro.ParseDate(s)
	if err != nil {
		return time.Time{}, kopuro.AsError(err).InField("since")
	}
	return d.Start(), nil
}
