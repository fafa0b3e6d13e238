package telegram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/platform/internal/fakeapi"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in     string
		n      int64
		approx bool
		ok     bool
	}{
		{"845", 845, false, true},
		{"1.2K", 1200, true, true},
		{"1.2k", 1200, true, true},
		{"12K", 12000, true, true},
		{"3.45M", 3450000, true, true},
		{"1.2345K", 1234, true, true}, // decimals beyond the unit are dropped
		{"2 301", 2301, false, true},
		{"1,234", 1234, false, true},
		{" 7 ", 7, false, true},
		{"1.2", 0, false, false}, // a fraction without a unit is no count
		{"K", 0, false, false},
		{"", 0, false, false},
		{"-5", 0, false, false},
		{"1.K", 0, false, false},
		{"٣", 0, false, false},
		{"999999999999B", 0, false, false}, // would overflow
		{"9223372036854775807", 0, false, false},
	}
	for _, tt := range tests {
		n, approx, ok := ParseCount(tt.in)
		if n != tt.n || approx != tt.approx || ok != tt.ok {
			t.Errorf("ParseCount(%q) = %d,%v,%v; want %d,%v,%v", tt.in, n, approx, ok, tt.n, tt.approx, tt.ok)
		}
	}
}

// pageView is a Page as its golden file shows it.
type pageView struct {
	Page
	Problems []string
}

func TestParsePageGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParsePage(b)
			if err != nil {
				t.Fatal(err)
			}
			v := pageView{Page: p}
			for _, e := range p.Problems {
				v.Problems = append(v.Problems, e.Error())
			}
			v.Page.Problems = nil
			fakeapi.Golden(t, name+".golden.json", v)
		})
	}
}

func TestParsePageIgnoresScriptsAndForeignLinks(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "page-latest.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := ParsePage(b)
	for _, m := range p.Posts {
		if m.ID == 999 {
			t.Error("a message inside a <script> was taken for a post")
		}
		if strings.Contains(m.Text, "alert") || strings.Contains(m.URL, "javascript") {
			t.Errorf("script text or link kept: %+v", m)
		}
		if strings.Contains(m.Text, "quoted") || strings.Contains(m.Text, "card text") {
			t.Errorf("reply quote or link card taken as text: %q", m.Text)
		}
	}
}

// FuzzParsePage checks that no page, however broken, panics the parser or
// yields a post that could not be stored.
func FuzzParsePage(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<div class="tgme_widget_message" data-post="abcd/5"><time datetime="2026-01-01T00:00:00Z">`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePage(b)
		if err != nil {
			return
		}
		for _, m := range p.Posts {
			if m.ID <= 0 || m.Published.IsZero() || !ValidChannel(m.Channel) {
				t.Fatalf("post that cannot be stored: %+v", m)
			}
			if m.Views.Valid && m.Views.N < 0 {
				t.Fatalf("negative views: %+v", m)
			}
			if !strings.HasPrefix(m.URL, "https://t.me/") {
				t.Fatalf("foreign link kept: %q", m.URL)
			}
		}
		if p.Subscribers.Valid && p.Subscribers.N < 0 {
			t.Fatalf("negative subscribers")
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"845", "1.2K", "3.45M", "2 301", "1,234", "9B", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, approx, ok := ParseCount(s)
		if ok && n < 0 {
			t.Fatalf("ParseCount(%q) = %d", s, n)
		}
		if !ok && (n != 0 || approx) {
			t.Fatalf("ParseCount(%q) failed but returned %d,%v", s, n, approx)
		}
	})
}

func BenchmarkParsePage(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "page-latest.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ParsePage(page); err != nil {
			b.Fatal(err)
		}
	}
}
