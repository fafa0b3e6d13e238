package httpx

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"

	"kopuro"
)

// maxPage bounds one API answer: far above any real page, low enough that a
// hostile server cannot exhaust memory.
const maxPage = 32 << 20

// API sends requests of one platform and decodes JSON answers. Secrets,
// fixed when the API is made, are scrubbed from every error; a secret
// learnt later (an access token) is added with Rotate. ErrorMessage
// extracts the API's own explanation from an error body (default: the
// common {"error":{"message":…}} and {"message":…} shapes). An API is
// safe for concurrent use.
type API struct {
	Client       *http.Client
	Platform     kopuro.Platform
	Secrets      []string
	ErrorMessage func(body []byte) string
	// Status, when set, may replace the status an error is reported
	// with: the Graph API answers 400 for an expired token, which the user
	// should see as "credentials rejected".
	Status func(status int, body []byte) int

	mu       sync.Mutex
	rotating [2]string // the newest short-lived secret and the one before it
}

// Rotate adds a short-lived secret, such as a fresh access token, to those
// scrubbed from errors. Only it and the one it replaces are kept: a
// request sent with the previous token may still be answered, and the
// list does not grow with every refresh.
func (a *API) Rotate(secret string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if secret != a.rotating[0] {
		a.rotating[0], a.rotating[1] = secret, a.rotating[0]
	}
}

// secrets is every secret to scrub now, a copy safe to read while
// another goroutine rotates.
func (a *API) secrets() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append(slices.Clip(a.Secrets), a.rotating[0], a.rotating[1])
}

// Scrub removes every secret of a from s.
func (a *API) Scrub(s string) string { return Scrub(s, a.secrets()...) }

// Do sends req and decodes a successful JSON answer into v. page names the
// request in errors. Every error is free of credentials.
func (a *API) Do(req *http.Request, page string, v any) error {
	resp, err := a.Client.Do(req)
	if err != nil {
		return Clean(err, a.secrets()...)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, peekLimit))
		status := resp.StatusCode
		if a.Status != nil {
			status = a.Status(status, body)
		}
		return StatusError(a.Platform, status, page, a.Scrub(a.message(body)))
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxPage)).Decode(v); err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return ctxErr
		}
		if de := DecodeError(a.Platform, page, err); de != nil {
			return de
		}
		return Malformed(a.Platform, page, "", Printable(err.Error(), 200))
	}
	return nil
}

// Get is Do for a GET of u.
func (a *API) Get(ctx context.Context, u, page string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Malformed(a.Platform, page, "", "bad request address")
	}
	return a.Do(req, page, v)
}

// PostJSON is Do for a POST of body as JSON to u, with header's fields
// (an Authorization, say) added to the request's; header may be nil.
func (a *API) PostJSON(ctx context.Context, u, page string, header http.Header, body, v any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(string(b)))
	if err != nil {
		return Malformed(a.Platform, page, "", "bad request address")
	}
	for k, vs := range header {
		for _, s := range vs {
			req.Header.Add(k, s)
		}
	}
	req.Header.Set("Content-Type", "application/json")
	return a.Do(req, page, v)
}

func (a *API) message(body []byte) string {
	if a.ErrorMessage != nil {
		return a.ErrorMessage(body)
	}
	return ErrorMessage(body)
}

// ErrorMessage finds an explanation in a JSON error body:
// {"error":{"message":…}}, {"error":"…","error_description":…} or
// {"message":…}. It returns "" for anything else.
func ErrorMessage(body []byte) string {
	var e struct {
		Error       json.RawMessage `json:"error"`
		Description string          `json:"error_description"`
		Message     string          `json:"message"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var nested struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(e.Error, &nested) == nil && nested.Message != "" {
		return nested.Message
	}
	var s string
	if json.Unmarshal(e.Error, &s) == nil && s != "" {
		if e.Description != "" {
			return s + ": " + e.Description
		}
		return s
	}
	return e.Message
}

// GetBody fetches u and returns its body (at most limit bytes; more is an
// error, so that a hostile server cannot exhaust memory). For pages that
// are not JSON, such as HTML.
func (a *API) GetBody(ctx context.Context, u, page string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, Malformed(a.Platform, page, "", "bad request address")
	}
	resp, err := a.Client.Do(req)
	if err != nil {
		return nil, Clean(err, a.secrets()...)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return nil, StatusError(a.Platform, resp.StatusCode, page, "")
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, Clean(err, a.secrets()...)
	}
	if int64(len(b)) > limit {
		return nil, Malformed(a.Platform, page, "", fmt.Sprintf("the page is larger than %d bytes", limit))
	}
	return b, nil
}
