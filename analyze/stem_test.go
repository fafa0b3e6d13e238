package analyze

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStemKY(t *testing.T) {
	// Forms of one word must share a stem.
	groups := [][]string{
		{"ыктыярчы", "ыктыярчылар", "ыктыярчылардын", "ыктыярчыларга", "ыктыярчыбыз"},
		{"университет", "университети", "университетинин", "университетте", "университеттен", "университеттерге"},
		{"мектеп", "мектептер", "мектептерде", "мектептин", "мектепке"},
		{"окуучу", "окуучулар", "окуучулардын", "окуучуларга"},
		{"китеп", "китептер", "китептерди", "китепти"},
	}
	for _, g := range groups {
		want := StemKY(g[0])
		for _, w := range g[1:] {
			if got := StemKY(w); got != want {
				t.Errorf("StemKY(%q) = %q, want %q (the stem of %q)", w, got, want, g[0])
			}
		}
	}
	// Different words must keep different stems.
	if StemKY("китеп") == StemKY("мектеп") {
		t.Error("китеп and мектеп share a stem")
	}
	// Short words are left alone.
	for _, w := range []string{"ал", "биз", "суу", "иш"} {
		if got := StemKY(w); got != w {
			t.Errorf("StemKY(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestStemRUEN(t *testing.T) {
	tests := []struct{ lang, a, b string }{
		{"ru", "волонтеры", "волонтеров"},
		{"ru", "университета", "университете"},
		{"ru", Fold("учёные"), "ученых"},
		{"en", "volunteers", "volunteering"},
		{"en", "trainings", "training"},
	}
	for _, tt := range tests {
		if a, b := Stem(tt.lang, tt.a), Stem(tt.lang, tt.b); a != b {
			t.Errorf("Stem(%s): %q → %q but %q → %q", tt.lang, tt.a, a, tt.b, b)
		}
	}
	if got := Stem("ru", "university"); got != "university" {
		t.Errorf("the Russian stemmer changed a Latin word: %q", got)
	}
}

func TestTokenize(t *testing.T) {
	text := "Ыктыярчылар #ТӨМ4 https://example.kg/x?a=1 барды. Сиз келесизби? o‘quvchilar, ыр-бий"
	var d doc
	d.tokenize(text, bareWords)
	toks := d.toks
	var got []string
	for _, tk := range toks {
		got = append(got, tk.w.text)
		if s := string([]rune(text)[tk.start:tk.end]); Fold(s) != tk.w.text {
			t.Errorf("token %q does not match the text at its offsets (%q)", tk.w.text, s)
		}
	}
	want := "ыктыярчылар төм4 барды сиз келесизби o'quvchilar ыр бий"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens = %q, want %q", strings.Join(got, " "), want)
	}
	if !toks[1].hashtag || toks[0].hashtag {
		t.Error("hashtag flag wrong")
	}
	if !d.question(toks[4].sentence) || d.question(toks[0].sentence) {
		t.Errorf("question sentences = %v", d.questions)
	}
	for _, tk := range tokenize("#Green_Campus @uni_kg") {
		if !tk.hashtag && !tk.mention {
			t.Errorf("%q lost its tag after the underscore", tk.w.text)
		}
	}
}

func FuzzStemKY(f *testing.F) {
	for _, s := range []string{"ыктыярчылардын", "университеттерге", "окуу", "", "ңөү", "a", "ааааааааааа"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := Fold(s)
		st := StemKY(w)
		if !strings.HasPrefix(w, st) {
			t.Fatalf("StemKY(%q) = %q is not a prefix", w, st)
		}
		if utf8.RuneCountInString(st) < minKYStem && st != w {
			t.Fatalf("StemKY(%q) = %q is shorter than %d runes", w, st, minKYStem)
		}
		if StemKY(st) != st && len(StemKY(st)) > len(st) {
			t.Fatal("stem grew")
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Ыктыярчылар #ТӨМ4 барды.", "https://x.kg a@b.kg", "o‘quvchilar?", "«цитата» “quote”", "\xff\xfe", "''''", "#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		n := len(rs)
		toks := tokenize(s)
		prev := 0
		for _, tk := range toks {
			if tk.start < prev || tk.end <= tk.start || tk.end > n {
				t.Fatalf("bad offsets %d..%d (prev %d, n %d) in %q", tk.start, tk.end, prev, n, s)
			}
			if f := Fold(string(rs[tk.start:tk.end])); f != tk.w.text {
				t.Fatalf("token %q at %d..%d, but the text there folds to %q, in %q", tk.w.text, tk.start, tk.end, f, s)
			}
			prev = tk.end
		}
		_ = DetectLang(s)
		_ = quotations(s, 3, -1)
	})
}
