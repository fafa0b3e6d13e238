package analyze

import (
	"hash/maphash"
	"math/bits"
	"sync"
)

// Near-duplicates. The same story is often posted on several platforms
// with small changes: other hashtags, a link, an emoji, a line added. A
// SimHash fingerprint over the normalised words (lower case, ё→е, no
// punctuation, URLs, hashtags or mentions) puts such copies a few bits
// apart, and unrelated texts about 32 bits apart.

// Fingerprint returns the 64-bit SimHash of text's normalised words. Words
// alone (no word pairs) keep a changed word from moving many features:
// measured on our fixtures, copies with a changed word or an added line
// stay within 3 bits, with pairs they drifted to 7. Texts without words
// get 0.
func Fingerprint(text string) uint64 {
	// SimHash sets bit i when more words have bit i set than clear, i.e.
	// when 2·count[i] > n. The counts are kept eight at a time, one per
	// byte of a lane (spreadBits), so a word costs eight additions instead
	// of 64; a lane's bytes are added into count every 255 words, before
	// they can overflow.
	var count [64]int
	var lanes [8]uint64
	n, inLanes := 0, 0
	flush := func() {
		for k, l := range lanes {
			for j := 0; j < 8; j++ {
				count[8*k+j] += int(l >> (8 * j) & 0xff)
			}
			lanes[k] = 0
		}
		inLanes = 0
	}
	for _, t := range tokenize(text) {
		if t.hashtag || t.mention {
			continue
		}
		x := t.w.hash // FNV-1a of the word
		for k := range lanes {
			lanes[k] += spreadBits[x>>(8*k)&0xff]
		}
		n++
		if inLanes++; inLanes == 255 {
			flush()
		}
	}
	if n == 0 {
		return 0
	}
	flush()
	var fp uint64
	for i, c := range count {
		if 2*c > n {
			fp |= 1 << i
		}
	}
	return fp
}

// spreadBits[b] holds bit j of b in byte j: adding it to a lane counts
// the eight bits of one byte of a word's hash at once.
var spreadBits = func() (t [256]uint64) {
	for b := range t {
		for j := 0; j < 8; j++ {
			t[b] |= uint64(b>>j&1) << (8 * j)
		}
	}
	return t
}()

// FingerprintCache remembers the fingerprints of the texts it has been
// asked for. A fingerprint depends on the text alone, and a dashboard
// computes those of the same posts again for every scorecard after every
// write: tokenising them was half of a scorecard's time. Texts are known
// by a 128-bit hash (two seeds), so two texts are taken for one with a
// chance of about n²/2¹²⁹. It holds at most max fingerprints (about 40
// bytes each) and starts afresh past that. Safe for concurrent use.
type FingerprintCache struct {
	max    int
	s1, s2 maphash.Seed

	mu sync.Mutex
	m  map[[2]uint64]uint64
}

// NewFingerprintCache returns an empty cache of at most max fingerprints.
func NewFingerprintCache(max int) *FingerprintCache {
	return &FingerprintCache{max: max, s1: maphash.MakeSeed(), s2: maphash.MakeSeed(), m: map[[2]uint64]uint64{}}
}

// Fingerprint returns Fingerprint(text), computed once per text.
func (c *FingerprintCache) Fingerprint(text string) uint64 {
	k := [2]uint64{maphash.String(c.s1, text), maphash.String(c.s2, text)}
	c.mu.Lock()
	fp, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return fp
	}
	fp = Fingerprint(text)
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = fp
	c.mu.Unlock()
	return fp
}

// Distance is the number of bits in which two fingerprints differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// DefaultMaxDistance is the largest fingerprint distance at which two
// texts count as copies: measured on our fixtures, a story re-posted with
// other hashtags, links and a changed line lies within it, different
// stories on one topic lie well beyond (see dedup_test.go).
const DefaultMaxDistance = 6

// Clusterer gives near-duplicate texts one cluster id: the id of the first
// text of the cluster. It finds candidates through maxDist+1 bands of the
// fingerprint (two fingerprints within maxDist bits agree exactly on at
// least one band), so each Add costs a few bucket look-ups. Safe for
// concurrent use.
type Clusterer struct {
	mu      sync.Mutex
	maxDist int
	widths  []uint // bits per band
	bands   []map[uint64][]member
}

type member struct {
	fp      uint64
	cluster int64
}

// NewClusterer returns a clusterer that joins fingerprints at most maxDist
// bits apart (0 ≤ maxDist ≤ 15).
func NewClusterer(maxDist int) *Clusterer {
	maxDist = min(max(maxDist, 0), 15)
	c := &Clusterer{maxDist: maxDist}
	nb := maxDist + 1
	for i := 0; i < nb; i++ {
		w := uint(64 / nb)
		if i < 64%nb {
			w++
		}
		c.widths = append(c.widths, w)
		c.bands = append(c.bands, map[uint64][]member{})
	}
	return c
}

// Add records text id with fingerprint fp and returns its cluster id: the
// id of an earlier near-copy's cluster (the lowest such cluster id when
// several match), else id itself. An empty fingerprint (no words) never
// joins a cluster.
func (c *Clusterer) Add(id int64, fp uint64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if fp == 0 {
		return id
	}
	cluster, found := id, false
	var buf [16]uint64 // at most 16 bands: no allocation per text
	keys := c.keys(buf[:0], fp)
	for i, k := range keys {
		for _, m := range c.bands[i][k] {
			if Distance(m.fp, fp) <= c.maxDist && (!found || m.cluster < cluster) {
				cluster, found = m.cluster, true
			}
		}
	}
	for i, k := range keys {
		c.bands[i][k] = append(c.bands[i][k], member{fp, cluster})
	}
	return cluster
}

// keys appends fp's band values to out.
func (c *Clusterer) keys(out []uint64, fp uint64) []uint64 {
	shift := uint(0)
	for _, w := range c.widths {
		out = append(out, (fp>>shift)&(1<<w-1))
		shift += w
	}
	return out
}
