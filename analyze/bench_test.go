package analyze

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"kopuro"
	"kopuro/internal/cputime"
	"kopuro/synth"
)

var corpusOut = flag.String("corpus", "", "write the benchmark corpus (one post per line) to this file")

// benchPosts builds realistic posts from our own fixture texts (never the
// evaluation texts): each post joins three to five fixture paragraphs,
// 300–900 characters, in ky, ru and en, with hashtags and a link.
func benchPosts(t testing.TB) []string {
	t.Helper()
	var paras []string
	for _, f := range []string{"testdata/categories.jsonl", "testdata/styles.jsonl"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			i := strings.Index(line, `"text":"`)
			paras = append(paras, strings.TrimSuffix(line[i+len(`"text":"`):], `"}`))
		}
	}
	tags := []string{" #ЦУР4 #волонтеры", " #ТӨМ11 https://uni.kg/news/1", " #SDG9 #hackathon @uni_kg", ""}
	var posts []string
	for i := 0; i < 200; i++ {
		n := 3 + i%3
		var b strings.Builder
		for k := 0; k < n; k++ {
			b.WriteString(paras[(i*7+k*13)%len(paras)])
			b.WriteByte(' ')
		}
		b.WriteString(tags[i%len(tags)])
		posts = append(posts, strings.ReplaceAll(b.String(), `\"`, `"`))
	}
	return posts
}

// TestWriteBenchCorpus writes the benchmark's posts for bench/analyze-grep.sh.
func TestWriteBenchCorpus(t *testing.T) {
	if *corpusOut == "" {
		t.Skip("no -corpus file given")
	}
	if err := os.WriteFile(*corpusOut, []byte(strings.Join(benchPosts(t), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	e := newEngine(b)
	posts := benchPosts(b)
	size := 0
	for _, p := range posts {
		size += len(p)
	}
	b.SetBytes(int64(size / len(posts)))
	b.ResetTimer()
	cpu0 := cputime.Self()
	for i := 0; b.Loop(); i++ {
		e.Analyze(posts[i%len(posts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
	if cpu := cputime.Self() - cpu0; cpu > 0 {
		// with -cpu 1 the benchmark runs on one goroutine, so CPU time
		// is the single-core cost (GC included)
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "posts/cpu-s")
		b.ReportMetric(float64(b.N)*float64(size/len(posts))/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

func BenchmarkDetectLang(b *testing.B) {
	posts := benchPosts(b)
	b.SetBytes(int64(len(posts[0])))
	for i := 0; b.Loop(); i++ {
		DetectLang(posts[i%len(posts)])
	}
}

func BenchmarkFingerprint(b *testing.B) {
	posts := benchPosts(b)
	for i := 0; b.Loop(); i++ {
		Fingerprint(posts[i%len(posts)])
	}
}

// synthPosts returns the texts of the first n posts of the synthetic
// corpus (seed 1), as bench/ codes them.
func synthPosts(b *testing.B, n int) ([]string, int) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Options{Posts: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var posts []string
	size := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		if !strings.Contains(line, `"kind":"post"`) {
			continue
		}
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			b.Fatal(err)
		}
		posts = append(posts, strings.ReplaceAll(p.Text, "\n", " "))
		size += len(p.Text)
	}
	return posts, size / len(posts)
}

// BenchmarkStages measures the engine's steps alone on the synthetic
// posts, to show where a post's time goes.
func BenchmarkStages(b *testing.B) {
	e := newEngine(b)
	posts, size := synthPosts(b, 5000)
	for _, p := range posts {
		e.Analyze(p) // fill the word cache
	}
	s := e.pool.Get().(*scratch)
	stages := []struct {
		name string
		run  func(string)
	}{
		{"tokenize", func(p string) { s.tokenize(p, e.words) }},
		{"tokenize+match", func(p string) { s.tokenize(p, e.words); s.hits = e.m.find(s.toks, s.hits[:0]) }},
		{"tokenize+accumulate", func(p string) { s.tokenize(p, e.words); e.accumulate(s) }},
		{"hashtags+mentions", func(p string) { kopuro.Hashtags(p); kopuro.Mentions(p) }},
		{"quotations", func(p string) { quotations(p, 8, 2) }},
		{"analyze", func(p string) { e.Analyze(p) }},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			cpu0 := cputime.Self()
			for i := 0; b.Loop(); i++ {
				st.run(posts[i%len(posts)])
			}
			if cpu := cputime.Self() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(b.N)*float64(size)/cpu.Seconds()/1e6, "MB/cpu-s")
			}
		})
	}
}
