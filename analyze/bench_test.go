package analyze

import (
	"flag"
	"os"
	"strings"
	"testing"
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
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		e.Analyze(posts[i%len(posts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
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
