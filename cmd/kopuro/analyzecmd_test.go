package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestClassifyGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/classify.in")
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, nil, string(in), "classify")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden(t, "classify.golden", out)

	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d outputs for 6 non-empty inputs", len(lines))
	}
	keys := []string{"id", "lang", "category", "tm_area", "sdgs", "cta", "question", "story", "hashtags", "scores", "evidence"}
	for _, l := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if len(m) != len(keys) {
			t.Errorf("keys %v", m)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("missing %s in %s", k, l)
			}
		}
	}
	for i, want := range []string{`"id":1,`, `"id":"p-2",`, `"id":7,`, `"id":5,`} {
		if !strings.HasPrefix(lines[i], "{"+want) {
			t.Errorf("output %d: want id %s in %s", i, want, lines[i][:40])
		}
	}
}

func TestClassifyErrors(t *testing.T) {
	code, _, stderr := runCLI(t, nil, "ok text\n{\"text\": 5}\n", "classify")
	if code != 1 || !strings.Contains(stderr, "stdin:2") {
		t.Errorf("bad JSON line: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, nil, "{\"id\": 1}\n", "classify")
	if code != 1 || !strings.Contains(stderr, "text") {
		t.Errorf("missing text: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, nil, "x\n", "classify", "--codebook", "../../codebook/testdata/bad-syntax.json")
	if code != 1 || !strings.Contains(stderr, "bad-syntax.json:4") {
		t.Errorf("bad codebook: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, nil, "x\n", "classify", "--codebook", "../../codebook/testdata/bad-short-prefix.json")
	if code != 1 || !strings.Contains(stderr, `categories[0].terms.ru["ab*"]`) {
		t.Errorf("bad codebook term: exit %d, %q", code, stderr)
	}
}

func TestClassifyCustomCodebook(t *testing.T) {
	code, out, stderr := runCLI(t, nil, "goal3 goal3 termthir areacivi\n", "classify", "--codebook", "../../codebook/testdata/small.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"category":"third_mission","tm_area":"civic_volunteering","sdgs":[3]`) {
		t.Errorf("custom codebook not used: %s", out)
	}
}

func TestEval(t *testing.T) {
	code, out, stderr := runCLI(t, nil, "", "eval", "--gold", "testdata/gold.jsonl", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var m map[string]map[string]any
	var n struct {
		N int `json:"n"`
	}
	if err := json.Unmarshal([]byte(out), &n); err != nil || n.N != 6 {
		t.Fatalf("n: %v %s", err, out)
	}
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(out), &raw)
	delete(raw, "n")
	b, _ := json.Marshal(raw)
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"lang": {"accuracy", "macro_f1"}, "category": {"accuracy", "macro_f1"},
		"third_mission": {"precision", "recall", "f1"}, "tm_area": {"accuracy", "macro_f1"},
		"sdgs": {"precision", "recall", "micro_f1"}, "cta": {"f1"}, "question": {"f1"}, "story": {"f1"},
	}
	if len(m) != len(want) {
		t.Errorf("fields %v", m)
	}
	for k, fields := range want {
		if len(m[k]) != len(fields) {
			t.Errorf("%s: %v", k, m[k])
		}
		for _, f := range fields {
			if _, ok := m[k][f]; !ok {
				t.Errorf("%s.%s missing", k, f)
			}
		}
	}
	if m["lang"]["accuracy"] != 1.0 {
		t.Errorf("lang accuracy on our fixture: %v", m["lang"]["accuracy"])
	}

	code, out, _ = runCLI(t, nil, "", "eval", "--gold", "testdata/gold.jsonl")
	if code != 0 || !strings.Contains(out, "Confusion matrix for category") || !strings.Contains(out, "third_mission") {
		t.Errorf("text report: %s", out)
	}
	if code, _, stderr := runCLI(t, nil, "", "eval"); code != 1 || !strings.Contains(stderr, "--gold") {
		t.Errorf("no --gold: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, nil, "", "eval", "--gold", "testdata/classify.in"); code != 1 || !strings.Contains(stderr, "testdata/classify.in:1") {
		t.Errorf("bad gold file: %d %s", code, stderr)
	}
}

func TestCodebookCommand(t *testing.T) {
	code, out, _ := runCLI(t, nil, "", "codebook", "terms")
	if code != 0 || !strings.Contains(out, "\nволонт\n") || !strings.Contains(out, "#ТӨМ4\n") || strings.Contains(out, "*") {
		t.Errorf("terms: %d %.200s", code, out)
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if seen[l] || l == "" {
			t.Fatalf("duplicate or empty term %q", l)
		}
		seen[l] = true
	}
	code, out, _ = runCLI(t, nil, "", "codebook", "export")
	def, _ := os.ReadFile("../../codebook/default.json")
	if code != 0 || out != string(def) {
		t.Error("export differs from the embedded file")
	}
	code, out, _ = runCLI(t, nil, "", "codebook", "show")
	if code != 0 || !strings.Contains(out, "Third mission (third_mission)") || !strings.Contains(out, "#SDG4") {
		t.Errorf("show: %.300s", out)
	}
	code, out, _ = runCLI(t, nil, "", "codebook", "--codebook", "../../codebook/testdata/small.json", "show")
	if code != 0 || !strings.Contains(out, "version: t1") {
		t.Errorf("show custom: %.200s", out)
	}
	if code, _, _ := runCLI(t, nil, "", "codebook", "burn"); code != 1 {
		t.Errorf("unknown action: exit %d", code)
	}
}
