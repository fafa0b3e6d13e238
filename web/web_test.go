package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"kopuro"
	"kopuro/i18n"
	"kopuro/importer"
	"kopuro/store"
	"kopuro/store/storetest"
)

// missingKey matches what Catalog.T renders for a key it does not have.
var missingKey = regexp.MustCompile(`[>"]![a-z_]+\.[a-z_.]+`)

// newTestServer returns a server over a store seeded with the study data.
func newTestServer(t *testing.T) (*Server, *store.DB) {
	t.Helper()
	db := storetest.New(t)
	if err := db.Import(context.Background(), func(tx *store.ImportTx) error {
		_, err := importer.Seed(context.Background(), tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	return s, db
}

func get(t *testing.T, h http.Handler, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	return send(t, h, "GET", url, "", hdr...)
}

// cellOf returns the Table 1 cell of an institution's row and a platform
// column, as rendered.
func cellOf(t *testing.T, body, code string, col int) string {
	t.Helper()
	start := strings.Index(body, `<table class="table1">`)
	end := strings.Index(body[start:], `</table>`)
	table := body[start : start+end]
	i := strings.Index(table, `href="/institutions/`+code+`"`)
	if i < 0 {
		t.Fatalf("no Table 1 row for %s", code)
	}
	row := table[i:]
	row = row[:strings.Index(row, "</tr>")]
	cells := strings.Split(row, "<td")[1:]
	if col >= len(cells) {
		t.Fatalf("row %s has %d cells", code, len(cells))
	}
	return cells[col]
}

func TestOverviewTable1AllLanguages(t *testing.T) {
	s, _ := newTestServer(t)
	cat := i18n.Embedded()
	// Columns: Instagram, Facebook, YouTube, TikTok, Telegram.
	tests := []struct {
		code string
		col  int
		want map[string]string // language → rendered value
	}{
		{"salymbekov", 0, map[string]string{"en": "94,950", "ru": "94\u202f950", "ky": "94\u202f950"}},
		{"knu", 0, map[string]string{"en": "~1,300", "ru": "~1\u202f300", "ky": "~1\u202f300"}},
		{"oshsu", 0, map[string]string{"en": "&lt;1,000", "ru": "&lt;1\u202f000", "ky": "&lt;1\u202f000"}},
		{"bsu-karasaev", 1, map[string]string{"en": "&lt;500", "ru": "&lt;500", "ky": "&lt;500"}},
		{"ksma", 2, map[string]string{"en": "23,100", "ru": "23\u202f100", "ky": "23\u202f100"}},
	}
	for _, lang := range i18n.Langs {
		res, body := get(t, s, "/?lang="+lang)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", lang, res.StatusCode)
		}
		if !strings.Contains(body, `<html lang="`+lang+`">`) || !strings.Contains(body, cat.T(lang, "overview.table1")) {
			t.Errorf("%s: page not in %s", lang, lang)
		}
		for _, tt := range tests {
			if c := cellOf(t, body, tt.code, tt.col); !strings.Contains(c, `<span class="v">`+tt.want[lang]+`</span>`) {
				t.Errorf("%s: %s col %d = %s, want %s", lang, tt.code, tt.col, c, tt.want[lang])
			}
		}
		// KNU has no YouTube data: "N/A" in the language's own words.
		none := cat.T(lang, "value.none")
		if c := cellOf(t, body, "knu", 2); !strings.Contains(c, `<span class="v">`+none+`</span>`) {
			t.Errorf("%s: knu youtube = %s, want %s", lang, c, none)
		}
		// Dates and sources are shown with the figures.
		if c := cellOf(t, body, "salymbekov", 0); !strings.Contains(c, i18n.FormatMonth(lang, 2024, 2)) || !strings.Contains(c, "unirank.org") {
			t.Errorf("%s: salymbekov instagram lacks date or source: %s", lang, c)
		}
		for _, name := range []string{"overview.presence", "overview.leaderboards"} {
			if !strings.Contains(body, cat.T(lang, name)) {
				t.Errorf("%s: missing section %s", lang, name)
			}
		}
		if m := missingKey.FindString(body); m != "" {
			t.Errorf("%s: catalogue key missing on the page: %s", lang, m)
		}
	}
}

func TestLanguageNegotiation(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		url, accept, cookie, want string
	}{
		{"/", "", "", "ky"},
		{"/", "ru-RU,ru;q=0.9,en;q=0.8", "", "ru"},
		{"/", "de-DE,en;q=0.5", "", "en"},
		{"/", "en;q=0.2,ky;q=0.9", "", "ky"},
		{"/", "ru", "en", "en"},
		{"/?lang=ru", "en", "ky", "ru"},
		{"/?lang=de", "", "", "ky"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", tt.url, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Language", tt.accept)
		}
		if tt.cookie != "" {
			req.AddCookie(&http.Cookie{Name: langCookie, Value: tt.cookie})
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if !strings.Contains(rec.Body.String(), `<html lang="`+tt.want+`">`) {
			t.Errorf("%s accept=%q cookie=%q: want %s", tt.url, tt.accept, tt.cookie, tt.want)
		}
		if strings.Contains(tt.url, "lang=ru") {
			c := rec.Result().Cookies()
			if len(c) != 1 || c[0].Value != "ru" || !c[0].HttpOnly || c[0].SameSite != http.SameSiteLaxMode {
				t.Errorf("?lang=ru did not set the cookie: %+v", c)
			}
		}
	}
}

func TestAPILeaderboard(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/leaderboard?platform=instagram")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var got struct {
		Platform string `json:"platform"`
		Entries  []struct {
			Institution string  `json:"institution"`
			Metric      string  `json:"metric"`
			Value       *int64  `json:"value"`
			Precision   string  `json:"precision"`
			AsOf        string  `json:"as_of"`
			Source      *string `json:"source"`
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Platform != "instagram" || len(got.Entries) != 12 {
		t.Fatalf("platform %s with %d entries", got.Platform, len(got.Entries))
	}
	first := got.Entries[0]
	if first.Institution != "salymbekov" || *first.Value != 94950 || first.Precision != "exact" || first.AsOf != "2024-02" || *first.Source != "unirank.org" || first.Metric != "followers" {
		t.Errorf("first entry = %+v", first)
	}
	if !strings.Contains(body, `{"institution":"salymbekov","metric":"followers","value":94950,"precision":"exact","as_of":"2024-02","source":"unirank.org"}`) {
		t.Errorf("entry shape differs from the documented one: %s", body[:200])
	}
	// Descending by value, "none" last with a null value.
	seenNone := false
	for i, e := range got.Entries {
		if e.Value == nil {
			seenNone = true
			if e.Precision != "none" {
				t.Errorf("null value with precision %s", e.Precision)
			}
			continue
		}
		if seenNone {
			t.Errorf("entry %d (%s) has a value after a none entry", i, e.Institution)
		}
		if i > 0 && got.Entries[i-1].Value != nil && *got.Entries[i-1].Value < *e.Value {
			t.Errorf("not descending at %d", i)
		}
	}
	if !seenNone {
		t.Error("no none entries: KSTU, KSMA and IUK have no Instagram data")
	}
	if res, body := get(t, s, "/api/v1/leaderboard?platform=myspace"); res.StatusCode != 400 || !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, `"request_id"`) {
		t.Errorf("bad platform: %d %s", res.StatusCode, body)
	}
}

func TestAPIInstitutions(t *testing.T) {
	s, _ := newTestServer(t)
	_, body := get(t, s, "/api/v1/institutions")
	var got []kopuro.Institution
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 17 {
		t.Fatalf("%d institutions", len(got))
	}
	for _, in := range got {
		if in.Code == "knu" && (in.Name.KY == "" || in.Name.RU == "" || in.Name.EN == "" || in.Short.RU != "КНУ") {
			t.Errorf("knu names = %+v", in)
		}
	}
}

func TestInstitutionPageAndErrors(t *testing.T) {
	s, db := newTestServer(t)
	// A note is data from a file: it must render as text.
	d, _ := kopuro.ParseDate("2025-07")
	if err := db.Import(context.Background(), func(tx *store.ImportTx) error {
		return tx.PutSnapshot(context.Background(), kopuro.AccountRef{Platform: kopuro.TikTok, Institution: "knu"},
			kopuro.Snapshot{Metric: kopuro.MetricFollowers, Value: kopuro.Known(12), AsOf: d, Note: `<script>alert(1)</script>`})
	}); err != nil {
		t.Fatal(err)
	}
	res, body := get(t, s, "/institutions/knu?lang=ru")
	if res.StatusCode != 200 || !strings.Contains(body, "Кыргызский национальный университет им. Ж. Баласагына") {
		t.Fatalf("status %d", res.StatusCode)
	}
	if strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("an imported note was not escaped")
	}
	if !strings.Contains(body, "~1\u202f300") || !strings.Contains(body, "Н/Д") {
		t.Error("knu history lacks ~1 300 or Н/Д")
	}
	res, body = get(t, s, "/institutions/nowhere?lang=en")
	if res.StatusCode != 404 || !strings.Contains(body, "There is no university with the code “nowhere”.") || !strings.Contains(body, res.Header.Get("X-Request-Id")) {
		t.Errorf("unknown institution: %d %s", res.StatusCode, body)
	}
	res, _ = get(t, s, "/no/such/page")
	if res.StatusCode != 404 {
		t.Errorf("unknown page: %d", res.StatusCode)
	}
	res, body = get(t, s, "/static/style.css")
	if res.StatusCode != 200 || !strings.Contains(body, ".presence") {
		t.Errorf("style.css: %d", res.StatusCode)
	}
}

// An internal error shows the request id and nothing of its text.
func TestInternalErrorHidden(t *testing.T) {
	s, db := newTestServer(t)
	db.Close()
	res, body := get(t, s, "/api/v1/institutions")
	if res.StatusCode != 500 || strings.Contains(body, "closed") || !strings.Contains(body, res.Header.Get("X-Request-Id")) {
		t.Errorf("%d %s", res.StatusCode, body)
	}
	res, body = get(t, s, "/?lang=en")
	if res.StatusCode != 500 || strings.Contains(body, "closed") || !strings.Contains(body, "Something went wrong on our side") {
		t.Errorf("%d %s", res.StatusCode, body)
	}
}
