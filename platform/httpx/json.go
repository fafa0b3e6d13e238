package httpx

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"kopuro"
)

// maxPage bounds one API answer: far above any real page, low enough that a
// hostile server cannot exhaust memory.
const maxPage = 32 << 20

// API sends requests of one platform and decodes JSON answers. ErrorMessage
// extracts the API's own explanation from an error body (default: the
// common {"error":{"message":…}} and {"message":…} shapes).
type API struct {
	Client       *http.Client
	Platform     kopuro.Platform
	Secrets      []string
	ErrorMessage func(body []byte) string
	// Status, when set, may replace the status an error is reported
	// with: the Graph API answers 400 for an expired token, which the user
	// should see as "credentials rejected".
	Status func(status int, body []byte) int
}

// Do sends req and decodes a successful JSON answer into v. page names the
// request in errors. Every error is free of credentials.
func (a *API) Do(req *http.Request, page string, v any) error {
	resp, err := a.Client.Do(req)
	if err != nil {
		return Clean(err, a.Secrets...)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, peekLimit))
		status := resp.StatusCode
		if a.Status != nil {
			status = a.Status(status, body)
		}
		return StatusError(a.Platform, status, page, Scrub(a.message(body), a.Secrets...))
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

// PostJSON is Do for a POST of body as JSON to u.
func (a *API) PostJSON(ctx context.Context, u, page string, body, v any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(string(b)))
	if err != nil {
		return Malformed(a.Platform, page, "", "bad request address")
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
		return nil, Clean(err, a.Secrets...)
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
		return nil, Clean(err, a.Secrets...)
	}
	if int64(len(b)) > limit {
		return nil, Malformed(a.Platform, page, "", fmt.Sprintf("the page is larger than %d bytes", limit))
	}
	return b, nil
}
