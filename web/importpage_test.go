package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/store"
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

// importedState waits for the running imports, then counts snapshots:
// an upload's effect lands when its job ends.
func (f *authFixture) importedState(t testing.TB) string {
	f.S.imports.wait()
	return f.snapshotState(t)
}

// uploadAndWait posts an upload and follows the redirect to its job's
// page once the job is done.
func (f *authFixture) uploadAndWait(t *testing.T, as, body string) (jobURL, page string) {
	t.Helper()
	res, out := f.do(t, call{Method: "POST", Path: "/import?lang=en", Body: body, ContentType: multipartType, As: as, Cookie: true})
	if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/import?job=") {
		t.Fatalf("upload: %d %q %s", res.StatusCode, res.Header.Get("Location"), out)
	}
	f.S.imports.wait()
	jobURL = res.Header.Get("Location")
	res, page = f.do(t, call{Method: "GET", Path: jobURL + "&lang=en", As: as, Cookie: true})
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d %s", jobURL, res.StatusCode, page)
	}
	if m := missingKey.FindString(page); m != "" {
		t.Errorf("missing key %s", m)
	}
	return jobURL, page
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
		State: f.importedState,
	}, map[string]want{anonymous: {401, 401}, badToken: {401, 401}, asAdmin: {303, 303},
		asEditor: {303, 403}, asCoder: {403, 403}, asViewer: {403, 403}})

	// An editor's file naming another institution: refused whole, or with
	// partial the own lines are kept and the other's listed by line.
	file := snapshotLine(f.Own, 7, 500) + "\n" + snapshotLine(f.Other, 8, 501) + "\n"
	before := f.snapshotState(t)
	_, page := f.uploadAndWait(t, asEditor, upload(t, f.Own, "mixed.ndjson", file, false))
	if f.snapshotState(t) != before || !strings.Contains(page, `data-state="failed"`) ||
		!strings.Contains(page, "Line 2: This line belongs to another institution ("+f.Other+")") {
		t.Errorf("strict mixed file: state changed %v:\n%s", f.snapshotState(t) != before, page)
	}
	jobURL, page := f.uploadAndWait(t, asEditor, upload(t, f.Own, "mixed.ndjson", file, true))
	if !strings.Contains(page, `data-state="done"`) || !strings.Contains(page, "Line 2: This line belongs to another institution ("+f.Other+")") {
		t.Errorf("no per-line error for the other institution's line:\n%s", page)
	}
	if strings.Contains(page, `http-equiv="refresh"`) {
		t.Error("a finished job's page still refreshes itself")
	}
	after := f.snapshotState(t)
	if after == before || !strings.Contains(after, strings.Fields(before)[1]) {
		t.Errorf("partial: state %q → %q, want only %s to grow", before, after, f.Own)
	}
	// The job's status as JSON: for its owner (and admins) only.
	id := strings.TrimPrefix(jobURL, "/import?job=")
	res, js := f.do(t, call{Method: "GET", Path: "/api/v1/imports/" + id + "?lang=en", As: asEditor})
	var st importView
	if err := json.Unmarshal([]byte(js), &st); err != nil || res.StatusCode != 200 {
		t.Fatalf("status: %d %s", res.StatusCode, js)
	}
	if st.State != "done" || st.Percent != 100 || st.Size != int64(len(file)) || st.BytesRead != st.Size || st.Stored != 1 ||
		st.Items["snapshots"] != 1 || len(st.Errors) != 1 || !strings.HasPrefix(st.Errors[0], "Line 2:") {
		t.Errorf("status = %+v", st)
	}
	for who, code := range map[string]int{anonymous: 401, asViewer: 404, asCoder: 404, asAdmin: 200} {
		if res, _ := f.do(t, call{Method: "GET", Path: "/api/v1/imports/" + id, As: who}); res.StatusCode != code {
			t.Errorf("status as %s: %d, want %d", who, res.StatusCode, code)
		}
	}
	if res, _ := f.do(t, call{Method: "GET", Path: "/import?job=" + id, As: asViewer, Cookie: true}); res.StatusCode != 404 {
		t.Errorf("another user's job page: %d, want 404", res.StatusCode)
	}
	// A post is labelled at once, and markup in an error is escaped.
	post := `{"kind":"post","platform":"instagram","institution":"` + f.Own + `","external_id":"up1","published":"2025-05-03T10:00:00Z","text":"Волонтёрлор мектепке жардам беришти."}` + "\n" +
		`{"kind":"post","platform":"<b>myspace</b>","external_id":"up2","published":"2025-05-03T10:00:00Z"}` + "\n"
	_, body = f.uploadAndWait(t, asAdmin, upload(t, f.Own, "posts.ndjson", post, true))
	if !strings.Contains(body, "1 new post labelled.") {
		t.Errorf("post not labelled after import:\n%s", body)
	}
	if strings.Contains(body, "<b>myspace</b>") {
		t.Error("markup from the file rendered unescaped")
	}
	// The same post uploaded again with another text is coded again: its
	// machine coding follows the new text, not the first one.
	if got := f.machineCoding(t, "up1"); got.Category != kopuro.ThirdMission {
		t.Fatalf("first text coded %q, want third mission", got.Category)
	}
	changed := `{"kind":"post","platform":"instagram","institution":"` + f.Own + `","external_id":"up1","published":"2025-05-03T10:00:00Z","text":"The Faculty of Physics published the results of its laboratory research on semiconductors in a peer-reviewed journal."}` + "\n"
	_, body = f.uploadAndWait(t, asAdmin, upload(t, f.Own, "posts.ndjson", changed, false))
	if !strings.Contains(body, `data-state="done"`) {
		t.Fatalf("re-upload failed:\n%s", body)
	}
	if got := f.machineCoding(t, "up1"); got.Category != kopuro.Research {
		t.Errorf("changed text coded %q, want research: the coding of the old text was kept", got.Category)
	}
}

// machineCoding is the effective coding of the post with the external id.
func (f *authFixture) machineCoding(t *testing.T, externalID string) kopuro.Labels {
	t.Helper()
	var found *kopuro.Coding
	err := f.S.db.EachPost(context.Background(), store.PostFilter{}, func(lp store.LabeledPost) error {
		if lp.Post.ExternalID == externalID {
			found = lp.Coding
		}
		return nil
	})
	if err != nil || found == nil {
		t.Fatalf("post %s: coding %v, err %v", externalID, found, err)
	}
	return found.Labels
}

// TestImportProgressPage shows a running job: its progress, a refresh
// link, and a page that refreshes itself, so no script is needed.
func TestImportProgressPage(t *testing.T) {
	f := newAuthFixture(t)
	j := &importJob{ID: "running-job", User: f.Users[asEditor].ID, Institution: f.Own, File: "<big>.ndjson", Size: 4000}
	j.read.Store(1000)
	j.items.Store(12)
	f.S.imports.jobs = map[string]*importJob{j.ID: j}
	res, page := f.do(t, call{Method: "GET", Path: "/import?lang=en&job=" + j.ID, As: asEditor, Cookie: true})
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, page)
	}
	for _, want := range []string{`<meta http-equiv="refresh" content="2">`, `data-state="running"`, `<progress max="100" value="25">`,
		"25% read (1,000 of 4,000 bytes), 12 items stored so far.", `<a href="/import?job=running-job">`, "Importing &lt;big&gt;.ndjson"} {
		if !strings.Contains(page, want) {
			t.Errorf("progress page lacks %q", want)
		}
	}
	if m := missingKey.FindString(page); m != "" {
		t.Errorf("missing key %s", m)
	}
	for _, lang := range []string{"ky", "ru"} {
		_, page := f.do(t, call{Method: "GET", Path: "/import?lang=" + lang + "&job=" + j.ID, As: asEditor, Cookie: true})
		if m := missingKey.FindString(page); m != "" {
			t.Errorf("%s: missing key %s", lang, m)
		}
	}
	_, js := f.do(t, call{Method: "GET", Path: "/api/v1/imports/" + j.ID, As: asEditor})
	if !strings.Contains(js, `"state":"running"`) || !strings.Contains(js, `"percent":25`) || !strings.Contains(js, `"items_stored":12`) {
		t.Errorf("running status: %s", js)
	}
	// More than maxRunningImports at once are refused as busy, nothing started.
	f.S.imports.running = maxRunningImports
	res, out := f.do(t, call{Method: "POST", Path: "/import?lang=en", Body: upload(t, f.Own, "f.ndjson", snapshotLine(f.Own, 1, 1)+"\n", false),
		ContentType: multipartType, As: asEditor, Cookie: true})
	if res.StatusCode != 503 {
		t.Errorf("busy: %d %s", res.StatusCode, out)
	}
}
