package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"kopuro"
)

// maxJSONBody bounds what a JSON API request may send: a post is
// kilobytes.
const maxJSONBody = 1 << 20

// decodeJSON reads one JSON object of at most limit bytes into v. Unknown
// fields are refused (a misspelt field is an error, not a silent default),
// and so is anything after the object.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("data after the JSON object")
	}
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return kopuro.Errorf(kopuro.EInvalid, "error.body_too_large", "the request body is larger than %d bytes", limit).WithArg("Max", limit)
	case errors.Is(err, io.EOF):
		err = io.ErrUnexpectedEOF
	}
	return kopuro.Errorf(kopuro.EInvalid, "error.json_body", "the request body is not the expected JSON: %v", err).WithArg("Detail", err.Error())
}
