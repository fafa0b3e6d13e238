package kopuro

import (
	"errors"
	"fmt"
)

// Error codes. They are stable identifiers, safe to show to users and to
// match on in clients; the HTTP layer maps them to status codes.
const (
	EInvalid      = "invalid"      // the input is malformed or violates a rule
	ENotFound     = "not_found"    // the thing asked for does not exist
	EConflict     = "conflict"     // the change clashes with stored state
	EUnauthorized = "unauthorized" // no valid session or token
	EForbidden    = "forbidden"    // authenticated, but not allowed
	ERateLimited  = "rate_limited" // too many attempts: wait and retry
	EUnavailable  = "unavailable"  // a needed component or remote service is missing
	EInternal     = "internal"     // anything else: never shown in detail
)

// Error is the one error type whose contents are safe to show to a user.
// Key names a message in the i18n catalogues; Args fill its placeholders;
// Message is the English rendering, used in logs and as a fallback.
// File, Line and Field locate bad input when they are known.
type Error struct {
	Code    string
	Key     string
	Args    map[string]any
	Message string
	File    string
	Line    int
	Field   string
}

// Error implements error with the location first, as compilers do:
// "posts.csv:12: field published: ...".
func (e *Error) Error() string {
	loc := ""
	switch {
	case e.File != "" && e.Line > 0:
		loc = fmt.Sprintf("%s:%d: ", e.File, e.Line)
	case e.File != "":
		loc = e.File + ": "
	case e.Line > 0:
		loc = fmt.Sprintf("line %d: ", e.Line)
	}
	if e.Field != "" {
		loc += "field " + e.Field + ": "
	}
	return loc + e.Message
}

// Errorf returns a user-safe error with a catalogue key. The English message
// is built from format and args; Args for the catalogue come from kv pairs
// given through WithArg.
func Errorf(code, key, format string, args ...any) *Error {
	return &Error{Code: code, Key: key, Message: fmt.Sprintf(format, args...)}
}

// WithArg sets a template argument for the catalogue message and returns e.
func (e *Error) WithArg(name string, v any) *Error {
	if e.Args == nil {
		e.Args = map[string]any{}
	}
	e.Args[name] = v
	return e
}

// InField returns a copy of e that names the offending field.
func (e *Error) InField(field string) *Error {
	c := *e
	c.Field = field
	return &c
}

// At returns a copy of e located at file and line.
func (e *Error) At(file string, line int) *Error {
	c := *e
	c.File, c.Line = file, line
	return &c
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// AsError returns the first *Error in err's chain, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// invalid is the common shape of a validation failure.
func invalid(field, key, format string, args ...any) *Error {
	return Errorf(EInvalid, key, format, args...).InField(field)
}
