// Package reporoot finds the repository root from a test's directory, so
// that tests can read docs/ and the shared folder beside the repository
// (../shared relative to the root).
package reporoot

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find walks up from the working directory to the folder holding go.mod.
func Find() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("reporoot: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// For is Find for tests: it fails the test when the root is not found.
func For(tb testing.TB) string {
	tb.Helper()
	root, err := Find()
	if err != nil {
		tb.Fatal(err)
	}
	return root
}
