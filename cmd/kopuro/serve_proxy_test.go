package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A --trusted-proxy that is no address stops serve before it listens,
// with the translated message.
func TestServeRefusesBadTrustedProxy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	code, _, errs := runCLI(t, map[string]string{"KOPURO_LANG": "en"}, "", "serve", "--db", db, "--addr", "127.0.0.1:0", "--trusted-proxy", "10.0.0.1", "--trusted-proxy", "proxy.example")
	if code != 1 || !strings.Contains(errs, "proxy.example") || !strings.Contains(errs, "neither an IP address nor a network") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
