package httpx

import (
	"net/url"
	"strings"
	"unicode"
)

// Redacted replaces a credential wherever one would otherwise be shown.
const Redacted = "REDACTED"

// sensitiveParams are query parameters that carry credentials in the APIs
// Kopuro talks to (YouTube's key, Graph API's access_token and
// appsecret_proof, OAuth client secrets). Compared in lower case.
var sensitiveParams = map[string]bool{
	"key": true, "api_key": true, "apikey": true, "access_token": true, "token": true,
	"client_secret": true, "appsecret_proof": true, "password": true, "signature": true, "sig": true,
	"refresh_token": true, "code": true,
}

// RedactURL returns u as text with credentials replaced: the values of
// sensitive query parameters and any user:password part.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		q, err := url.ParseQuery(c.RawQuery)
		if err != nil {
			// A query we cannot parse may hide anything: drop it whole.
			c.RawQuery = Redacted
		} else {
			for k := range q {
				if sensitiveParams[strings.ToLower(k)] {
					q[k] = []string{Redacted}
				}
			}
			c.RawQuery = q.Encode()
		}
	}
	return c.String()
}

// RedactURLString is RedactURL for a URL given as text; text that does not
// parse is replaced whole.
func RedactURLString(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return Redacted
	}
	return RedactURL(u)
}

// Scrub returns s with every secret (and its URL-encoded form) replaced.
// Secrets shorter than four bytes are ignored: replacing "a" everywhere
// would destroy the message and protect nothing.
func Scrub(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) < 4 {
			continue
		}
		s = strings.ReplaceAll(s, sec, Redacted)
		if esc := url.QueryEscape(sec); esc != sec {
			s = strings.ReplaceAll(s, esc, Redacted)
		}
		if esc := url.PathEscape(sec); esc != sec {
			s = strings.ReplaceAll(s, esc, Redacted)
		}
	}
	return s
}

// Printable makes text from a remote server safe to print on a terminal or
// in a log line: control characters (escape sequences, C1) and bidi
// controls (which can make a line read backwards) become spaces and the
// text is cut to max runes.
func Printable(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == unicode.ReplacementChar {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}
