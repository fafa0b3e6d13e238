package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kopuro"
	"kopuro/i18n"
	"kopuro/platform/httpx"
	"kopuro/store"
	"kopuro/store/storetest"
)

// previewPage is a small channel preview written for these tests.
const previewPage = `<html><body>
<div class="tgme_channel_info"><div class="tgme_channel_info_counter"><span class="counter_value">%s</span><span class="counter_type">subscribers</span></div></div>
%s
</body></html>`

const previewPosts = `
<div class="tgme_widget_message" data-post="knu_test/5"><div class="tgme_widget_message_text">Ачык эшиктер күнү #OpenDay</div>
<span class="tgme_widget_message_views">1.5K</span><a class="tgme_widget_message_date" href="https://t.me/knu_test/5"><time datetime="2026-03-01T10:00:00+06:00"></time></a></div>
<div class="tgme_widget_message" data-post="knu_test/6"><div class="tgme_widget_message_text">Волонтёры убрали парк</div>
<span class="tgme_widget_message_views">980</span><a class="tgme_widget_message_date" href="https://t.me/knu_test/6"><time datetime="2026-03-03T10:00:00+06:00"></time></a></div>`

func fakePreview(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/s/knu_test" {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		posts := previewPosts
		if r.URL.Query().Get("before") != "" {
			posts = ""
		}
		fmt.Fprintf(w, previewPage, "2.4K", posts)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCollectTelegramTwiceAndStatus(t *testing.T) {
	srv := fakePreview(t)
	db := storetest.DSN(t)
	for i := 0; i < 2; i++ {
		code, out, errs := runCLI(t, nil, "", "collect", "telegram", "--channel", "@knu_test", "--endpoint", srv.URL, "--db", db)
		if code != 0 || !strings.Contains(out, "telegram knu_test: done; posts 2, comments 0, snapshots 1, errors 0") {
			t.Fatalf("collect: %d\n%s\n%s", code, out, errs)
		}
	}
	if s := status(t, db); s["posts"] != 2 || s["snapshots"] != 1 || s["accounts"] != 1 {
		t.Errorf("after two runs: %v (a second collection must update, not duplicate)", s)
	}
	_, out, _ := runCLI(t, nil, "", "status", "--db", db)
	if strings.Count(out, "telegram knu_test: done") != 2 {
		t.Errorf("status does not list both runs:\n%s", out)
	}
}

func TestCollectYouTubeQuotaStopsCleanly(t *testing.T) {
	const key = "AIza-cli-test-key"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Goog-Api-Key") != key {
			t.Errorf("no key header on %s", r.URL.Path)
		}
		switch r.URL.Path {
		case "/youtube/v3/channels":
			fmt.Fprint(w, `{"items":[{"id":"UCcliTestChannel00000001","statistics":{"subscriberCount":"950","videoCount":"12"},"contentDetails":{"relatedPlaylists":{"uploads":"UUcliTestChannel00000001"}}}]}`)
		default:
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"error":{"code":403,"message":"quota","errors":[{"reason":"quotaExceeded"}]}}`)
		}
	}))
	defer srv.Close()
	db := storetest.DSN(t)
	code, out, errs := runCLI(t, map[string]string{"YOUTUBE_API_KEY": key}, "", "collect", "youtube",
		"--channel", "UCcliTestChannel00000001", "--endpoint", srv.URL+"/", "--db", db)
	if code != 1 || !strings.Contains(out, "stopped: quota used up") || !strings.Contains(errs, "try again after") {
		t.Fatalf("collect: %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out+errs, key) {
		t.Errorf("the key is printed:\n%s\n%s", out, errs)
	}
	if s := status(t, db); s["snapshots"] != 2 {
		t.Errorf("what came before the quota stop is kept: %v", s)
	}
	_, out, _ = runCLI(t, nil, "", "status", "--db", db)
	if !strings.Contains(out, "youtube UCcliTestChannel00000001: stopped: quota used up") || strings.Contains(out, key) {
		t.Errorf("status:\n%s", out)
	}
}

// registerKNU makes a store holding one institution with a Telegram
// account, a YouTube account and a handle-less Instagram placeholder.
func registerKNU(t *testing.T, dsn string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	err = db.Import(ctx, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, kopuro.Institution{Code: "knu", Name: kopuro.Text{KY: "КУУ"}}); err != nil {
			return err
		}
		for _, a := range []kopuro.Account{
			{Institution: "knu", Platform: kopuro.Telegram, Handle: "knu_test", Official: true},
			{Institution: "knu", Platform: kopuro.YouTube, Handle: "UCknuTestChannel00000001", Official: true},
			{Institution: "knu", Platform: kopuro.Instagram}, // no handle: nothing to collect
		} {
			if _, err := tx.PutAccount(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCollectAll(t *testing.T) {
	srv := fakePreview(t)
	dsn := storetest.DSN(t)
	registerKNU(t, dsn).Close()
	code, out, errs := runCLI(t, nil, "", "collect", "all", "--endpoint", "telegram="+srv.URL, "--db", dsn)
	if code != 0 || !strings.Contains(out, "telegram knu_test: done; posts 2") || !strings.Contains(errs, "Skipping youtube: no credentials (set YOUTUBE_API_KEY)") {
		t.Fatalf("collect all: %d\n%s\n%s", code, out, errs)
	}
	if s := status(t, dsn); s["accounts"] != 3 || s["posts"] != 2 {
		t.Errorf("posts must land on the registered account: %v", s)
	}
	_, out, _ = runCLI(t, nil, "", "account", "list", "--unlinked", "--db", dsn)
	if out != "" {
		t.Errorf("collect all created an unlinked account:\n%s", out)
	}
}

// TestCollectAllBadEndpoint: a malformed --endpoint is told in the
// terminal's language, naming the flag, without the flag package's
// English wrapping.
func TestCollectAllBadEndpoint(t *testing.T) {
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		for _, v := range []string{"telegram", "nowhere=http://x", "telegram="} {
			code, _, errs := runCLI(t, map[string]string{"KOPURO_LANG": lang}, "", "collect", "all", "--endpoint", v, "--db", filepath.Join(t.TempDir(), "k.db"))
			want := cat.T(lang, "cli.collect.endpoint", "Value", v)
			if code == 0 || !strings.Contains(errs, want) || !strings.Contains(errs, cat.T(lang, "cli.field", "Field", "endpoint")) || strings.Contains(errs, "invalid value") {
				t.Errorf("%s %q: exit %d, stderr:\n%s\nwant %q", lang, v, code, errs, want)
			}
		}
	}
}

func TestCollectUsage(t *testing.T) {
	tests := [][]string{
		{"collect"},
		{"collect", "telegram"},
		{"collect", "myspace", "--user", "x"},
		{"collect", "telegram", "--channel", "x", "--since", "yesterday"},
	}
	for _, args := range tests {
		if code, _, _ := runCLI(t, nil, "", args...); code == 0 {
			t.Errorf("%v succeeded", args)
		}
	}
}

func TestCollectOnSchedule(t *testing.T) {
	srv := fakePreview(t)
	db := registerKNU(t, storetest.DSN(t))
	var out, errb strings.Builder
	e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }, cat: i18n.Embedded(), lang: "en"}
	tick := make(chan time.Time)
	done := make(chan struct{})
	go func() {
		collectOnSchedule(context.Background(), e, db, endpoints{kopuro.Telegram: srv.URL}, tick)
		close(done)
	}()
	// An unbuffered tick is taken only when the previous walk is over; the
	// schedule ends when its ticker is closed.
	tick <- time.Time{}
	tick <- time.Time{}
	close(tick)
	<-done
	runs, err := db.Runs(context.Background(), 10)
	if err != nil || len(runs) != 2 || runs[0].Status != kopuro.RunOK || runs[0].Account.Institution != "knu" {
		t.Fatalf("runs = %+v, %v\n%s", runs, err, errb.String())
	}
}

func TestCollectUnknownChannelCreatesNothing(t *testing.T) {
	srv := fakePreview(t)
	db := storetest.DSN(t)
	code, _, errs := runCLI(t, nil, "", "collect", "telegram", "--channel", "no_such_channel", "--endpoint", srv.URL, "--db", db)
	if code != 1 || !strings.Contains(errs, "404") {
		t.Fatalf("collect: %d %s", code, errs)
	}
	if s := status(t, db); s["accounts"] != 0 {
		t.Errorf("a failed run for an unknown name created an account: %v", s)
	}
}

func TestCollectRegisteredAccountRecordsFailure(t *testing.T) {
	// Not retried (a 5xx would be, with real waits): the run fails at once.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) }))
	defer srv.Close()
	dsn := storetest.DSN(t)
	registerKNU(t, dsn).Close()
	code, out, _ := runCLI(t, nil, "", "collect", "telegram", "--channel", "KNU_test", "--endpoint", srv.URL, "--db", dsn)
	if code != 1 || !strings.Contains(out, "telegram knu_test: failed") {
		t.Fatalf("collect: %d %s", code, out)
	}
	_, out, _ = runCLI(t, nil, "", "status", "--db", dsn)
	if !strings.Contains(out, "telegram knu_test: failed") || !strings.Contains(out, "403") {
		t.Errorf("the failed run of a registered account is not shown:\n%s", out)
	}
}

// TestStatusShowsRunErrorsInReadersLanguage: a stored failure is shown in
// the terminal's language; a row from before keys were stored keeps its
// English text.
func TestStatusShowsRunErrorsInReadersLanguage(t *testing.T) {
	dsn := storetest.DSN(t)
	db := registerKNU(t, dsn)
	t0 := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	ref := kopuro.AccountRef{Platform: kopuro.Telegram, Handle: "knu_test", Institution: "knu"}
	quota := httpx.NewQuota(kopuro.Telegram, t0.Add(time.Hour))
	for i, r := range []kopuro.Run{
		{Error: "old English text", Status: kopuro.RunFailed},
		{Error: quota.Error(), Failure: kopuro.AsError(quota), Status: kopuro.RunQuota},
	} {
		r.Platform, r.Account = kopuro.Telegram, ref
		r.Started = t0.Add(time.Duration(i) * time.Minute)
		r.Finished = r.Started
		if _, err := db.RecordRun(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	cat := i18n.Embedded()
	for _, lang := range i18n.Langs {
		_, out, _ := runCLI(t, map[string]string{"KOPURO_LANG": lang}, "", "status", "--db", dsn)
		want := cat.TMap(lang, "collect.quota", kopuro.AsError(quota).Args)
		if !strings.Contains(out, "    "+want+"\n") || !strings.Contains(out, "    old English text\n") {
			t.Errorf("%s: status lacks %q or the old text:\n%s", lang, want, out)
		}
	}
}
