package importer

import (
	"fmt"
	"testing"

	"kopuro"
)

func TestMatcherBundledRegistry(t *testing.T) {
	insts, err := bundledInstitutions()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(insts)
	for _, tc := range []struct {
		name string
		want string // codes, comma-separated; "" for no match
	}{
		{"American University of Central Asia", "auca"},
		{"american university of central asia (AUCA)", "auca"},
		{"AUCA", "auca"},
		{"АУЦА", "auca"},
		{"Kyrgyz National University", "knu"},
		{"Kyrgyz National University named after J. Balasagyn", "knu"},
		{"Jusup Balasagyn Kyrgyz National University", "knu"},
		{"Кыргызский национальный университет имени Жусупа Баласагына", "knu"},
		{"Ж.Баласагын атындагы Кыргыз улуттук университети", "knu"},
		{"Кыргыз улуттук университети", "knu"},
		{"Кыргызско-Турецкий университет \"Манас\"", "manas"},
		{"Kyrgyz Turkish Manas University", "manas"},
		{"КЫРГЫЗ-ТҮРК «МАНАС» УНИВЕРСИТЕТИ", "manas"},
		{"ОшГУ", "oshsu"},
		{"Osh State University", "oshsu"},
		{"Кыргызская государственная медицинская академия им. И.К. Ахунбаева", "ksma"},
		{"Isa Akhunbaev Kyrgyz State Medical Academy", "ksma"},
		{"Ala-Too International University", "alatoo"},
		{"Международный университет Ала-Тоо", "alatoo"},
		// Near misses must not match: another university's name, a
		// different honoree, a shortened name that drops a core word.
		{"Kyrgyz State University", ""},
		{"Kyrgyz National University named after T. Satylganov", ""},
		{"National University", ""},
		{"Kyrgyz University", ""},
		{"", ""},
		{"«»", ""},
	} {
		got := fmt.Sprint(m.Match(tc.name))
		want := "[]"
		if tc.want != "" {
			want = "[" + tc.want + "]"
		}
		if got != want {
			t.Errorf("Match(%q) = %s, want %s", tc.name, got, want)
		}
	}
}

func TestMatcherAmbiguous(t *testing.T) {
	m := NewMatcher([]kopuro.Institution{
		{Code: "isu-a", Name: kopuro.Text{EN: "Issyk-Kul State University"}, Short: kopuro.Text{EN: "IKSU"}},
		{Code: "isu-b", Name: kopuro.Text{EN: "Issyk-Kul State University named after K. Tynystanov"}, Short: kopuro.Text{EN: "IKSU"}},
	})
	if got := m.Match("IKSU"); len(got) != 2 {
		t.Errorf("Match(IKSU) = %v, want both", got)
	}
	if got := m.Match("Issyk-Kul State University"); len(got) != 2 {
		t.Errorf("Match(full name) = %v, want both", got)
	}
	if got := m.Match("Kasym Tynystanov Issyk-Kul State University"); fmt.Sprint(got) != "[isu-b]" {
		t.Errorf("Match(with honoree) = %v, want [isu-b]", got)
	}
}
