package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kopuro/plan"
)

func send(t *testing.T, h http.Handler, method, url, body string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestAPIAdvice(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/institutions/knu/advice?period=2024-01..2024-06&lang=ru")
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var a struct {
		Institution     string `json:"institution"`
		Recommendations []struct {
			ID       string         `json:"id"`
			Priority int            `json:"priority"`
			Fired    bool           `json:"fired"`
			Evidence map[string]any `json:"evidence"`
			Text     string         `json:"text"`
		} `json:"recommendations"`
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.Institution != "knu" || len(a.Recommendations) != 10 {
		t.Fatalf("advice = %s", body)
	}
	for _, r := range a.Recommendations {
		if r.Text == "" || strings.HasPrefix(r.Text, "!") || missingKey.MatchString(`"`+r.Text) {
			t.Errorf("%s: text %q", r.ID, r.Text)
		}
	}
	// With no posts stored, storytelling cannot be judged.
	if !strings.Contains(body, "недостаточно данных") {
		t.Errorf("no Russian 'not enough data' in %s", body)
	}
	if res, _ := get(t, s, "/api/v1/institutions/nope/advice"); res.StatusCode != 404 {
		t.Errorf("unknown institution: %d", res.StatusCode)
	}
	if res, _ := get(t, s, "/api/v1/institutions/knu/advice?period=bad"); res.StatusCode != 400 {
		t.Errorf("bad period: %d", res.StatusCode)
	}
}

func TestAPICheck(t *testing.T) {
	f := newAuthFixture(t)
	s := f.S
	// Checking a draft needs a sign-in (drafts are not public), any role.
	if res, _ := send(t, s, "POST", "/api/v1/check", `{"text":"hi"}`); res.StatusCode != 401 {
		t.Errorf("anonymous check: %d, want 401", res.StatusCode)
	}
	viewer := []string{"Authorization", "Bearer " + f.tokens[asViewer]}
	good := `{"text":"Aigul taught robotics in her village. What do you think? #KnuCares #SDG4","platform":"instagram",
	  "labels":{"lang":"en","category":"third_mission","tm_area":"civic_volunteering","sdgs":[4],"cta":false,"question":true,"story":true}}`
	res, body := send(t, s, "POST", "/api/v1/check?lang=en", good, viewer...)
	if res.StatusCode != 200 || !strings.Contains(body, `"suggestions":[]`) {
		t.Errorf("good draft: %d %s", res.StatusCode, body)
	}
	bad := `{"text":"` + strings.Repeat("a", 300) + `","platform":"x","labels":{"lang":"ky","category":"third_mission","sdgs":[],"cta":false,"question":false,"story":false}}`
	res, body = send(t, s, "POST", "/api/v1/check?lang=en", bad, viewer...)
	for _, id := range []string{"storytelling", "interactivity", "hashtags", "multilingual", "platform_fit"} {
		if !strings.Contains(body, `"id":"`+id+`"`) {
			t.Errorf("bad draft lacks %s: %s", id, body)
		}
	}
	// Without labels the engine analyses the text.
	if res, body := send(t, s, "POST", "/api/v1/check?lang=en", `{"text":"Университетте семинар өттү."}`, viewer...); res.StatusCode != 200 ||
		!strings.Contains(body, `"lang":"ky"`) || !strings.Contains(body, `"id":"interactivity"`) {
		t.Errorf("engine check: %d %s", res.StatusCode, body)
	}
	if res, _ := send(t, s, "POST", "/api/v1/check", `{"text":`, viewer...); res.StatusCode != 400 {
		t.Errorf("broken JSON: %d", res.StatusCode)
	}
}

// Goals: signed-in users read them; admins and the institution's own
// editors write them. Campaigns span universities: only admins add them.
func TestAPIGoalsAndCampaigns(t *testing.T) {
	f := newAuthFixture(t)
	s := f.S
	ctx := context.Background()
	f.checkWrite(t, writeEndpoint{Method: "POST",
		Path: func(inst string, n int) string { return "/api/v1/institutions/" + inst + "/goals" },
		Body: func(inst string, n int) string {
			return fmt.Sprintf(`{"metric":"followers","platform":"instagram","target":%d,"deadline":"2026-12-31"}`, 100000+n)
		},
		State: f.goalState,
	}, map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {201, 201},
		asEditor: {201, 403}, asCoder: {403, 403}, asViewer: {403, 403}})

	res, body := f.do(t, call{Method: "GET", Path: "/api/v1/institutions/knu/goals", As: asViewer})
	var gs struct {
		Goals []struct {
			ID       int64 `json:"id"`
			Progress struct {
				Target struct {
					Value float64 `json:"value"`
				} `json:"target"`
			} `json:"progress"`
		} `json:"goals"`
	}
	if err := json.Unmarshal([]byte(body), &gs); err != nil || res.StatusCode != 200 || len(gs.Goals) != 2 || gs.Goals[0].Progress.Target.Value < 100000 {
		t.Errorf("goals = %d %s", res.StatusCode, body)
	}
	if res, _ := get(t, s, "/api/v1/institutions/knu/goals"); res.StatusCode != 401 {
		t.Errorf("goals without sign-in: %d, want 401", res.StatusCode)
	}
	if res, _ := f.do(t, call{Method: "POST", Path: "/api/v1/institutions/knu/goals", Body: `{"metric":"nope","target":1,"deadline":"2026-01-01"}`, As: asAdmin}); res.StatusCode != 400 {
		t.Errorf("bad goal: %d", res.StatusCode)
	}

	campaigns := func(t testing.TB) string {
		cs, err := f.DB.Campaigns(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(len(cs))
	}
	f.checkWrite(t, writeEndpoint{Method: "POST",
		Path: func(string, int) string { return "/api/v1/campaigns" },
		Body: func(inst string, n int) string {
			return fmt.Sprintf(`{"id":"usw-%d","name":"University Service Week","hashtag":"#UniServiceWeek","from":"2025-04-21","to":"2025-04-27","institutions":["knu","%s"]}`, n, inst)
		},
		State: campaigns,
	}, map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {201, 201},
		asEditor: {403, 403}, asCoder: {403, 403}, asViewer: {403, 403}})
	camp := `{"id":"usw-2025","name":"University Service Week","hashtag":"#UniServiceWeek","from":"2025-04-21","to":"2025-04-27","institutions":["knu","auca"]}`
	if res, body := f.do(t, call{Method: "POST", Path: "/api/v1/campaigns", Body: camp, As: asAdmin}); res.StatusCode != 201 {
		t.Fatalf("add campaign: %d %s", res.StatusCode, body)
	}
	if res, _ := f.do(t, call{Method: "POST", Path: "/api/v1/campaigns", Body: camp, As: asAdmin}); res.StatusCode != 409 {
		t.Errorf("duplicate campaign: %d", res.StatusCode)
	}
	_, body = get(t, s, "/api/v1/campaigns")
	var cs struct{ Campaigns []plan.Campaign }
	if json.Unmarshal([]byte(body), &cs); len(cs.Campaigns) != 5 {
		t.Errorf("campaigns = %s", body)
	}
	res, body = get(t, s, "/api/v1/campaigns/usw-2025/report")
	if res.StatusCode != 200 || !strings.Contains(body, `"institution":"auca","posts":0,"registered":true`) {
		t.Errorf("report = %d %s", res.StatusCode, body)
	}
}

func TestAPICalendar(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/calendar?from=2025-11-01&to=2025-11-30&lang=en")
	if res.StatusCode != 200 || !strings.Contains(body, `"start":"2025-11-20"`) || !strings.Contains(body, "World Philosophy Day") {
		t.Errorf("calendar = %d %s", res.StatusCode, body)
	}
	res, body = get(t, s, "/api/v1/calendar?from=2025-11-01&to=2025-11-30&format=ics")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") || !strings.Contains(body, "DTSTART;VALUE=DATE:20251120\r\n") {
		t.Errorf("ics = %d %s", res.StatusCode, body)
	}
	if res, _ := get(t, s, "/api/v1/calendar?from=2025-11-01&to=2030-11-30"); res.StatusCode != 400 {
		t.Errorf("five years: %d", res.StatusCode)
	}
}

func TestAPIRankings(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/rankings?metric=followers&platform=instagram&period=2024-01..2024-03")
	if res.StatusCode != 200 || !strings.Contains(body, `"rank":1`) || !strings.Contains(body, `"metric":"followers"`) {
		t.Errorf("rankings = %d %s", res.StatusCode, body)
	}
	for _, bad := range []string{"?metric=er_by_lang", "?metric=nope", "?metric=followers&peers=galaxy&of=knu", "?metric=followers&platform=myspace"} {
		if res, _ := get(t, s, "/api/v1/rankings"+bad); res.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, res.StatusCode)
		}
	}
}

func TestAPIMetrics(t *testing.T) {
	s, _ := newTestServer(t)
	res, body := get(t, s, "/api/v1/institutions/auca/metrics?period=2024-01..2024-03&platform=instagram")
	if res.StatusCode != 200 || !strings.Contains(body, `"institution":"auca"`) || !strings.Contains(body, `"tmvi"`) {
		t.Errorf("metrics = %d %.300s", res.StatusCode, body)
	}
	var sc struct {
		Values map[string]struct {
			Value     *float64
			Precision string
		}
	}
	if err := json.Unmarshal([]byte(body), &sc); err != nil {
		t.Fatal(err)
	}
	// No posts: the count is 0, the shares are missing (null), never 0.
	if v := sc.Values["posts"]; v.Value == nil || *v.Value != 0 {
		t.Errorf("posts = %+v", v)
	}
	if v := sc.Values["tm_share"]; v.Value != nil || v.Precision != "none" {
		t.Errorf("tm_share = %+v, want null/none", v)
	}
	if res, _ := get(t, s, "/api/v1/institutions/nope/metrics"); res.StatusCode != 404 {
		t.Errorf("unknown institution: %d", res.StatusCode)
	}
}
