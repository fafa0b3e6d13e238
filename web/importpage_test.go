package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"strings"
	"testing"
	"time"
)

// upload builds a multipart body for POST /import with a fixed boundary,
// so checkWrite can send it with one content type.
func upload(t testing.TB, inst, name, content string, partial bool) string {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary("kopuro-test-boundary"); err != nil {
		t.Fatal(err)
	}
	w.WriteField("i", inst)
	if partial {
		w.WriteField("partial", "on")
	}
	fw, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(content))
	w.Close()
	return b.String()
}

const multipartType = "multipart/form-data; boundary=kopuro-test-boundary"

// snapshotLine is a generic NDJSON audience figure of inst's Instagram on
// day n after 2020-01-01 (a new date is a new snapshot).
func snapshotLine(inst string, v, n int) string {
	d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return fmt.Sprintf(`{"kind":"snapshot","institution":%q,"platform":"instagram","metric":"followers","value":%d,"precision":"exact","as_of":%q}`, inst, v, d.Format(time.DateOnly))
}

// snapshotState counts the snapshots of Own's and Other's accounts.
func (f *authFixture) snapshotState(t testing.TB) string {
	ctx := context.Background()
	var out []string
	for _, inst := range []string{f.Own, f.Other} {
		accounts, err := f.DB.Accounts(ctx, inst)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range accounts {
			sn, err := f.DB.Snapshots(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			n += len(sn)
		}
		out = append(out, fmt.Sprint(inst, n))
	}
	return strings.Join(out, " ")
}

func TestImportPage(t *testing.T) {
	f := newAuthFixture(t)
	if res, _ := f.do(t, call{Method: "GET", Path: "/import"}); res.StatusCode != 401 {
		t.Errorf("visitor on /import: %d", res.StatusCode)
	}
	_, body := f.do(t, call{Method: "GET", Path: "/import?lang=en", As: asEditor, Cookie: true})
	if !strings.Contains(body, `<option value="`+f.Own+`">`) || strings.Contains(body, `<option value="`+f.Other+`">`) {
		t.Error("an editor should be offered their own institution only")
	}
	f.checkWrite(t, writeEndpoint{Method: "POST", ContentType: multipartType,
		Path: func(string, int) string { return "/import" },
		Body: func(inst string, n int) string {
			return upload(t, inst, "figures.ndjson", snapshotLine(inst, 100+n, n)+"\n", false)
		},
		State: f.snapshotState,
	}, map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {200, 200},
		asEditor: {200, 403}, asCoder: {403, 403}, asViewer: {403, 403}})

	// An editor's file naming another institution: refused whole, or with
	// partial the own lines are kept and the other's listed by line.
	file := snapshotLine(f.Own, 7, 500) + "\n" + snapshotLine(f.Other, 8, 501) + "\n"
	before := f.snapshotState(t)
	res, body := f.do(t, call{Method: "POST", Path: "/import?lang=en", Body: upload(t, f.Own, "mixed.ndjson", file, false), ContentType: multipartType, As: asEditor, Cookie: true})
	if res.StatusCode != 400 || f.snapshotState(t) != before {
		t.Errorf("strict mixed file: %d, state changed %v: %s", res.StatusCode, f.snapshotState(t) != before, body)
	}
	res, body = f.do(t, call{Method: "POST", Path: "/import?lang=en", Body: upload(t, f.Own, "mixed.ndjson", file, true), ContentType: multipartType, As: asEditor, Cookie: true})
	if res.StatusCode != 200 {
		t.Fatalf("partial mixed file: %d %s", res.StatusCode, body)
	}
	if !strings.Contains(body, "Line 2: This line belongs to another institution ("+f.Other+")") {
		t.Errorf("no per-line error for the other institution's line:\n%s", body)
	}
	if m := missingKey.FindString(body); m != "" {
		t.Errorf("missing key %s", m)
	}
	after := f.snapshotState(t)
	if after == before || !strings.Contains(after, strings.Fields(before)[1]) {
		t.Errorf("partial: state %q → %q, want only %s to grow", before, after, f.Own)
	}
	// A post is labelled at once, and markup in an error is escaped.
	post := `{"kind":"post","platform":"instagram","institution":"` + f.Own + `","external_id":"up1","published":"2025-05-03T10:00:00Z","text":"Волонтёрлор мектепке жардам беришти."}` + "\n" +
		`{"kind":"post","platform":"<b>myspace</b>","external_id":"up2","published":"2025-05-03T10:00:00Z"}` + "\n"
	_, body = f.do(t, call{Method: "POST", Path: "/import?lang=en", Body: upload(t, f.Own, "posts.ndjson", post, true), ContentType: multipartType, As: asAdmin})
	if !strings.Contains(body, "1 new post labelled.") {
		t.Errorf("post not labelled after import:\n%s", body)
	}
	if strings.Contains(body, "<b>myspace</b>") {
		t.Error("markup from the file rendered unescaped")
	}
}
