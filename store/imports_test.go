package store

import (
	"go/build"
	"strings"
	"testing"
)

// The dependency graph points inward: of the module's packages, the store
// depends on the domain (kopuro) only, never on a sibling service package
// such as plan or metrics. Tests may use more.
func TestStoreImportsOnlyTheDomain(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.HasPrefix(imp, "kopuro/") {
			t.Errorf("store imports %s; it may import only kopuro of this module", imp)
		}
	}
}
