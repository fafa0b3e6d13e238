package web

import (
	"net/http"
	"strings"

	"kopuro"
)

// apiClassify answers POST /api/v1/classify {"text": "…"} with the
// engine's coding of the text, the same object `kopuro classify` writes.
// It stores nothing, so it needs no login.
func (s *Server) apiClassify(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Text *string `json:"text"`
	}
	if err := decodeJSON(w, r, &req, maxJSONBody); err != nil {
		return err
	}
	if req.Text == nil || strings.TrimSpace(*req.Text) == "" {
		return kopuro.Errorf(kopuro.EInvalid, "error.required", "text is required").WithArg("Field", "text").InField("text")
	}
	return writeJSON(w, http.StatusOK, s.eng.Analyze(*req.Text))
}
