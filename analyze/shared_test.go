package analyze

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedFile returns the path of a file in ../shared beside the repository
// root (CI clones the repository with shared/ next to it). A missing file
// skips the test locally and fails it when CI=true.
func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared file missing in CI: %v", err)
		}
		t.Skipf("shared file missing: %v", err)
	}
	return p
}
