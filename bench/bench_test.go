//go:build unix

// Package bench holds Kopuro's benchmarks that need the synthetic corpus;
// the scripts beside it (ingest.sh, analyze.sh) run them and the tools we
// compare with. See README.md. Nothing here runs without -bench or -texts.
package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"kopuro/analyze"
	"kopuro/codebook"
	"kopuro/internal/cputime"
	"kopuro/synth"
)

var (
	textsOut = flag.String("texts", "", "write the benchmark's post texts, one a line, to this file")
	nPosts   = flag.Int("posts", 5000, "how many synthetic posts the analysis benchmark cycles through")
)

// texts returns the texts of n synthetic posts (seed 1), each on one line
// (line breaks inside a post become spaces, as grep sees one post a line).
func texts(t testing.TB, n int) []string {
	t.Helper()
	var b bytes.Buffer
	if err := synth.Write(&b, synth.Options{Posts: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if !bytes.Contains(sc.Bytes(), []byte(`"kind":"post"`)) {
			continue
		}
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.ReplaceAll(p.Text, "\n", " "))
	}
	if len(out) != n {
		t.Fatalf("%d texts, want %d", len(out), n)
	}
	return out
}

// TestWriteTexts writes the texts for bench/analyze.sh's grep run.
func TestWriteTexts(t *testing.T) {
	if *textsOut == "" {
		t.Skip("no -texts file given")
	}
	if err := os.WriteFile(*textsOut, []byte(strings.Join(texts(t, *nPosts), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkAnalyzeSynth codes synthetic posts one after another on one
// goroutine: posts/s and MB/s (b.SetBytes is the mean post size).
func BenchmarkAnalyzeSynth(b *testing.B) {
	eng, err := analyze.New(codebook.Default())
	if err != nil {
		b.Fatal(err)
	}
	posts := texts(b, *nPosts)
	size := 0
	for _, p := range posts {
		size += len(p)
	}
	b.SetBytes(int64(size / len(posts)))
	cpu0 := cputime.Self()
	for i := 0; b.Loop(); i++ {
		eng.Analyze(posts[i%len(posts)])
	}
	// On a shared machine wall time depends on the neighbours; the CPU time
	// this process used does much less.
	cpu := (cputime.Self() - cpu0).Seconds()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
	if cpu > 0 { // 0 where the system cannot tell
		b.ReportMetric(float64(b.N)/cpu, "posts/cpu-s")
		b.ReportMetric(float64(b.N)*float64(size/len(posts))/cpu/1e6, "MB/cpu-s")
	}
}
