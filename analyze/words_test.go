package analyze

import (
	"fmt"
	"sync"
	"testing"
)

// Goroutines sharing a word cache get, for every word, the same word
// (one interned copy once it is published) with what its text implies.
func TestWordCacheConcurrent(t *testing.T) {
	e := newEngine(t)
	c := newWordCache(e.m)
	keys := make([]string, 3000)
	for i := range keys {
		keys[i] = fmt.Sprintf("волонтер%d", i%1000) // each word three times
	}
	var wg sync.WaitGroup
	got := make([][]*word, 4)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, k := range keys {
				w := c.load().get(k, wordHash(k))
				if w == nil {
					w = c.miss(k)
				}
				got[g] = append(got[g], w)
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for i, w := range got[g] {
			if w.text != keys[i] || w.script != scriptCyrillic || len(w.first) == 0 {
				t.Fatalf("goroutine %d, %q: got word %q (script %d, %d terms)", g, keys[i], w.text, w.script, len(w.first))
			}
		}
	}
	if n := c.load().n + len(c.fresh); n != 1000 || c.n != 1000 {
		t.Errorf("cache holds %d words (counted %d), want 1000", n, c.n)
	}
	for _, k := range keys {
		if c.load().get(k, wordHash(k)) == nil && c.fresh[k] == nil {
			t.Fatalf("%q is not cached", k)
		}
	}
}
