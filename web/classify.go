package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"kopuro"
)

// maxClassifyBody bounds a classify request: a post is kilobytes.
const maxClassifyBody = 1 << 20

// apiClassify answers POST /api/v1/classify {"text": "…"} with the
// engine's coding of the text, the same object `kopuro classify` writes.
// It stores nothing, so it needs no login.
func (s *Server) apiClassify(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Text *string `json:"text"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxClassifyBody))
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return kopuro.Errorf(kopuro.EInvalid, "error.body_too_large", "the request body is larger than %d bytes", maxClassifyBody).WithArg("Max", maxClassifyBody)
		}
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return kopuro.Errorf(kopuro.EInvalid, "error.json_body", "the request body is not the expected JSON: %v", err).WithArg("Detail", err.Error())
	}
	if req.Text == nil || strings.TrimSpace(*req.Text) == "" {
		return kopuro.Errorf(kopuro.EInvalid, "error.required", "text is required").WithArg("Field", "text").InField("text")
	}
	return writeJSON(w, http.StatusOK, s.eng.Analyze(*req.Text))
}
