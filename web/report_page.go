package web

import (
	"net/http"
	"net/url"

	"kopuro"
	"kopuro/i18n"
	"kopuro/insight"
	"kopuro/report"
)

// reportForm is what the report page's template receives: the choices,
// what is chosen, and the error of the last try, if any.
type reportForm struct {
	Lang         string
	From, To     string
	Format       string
	Chosen       map[string]bool
	Institutions []kopuro.Institution
	Langs        []string
	Formats      []string
	// NoChromium is the translated reason PDF cannot be made here, or "".
	NoChromium string
	// Field and Error are the offending field and the message of a
	// rejected try.
	Field, Error string
}

// FieldError is the message for the named field, or "".
func (f *reportForm) FieldError(name string) string {
	if f.Field == name {
		return f.Error
	}
	return ""
}

// One reports whether exactly one institution is chosen: the report is
// then its one-page summary.
func (f *reportForm) One() bool { return len(f.Chosen) == 1 }

// reportPage answers GET /reports: the form of GET /report (the options
// of `kopuro report`) with a download button. Query parameters prefill
// it; the report's language starts as the page's.
func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "pages.report.title")
	f, err := s.newReportForm(r, r.URL.Query(), p.Lang)
	if err != nil {
		return err
	}
	p.Data = f
	return s.render(w, "report", p)
}

// reportFormError shows the report page again after GET /report failed
// with a user-safe error: the error through describe, beside its field,
// and the options as they were sent. Internal errors go to renderError.
func (s *Server) reportFormError(w http.ResponseWriter, r *http.Request, q url.Values, err error) error {
	if kopuro.ErrorCode(err) == kopuro.EInternal {
		return err
	}
	// The page is the report page, in the reader's language: ?lang= of
	// /report is the report's language, not the interface's.
	pq := url.Values{}
	for k, v := range q {
		if k != "lang" && k != "download" {
			pq[k] = v
		}
	}
	pr := r.Clone(r.Context())
	pr.URL = &url.URL{Path: "/reports", RawQuery: pq.Encode()}
	p := s.newPage(w, pr, "pages.report.title")
	f, ferr := s.newReportForm(r, q, p.Lang)
	if ferr != nil {
		return ferr
	}
	var status int
	status, _, f.Error, f.Field = s.describe(r, p.Lang, err)
	p.Data = f
	return s.renderStatus(w, status, "report", p)
}

// newReportForm fills the form from the query: months of the period
// (the default period when absent), institutions, format and language.
func (s *Server) newReportForm(r *http.Request, q url.Values, lang string) (*reportForm, error) {
	insts, err := s.db.Institutions(r.Context())
	if err != nil {
		return nil, err
	}
	f := &reportForm{Lang: lang, Format: "html", Chosen: map[string]bool{}, Institutions: insts, Langs: i18n.Langs, Formats: report.Formats,
		From: q.Get("from"), To: q.Get("to")}
	if l, ok := kopuro.ParseUILang(q.Get("lang")); ok {
		f.Lang = string(l)
	}
	if v := q.Get("format"); v != "" {
		f.Format = v
	}
	if !q.Has("from") && !q.Has("to") {
		if p, err := insight.Period(q.Get("period"), s.reportNow()); err == nil {
			f.From, f.To = p.From.Format("2006-01"), p.To.AddDate(0, -1, 0).Format("2006-01")
		}
	}
	for _, c := range reportCodes(q) {
		f.Chosen[c] = true
	}
	if _, err := report.FindChromium(); err != nil {
		f.NoChromium = s.cat.T(lang, "pages.report.error.chromium")
	}
	return f, nil
}

// reportRoutes registers the report page and the report itself.
func (s *Server) reportRoutes() {
	s.handle("GET /reports", s.reportPage)
	s.handle("GET /report", s.reportDownload)
}
