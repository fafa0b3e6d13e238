package insight

import (
	"strconv"
	"strings"

	"kopuro"
	"kopuro/analyze"
)

// fingerprints keeps the near-duplicate fingerprints of the texts this
// process has read, for every scorecard: a post's does not change unless
// its text does. A million posts' fit (about 40 MB at most).
var fingerprints = analyze.NewFingerprintCache(1 << 20)

// newClusters returns a fresh near-duplicate clusterer as a metrics
// fingerprint hook: each text gets the id of its cluster (the first
// near-copy seen), so that copies on two platforms share a key.
func newClusters() func(text string) string {
	cl := analyze.NewClusterer(analyze.DefaultMaxDistance)
	seen := map[uint64]string{} // exact copies skip the clusterer's search
	var n int64
	return func(text string) string {
		fp := fingerprints.Fingerprint(text)
		if k, ok := seen[fp]; ok && fp != 0 {
			return k
		}
		n++
		k := strconv.FormatInt(cl.Add(n, fp), 10)
		seen[fp] = k
		return k
	}
}

// minSegmentWords is how many words a paragraph needs before its
// language counts: a greeting or a signature does not make a post
// bilingual.
const minSegmentWords = 4

// TextLangs lists the languages of a text's paragraphs (lines, and parts
// split by " / ", the usual way a post gives a translation), each as the
// engine detects it, in order of first appearance; "mixed" and "other"
// are left out. A text written in one language gives that language alone.
func TextLangs(text string) []kopuro.Lang {
	var out []kopuro.Lang
	seen := map[kopuro.Lang]bool{}
	for _, line := range strings.Split(text, "\n") {
		for _, seg := range strings.Split(line, " / ") {
			if len(strings.Fields(seg)) < minSegmentWords {
				continue
			}
			l := analyze.DetectLang(seg)
			if (l == kopuro.KY || l == kopuro.RU || l == kopuro.EN) && !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	return out
}
