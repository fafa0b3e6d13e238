package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestReportPage(t *testing.T) {
	s, _ := newTestServer(t)
	for _, tc := range []struct {
		url, status, ctype, want, disposition string
	}{
		{"/report?lang=en&period=2025-01..2025-06", "200", "text/html", "Table 1. Followers on social media", ""},
		{"/report?lang=ky&period=2025-01..2025-06&format=md", "200", "text/markdown", "1-таблица. Социалдык тармактардагы жазылуучулар", "attachment"},
		{"/report?lang=ru&institutions=auca&format=html&download=1", "200", "text/html", "Сводка для ректора", "attachment"},
		{"/report?format=doc", "400", "", "", ""},
		{"/report?institutions=nowhere", "404", "", "", ""},
	} {
		resp, body := get(t, s, tc.url)
		if got := strings.Fields(resp.Status)[0]; got != tc.status {
			t.Errorf("%s: status %s, want %s", tc.url, got, tc.status)
			continue
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %s, body lacks %q", tc.url, resp.Header.Get("Content-Type"), tc.want)
		}
		if d := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(d, tc.disposition) || (tc.disposition == "") != (d == "") {
			t.Errorf("%s: Content-Disposition %q", tc.url, d)
		}
	}
}
