// Package httpx is the HTTP layer every platform collector shares: it
// spaces requests, retries 429 and 5xx answers with exponential backoff and
// jitter, honours Retry-After, stops cleanly when a quota is spent, and
// keeps credentials out of errors and logs.
package httpx

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"kopuro"
)

// Action is what the transport does with an unsuccessful answer.
type Action int

// Actions of a Verdict.
const (
	Pass  Action = iota // give the answer to the caller
	Retry               // wait and ask again
	Stop                // the quota is spent: stop with a Quota error
)

// Verdict is a classifier's decision on an unsuccessful answer. RetryAt,
// for Stop, is when the quota comes back (zero: the transport guesses).
type Verdict struct {
	Action  Action
	RetryAt time.Time
}

// Classifier decides what an unsuccessful answer (status >= 400) means.
// body is at most the first 64 KiB of the answer.
type Classifier func(resp *http.Response, body []byte, now time.Time) Verdict

// DefaultClassify retries 429 and the 5xx statuses that mean "try later".
func DefaultClassify(resp *http.Response, _ []byte, _ time.Time) Verdict {
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return Verdict{Action: Retry}
	}
	return Verdict{Action: Pass}
}

// Transport is an http.RoundTripper with Kopuro's retry, rate and quota
// policy. Header holds credentials added to every request; they are never
// logged. The zero value of every field has a sensible default.
type Transport struct {
	Base     http.RoundTripper // default http.DefaultTransport
	Platform kopuro.Platform
	Header   http.Header
	Limiter  *Limiter
	Classify Classifier // default DefaultClassify
	// MaxRetries is how many times one request is retried (default 4).
	MaxRetries int
	// BaseDelay and MaxDelay bound the exponential backoff (defaults 1s, 1m).
	BaseDelay, MaxDelay time.Duration
	// MaxWait is the longest Retry-After worth waiting for; a longer one
	// stops the collection with a Quota error (default 5m).
	MaxWait time.Duration
	// QuotaReset guesses when a quota spent without a Retry-After comes
	// back (default: in an hour).
	QuotaReset func(now time.Time) time.Time
	Clock      Clock
	Logger     *slog.Logger // nil: no logging
	// Secrets are scrubbed from network errors (Header values always are).
	Secrets []string
}

// Client returns an http.Client that sends through t. Its timeout covers
// one logical request with all its retries and waits (which may take
// minutes when a server asks for them), so that a server that stops
// sending mid-answer cannot hang a scheduled collection forever.
func (t *Transport) Client() *http.Client {
	return &http.Client{Transport: t, Timeout: 2*t.maxWait() + 10*time.Minute}
}

// DefaultBase is the base transport when none is given: the standard one
// with a bound on how long a server may take to start answering.
var DefaultBase http.RoundTripper = func() http.RoundTripper {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ResponseHeaderTimeout = time.Minute
	return tr
}()

const peekLimit = 64 << 10

// RoundTrip sends req, retrying as the policy says. A request with a body
// is retried only when it can be replayed (req.GetBody is set, as
// http.NewRequest does for in-memory bodies).
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	clock := t.Clock.orReal()
	base := t.Base
	if base == nil {
		base = DefaultBase
	}
	classify := t.Classify
	if classify == nil {
		classify = DefaultClassify
	}
	maxRetries := t.MaxRetries
	if maxRetries == 0 {
		maxRetries = 4
	}
	for attempt := 0; ; attempt++ {
		if err := t.Limiter.Wait(ctx, clock); err != nil {
			return nil, err
		}
		r, err := t.prepare(req, attempt)
		if err != nil {
			return nil, err
		}
		resp, err := base.RoundTrip(r)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if attempt >= maxRetries || (req.Body != nil && req.GetBody == nil) {
				return nil, Clean(err, t.secrets()...)
			}
			if err := t.wait(ctx, clock, req, attempt, 0, "network error"); err != nil {
				return nil, err
			}
			continue
		}
		if resp.StatusCode < 400 {
			return resp, nil
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, peekLimit))
		resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(body))
		now := clock.Now()
		v := classify(resp, body, now)
		after, hasAfter := RetryAfter(resp.Header, now)
		switch v.Action {
		case Pass:
			return resp, nil
		case Stop:
			at := v.RetryAt
			if at.IsZero() && hasAfter {
				at = now.Add(after)
			}
			return nil, NewQuota(t.Platform, t.resetAt(at, now))
		}
		if hasAfter && after > t.maxWait() {
			return nil, NewQuota(t.Platform, now.Add(after))
		}
		if attempt >= maxRetries || (req.Body != nil && req.GetBody == nil) {
			if resp.StatusCode == http.StatusTooManyRequests {
				// Still refused after every retry: the limit is not a
				// burst but a spent allowance.
				at := time.Time{}
				if hasAfter {
					at = now.Add(after)
				}
				return nil, NewQuota(t.Platform, t.resetAt(at, now))
			}
			return resp, nil
		}
		if err := t.wait(ctx, clock, req, attempt, after, strconv.Itoa(resp.StatusCode)); err != nil {
			return nil, err
		}
	}
}

// prepare clones req for one attempt, with a fresh body and credentials.
func (t *Transport) prepare(req *http.Request, attempt int) (*http.Request, error) {
	r := req.Clone(req.Context())
	if attempt > 0 && req.Body != nil && req.GetBody != nil {
		b, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = b
	}
	for k, vs := range t.Header {
		r.Header[k] = vs
	}
	return r, nil
}

// wait sleeps before retry attempt+1: the server's Retry-After when given,
// else exponential backoff with jitter (a random point in the upper half of
// the step, so that many clients do not retry in step).
func (t *Transport) wait(ctx context.Context, clock Clock, req *http.Request, attempt int, after time.Duration, why string) error {
	d := after
	if d <= 0 {
		d = Backoff(attempt, t.baseDelay(), t.maxDelay(), clock.Rand())
	}
	if t.Logger != nil {
		t.Logger.LogAttrs(ctx, slog.LevelWarn, "retrying request",
			slog.String("platform", string(t.Platform)), slog.String("url", RedactURL(req.URL)),
			slog.String("reason", why), slog.Int("attempt", attempt+1), slog.Duration("wait", d))
	}
	return clock.Sleep(ctx, d)
}

// Backoff is the wait before retry attempt+1: base·2^attempt capped at max,
// jittered to a point in its upper half by r in [0,1).
func Backoff(attempt int, base, max time.Duration, r float64) time.Duration {
	d := base
	for i := 0; i < attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	return d/2 + time.Duration(r*float64(d/2))
}

// RetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		d := at.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func (t *Transport) resetAt(at, now time.Time) time.Time {
	if !at.IsZero() {
		return at
	}
	if t.QuotaReset != nil {
		return t.QuotaReset(now)
	}
	return now.Add(time.Hour)
}

func (t *Transport) secrets() []string {
	s := append([]string(nil), t.Secrets...)
	for _, vs := range t.Header {
		s = append(s, vs...)
	}
	return s
}

func (t *Transport) baseDelay() time.Duration {
	if t.BaseDelay > 0 {
		return t.BaseDelay
	}
	return time.Second
}

func (t *Transport) maxDelay() time.Duration {
	if t.MaxDelay > 0 {
		return t.MaxDelay
	}
	return time.Minute
}

func (t *Transport) maxWait() time.Duration {
	if t.MaxWait > 0 {
		return t.MaxWait
	}
	return 5 * time.Minute
}
