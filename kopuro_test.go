package kopuro

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	d := Date{2024, time.February, 0}
	when := time.Date(2025, 3, 1, 9, 0, 0, 0, time.FixedZone("", 6*3600))
	tests := []struct {
		name    string
		v       interface{ Validate() error }
		wantKey string // "" for valid
		field   string
	}{
		{"institution ok", &Institution{Code: "auca", Name: Text{EN: "AUCA"}}, "", ""},
		{"institution bad code", &Institution{Code: "AUCA!", Name: Text{EN: "AUCA"}}, "error.institution_code", "code"},
		{"institution no name", &Institution{Code: "auca"}, "error.institution_name", "name"},
		{"institution bad type", &Institution{Code: "auca", Name: Text{EN: "x"}, Type: "state"}, "error.institution_type", "type"},
		{"institution negative students", &Institution{Code: "auca", Name: Text{EN: "x"}, Students: -1}, "error.negative", "students"},
		{"account ok", &Account{Platform: Instagram, Handle: "@AUCA"}, "", ""},
		{"account placeholder ok", &Account{Platform: YouTube, Institution: "knu"}, "", ""},
		{"account nothing", &Account{Platform: Instagram}, "error.account_ref", "handle"},
		{"account bad platform", &Account{Platform: "myspace", Handle: "a"}, "error.platform", "platform"},
		{"account handle space", &Account{Platform: TikTok, Handle: "a b"}, "error.handle", "handle"},
		{"account bad url", &Account{Platform: TikTok, Handle: "ab", URL: "javascript:alert(1)"}, "error.url", "url"},
		{"snapshot ok", &Snapshot{Metric: MetricFollowers, Value: Known(5), AsOf: d}, "", ""},
		{"snapshot none ok", &Snapshot{Metric: MetricFollowers, Precision: None, AsOf: d}, "", ""},
		{"snapshot none with value", &Snapshot{Metric: MetricFollowers, Precision: None, Value: Known(0), AsOf: d}, "error.none_with_value", "value"},
		{"snapshot exact without value", &Snapshot{Metric: MetricFollowers, Precision: Exact, AsOf: d}, "error.value_missing", "value"},
		{"snapshot negative", &Snapshot{Metric: MetricFollowers, Value: Known(-3), AsOf: d}, "error.negative", "value"},
		{"snapshot no date", &Snapshot{Metric: MetricFollowers, Value: Known(3)}, "error.required", "as_of"},
		{"snapshot bad metric", &Snapshot{Metric: "likes", Value: Known(3), AsOf: d}, "error.metric", "metric"},
		{"snapshot bad precision", &Snapshot{Metric: MetricPosts, Precision: "about", Value: Known(3), AsOf: d}, "error.precision", "precision"},
		{"post ok", &Post{Platform: Telegram, ExternalID: "c/1", Account: AccountRef{Handle: "c"}, Published: when}, "", ""},
		{"post no id", &Post{Platform: Telegram, Account: AccountRef{Handle: "c"}, Published: when}, "error.required", "external_id"},
		{"post no time", &Post{Platform: Telegram, ExternalID: "1", Account: AccountRef{Handle: "c"}}, "error.required", "published"},
		{"post bad format", &Post{Platform: Telegram, ExternalID: "1", Account: AccountRef{Handle: "c"}, Published: when, Format: "gif"}, "error.format", "format"},
		{"post negative likes", &Post{Platform: Telegram, ExternalID: "1", Account: AccountRef{Handle: "c"}, Published: when, Likes: Known(-1)}, "error.negative", "likes"},
		{"post platform mismatch", &Post{Platform: Telegram, ExternalID: "1", Account: AccountRef{Platform: X, Handle: "c"}, Published: when}, "error.platform_mismatch", "platform"},
		{"comment ok", &Comment{Platform: YouTube, PostExternalID: "v", ExternalID: "c"}, "", ""},
		{"comment no post", &Comment{Platform: YouTube, ExternalID: "c"}, "error.required", "post_external_id"},
		{"labels ok", &Labels{Lang: KY, Category: ThirdMission, Area: CivicVolunteering, SDGs: []int{4, 10}}, "", ""},
		{"labels area without tm", &Labels{Category: Research, Area: CivicVolunteering}, "error.area_without_tm", "tm_area"},
		{"labels four sdgs", &Labels{Category: ThirdMission, SDGs: []int{1, 2, 3, 4}}, "error.sdg_count", "sdgs"},
		{"labels sdg 18", &Labels{Category: ThirdMission, SDGs: []int{18}}, "error.sdg", "sdgs"},
		{"labels bad lang", &Labels{Lang: "kk", Category: Teaching}, "error.lang", "lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate()
			if tt.wantKey == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			e := AsError(err)
			if e == nil || e.Key != tt.wantKey || e.Field != tt.field || e.Code != EInvalid {
				t.Fatalf("err = %#v, want key %s field %s", err, tt.wantKey, tt.field)
			}
		})
	}
}

func TestPostValidateNormalises(t *testing.T) {
	p := Post{Platform: Instagram, ExternalID: "x", Account: AccountRef{Handle: " @Salymbekov.University "},
		Published: time.Date(2025, 3, 1, 9, 0, 0, 0, time.FixedZone("", 6*3600))}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Account.Handle != "salymbekov.university" || p.Account.Platform != Instagram || p.Published.Location() != time.UTC || p.Published.Hour() != 3 {
		t.Errorf("not normalised: %+v", p)
	}
	if NormalizeHandle(YouTube, "UCabcdefghijklmnopqrstuV") != "UCabcdefghijklmnopqrstuV" {
		t.Error("a YouTube channel id lost its case")
	}
}

func TestDate(t *testing.T) {
	for _, s := range []string{"2024-02", "2025-06-15"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("%s → %v, %v", s, d, err)
		}
	}
	for _, s := range []string{"", "2024", "2024-13", "15.06.2025", "2025-02-30"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("%q parsed", s)
		}
	}
	m, _ := ParseDate("2024-02")
	if got := m.Mid(); got != time.Date(2024, 2, 15, 12, 0, 0, 0, time.UTC) {
		t.Errorf("mid of February 2024 = %v", got)
	}
}

func TestCountJSON(t *testing.T) {
	var v struct{ A, B Count }
	if err := json.Unmarshal([]byte(`{"A":0,"B":null}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != Known(0) || v.B.Valid {
		t.Errorf("decoded %+v: zero and missing must differ", v)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"A":0,"B":null}` {
		t.Errorf("encoded %s", b)
	}
}

func TestHashtagsAndMentions(t *testing.T) {
	tests := []struct {
		text       string
		tags, ment []string
	}{
		{"Ыктыярчылар #ЫктыярчыКүнү #SDG4 #sdg4, C# and #1", []string{"ыктыярчыкүнү", "sdg4"}, nil},
		{"Спасибо @kstu.kg и @Manas_Univ. Пишите: info@auca.kg", nil, []string{"kstu.kg", "manas_univ"}},
		{"#ЦУР4#ТӨМ4", []string{"цур4", "төм4"}, nil},
	}
	for _, tt := range tests {
		if got := Hashtags(tt.text); !reflect.DeepEqual(got, tt.tags) {
			t.Errorf("Hashtags(%q) = %q, want %q", tt.text, got, tt.tags)
		}
		if got := Mentions(tt.text); !reflect.DeepEqual(got, tt.ment) {
			t.Errorf("Mentions(%q) = %q, want %q", tt.text, got, tt.ment)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	e := Errorf(EInvalid, "error.x", "bad %s", "thing").InField("likes").At("a.csv", 3)
	if e.Error() != "a.csv:3: field likes: bad thing" {
		t.Errorf("got %q", e.Error())
	}
	if ErrorCode(nil) != "" || ErrorCode(e) != EInvalid {
		t.Error("ErrorCode")
	}
}
