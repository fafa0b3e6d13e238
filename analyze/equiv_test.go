package analyze

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"kopuro/synth"
)

// The equivalence check guards speed work on the engine: it writes every
// output of the engine for a large set of texts, so that a faster engine
// can be shown to give byte-for-byte the same results. It is a dev tool,
// not a CI test (it takes tens of seconds):
//
//	go test ./analyze -run TestEquivalence -equiv.record /tmp/equiv-before.txt
//	(change the engine)
//	go test ./analyze -run TestEquivalence -equiv.check /tmp/equiv-before.txt
var (
	equivRecord = flag.String("equiv.record", "", "write the engine's outputs on the equivalence texts to this file")
	equivCheck  = flag.String("equiv.check", "", "compare the engine's outputs on the equivalence texts with this file")
	equivSynth  = flag.String("equiv.synth", "", "NDJSON corpus from `kopuro gen` (default: 5000 posts, seed 1, generated in memory)")
)

// equivText is one text of the check and where it came from.
type equivText struct {
	src, text string
}

// equivTexts gathers the texts: every labeled evaluation text (whole, and
// in 60-rune windows as the short-text test cuts them), our fixtures, the
// synthetic corpus, and random texts mixing corpus words with the
// characters the tokeniser treats specially.
func equivTexts(t *testing.T) []equivText {
	var out []equivText
	evals, _ := filepath.Glob(filepath.Join(filepath.Dir(sharedFile(t, "eval/dev.jsonl")), "*.jsonl"))
	for _, path := range evals {
		for i, s := range jsonlTexts(t, path, "") {
			out = append(out, equivText{fmt.Sprintf("%s:%d", filepath.Base(path), i+1), s})
			rs := []rune(s)
			for off := 0; off+60 <= len(rs) && off < 600; off += 120 {
				out = append(out, equivText{fmt.Sprintf("%s:%d@%d", filepath.Base(path), i+1, off), string(rs[off : off+60])})
			}
		}
	}
	for _, path := range []string{"testdata/categories.jsonl", "testdata/styles.jsonl"} {
		for i, s := range jsonlTexts(t, path, "") {
			out = append(out, equivText{fmt.Sprintf("%s:%d", path, i+1), s})
		}
	}
	var corpus []byte
	if *equivSynth != "" {
		b, err := os.ReadFile(*equivSynth)
		if err != nil {
			t.Fatal(err)
		}
		corpus = b
	} else {
		var b bytes.Buffer
		if err := synth.Write(&b, synth.Options{Posts: 5000, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		corpus = b.Bytes()
	}
	posts := textsOf(t, corpus, `"kind":"post"`)
	for i, s := range posts {
		out = append(out, equivText{fmt.Sprintf("synth:%d", i+1), s})
	}
	return append(out, randomTexts(posts, 20000)...)
}

// jsonlTexts returns the "text" field of each line of path that contains
// mark.
func jsonlTexts(t *testing.T, path, mark string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return textsOf(t, b, mark)
}

func textsOf(t *testing.T, b []byte, mark string) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if !bytes.Contains(sc.Bytes(), []byte(mark)) || len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Text)
	}
	return out
}

// specials are characters with a meaning to the tokeniser, the folding or
// the language votes, and a few it must pass over.
var specials = []string{"'", "’", "ʻ", "`", "-", "_", "#", "@", ".", "!", "?", "…", "\n", "。", "؟", "«", "»", "“", "”", "„", "\"",
	"(", ")", ":", "/", "Ё", "ё", "ʏ", "ɵ", "ӊ", "ҥ", "Ң", "Ө", "Ү", "İ", "I", "ı", "ß", "ẞ", "Σ", "ς", "ǅ", "ǈ", "ﬁ", "é", "e\u0301",
	"ә", "Қ", "ў", "ğ", "ş", "o‘", "g'", "日本", "مرحبا", "١٢", "٣", "²", "Ⅻ", "𝐀", "😀", "\u200b", "\u00a0", "\t",
	"\xff", "\xe2\x80", "\x80", "www.", "https://", "uni.kg", ".kg", "a@b.kg", "SDG", "ЦУР", "ТӨМ", " 4", "17", "#SDG4",
	"ТӨМ-4", "0", "99", "ǲ", "ᾈ", "Ꙁ", "ꙁ", "Ѐ", "ѐ", "Ӏ", "ӏ", "K", "Å"}

// randomTexts mixes words of the corpus, in changed case, with specials.
func randomTexts(posts []string, n int) []equivText {
	var words []string
	for _, p := range posts[:min(len(posts), 500)] {
		words = append(words, strings.Fields(p)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]equivText, 0, n)
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := rng.IntN(40); k > 0; k-- {
			switch rng.IntN(6) {
			case 0, 1:
				b.WriteString(specials[rng.IntN(len(specials))])
			case 2:
				b.WriteString(strings.ToUpper(words[rng.IntN(len(words))]))
			case 3:
				w := []rune(words[rng.IntN(len(words))])
				if len(w) > 0 {
					w[0] = []rune(strings.ToUpper(string(w[0])))[0]
				}
				b.WriteString(string(w))
			default:
				b.WriteString(words[rng.IntN(len(words))])
			}
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, equivText{fmt.Sprintf("random:%d", i+1), b.String()})
	}
	return out
}

// equivModel is a model with arbitrary fixed weights, to check the
// engine's model path (no model is shipped).
func equivModel(t *testing.T) *Model {
	cb := newEngine(t).Codebook()
	width := len(cb.Categories) + len(cb.Areas) + 2
	soft := func(classes []string, seed float64) Softmax {
		s := Softmax{Classes: classes}
		for c := range classes {
			w := make([]float64, width)
			for j := range w {
				w[j] = math.Sin(seed + float64(7*c+j))
			}
			s.Weights = append(s.Weights, w)
		}
		return s
	}
	return &Model{Codebook: cb.Version(), Category: soft(cb.CategoryIDs(), 1), Area: soft(cb.AreaIDs(), 2)}
}

// equivLine is every output the engines (without and with a model) give
// for one text.
func equivLine(e, em *Engine, x equivText) string {
	r := e.Analyze(x.text)
	res, err := json.Marshal(r)
	if err != nil {
		res = []byte(err.Error())
	}
	withModel, err := json.Marshal(em.Analyze(x.text))
	if err != nil {
		withModel = []byte(err.Error())
	}
	rest, _ := json.Marshal(struct {
		Area        string
		Mentions    []string
		Lang        string
		Fingerprint uint64
		Features    []float64
	}{string(r.Area), r.Mentions, string(DetectLang(x.text)), Fingerprint(x.text), e.Features(x.text)})
	return x.src + "\t" + string(res) + "\t" + string(rest) + "\t" + string(withModel) + "\n"
}

func TestEquivalence(t *testing.T) {
	if *equivRecord == "" && *equivCheck == "" {
		t.Skip("a dev check: run with -equiv.record FILE or -equiv.check FILE")
	}
	texts := equivTexts(t)
	e := newEngine(t)
	em, err := NewWithModel(e.Codebook(), equivModel(t))
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(texts))
	// Several goroutines share one engine, as the importer does; the
	// outputs must not depend on it.
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(texts); i += 4 {
				lines[i] = equivLine(e, em, texts[i])
			}
		}()
	}
	wg.Wait()
	// A second pass meets every word in the engine's caches.
	for i := 0; i < len(texts); i += 7 {
		if again := equivLine(e, em, texts[i]); again != lines[i] {
			t.Fatalf("%s: a second run differs:\n%s%s", texts[i].src, lines[i], again)
		}
	}
	got := strings.Join(lines, "")
	t.Logf("%d texts, %d bytes of output", len(texts), len(got))
	if *equivRecord != "" {
		if err := os.WriteFile(*equivRecord, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if *equivCheck != "" {
		b, err := os.ReadFile(*equivCheck)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.SplitAfter(string(b), "\n")
		if len(want)-1 != len(lines) {
			t.Fatalf("%d lines, the record has %d", len(lines), len(want)-1)
		}
		bad := 0
		for i, l := range lines {
			if l != want[i] {
				if bad++; bad <= 5 {
					t.Errorf("differs:\nwant %sgot  %s", want[i], l)
				}
			}
		}
		if bad > 0 {
			t.Fatalf("%d of %d texts differ", bad, len(lines))
		}
	}
}
