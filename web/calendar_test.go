package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"kopuro"
	"kopuro/i18n"
	"kopuro/plan"
)

// entryState is every calendar entry of Own and Other, for checkWrite.
func (f *authFixture) entryState(t testing.TB) string {
	t.Helper()
	var from, to kopuro.Date
	from, _ = kopuro.ParseDate("2000-01-01")
	to, _ = kopuro.ParseDate("2100-12-31")
	es, err := f.DB.CalendarEntries(context.Background(), from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(es)
	return string(b)
}

// seedEntries stores n entries in each of Own and Other and returns their
// ids by institution, so that every call of checkWrite has its own entry.
func (f *authFixture) seedEntries(t *testing.T, n int) map[string][]int64 {
	t.Helper()
	day, _ := kopuro.ParseDate("2025-11-14")
	ids := map[string][]int64{}
	for _, inst := range []string{f.Own, f.Other} {
		ids[inst] = []int64{0} // calls count from 1
		for i := 1; i <= n; i++ {
			e, _, err := f.DB.SaveCalendarEntry(context.Background(), plan.Entry{Institution: inst, Date: day, Title: fmt.Sprint("seed ", i)})
			if err != nil {
				t.Fatal(err)
			}
			ids[inst] = append(ids[inst], e.ID)
		}
	}
	return ids
}

// callsPerCheck is how many calls one checkWrite makes: two ways of
// signing in × every principal × two institutions, and the cross-site one.
var callsPerCheck = 2*len(principals)*2 + 1

func TestCalendarEntryWritesRoles(t *testing.T) {
	f := newAuthFixture(t)
	ids := f.seedEntries(t, callsPerCheck)
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name  string
		e     writeEndpoint
		ok    int // an allowed call's status
		okAll int // the admin's (the same unless the status says created/replaced)
	}{
		{"API create", writeEndpoint{Method: "POST",
			Path: func(inst string, n int) string { return "/api/v1/institutions/" + inst + "/calendar" },
			Body: func(inst string, n int) string {
				return fmt.Sprintf(`{"date":"2025-11-%02d","rubric":"Impact Friday","title":"post %d","platform":"instagram"}`, n%28+1, n)
			}}, 201, 201},
		{"API update", writeEndpoint{Method: "POST",
			Path: func(inst string, n int) string { return "/api/v1/institutions/" + inst + "/calendar" },
			Body: func(inst string, n int) string {
				return fmt.Sprintf(`{"id":%d,"date":"2025-11-20","title":"renamed %d","note":"<b>n</b>"}`, ids[inst][n], n)
			}}, 200, 200},
		{"API delete", writeEndpoint{Method: "DELETE",
			Path: func(inst string, n int) string {
				return fmt.Sprintf("/api/v1/institutions/%s/calendar/%d", inst, ids[inst][n])
			},
			Body: func(string, int) string { return "" }}, 204, 204},
		{"page save", writeEndpoint{Method: "POST", ContentType: form,
			Path: func(string, int) string { return "/calendar" },
			Body: func(inst string, n int) string {
				return url.Values{"i": {inst}, "date": {"2025-11-03"}, "title": {fmt.Sprint("form post ", n)}, "rubric": {"Alumni Monday"}}.Encode()
			}}, 303, 303},
		{"page edit", writeEndpoint{Method: "POST", ContentType: form,
			Path: func(string, int) string { return "/calendar" },
			Body: func(inst string, n int) string {
				return url.Values{"i": {inst}, "id": {fmt.Sprint(ids[inst][n])}, "date": {"2025-11-04"}, "title": {fmt.Sprint("form edit ", n)}}.Encode()
			}}, 303, 303},
		{"page delete", writeEndpoint{Method: "POST", ContentType: form,
			Path: func(string, int) string { return "/calendar/delete" },
			Body: func(inst string, n int) string {
				return url.Values{"i": {inst}, "id": {fmt.Sprint(ids[inst][n])}, "month": {"2025-11"}}.Encode()
			}}, 303, 303},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.HasSuffix(tt.name, "edit") || strings.HasSuffix(tt.name, "delete") {
				ids = f.seedEntries(t, callsPerCheck) // fresh entries: the last check deleted or renamed its own
			}
			tt.e.State = f.entryState
			f.checkWrite(t, tt.e, map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {tt.okAll, tt.okAll},
				asEditor: {tt.ok, 403}, asCoder: {403, 403}, asViewer: {403, 403}})
		})
	}
}

func TestCalendarEntryGuardsAndValidation(t *testing.T) {
	f := newAuthFixture(t)
	ids := f.seedEntries(t, 1)
	state := f.entryState(t)
	// An editor of Own cannot reach Other's entry through their own path.
	for _, c := range []call{
		{Method: "POST", Path: "/api/v1/institutions/" + f.Own + "/calendar", Body: fmt.Sprintf(`{"id":%d,"date":"2025-11-20","title":"mine now"}`, ids[f.Other][1])},
		{Method: "DELETE", Path: fmt.Sprintf("/api/v1/institutions/%s/calendar/%d", f.Own, ids[f.Other][1])},
	} {
		c.As = asEditor
		if res, body := f.do(t, c); res.StatusCode != 404 {
			t.Errorf("%s %s: %d, want 404: %s", c.Method, c.Path, res.StatusCode, body)
		}
	}
	// A body naming another institution than the path is refused.
	bad := []string{
		`{"institution":"` + f.Other + `","date":"2025-11-20","title":"x"}`,
		`{"date":"2025-11","title":"x"}`,
		`{"date":"2025-11-20","title":""}`,
		`{"date":"2025-11-20","title":"x","platform":"myspace"}`,
		`{"date":"2025-11-20","title":"` + strings.Repeat("я", 201) + `"}`,
		`{"date":"2025-11-20","title":"x","colour":"red"}`,
	}
	for _, b := range bad {
		if res, body := f.do(t, call{Method: "POST", Path: "/api/v1/institutions/" + f.Own + "/calendar?lang=en", Body: b, As: asEditor}); res.StatusCode != 400 {
			t.Errorf("%s: %d, want 400: %s", b, res.StatusCode, body)
		}
	}
	if res, _ := f.do(t, call{Method: "DELETE", Path: "/api/v1/institutions/" + f.Own + "/calendar/x", As: asEditor}); res.StatusCode != 400 {
		t.Errorf("delete id x: %d, want 400", res.StatusCode)
	}
	if f.entryState(t) != state {
		t.Error("refused calls changed the entries")
	}
}

func TestCalendarEntriesShownToSignedInUsers(t *testing.T) {
	f := newPagesFixture(t)
	xss := `<script>alert(1)</script>`
	body := `{"date":"2025-11-14","rubric":"<i>Impact</i> Friday","title":"` + xss + ` volunteers","platform":"instagram","note":"<img src=x onerror=alert(1)>"}`
	res, out := f.do(t, call{Method: "POST", Path: "/api/v1/institutions/" + f.Own + "/calendar", Body: body, As: asEditor})
	if res.StatusCode != 201 {
		t.Fatalf("create: %d %s", res.StatusCode, out)
	}
	var e plan.Entry
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.ID == 0 || e.Institution != f.Own || e.Platform != kopuro.Instagram {
		t.Fatalf("created %s", out)
	}
	// Visitors see no entries and no form.
	_, page := f.do(t, call{Method: "GET", Path: "/calendar?month=2025-11&lang=en"})
	if strings.Contains(page, "volunteers") || strings.Contains(page, `action="/calendar"`) {
		t.Error("a visitor sees the institutions' plans or the form")
	}
	_, ics := f.do(t, call{Method: "GET", Path: "/api/v1/calendar?from=2025-11-01&to=2025-11-30&format=ics"})
	if strings.Contains(ics, "volunteers") {
		t.Error("a visitor's ICS carries the institutions' plans")
	}
	// A viewer sees the entry, escaped, but may not edit it.
	for _, lang := range i18n.Langs {
		_, page = f.do(t, call{Method: "GET", Path: "/calendar?month=2025-11&lang=" + lang, As: asViewer, Cookie: true})
		if m := missingKey.FindString(page); m != "" {
			t.Errorf("%s: missing key %s", lang, m)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; volunteers") || strings.Contains(page, xss) ||
		strings.Contains(page, "<img src=x") || strings.Contains(page, "<i>Impact</i>") {
		t.Error("entry text not shown or not escaped")
	}
	if strings.Contains(page, `action="/calendar"`) || strings.Contains(page, "edit="+fmt.Sprint(e.ID)) {
		t.Error("a viewer gets the entry form or an edit link")
	}
	// The editor of Own gets the form (for Own only) and an edit link that fills it.
	_, page = f.do(t, call{Method: "GET", Path: fmt.Sprintf("/calendar?month=2025-11&lang=en&edit=%d", e.ID), As: asEditor, Cookie: true})
	if !strings.Contains(page, `action="/calendar"`) || !strings.Contains(page, fmt.Sprintf(`name="id" value="%d"`, e.ID)) ||
		!strings.Contains(page, `value="2025-11-14"`) || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;</textarea>") {
		t.Error("the editor's form is not filled with the entry")
	}
	_, page = f.do(t, call{Method: "GET", Path: "/calendar?month=2025-11&lang=en", As: asEditor, Cookie: true})
	if strings.Contains(page, `<option value="`+f.Other+`"`) || !strings.Contains(page, `<option value="`+f.Own+`"`) {
		t.Error("the editor may choose another institution")
	}
	// An admin may choose any institution.
	_, page = f.do(t, call{Method: "GET", Path: "/calendar?month=2025-11&lang=en", As: asAdmin, Cookie: true})
	if !strings.Contains(page, `<option value="`+f.Other+`"`) {
		t.Error("the admin may not choose every institution")
	}
	// The signed-in ICS and JSON carry the entry, its rubric and platform.
	_, ics = f.do(t, call{Method: "GET", Path: "/api/v1/calendar?from=2025-11-01&to=2025-11-30&format=ics", As: asViewer})
	if !strings.Contains(ics, fmt.Sprintf("UID:entry-%d@kopuro", e.ID)) || !strings.Contains(ics, "DTSTART;VALUE=DATE:20251114") ||
		!strings.Contains(ics, "volunteers") || !strings.Contains(ics, "CATEGORIES:entry") {
		t.Errorf("ICS lacks the entry:\n%s", ics)
	}
	_, js := f.do(t, call{Method: "GET", Path: "/api/v1/calendar?from=2025-11-01&to=2025-11-30", As: asViewer})
	if !strings.Contains(js, `"rubric":"\u003ci\u003eImpact\u003c/i\u003e Friday"`) || !strings.Contains(js, fmt.Sprintf(`"entry":%d`, e.ID)) {
		t.Errorf("JSON lacks the entry: %s", js)
	}
}

// TestOpenAPICalendarEntrySchema keeps the described entry in step with
// plan.Entry: the same JSON fields, no more, no fewer.
func TestOpenAPICalendarEntrySchema(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var described []string
	for k := range doc.Components.Schemas["CalendarEntry"].Properties {
		described = append(described, k)
	}
	b, _ := json.Marshal(plan.Entry{ID: 1, Institution: "x", Rubric: "x", Title: "x", Platform: "x", Note: "x"})
	var m map[string]any
	json.Unmarshal(b, &m)
	var fields []string
	for k := range m {
		fields = append(fields, k)
	}
	sort.Strings(described)
	sort.Strings(fields)
	if strings.Join(described, ",") != strings.Join(fields, ",") {
		t.Errorf("CalendarEntry describes %v, plan.Entry has %v", described, fields)
	}
}
