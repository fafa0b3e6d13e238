package web

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

func post(t *testing.T, s *Server, url, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestAPIClassify(t *testing.T) {
	s, _ := newTestServer(t)
	code, body := post(t, s, "/api/v1/classify",
		`{"text":"Университеттин студенттери ыктыярчы катары карылар үйүнө жардам беришти. Сиз да кошулуңуз! #ыктыярчы"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "lang", "category", "tm_area", "sdgs", "cta", "question", "story", "hashtags", "scores", "evidence"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing %q in %s", k, body)
		}
	}
	if string(got["lang"]) != `"ky"` || string(got["hashtags"]) != `["ыктыярчы"]` {
		t.Errorf("lang %s, hashtags %s", got["lang"], got["hashtags"])
	}
	tests := []struct {
		body, want string
	}{
		{`{"text":""}`, `"field":"text"`},
		{`{}`, `"field":"text"`},
		{`{"text":`, `"code":"invalid"`},
		{`not json`, `"code":"invalid"`},
		{`{"text":"` + strings.Repeat("a", 2<<20) + `"}`, `"code":"invalid"`},
	}
	for _, tt := range tests {
		code, body := post(t, s, "/api/v1/classify", tt.body)
		if code != 400 || !strings.Contains(body, tt.want) {
			t.Errorf("%.30q: %d %s", tt.body, code, body)
		}
	}
}
