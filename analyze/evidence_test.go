package analyze

import (
	"testing"

	"kopuro"
)

// sortEvidence orders evidence by start, then label (as strings), ties in
// the order found, whether it packs its keys (the common case) or, for
// offsets beyond 32 bits, compares the refs.
func TestSortEvidence(t *testing.T) {
	e := newEngine(t)
	slot := func(label string) int32 {
		for i, l := range e.slotLabel {
			if l == label {
				return int32(i)
			}
		}
		t.Fatalf("no label %q", label)
		return 0
	}
	for _, far := range []int{0, 1 << 33} {
		type in struct {
			start int
			label string
		}
		ins := []in{{far + 9, "story"}, {far + 3, "teaching"}, {far + 3, "research"}, {far + 9, "cta"},
			{far + 3, "teaching"}, {far + 1, "story"}}
		s := new(scratch)
		var quotes []kopuro.Evidence
		for k, x := range ins {
			quotes = append(quotes, kopuro.Evidence{Label: x.label, Term: string(rune('a' + k)), Start: x.start})
			s.refs = append(s.refs, evRef{start: x.start, slot: slot(x.label), src: srcQuote, k: int32(k)})
		}
		var got []string
		for _, ev := range e.sortEvidence(s, quotes) {
			got = append(got, ev.Label+":"+ev.Term)
		}
		want := []string{"story:f", "research:c", "teaching:b", "teaching:e", "cta:d", "story:a"}
		if len(got) != len(want) {
			t.Fatalf("far %d: got %v, want %v", far, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("far %d: got %v, want %v", far, got, want)
			}
		}
	}
}
