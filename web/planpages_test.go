package web

import (
	"net/url"
	"strings"
	"testing"

	"kopuro/i18n"
)

func TestCalendarCampaignsAndCheckPages(t *testing.T) {
	f := newPagesFixture(t)
	camp := `{"id":"service-week","name":"<i>Service</i> Week","hashtag":"#ServiceWeekKG","from":"2025-06-02","to":"2025-06-08","institutions":["knu","auca"]}`
	if res, body := f.do(t, call{Method: "POST", Path: "/api/v1/campaigns", Body: camp, As: asAdmin}); res.StatusCode != 201 {
		t.Fatalf("add campaign: %d %s", res.StatusCode, body)
	}
	for _, lang := range i18n.Langs {
		for _, p := range []string{"/calendar", "/calendar?month=2025-06", "/campaigns", "/campaigns/service-week"} {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			res, body := f.do(t, call{Method: "GET", Path: p + sep + "lang=" + lang})
			if res.StatusCode != 200 {
				t.Fatalf("%s: %d %s", p, res.StatusCode, body)
			}
			if m := missingKey.FindString(body); m != "" {
				t.Errorf("%s (%s): missing key %s", p, lang, m)
			}
			if strings.Contains(body, "<i>Service</i>") {
				t.Errorf("%s: campaign name not escaped", p)
			}
		}
	}
	// June 2025 starts on a Sunday: the first row has six days of May.
	_, body := f.do(t, call{Method: "GET", Path: "/calendar?month=2025-06&lang=en"})
	first := body[strings.Index(body, "<tbody>"):]
	first = first[:strings.Index(first, "</tr>")]
	if strings.Count(first, `class="out"`) != 6 {
		t.Errorf("first week of June 2025: %d days of May, want 6", strings.Count(first, `class="out"`))
	}
	// The campaign covers 2–8 June: seven day cells carry it.
	if n := strings.Count(body, `<span class="ev campaign"`); n != 7 {
		t.Errorf("campaign shown on %d days, want 7", n)
	}
	if res, _ := f.do(t, call{Method: "GET", Path: "/calendar?month=June"}); res.StatusCode != 400 {
		t.Errorf("bad month: %d, want 400", res.StatusCode)
	}
	if res, _ := f.do(t, call{Method: "GET", Path: "/campaigns/nosuch"}); res.StatusCode != 404 {
		t.Errorf("unknown campaign: %d, want 404", res.StatusCode)
	}

	if res, _ := f.do(t, call{Method: "GET", Path: "/check"}); res.StatusCode != 401 {
		t.Errorf("visitor on /check: %d, want 401", res.StatusCode)
	}
	form := url.Values{"text": {`<script>alert(1)</script> Студенттер волонтёр болуп, балдарга сабак беришти.`}, "platform": {"instagram"}}.Encode()
	res, body := f.do(t, call{Method: "POST", Path: "/check?lang=ky", Body: form, ContentType: "application/x-www-form-urlencoded", As: asViewer, Cookie: true})
	if res.StatusCode != 200 {
		t.Fatalf("check: %d %s", res.StatusCode, body)
	}
	if strings.Contains(body, "<script>alert(1)</script>") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("draft not escaped in the form")
	}
	if !strings.Contains(body, `id="result"`) || missingKey.MatchString(body) {
		t.Errorf("no result or a missing key: %s", missingKey.FindString(body))
	}
	long := url.Values{"text": {strings.Repeat("а", maxDraft+1)}}.Encode()
	if res, _ := f.do(t, call{Method: "POST", Path: "/check", Body: long, ContentType: "application/x-www-form-urlencoded", As: asViewer, Cookie: true}); res.StatusCode != 400 {
		t.Errorf("too long draft: %d, want 400", res.StatusCode)
	}
}
