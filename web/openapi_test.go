package web

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// TestOpenAPIDescribesEveryRoute compares the OpenAPI document with the
// /api/ routes the server registers: every route must be described, and
// every described operation must exist.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/openapi.json")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	described := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			described[strings.ToUpper(m)+" "+p] = true
		}
	}
	registered := map[string]bool{}
	for _, p := range s.patterns {
		if _, path, _ := strings.Cut(p, " "); strings.HasPrefix(path, "/api/") {
			registered[p] = true
		}
	}
	if len(registered) < 10 {
		t.Fatalf("only %d API routes registered: %v", len(registered), s.patterns)
	}
	var undescribed, unknown []string
	for r := range registered {
		if !described[r] {
			undescribed = append(undescribed, r)
		}
	}
	for d := range described {
		if !registered[d] {
			unknown = append(unknown, d)
		}
	}
	sort.Strings(undescribed)
	sort.Strings(unknown)
	if len(undescribed) > 0 {
		t.Errorf("routes missing from web/openapi.json: %v", undescribed)
	}
	if len(unknown) > 0 {
		t.Errorf("web/openapi.json describes routes the server does not have: %v", unknown)
	}
}

// TestOpenAPIReferencesResolve makes sure every $ref points at a
// component the document defines.
func TestOpenAPIReferencesResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				if k == "$ref" {
					ref, _ := y.(string)
					parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
					var cur any = doc
					for _, p := range parts {
						m, _ := cur.(map[string]any)
						cur = m[p]
					}
					if cur == nil {
						t.Errorf("unresolved $ref %q", ref)
					}
				}
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(doc)
}
