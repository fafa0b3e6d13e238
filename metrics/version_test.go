package metrics

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
)

// definitionsPin is the fingerprint of the definitions that Version
// names. When a definition changes, bump Version and paste the new
// fingerprint here, in the same commit.
const definitionsPin = "f8205c171e752078"

// definitionsFingerprint hashes everything Version stands for.
func definitionsFingerprint(t *testing.T) string {
	t.Helper()
	reg, err := json.Marshal(Registry)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write(reg)
	h.Write(defaultIndex)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func TestVersionPinsDefinitions(t *testing.T) {
	if got := definitionsFingerprint(t); got != definitionsPin {
		t.Errorf("the metric definitions changed (fingerprint %s, pinned %s): bump metrics.Version (now %s) and set definitionsPin to %q",
			got, definitionsPin, Version, got)
	}
}
