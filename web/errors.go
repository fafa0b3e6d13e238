package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"kopuro"
)

// statusOf maps error codes to HTTP statuses.
var statusOf = map[string]int{
	kopuro.EInvalid:      http.StatusBadRequest,
	kopuro.ENotFound:     http.StatusNotFound,
	kopuro.EConflict:     http.StatusConflict,
	kopuro.EUnauthorized: http.StatusUnauthorized,
	kopuro.EForbidden:    http.StatusForbidden,
	kopuro.ERateLimited:  http.StatusTooManyRequests,
	kopuro.EUnavailable:  http.StatusServiceUnavailable,
	kopuro.EInternal:     http.StatusInternalServerError,
}

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code      string `json:"code"`
		Message   string `json:"message"`
		Field     string `json:"field,omitempty"`
		RequestID string `json:"request_id"`
	} `json:"error"`
}

// renderError is the one place an error becomes a response. User-safe
// errors are shown translated; anything else is logged with the request id
// and shown as "internal error" with that id, never its text.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	id := requestID(r)
	status, code, msg, field := s.describe(r, s.lang(w, r), err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if code == kopuro.EUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kopuro"`)
		}
		var body apiError
		body.Error.Code, body.Error.Message, body.Error.Field, body.Error.RequestID = code, msg, field, id
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(body)
		return
	}
	p := s.newPage(w, r, "error.title")
	p.Data = struct {
		Status  int
		Message string
	}{status, msg}
	if rerr := s.renderStatus(w, status, "error", p); rerr != nil {
		s.log.Error("rendering error page", "id", id, "err", rerr)
		http.Error(w, msg, status)
	}
}

// describe turns an error into what a user may see: the HTTP status, the
// error code, the message in lang and the offending field. Anything but a
// user-safe error is logged here and becomes "internal error" with the
// request id. Forms that show errors beside their fields use it too.
func (s *Server) describe(r *http.Request, lang string, err error) (status int, code, msg, field string) {
	code = kopuro.ErrorCode(err)
	if e := kopuro.AsError(err); e != nil && code != kopuro.EInternal {
		msg, field = s.cat.TMap(lang, e.Key, e.Args), e.Field
		if strings.HasPrefix(msg, "!") {
			msg = e.Message
		}
	} else {
		id := requestID(r)
		code = kopuro.EInternal
		s.log.Error("request failed", "id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		msg = s.cat.T(lang, "error.internal", "RequestID", id)
	}
	return statusOf[code], code, msg, field
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return kopuro.Errorf(kopuro.ENotFound, "error.page_not_found", "no page at %s", r.URL.Path)
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(v)
}
