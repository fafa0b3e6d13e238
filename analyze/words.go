package analyze

import (
	"hash/fnv"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// word is what the engine derives from a folded word alone: its script,
// its language vote, and which lexicon patterns it matches. Stemming and
// voting are most of the cost of a word, and the words of university posts
// repeat, so each distinct word is worked out once (see wordCache). A word
// is immutable once made.
type word struct {
	text   string
	script script
	runes  int         // length in runes
	vote   [2]wordLang // the language vote of the word written in lower case, and capitalised
	hash   uint64      // FNV-1a of text, for Fingerprint
	key    uint64      // wordHash(text): where the word caches file it
	first  []int32     // terms whose first word this word matches, in matching order
	pats   []int32     // the later-word patterns (matcher.pats) this word matches, ascending
	sdgTag bool        // the word starts with a prefix of explicit SDG references
}

// newWord works out a folded word; m (nil: none) gives its lexicon matches.
func newWord(text string, m *matcher) *word {
	w := &word{text: text, runes: utf8.RuneCountInString(text)}
	for _, r := range text {
		if classOf(r).flags&cLetter != 0 {
			w.script = mergeScript(w.script, scriptOf(r))
		}
	}
	w.vote = [2]wordLang{voteWord(text, w.script, false), voteWord(text, w.script, true)}
	h := fnv.New64a()
	h.Write([]byte(text))
	w.hash = h.Sum64()
	w.key = wordHash(text)
	if m != nil {
		m.annotate(w)
	}
	return w
}

// stems returns the word's stem in each lexicon language (ky, ru, en):
// Cyrillic words are stemmed as Kyrgyz and Russian, Latin ones as English.
func (w *word) stems() [3]string {
	switch w.script {
	case scriptCyrillic:
		return [3]string{StemKY(w.text), Stem("ru", w.text), w.text}
	case scriptLatin:
		return [3]string{w.text, w.text, Stem("en", w.text)}
	}
	return [3]string{w.text, w.text, w.text}
}

// hasPat reports whether the word matches later-word pattern p.
func (w *word) hasPat(p int32) bool {
	for _, q := range w.pats {
		if q >= p {
			return q == p
		}
	}
	return false
}

// wordCache interns words, safe for concurrent use. Readers look words up
// in an immutable table (wordTable) without locking; words met for the
// first time go to a small map under a mutex, which is merged into a new
// immutable table (copy on write) once it has grown by a quarter or has
// been read as many times as the immutable table holds words, so copying
// costs a few inserts per word or per locked look-up. It stops growing at
// maxCached words; later new words are worked out on every use.
type wordCache struct {
	m     *matcher // nil: words without lexicon matches
	snap  atomic.Pointer[wordTable]
	mu    sync.Mutex
	fresh map[string]*word // words not yet in snap
	reads int              // look-ups answered from fresh since the last merge
	n     int              // words in snap and fresh
}

const maxCached = 1 << 18

// bareWords interns the words of the functions that need no codebook
// (DetectLang, Fingerprint).
var bareWords = newWordCache(nil)

func newWordCache(m *matcher) *wordCache {
	c := &wordCache{m: m, fresh: map[string]*word{}}
	c.snap.Store(newWordTable(0))
	return c
}

// load returns the current immutable table: look a word up there first,
// and call miss when it is absent.
func (c *wordCache) load() *wordTable { return c.snap.Load() }

// miss returns the word for key when load's table lacks it.
func (c *wordCache) miss(key string) *word {
	c.mu.Lock()
	w, ok := c.fresh[key]
	if ok {
		c.reads++
		c.mergeIfDue()
	}
	c.mu.Unlock()
	if ok {
		return w
	}
	w = newWord(strings.Clone(key), c.m) // outside the lock: stemming is the slow part
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.fresh[w.text]; ok {
		return old // another goroutine was first
	}
	if old := c.snap.Load().get(w.text, w.key); old != nil {
		return old
	}
	if c.n >= maxCached {
		return w
	}
	c.fresh[w.text] = w
	c.n++
	c.mergeIfDue()
	return w
}

// mergeIfDue publishes the fresh words in a new immutable table when they
// have grown enough or been read often enough to be worth the copy.
func (c *wordCache) mergeIfDue() {
	snap := c.snap.Load()
	due := max(64, snap.n/4)
	if len(c.fresh) < due && c.reads < due+snap.n && c.n < maxCached || len(c.fresh) == 0 {
		return
	}
	next := newWordTable(snap.n + len(c.fresh))
	for _, sl := range snap.slots {
		if sl.w != nil {
			next.put(sl.w)
		}
	}
	for _, w := range c.fresh {
		next.put(w)
	}
	c.snap.Store(next)
	c.fresh = map[string]*word{}
	c.reads = 0
}

// wordTable is an immutable set of words once published: open addressing
// with linear probing on the words' hashes (wordHash), at most half full.
// A look-up costs one hash of the key and, nearly always, one compare of
// the key with the word it finds.
type wordTable struct {
	slots []wordSlot // a power of two of them
	n     int        // words held
}

type wordSlot struct {
	hash uint64
	w    *word // nil: empty
}

// newWordTable returns an empty table with room for n words.
func newWordTable(n int) *wordTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &wordTable{slots: make([]wordSlot, size)}
}

// tableSeed seeds the tables' hashes: they are never stored or shown.
var tableSeed = maphash.MakeSeed()

// wordHash is the hash a word is filed under.
func wordHash(key string) uint64 { return maphash.String(tableSeed, key) }

// put adds w, which the table must not hold, while the table is built.
func (t *wordTable) put(w *word) {
	mask := uint64(len(t.slots) - 1)
	i := w.key & mask
	for t.slots[i].w != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = wordSlot{w.key, w}
	t.n++
}

// get returns the word whose text is key, hashed h, or nil.
func (t *wordTable) get(key string, h uint64) *word { return lookup(t, key, h) }

// lookup is get for a key held in a string or, not converted, in bytes.
func lookup[K string | []byte](t *wordTable, key K, h uint64) *word {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.w == nil {
			return nil
		}
		if sl.hash == h && sl.w.text == string(key) {
			return sl.w
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
