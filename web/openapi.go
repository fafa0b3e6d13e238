package web

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3 description of the JSON API. A test checks it
// against the routes the server registers, both ways.
//
//go:embed openapi.json
var openAPI []byte

// apiOpenAPI answers GET /api/v1/openapi.json.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPI)
	return err
}
