package tiktok

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform/httpx"
)

// accessToken returns a client-credentials token, fetching a new one when
// none is held or the held one expires within a minute. The token joins
// the secrets scrubbed from errors as soon as it is known.
func (c *Collector) accessToken(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.now().Before(c.expires.Add(-time.Minute)) {
		return c.token, nil
	}
	form := url.Values{
		"client_key":    {c.cfg.ClientKey},
		"client_secret": {c.cfg.ClientSecret},
		"grant_type":    {"client_credentials"},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/v2/oauth/token/", strings.NewReader(form.Encode()))
	if err != nil {
		return "", httpx.Malformed(kopuro.TikTok, "access token", "", "bad request address")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
		TokenType   string `json:"token_type"`
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if err := c.api.Do(req, "access token", &tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		// TikTok answers a refused client with 200 and an error field.
		return "", httpx.StatusError(kopuro.TikTok, http.StatusUnauthorized, "access token",
			c.api.Scrub(strings.TrimSpace(tok.Error+" "+tok.Description)))
	}
	c.token = tok.AccessToken
	c.expires = c.now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	c.api.Rotate(tok.AccessToken)
	return c.token, nil
}
