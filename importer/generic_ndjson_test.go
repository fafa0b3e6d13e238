package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// recordCases are lines the fast NDJSON path must read as decodeMap does.
var recordCases = []string{
	`{"kind":"post","platform":"instagram","external_id":"a1","likes":12,"text":"Салам #тест","hashtags":["a","b"]}`,
	`{"kind":"post","kind":"comment"}`,
	`{"kind":5,"code":"x"}`,
	`{ "kind" : "institution" , "code" : "a\"b\\c\u00e9", "students": 1.5e3, "name_ky": null, "type": true }`,
	`{"kind":"post","text":"bad \xff utf8","nested":{"b":[1,{"c":null}],"a":"x"},"mentions":[["x",1],true,null]}`,
	`{"k\u0069nd":"post"}`,
	`{}`,
	`{"kind":"post"} trailing`,
	`{"kind":"post",}`,
	`["kind","post"]`,
	`null`,
	`"kind"`,
	`{"kind":"post","likes":-0.5E-2,"views":"1,200"}`,
}

// names are the fields compared: every field of every kind, and more.
func names() []string {
	out := []string{"kind", "nested", "k\u0069nd", "missing"}
	for _, cols := range kindColumns {
		out = append(out, cols...)
	}
	return out
}

// checkRecord fails t when the fast path and decodeMap disagree on line.
func checkRecord(t *testing.T, line []byte) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return
	}
	var r jsonRecord
	kind, f, err := r.decode(line)
	wantKind, wantF, wantErr := decodeMap(line)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("%q: error %v, want %v", line, err, wantErr)
	}
	if err != nil {
		return
	}
	if kind != wantKind {
		t.Fatalf("%q: kind %q, want %q", line, kind, wantKind)
	}
	for _, n := range names() {
		if got, want := f(n), wantF(n); got != want {
			t.Fatalf("%q: field %s = %q, want %q", line, n, got, want)
		}
	}
}

func TestRecordMatchesMap(t *testing.T) {
	for _, c := range recordCases {
		checkRecord(t, []byte(c))
	}
}

func FuzzRecord(f *testing.F) {
	for _, c := range recordCases {
		f.Add([]byte(c))
	}
	files, _ := filepath.Glob("testdata/generic/*.ndjson")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		for _, line := range bytes.Split(b, []byte("\n")) {
			f.Add(line)
		}
	}
	f.Fuzz(func(t *testing.T, line []byte) { checkRecord(t, line) })
}
