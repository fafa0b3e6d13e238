package store

import "testing"

// The stream's select must really leave out the JSON columns (a change
// to codingColumns would silently undo it).
func TestStreamSelectSkipsJSON(t *testing.T) {
	if streamSelect == postSelect {
		t.Fatal("streamSelect still reads the codings' scores and evidence")
	}
}
