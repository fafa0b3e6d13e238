package httpx

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"kopuro"
)

// Quota is the error that stops a collection cleanly when the platform's
// quota or rate limit is spent for longer than is worth waiting. It wraps
// a user-safe kopuro.Error that says when to retry.
type Quota struct {
	Platform kopuro.Platform
	RetryAt  time.Time
	err      *kopuro.Error
}

// NewQuota returns the quota error of platform p, retryable at retryAt.
func NewQuota(p kopuro.Platform, retryAt time.Time) *Quota {
	at := retryAt.UTC().Format("2006-01-02 15:04 UTC")
	e := kopuro.Errorf(kopuro.EUnavailable, "collect.quota",
		"the %s API quota is used up; collection stopped cleanly, try again after %s", p, at).
		WithArg("Platform", p.Name()).WithArg("RetryAt", at)
	return &Quota{Platform: p, RetryAt: retryAt.UTC(), err: e}
}

func (q *Quota) Error() string { return q.err.Error() }

// Unwrap exposes the user-safe error.
func (q *Quota) Unwrap() error { return q.err }

// QuotaRetryAt reports whether err is a quota stop, and when to retry.
func QuotaRetryAt(err error) (time.Time, bool) {
	var q *Quota
	if errors.As(err, &q) {
		return q.RetryAt, true
	}
	return time.Time{}, false
}

// StatusError is the user-safe error for an unsuccessful answer. page
// names what was asked ("youtube channel UC…", "instagram media page 2");
// message is the API's own explanation, if any, printed safely. The
// caller must have scrubbed message of credentials.
func StatusError(p kopuro.Platform, status int, page, message string) *kopuro.Error {
	code, key := kopuro.EUnavailable, "collect.unavailable"
	switch {
	case status == http.StatusUnauthorized:
		code, key = kopuro.EUnauthorized, "collect.unauthorized"
	case status == http.StatusForbidden:
		code, key = kopuro.EForbidden, "collect.forbidden"
	case status == http.StatusNotFound:
		code, key = kopuro.ENotFound, "collect.not_found"
	case status >= 400 && status < 500 && status != http.StatusTooManyRequests:
		code, key = kopuro.EInvalid, "collect.rejected"
	}
	msg := fmt.Sprintf("%s answered %d %s for %s", p, status, http.StatusText(status), page)
	if message = Printable(message, 200); message != "" {
		msg += ": " + message
	} else {
		message = http.StatusText(status) // the catalogue messages end with it
	}
	return kopuro.Errorf(code, key, "%s", msg).
		WithArg("Platform", p.Name()).WithArg("Status", status).WithArg("Page", page).WithArg("Message", message)
}

// Malformed is the user-safe error for an answer that cannot be read: it
// names the page and, when known, the field.
func Malformed(p kopuro.Platform, page, field, detail string) *kopuro.Error {
	e := kopuro.Errorf(kopuro.EInvalid, "collect.malformed", "%s: %s: unreadable answer: %s", p, page, detail).
		WithArg("Platform", p.Name()).WithArg("Page", page).WithArg("Detail", detail)
	if field != "" {
		e = e.InField(field)
	}
	return e
}

// DecodeError turns an encoding/json error in err's chain into Malformed,
// naming the field when the decoder knows it; it returns nil when err is
// not a JSON decoding error.
func DecodeError(p kopuro.Platform, page string, err error) *kopuro.Error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return Malformed(p, page, te.Field, fmt.Sprintf("%s where %s was expected", te.Value, te.Type))
	case errors.As(err, &se):
		return Malformed(p, page, "", fmt.Sprintf("not JSON at byte %d", se.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return Malformed(p, page, "", "the answer ends too early")
	case strings.HasPrefix(err.Error(), "json: "):
		// encoding/json reports some mismatches (",string" fields given
		// a number) only as text.
		return Malformed(p, page, "", Printable(strings.TrimPrefix(err.Error(), "json: "), 200))
	}
	return nil
}

// Clean returns err free of credentials. A kopuro.Error, a Quota or a
// context error in its chain is returned as it is (they never hold
// credentials); a url.Error is rebuilt with its URL redacted; anything else
// is scrubbed of the given secrets.
func Clean(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	var q *Quota
	if errors.As(err, &q) {
		return q
	}
	if ke := kopuro.AsError(err); ke != nil {
		return ke
	}
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return context.DeadlineExceeded
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return &cleanError{msg: Scrub(fmt.Sprintf("%s %s: %v", ue.Op, RedactURLString(ue.URL), ue.Err), secrets...)}
	}
	return &cleanError{msg: Scrub(err.Error(), secrets...)}
}

// cleanError is an error whose text has been freed of credentials; it
// deliberately wraps nothing, so no credential can be reached through it.
type cleanError struct{ msg string }

func (e *cleanError) Error() string { return e.msg }

// BadTarget is the user-safe error for an account name that cannot be
// asked for. The name is untrusted input: it is shown only through
// Printable, so that control characters and bidi overrides cannot reach a
// terminal or a log, and a long one is cut.
func BadTarget(p kopuro.Platform, handle string) *kopuro.Error {
	name := p.Name()
	v := Printable(handle, 60)
	return kopuro.Errorf(kopuro.EInvalid, "collect.bad_target", "%q is not a valid %s account identifier", v, name).
		WithArg("Platform", name).WithArg("Value", v)
}
