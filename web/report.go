package web

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"kopuro/insight"
	"kopuro/report"
)

// reportDownload answers GET /report: the study regenerated with the
// options of `kopuro report` as query parameters — lang, period
// (2025-01..2025-06), institutions (a,b,c) and format (html, pdf, md,
// xlsx; html by default). HTML is shown in the browser; the other
// formats, and HTML with download=1, come as a file to save.
func (s *Server) reportDownload(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "html"
	}
	format, err := report.ParseFormat(format)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	if s.db.Now != nil {
		now = s.db.Now()
	}
	p, err := insight.Period(q.Get("period"), now)
	if err != nil {
		return err
	}
	var codes []string
	for _, c := range strings.Split(q.Get("institutions"), ",") {
		if c = strings.TrimSpace(c); c != "" {
			codes = append(codes, c)
		}
	}
	m, err := report.Build(r.Context(), s.db, report.Options{Period: p, Institutions: codes, Now: now, Insight: insight.DefaultOptions()})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.Write(r.Context(), &buf, format, report.Compose(m, s.lang(w, r), s.cat)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", report.ContentType(format))
	// The report is one self-contained page: its styles are inline and it
	// runs no script.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
	if format != "html" || q.Get("download") == "1" {
		w.Header().Set("Content-Disposition", `attachment; filename="kopuro-report.`+format+`"`)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
