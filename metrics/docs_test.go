package metrics

import (
	"flag"
	"fmt"
	"kopuro/internal/reporoot"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and the generated part of docs/metrics.md")

func registryTable() string {
	var b strings.Builder
	b.WriteString("| id | v | unit | formula | numerator | denominator | aggregation | better |\n|---|---|---|---|---|---|---|---|\n")
	cell := func(s string) string {
		if s == "" {
			return "—"
		}
		return strings.ReplaceAll(s, "|", "\\|")
	}
	for _, d := range Registry {
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %s | %s | %s | %s |\n", d.ID, d.Version, d.Unit, cell(d.Formula), cell(d.Numerator), cell(d.Denominator), cell(d.Aggregation), cell(d.Better))
	}
	return b.String()
}

// The page for people and the registry in code say the same thing.
func TestDocs(t *testing.T) {
	path := filepath.Join(reporoot.For(t), "docs", "metrics.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- registry:begin -->\n", "<!-- registry:end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no registry markers", path)
	}
	want := s[:i+len(begin)] + registryTable() + s[j:]
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Errorf("docs/metrics.md is out of step with metrics.Registry; run go test ./metrics -run TestDocs -update")
	}
	seen := map[string]bool{}
	for _, d := range Registry {
		if seen[d.ID] || d.Version < 1 || d.Formula == "" || d.Aggregation == "" {
			t.Errorf("metric %s: duplicate, or without version, formula or aggregation", d.ID)
		}
		seen[d.ID] = true
	}
}
