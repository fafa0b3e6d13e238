package synth_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"kopuro/importer"
	"kopuro/store"
	"kopuro/store/storetest"
	"kopuro/synth"
)

func corpus(t *testing.T, posts int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := synth.Write(&b, synth.Options{Posts: posts, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	a, b := corpus(t, 2000, 7), corpus(t, 2000, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("the same seed gave different output")
	}
	if bytes.Equal(a, corpus(t, 2000, 8)) {
		t.Fatal("different seeds gave the same output")
	}
}

// TestImports stores a small corpus with the generic importer, all or
// nothing, and checks every line was stored.
func TestImports(t *testing.T) {
	data := corpus(t, 1000, 3)
	want := map[string]int{}
	for _, r := range records(t, data) {
		want[r["kind"].(string)+"s"]++
	}
	db := storetest.New(t)
	ctx := context.Background()
	var rep importer.Report
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		var err error
		rep, err = importer.Run(ctx, bytes.NewReader(data), "synth.ndjson", importer.Options{}, tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != "kopuro-ndjson" {
		t.Errorf("detected as %s", rep.Format)
	}
	for k, n := range want {
		k = map[string]string{"institutions": "institutions", "accounts": "accounts", "snapshots": "snapshots", "posts": "posts", "comments": "comments"}[k]
		if rep.Items[k] != n {
			t.Errorf("%s: stored %d, file has %d", k, rep.Items[k], n)
		}
	}
	if want["posts"] != 1000 {
		t.Errorf("file has %d posts, want 1000", want["posts"])
	}
	if un, err := db.UnlinkedAccounts(ctx); err != nil || len(un) > 0 {
		t.Errorf("unlinked accounts %v, %v", un, err)
	}
}

func records(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, m)
	}
	return out
}

// TestDistributions checks the corpus looks like the study's data.
func TestDistributions(t *testing.T) {
	const n = 10000
	recs := records(t, corpus(t, n, 11))
	insts := map[string]int{}
	platforms := map[string]bool{}
	ids := map[string]bool{}
	langs := map[string]int{}
	bodies := map[string]map[string]bool{} // text without tags → platforms
	var likes, comments, shares []float64
	missingLikes, missingShares, replies, comms := 0, 0, 0, 0
	posts := 0
	tags := map[string]int{}
	first, last := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).Add(-6*time.Hour), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range recs {
		switch r["kind"] {
		case "institution":
			insts[r["code"].(string)] += 0
		case "account":
			insts[r["institution"].(string)]++
			platforms[r["platform"].(string)] = true
		case "post":
			posts++
			key := r["platform"].(string) + ":" + r["external_id"].(string)
			if ids[key] {
				t.Errorf("duplicate id %s", key)
			}
			ids[key] = true
			ts, err := time.Parse(time.RFC3339, r["published"].(string))
			if err != nil || ts.Before(first) || !ts.Before(last) {
				t.Errorf("published %v out of the five years (%v)", r["published"], err)
			}
			text := r["text"].(string)
			langs[script(text)]++
			body := text
			if i := strings.Index(body, " #"); i >= 0 {
				body = body[:i]
			}
			if i := strings.Index(body, "\n\n#"); i >= 0 {
				body = body[:i]
			}
			if bodies[body] == nil {
				bodies[body] = map[string]bool{}
			}
			bodies[body][r["platform"].(string)] = true
			for _, w := range strings.Fields(text) {
				if strings.HasPrefix(w, "#") {
					tags[w]++
				}
			}
			if v, ok := r["likes"].(float64); ok {
				likes = append(likes, v)
			} else {
				missingLikes++
			}
			if v, ok := r["comments"].(float64); ok {
				comments = append(comments, v)
			}
			if v, ok := r["shares"].(float64); ok {
				shares = append(shares, v)
			} else {
				missingShares++
			}
		case "comment":
			comms++
			if r["from_institution"] == true && r["parent_id"] != nil {
				replies++
			}
		}
	}
	if len(insts) != 70 {
		t.Errorf("%d institutions, want 70", len(insts))
	}
	for code, k := range insts {
		if k < 4 || k > 6 {
			t.Errorf("%s has %d accounts, want 4–6", code, k)
		}
	}
	if len(platforms) != 5 {
		t.Errorf("platforms %v, want the five of the study", platforms)
	}
	if posts != n {
		t.Errorf("%d posts, want %d", posts, n)
	}
	for _, l := range []string{"ky", "ru", "en"} {
		if langs[l] < n/20 {
			t.Errorf("only %d posts in %s (%v)", langs[l], l, langs)
		}
	}
	// Heavy tails: likes ≫ comments ≫ shares, and a long right tail.
	ml, mc, ms := mean(likes), mean(comments), mean(shares)
	if !(ml > 5*mc && mc > ms && ms > 0) {
		t.Errorf("mean likes %.1f, comments %.1f, shares %.1f: want likes ≫ comments > shares", ml, mc, ms)
	}
	if p50, p99 := quantile(likes, 0.5), quantile(likes, 0.99); p99 < 10*p50 || p50 < 1 {
		t.Errorf("likes p50 %.0f, p99 %.0f: want a heavy tail", p50, p99)
	}
	if missingLikes < n/100 || missingShares < n/10 || len(likes) < n/2 {
		t.Errorf("missing likes %d, shares %d: want some of each, not most likes", missingLikes, missingShares)
	}
	cross := 0
	for _, ps := range bodies {
		if len(ps) > 1 {
			cross++
		}
	}
	if cross < n/50 || cross > n/5 {
		t.Errorf("%d texts posted on several platforms, want 2–20%%", cross)
	}
	if comms < n/50 || replies < comms/10 {
		t.Errorf("%d comments, %d institution replies", comms, replies)
	}
	sdg := 0
	for tag, k := range tags {
		if strings.HasPrefix(tag, "#SDG") || strings.HasPrefix(tag, "#ЦУР") || strings.HasPrefix(tag, "#ТӨМ") {
			sdg += k
		}
	}
	if sdg == 0 || tags["#ЫктыярчыКүнү"] == 0 || tags["#UniServiceWeek"] == 0 {
		t.Errorf("SDG tags %d, #ЫктыярчыКүнү %d, #UniServiceWeek %d", sdg, tags["#ЫктыярчыКүнү"], tags["#UniServiceWeek"])
	}
}

// script guesses a text's language from its letters: Kyrgyz letters,
// other Cyrillic, or Latin.
func script(s string) string {
	cyr, lat := 0, 0
	for _, r := range s {
		switch {
		case strings.ContainsRune("ңөүҢӨҮ", r):
			return "ky"
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r) && r < 'z'+1:
			lat++
		}
	}
	if lat > cyr {
		return "en"
	}
	return "ru"
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

func quantile(xs []float64, q float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(q*float64(len(s)-1))]
}
