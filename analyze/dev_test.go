package analyze

import (
	"os"
	"testing"

	"kopuro"
)

// TestDevFloors measures the engine on the labeled real texts of
// ../shared/eval/dev.jsonl (read at run time, never copied) and fails when
// a figure drops below its floor. The floors sit a little under what the
// engine measured when they were set (see analyze/README.md).
func TestDevFloors(t *testing.T) {
	path := sharedFile(t, "eval/dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golds, err := ReadGold(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) < 100 {
		t.Fatalf("only %d records in %s", len(golds), path)
	}
	e := newEngine(t)
	r := e.Evaluate(golds)
	t.Logf("dev: lang %.3f, category macro-F1 %.3f, third mission F1 %.3f, area macro-F1 %.3f, SDG micro-F1 %.3f",
		r.Lang.Accuracy, r.Category.MacroF1, r.ThirdMission.F1, r.Area.MacroF1, r.SDGs.MicroF1)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"lang accuracy", r.Lang.Accuracy, 0.97},
		{"category macro-F1", r.Category.MacroF1, 0.68},
		{"third-mission F1", r.ThirdMission.F1, 0.81},
		{"area macro-F1", r.Area.MacroF1, 0.70},
		{"SDG micro-F1", r.SDGs.MicroF1, 0.50},
		{"story F1", deref(r.Story.F1), 0.62},
		{"cta F1", deref(r.CTA.F1), 0.50},
	}
	for _, fl := range floors {
		if fl.got < fl.floor {
			t.Errorf("%s = %.3f, below the floor %.2f", fl.name, fl.got, fl.floor)
		}
	}

	// Short texts: 60-character windows of each text (rune-aligned).
	ok, n := 0, 0
	for _, g := range golds {
		if g.Lang == string(kopuro.LangMixed) {
			continue // a window of a bilingual post holds one language
		}
		rs := []rune(g.Text)
		for off := 0; off+60 <= len(rs) && off < 600; off += 120 {
			n++
			if string(DetectLang(string(rs[off:off+60]))) == g.Lang {
				ok++
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("dev: language accuracy on %d windows of 60 characters: %.3f", n, acc)
	if acc < 0.95 {
		t.Errorf("60-character language accuracy %.3f, below the floor 0.95", acc)
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
