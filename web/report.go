package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"time"

	"kopuro"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/report"
)

// reportRequest is what GET /report asks for: the options of
// `kopuro report`.
type reportRequest struct {
	Lang   string
	Period metrics.Period
	Codes  []string
	Format string
}

// reportDownload answers GET /report: the study regenerated with the
// options of `kopuro report` as query parameters — lang, period
// (2025-01..2025-06) or from and to (months, as the report page sends
// them), institutions (a,b,c, or repeated; "all" or none for every
// institution) and format (report.Formats; html by default). HTML is
// shown in the browser; the other formats, and HTML with download=1, come
// as a file to save. A bad option shows the report page again with the
// error beside its field.
func (s *Server) reportDownload(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	req, err := s.readReportRequest(w, r, q)
	if err != nil {
		return s.reportFormError(w, r, q, err)
	}
	m, err := report.Build(r.Context(), s.db, report.Options{Period: req.Period, Institutions: req.Codes, Now: s.reportNow(), Insight: insight.DefaultOptions()})
	if err != nil {
		if e := kopuro.AsError(err); e != nil && e.Code == kopuro.ENotFound && e.Field == "" {
			err = e.InField("institutions")
		}
		return s.reportFormError(w, r, q, err)
	}
	if req.Format == "pdf" {
		release, err := s.pdfSlot()
		if err != nil {
			return s.reportFormError(w, r, q, err)
		}
		defer release()
	}
	var buf bytes.Buffer
	if err := report.Write(r.Context(), &buf, req.Format, report.Compose(m, req.Lang, s.cat)); err != nil {
		return s.reportFormError(w, r, q, err)
	}
	w.Header().Set("Content-Type", report.ContentType(req.Format))
	// The report is one self-contained page: its styles are inline and it
	// runs no script.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
	if req.Format != "html" || q.Get("download") == "1" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+reportFileName(req)+`"`)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// maxPDFRenders is how many PDFs the server renders at once. The report
// page is public and each PDF is a headless Chromium for up to a couple of
// minutes, so more requests are refused as busy rather than queued.
const maxPDFRenders = 2

// pdfSlot takes one of the PDF rendering slots, or says the server is busy.
func (s *Server) pdfSlot() (release func(), err error) {
	select {
	case s.pdfSlots <- struct{}{}:
		return func() { <-s.pdfSlots }, nil
	default:
		return nil, kopuro.Errorf(kopuro.EUnavailable, "pages.error.pdf_busy", "%d PDF reports are being rendered; try again in a minute", maxPDFRenders)
	}
}

// reportNow is the store's clock (store.Open always sets it): the
// default period ends with the last full month before it.
func (s *Server) reportNow() time.Time {
	return s.db.Now().UTC()
}

// readReportRequest checks the options of GET /report. The report's
// language is ?lang= without remembering it as the interface language
// (the page's language stays the reader's), else the interface language.
func (s *Server) readReportRequest(w http.ResponseWriter, r *http.Request, q url.Values) (reportRequest, error) {
	var req reportRequest
	if l, ok := kopuro.ParseUILang(q.Get("lang")); ok {
		req.Lang = string(l)
	} else {
		req.Lang = s.lang(w, r)
	}
	format := q.Get("format")
	if format == "" {
		format = "html"
	}
	format, err := report.ParseFormat(format)
	if err != nil {
		return req, kopuro.AsError(err).InField("format")
	}
	req.Format = format
	if format == "pdf" {
		if _, err := report.FindChromium(); err != nil {
			return req, kopuro.Errorf(kopuro.EUnavailable, "pages.report.error.chromium", "PDF needs Chromium, which is not installed on the server").InField("format")
		}
	}
	if req.Period, err = reportPeriod(q, s.reportNow()); err != nil {
		return req, err
	}
	req.Codes = reportCodes(q)
	return req, nil
}

// reportPeriod reads from and to (months, both needed when either is
// given) or else period, with the errors naming the field at fault.
func reportPeriod(q url.Values, now time.Time) (metrics.Period, error) {
	if !q.Has("from") && !q.Has("to") {
		p, err := insight.Period(q.Get("period"), now)
		if e := kopuro.AsError(err); e != nil && e.Field == "" {
			err = e.InField("period")
		}
		return p, err
	}
	from, err := requiredDate(q, "from", monthLayout, "pages.report.error.from", "pages.report.error.from_missing")
	if err != nil {
		return metrics.Period{}, err
	}
	to, err := requiredDate(q, "to", monthLayout, "pages.report.error.to", "pages.report.error.to_missing")
	if err != nil {
		return metrics.Period{}, err
	}
	if to.Before(from) {
		return metrics.Period{}, kopuro.Errorf(kopuro.EInvalid, "pages.report.error.order", "the period ends (%s) before it starts (%s)", q.Get("to"), q.Get("from")).
			WithArg("From", q.Get("from")).WithArg("To", q.Get("to")).InField("to")
	}
	return metrics.Period{From: from, To: to.AddDate(0, 1, 0)}, nil
}

// reportCodes reads the institutions: repeated, comma-separated or both.
// "all" stands for every institution and counts only alone, so that a
// form whose "all" box stayed ticked still reports on the ones chosen.
func reportCodes(q url.Values) []string {
	var codes []string
	seen := map[string]bool{}
	for _, v := range q["institutions"] {
		for _, c := range strings.Split(v, ",") {
			if c = strings.TrimSpace(c); c != "" && c != "all" && !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	return codes
}

// reportFileName names the download after what it holds, e.g.
// kopuro-report-knu-2025-01-2025-06-ky.pdf.
func reportFileName(req reportRequest) string {
	parts := []string{"kopuro-report"}
	if len(req.Codes) == 1 {
		parts = append(parts, safeFilePart(req.Codes[0]))
	}
	parts = append(parts, req.Period.From.Format("2006-01"), req.Period.To.AddDate(0, -1, 0).Format("2006-01"), req.Lang)
	return strings.Join(parts, "-") + "." + req.Format
}

// safeFilePart keeps letters, digits, '-' and '_' of a code, so that it
// cannot break the Content-Disposition header.
func safeFilePart(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, s)
}
