package analyze

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"kopuro"
	"kopuro/codebook"
)

func newEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(codebook.Default())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// fixtureCase is one line of testdata/*.jsonl: a text we wrote with the
// labels it must get (absent flags are not checked).
type fixtureCase struct {
	Lang     string `json:"lang"`
	Category string `json:"category"`
	Area     string `json:"area"`
	CTA      *bool  `json:"cta"`
	Question *bool  `json:"question"`
	Story    *bool  `json:"story"`
	Text     string `json:"text"`
}

func readCases(t *testing.T, path string) []fixtureCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixtureCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c fixtureCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c)
	}
	return out
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

// Every category and every third-mission area, in each language.
func TestCategoriesAndAreas(t *testing.T) {
	e := newEngine(t)
	seen := map[string]bool{}
	for _, c := range readCases(t, "testdata/categories.jsonl") {
		r := e.Analyze(c.Text)
		seen[c.Lang+"/"+c.Category+"/"+c.Area] = true
		if string(r.Lang) != c.Lang || string(r.Category) != c.Category || string(r.Area) != c.Area {
			t.Errorf("%s: got %s/%s/%s, want %s/%s/%s (scores %v)", short(c.Text), r.Lang, r.Category, r.Area, c.Lang, c.Category, c.Area, r.Scores)
		}
		if r.Category != kopuro.ThirdMission && r.Area != "" {
			t.Errorf("%s: area %s without third_mission", short(c.Text), r.Area)
		}
		if err := r.Labels.Validate(); err != nil {
			t.Errorf("%s: %v", short(c.Text), err)
		}
	}
	for _, l := range []string{"ky", "ru", "en"} {
		for _, cat := range kopuro.Categories {
			if cat == kopuro.ThirdMission {
				for _, a := range kopuro.Areas {
					if !seen[l+"/third_mission/"+string(a)] {
						t.Errorf("no fixture for %s %s", l, a)
					}
				}
			} else if !seen[l+"/"+string(cat)+"/"] {
				t.Errorf("no fixture for %s %s", l, cat)
			}
		}
	}
}

// Questions to the audience, calls to action and stories, with negatives
// (a headline's rhetorical question, a report after the event, a protocol).
func TestStyles(t *testing.T) {
	e := newEngine(t)
	for _, c := range readCases(t, "testdata/styles.jsonl") {
		r := e.Analyze(c.Text)
		for _, f := range []struct {
			name string
			want *bool
			got  bool
		}{{"question", c.Question, r.Question}, {"cta", c.CTA, r.CTA}, {"story", c.Story, r.Story}} {
			if f.want != nil && *f.want != f.got {
				t.Errorf("%s (%s): %s = %v, want %v (score %v)", short(c.Text), c.Lang, f.name, f.got, *f.want, r.Scores.Value(f.name))
			}
		}
		if string(r.Lang) != c.Lang {
			t.Errorf("%s: lang %s, want %s", short(c.Text), r.Lang, c.Lang)
		}
	}
}

func TestSDGHashtags(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		text string
		want []int
	}{
		{"Студенттер мектеп окуучуларына сабак өтүштү #ТӨМ4", []int{4}},
		{"Студенты провели урок для школьников #ЦУР4 #ЦУР10", []int{4, 10}},
		{"Our students taught a class at a local school. #SDG4 #SDG_5", []int{4, 5}},
		{"Жыйынтыгында ТӨМ 13 жана ТӨМ-15 боюнча долбоорлор тандалды.", []int{13, 15}},
		{"#GlobalGoal6 Clean water for every village.", []int{6}},
		{"A photo from our graduation #SDG18 #SDG0", []int{}},
		{"#SDG1 #SDG2 #SDG3 #SDG4 all at once", []int{1, 2, 3}},
	}
	for _, tt := range tests {
		r := e.Analyze(tt.text)
		got := r.SDGs
		if len(tt.want) > 0 && len(tt.want) < 3 {
			// lexicon goals may join the tagged ones; the tags must lead
			got = got[:min(len(got), len(tt.want))]
		}
		if !reflect.DeepEqual(sortedInts(got), sortedInts(tt.want)) {
			t.Errorf("%q: SDGs %v, want %v", tt.text, r.SDGs, tt.want)
		}
		if len(r.SDGs) > 3 {
			t.Errorf("%q: more than three SDGs: %v", tt.text, r.SDGs)
		}
	}
}

func sortedInts(s []int) []int {
	out := append([]int{}, s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestEvidenceOffsets(t *testing.T) {
	e := newEngine(t)
	text := "Ыктыярчылар шаардагы паркты таштандыдан тазалашты. Volunteers planted trees."
	r := e.Analyze(text)
	rs := []rune(text)
	if len(r.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	for _, ev := range r.Evidence {
		if ev.Start < 0 || ev.End > len(rs) || ev.Start >= ev.End {
			t.Fatalf("bad offsets %+v", ev)
		}
		span := Fold(string(rs[ev.Start:ev.End]))
		stem := strings.TrimPrefix(strings.TrimSuffix(strings.Fields(ev.Term)[0], "*"), "=")
		if ev.Term != "“…”" && !strings.HasPrefix(span, firstRunes(stem, 3)) && !strings.HasPrefix(ev.Term, "#") {
			t.Errorf("evidence %q does not point at its term (%q)", ev.Term, span)
		}
	}
}

func TestResultJSON(t *testing.T) {
	e := newEngine(t)
	r := e.Analyze("Поздравляем всех с Новым годом!")
	r.ID = json.RawMessage(`"p1"`)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	wantOrder := []string{`{"id":"p1"`, `"lang":"ru"`, `"category":"contextual"`, `"tm_area":null`, `"sdgs":[]`, `"cta":false`, `"question":false`, `"story":false`, `"hashtags":[]`, `"scores":{`, `"evidence":[`}
	pos := 0
	for _, w := range wantOrder {
		i := strings.Index(s[pos:], w)
		if i < 0 {
			t.Fatalf("%s: missing or out of order %s", s, w)
		}
		pos += i
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Category != r.Category || back.Lang != r.Lang || string(back.ID) != `"p1"` {
		t.Errorf("round trip: %+v", back)
	}
	tm := e.Analyze("Волонтёры провели благотворительную акцию для детского дома.")
	b, _ = json.Marshal(tm)
	if !strings.Contains(string(b), `"tm_area":"civic_volunteering"`) || !strings.Contains(string(b), `"id":null`) {
		t.Errorf("third-mission JSON: %s", b)
	}
}

func TestCoding(t *testing.T) {
	e := newEngine(t)
	r := e.Analyze("Студенты-волонтёры собрали вещи для детского дома. #ЦУР1")
	c := r.Coding(42, e.Codebook().Version())
	if c.PostID != 42 || c.Codebook != e.Codebook().Version() || !c.Machine() {
		t.Errorf("coding header %+v", c)
	}
	if c.Labels.Category != r.Category || c.Labels.Area != r.Area || !reflect.DeepEqual(c.Labels.SDGs, r.SDGs) {
		t.Errorf("labels differ: %+v vs %+v", c.Labels, r.Labels)
	}
	if err := c.Labels.Validate(); err != nil {
		t.Error(err)
	}
	c.Scores["third_mission"] = -1
	if r.Scores.Value("third_mission") == -1 {
		t.Error("Coding shares the scores map with the result")
	}
}

func TestAnalyzeConcurrent(t *testing.T) {
	e := newEngine(t)
	texts := []string{"Ыктыярчылар паркты тазалашты.", "Приём документов начинается.", "Hackathon for student startups!"}
	want := make([]string, len(texts))
	for i, s := range texts {
		b, _ := json.Marshal(e.Analyze(s))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := k % len(texts)
				b, _ := json.Marshal(e.Analyze(texts[i]))
				if string(b) != want[i] {
					t.Errorf("result changed under concurrency: %s", b)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestNewNil(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

// An analyst's codebook changes the coding: a term moved between areas.
func TestCustomCodebook(t *testing.T) {
	raw := codebook.Default().Raw()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["version"] = "test-1"
	for _, c := range m["categories"].([]any) {
		if cm := c.(map[string]any); cm["id"] == "research" {
			cm["terms"].(map[string]any)["en"].(map[string]any)["ministry of science"] = -3.0
		}
	}
	areas := m["areas"].([]any)
	for _, a := range areas {
		am := a.(map[string]any)
		if am["id"] == "lifelong_learning" {
			am["terms"].(map[string]any)["en"].(map[string]any)["kite flying"] = 9.0
		}
	}
	b, _ := json.Marshal(m)
	cb, err := codebook.Load(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cb)
	if err != nil {
		t.Fatal(err)
	}
	r := e.Analyze("Kite flying for the residents of the district, with our community.")
	if r.Area != kopuro.LifelongLearning {
		t.Errorf("custom term ignored: %s/%s %v", r.Category, r.Area, r.Scores)
	}
	// The negative phrase claims "science" before scien* can.
	if r := e.Analyze("The Ministry of Science met the mayor."); r.Scores.Value("research") >= 0 {
		t.Errorf("negative phrase ignored: research %v", r.Scores.Value("research"))
	}
	if e.Codebook().Version() != "test-1" {
		t.Error("version")
	}
}

// A long repetitive text keeps a bounded coding: evidence per label is
// capped and a repeated tag counts once.
func TestLongTextBounded(t *testing.T) {
	e := newEngine(t)
	text := strings.Repeat("Волонтёры университета помогли детскому дому. #ЦУР4 ", 2000)
	r := e.Analyze(text)
	per := map[string]int{}
	for _, ev := range r.Evidence {
		per[ev.Label]++
	}
	for l, n := range per {
		if n > maxEvidence {
			t.Errorf("%s: %d pieces of evidence", l, n)
		}
	}
	if r.Category != kopuro.ThirdMission || len(r.SDGs) == 0 || r.SDGs[0] != 4 {
		t.Errorf("got %s %v", r.Category, r.SDGs)
	}
	once := e.Analyze("Волонтёры университета помогли детскому дому. #ЦУР4")
	if r.Scores.Value("sdg4") > 3*once.Scores.Value("sdg4") {
		t.Errorf("sdg4 grew with repetition: %v vs %v", r.Scores.Value("sdg4"), once.Scores.Value("sdg4"))
	}
}
