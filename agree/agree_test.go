package agree

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"kopuro"
)

// Every expectation below is worked out by hand in its comment.
func TestNominal(t *testing.T) {
	rep := func(s string, n int) []string { return strings.Split(strings.Repeat(s+" ", n)[:len(s+" ")*n-1], " ") }
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name         string
		a, b         []string
		agree, kappa float64 // kappa NaN: undefined
	}{
		// po = 3/4; pa(x)=pa(y)=1/2, pb(x)=1/4, pb(y)=3/4; pe = 1/8+3/8 = 1/2; κ = (3/4−1/2)/(1/2) = 1/2.
		{"two values", []string{"x", "x", "y", "y"}, []string{"x", "y", "y", "y"}, 0.75, 0.5},
		// 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. po = 35/50 = .7;
		// pa(yes) = 25/50, pb(yes) = 30/50; pe = .5·.6 + .5·.4 = .5; κ = .2/.5 = .4.
		{"2x2 table", cat(rep("yes", 25), rep("no", 25)), cat(rep("yes", 20), rep("no", 5), rep("yes", 10), rep("no", 15)), 0.7, 0.4},
		// po = 0; pe = 1/4+1/4 = 1/2; κ = −1/2 / 1/2 = −1.
		{"always opposite", []string{"x", "y"}, []string{"y", "x"}, 0, -1},
		// po = 2/3; pa(x) = 1, pb(x) = 2/3; pe = 2/3; κ = 0.
		{"chance level", []string{"x", "x", "x"}, []string{"x", "x", "y"}, 2.0 / 3, 0},
		// po = 4/6; pa = (2,1,3)/6, pb = (2,2,2)/6; pe = (4+2+6)/36 = 1/3; κ = (1/3)/(2/3) = 1/2.
		{"three values", []string{"a", "a", "b", "c", "c", "c"}, []string{"a", "b", "b", "c", "c", "a"}, 4.0 / 6, 0.5},
		// Both always say x: po = pe = 1, κ = 0/0, undefined.
		{"one value only", []string{"x", "x", "x"}, []string{"x", "x", "x"}, 1, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Nominal(tt.a, tt.b)
			if s.N != len(tt.a) || math.Abs(s.Agreement-tt.agree) > 1e-12 {
				t.Errorf("n %d agreement %v, want %d %v", s.N, s.Agreement, len(tt.a), tt.agree)
			}
			if math.IsNaN(tt.kappa) != !s.KappaDefined() || (s.KappaDefined() && math.Abs(s.Kappa-tt.kappa) > 1e-12) {
				t.Errorf("kappa %v, want %v", s.Kappa, tt.kappa)
			}
		})
	}
	if s := Nominal[string](nil, nil); s.N != 0 || s.KappaDefined() {
		t.Errorf("no items: %+v", s)
	}
}

func TestScoreJSONUndefinedKappa(t *testing.T) {
	b, err := json.Marshal(FieldScore{"cta", Nominal([]bool{true}, []bool{true})})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"field":"cta","n":1,"agreement":1,"kappa":null}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestPairs(t *testing.T) {
	tm := func(area kopuro.Area, sdgs ...int) kopuro.Labels {
		return kopuro.Labels{Lang: kopuro.KY, Category: kopuro.ThirdMission, Area: area, SDGs: sdgs}
	}
	teach := kopuro.Labels{Lang: kopuro.RU, Category: kopuro.Teaching, SDGs: []int{4}}
	cs := []kopuro.Coding{
		// Post 1: everyone says third mission, volunteering; goals differ in order only for b.
		{PostID: 1, Labels: tm(kopuro.CivicVolunteering, 4, 10)},
		{PostID: 1, Coder: "a", Labels: tm(kopuro.CivicVolunteering, 4, 10)},
		{PostID: 1, Coder: "b", Labels: tm(kopuro.CivicVolunteering, 10, 4)},
		// Post 2: machine teaching; a and b say third mission, community.
		{PostID: 2, Labels: teach},
		{PostID: 2, Coder: "a", Labels: tm(kopuro.CommunityEngagement)},
		{PostID: 2, Coder: "b", Labels: tm(kopuro.CommunityEngagement, 4)},
		// Post 3: only the machine and a.
		{PostID: 3, Labels: teach},
		{PostID: 3, Coder: "a", Labels: teach},
	}
	ps := Pairs(cs)
	if len(ps) != 3 {
		t.Fatalf("%d pairs: %+v", len(ps), ps)
	}
	got := map[string]Pair{}
	for _, p := range ps {
		got[p.A+"|"+p.B] = p
	}
	score := func(p Pair, f string) Score {
		for _, fs := range p.Fields {
			if fs.Field == f {
				return fs.Score
			}
		}
		t.Fatalf("pair %s|%s has no field %s", p.A, p.B, f)
		return Score{}
	}
	ma, mb, ab := got["|a"], got["|b"], got["a|b"]
	if ma.Posts != 3 || mb.Posts != 2 || ab.Posts != 2 {
		t.Fatalf("posts: machine–a %d, machine–b %d, a–b %d", ma.Posts, mb.Posts, ab.Posts)
	}
	// machine–a category: (tm,tm), (teach,tm), (teach,teach): po = 2/3;
	// pm = tm 1/3, teach 2/3; pa = tm 2/3, teach 1/3; pe = 2/9+2/9 = 4/9;
	// κ = (6/9−4/9)/(5/9) = 2/5.
	if s := score(ma, FieldCategory); math.Abs(s.Agreement-2.0/3) > 1e-12 || math.Abs(s.Kappa-0.4) > 1e-12 {
		t.Errorf("machine–a category: %+v", s)
	}
	// a–b: category all third mission on both: κ undefined, agreement 1.
	if s := score(ab, FieldCategory); s.Agreement != 1 || s.KappaDefined() {
		t.Errorf("a–b category: %+v", s)
	}
	// a–b SDG sets: {4,10}={10,4} agree, {} vs {4} differ: po = 1/2;
	// a: "4,10" 1/2, "" 1/2; b: "4,10" 1/2, "4" 1/2; pe = 1/4; κ = (1/4)/(3/4) = 1/3.
	if s := score(ab, FieldSDGs); s.Agreement != 0.5 || math.Abs(s.Kappa-1.0/3) > 1e-12 {
		t.Errorf("a–b sdgs: %+v", s)
	}
	// a–b goal 4: (yes,yes), (no,yes): po = 1/2; pa(yes) = 1/2, pb(yes) = 1;
	// pe = 1/2·1 + 1/2·0 = 1/2; κ = 0.
	if s := score(ab, SDGField(4)); s.Agreement != 0.5 || math.Abs(s.Kappa) > 1e-12 {
		t.Errorf("a–b sdg_4: %+v", s)
	}
	// Goal 10 appears; goal 5 nobody gave, so it is not listed.
	score(ab, SDGField(10))
	for _, f := range ab.Fields {
		if f.Field == SDGField(5) {
			t.Errorf("sdg_5 listed though nobody gave it")
		}
	}
}

func FuzzNominal(f *testing.F) {
	f.Add("xxyy", "xyyy")
	f.Add("aaa", "aaa")
	f.Fuzz(func(t *testing.T, a, b string) {
		n := min(len(a), len(b))
		s := Nominal([]byte(a[:n]), []byte(b[:n]))
		if s.Agreement < 0 || s.Agreement > 1 {
			t.Fatalf("agreement %v", s.Agreement)
		}
		if s.KappaDefined() && (s.Kappa > 1+1e-9 || s.Kappa < -1-1e-9) {
			t.Fatalf("kappa %v out of [-1, 1]", s.Kappa)
		}
	})
}
