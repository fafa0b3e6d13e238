package insight

import (
	"slices"
	"testing"
	"time"

	"kopuro"
	"kopuro/metrics"
)

func TestTextLangs(t *testing.T) {
	tests := []struct {
		text string
		want []kopuro.Lang
	}{
		{"Бул Айгүл, айылдагы мугалим. Ал биздин тренингден өтүп, балдарга программалоону үйрөтүп жатат.\n" +
			"This is Aigul, a village teacher who now teaches children programming after our training.", []kopuro.Lang{kopuro.KY, kopuro.EN}},
		{"Студенты провели субботник в парке и посадили деревья вместе с жителями района / Students planted trees in the park together with local residents", []kopuro.Lang{kopuro.RU, kopuro.EN}},
		{"Студенты провели субботник в парке и посадили деревья вместе с жителями района.\nСпасибо!", []kopuro.Lang{kopuro.RU}},
		{"#SDG4 🙂", nil},
	}
	for _, tt := range tests {
		if got := TextLangs(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("TextLangs(%.30q…) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// The engine's clustering finds the same story posted on two platforms
// with other hashtags.
func TestClustersFindCopies(t *testing.T) {
	p := metrics.Period{From: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}
	c := metrics.NewCollector(kopuro.Institution{Code: "x"}, p, nil)
	c.Fingerprint = newClusters()
	story := "Студенттер Ош облусундагы айылда жаңы спорт аянтчасын куруп, жергиликтүү балдар үчүн футбол мелдешин өткөрүштү"
	posts := []kopuro.Post{
		{Platform: kopuro.Instagram, AccountID: 1, Text: story + " #UniServiceWeek", Published: time.Date(2025, 4, 2, 9, 0, 0, 0, time.UTC)},
		{Platform: kopuro.Facebook, AccountID: 2, Text: story + " #KGTU4Community https://example.org", Published: time.Date(2025, 4, 3, 9, 0, 0, 0, time.UTC)},
		{Platform: kopuro.Telegram, AccountID: 3, Text: "Университетте жаңы китепкана ачылды, окурмандар үчүн эмгек китептери жана заманбап компьютерлер бар", Published: time.Date(2025, 4, 4, 9, 0, 0, 0, time.UTC)},
	}
	for _, po := range posts {
		if err := c.AddCodedPost(po, nil); err != nil {
			t.Fatal(err)
		}
	}
	sc := c.Result(p.To, metrics.DefaultIndexConfig())
	if v := sc.Values[metrics.DuplicateRate]; v.V < 66.6 || v.V > 66.7 || sc.Duplicates.Posts != 3 {
		t.Errorf("duplicate rate = %+v over %d posts, want 2 of 3", v, sc.Duplicates.Posts)
	}
}
