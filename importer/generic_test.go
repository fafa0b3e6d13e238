package importer

import (
	"bytes"
	"context"
	"encoding/json"
	goldenfile "kopuro/internal/golden"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

// golden compares got with the file testdata/<name>, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) { goldenfile.Check(t, name, got, *update) }

// outcome is what a golden file records of one import.
type outcome struct {
	Format string         `json:"format"`
	Error  string         `json:"error,omitempty"`
	Errors []string       `json:"errors,omitempty"`
	Counts map[string]int `json:"counts,omitempty"`
	Items  *listSink      `json:"items,omitempty"`
}

func runFile(t *testing.T, path string, opts Options) outcome {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sink := &listSink{}
	rep, err := Run(context.Background(), f, filepath.Base(path), opts, sink)
	o := outcome{Format: rep.Format, Counts: rep.Items}
	if err != nil {
		o.Error = err.Error()
	} else {
		o.Items = sink
	}
	for _, e := range rep.Errors {
		o.Errors = append(o.Errors, e.Error())
	}
	return o
}

func TestGenericFormatsGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/generic/*.*")
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".golden.json") {
			continue
		}
		n++
		for _, partial := range []bool{false, true} {
			mode := "strict"
			if partial {
				mode = "partial"
			}
			t.Run(filepath.Base(path)+"/"+mode, func(t *testing.T) {
				o := runFile(t, path, Options{Partial: partial})
				b, _ := json.MarshalIndent(o, "", "  ")
				golden(t, "generic/"+filepath.Base(path)+"."+mode+".golden.json", append(b, '\n'))
			})
		}
	}
	if n < 8 {
		t.Fatalf("only %d fixtures found", n)
	}
}

// A strict import of a file with one bad line must fail as a whole, naming
// file, line and field; a partial one keeps the good lines.
func TestStrictAndPartial(t *testing.T) {
	o := runFile(t, "testdata/generic/bad-count.csv", Options{})
	if o.Error != `bad-count.csv:3: field likes: "many" is not a whole number` {
		t.Errorf("strict error = %q", o.Error)
	}
	o = runFile(t, "testdata/generic/bad-count.csv", Options{Partial: true})
	if o.Error != "" || len(o.Items.Posts) != 2 || len(o.Errors) != 1 {
		t.Errorf("partial = %+v", o)
	}
}

func TestDetectGeneric(t *testing.T) {
	tests := map[string]string{
		"institutions.csv": "kopuro-csv",
		"mixed.ndjson":     "kopuro-ndjson",
		"posts.csv":        "kopuro-csv",
	}
	for file, want := range tests {
		b, _ := os.ReadFile(filepath.Join("testdata/generic", file))
		f, err := Detect(b)
		if err != nil || f.Name() != want {
			t.Errorf("%s: detected %v, %v; want %s", file, f, err, want)
		}
	}
	if _, err := Detect([]byte("date,title\n1,2\n")); err == nil {
		t.Error("an unknown CSV was detected as a format")
	}
}

func FuzzGeneric(f *testing.F) {
	files, _ := filepath.Glob("testdata/generic/*.*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".json") {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, partial := range []bool{false, true} {
			sink := &listSink{}
			rep, err := Run(context.Background(), bytes.NewReader(b), "fuzz", Options{Partial: partial}, sink)
			if err == nil && rep.Stored() != len(sink.Institutions)+len(sink.Accounts)+len(sink.Snapshots)+len(sink.Posts)+len(sink.Comments) {
				t.Fatalf("report counts %d items, sink holds others", rep.Stored())
			}
			if err != nil && rep.Format != "" && !strings.Contains(err.Error(), "fuzz") {
				// Every error about the file's content names the file.
				t.Fatalf("error does not name the file: %v", err)
			}
		}
	})
}
