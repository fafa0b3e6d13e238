package web

import (
	"net/http"
	"net/url"
	"time"
	"unicode/utf8"

	"kopuro"
	"kopuro/advise"
	"kopuro/i18n"
	"kopuro/insight"
	"kopuro/plan"
)

// planPageRoutes registers the calendar, campaign and draft-check pages.
func (s *Server) planPageRoutes() {
	s.handle("GET /calendar", s.calendarPage)
	s.handle("GET /campaigns", s.campaignsPage)
	s.handle("GET /campaigns/{id}", s.campaignPage)
	s.handle("GET /check", s.checkPage)
	s.handle("POST /check", s.checkPage)
}

// calDay is one cell of the month view.
type calDay struct {
	Day    int
	In     bool // in the month shown (else a neighbour's day filling the week)
	Events []plan.Event
}

// calendarPage is the month view (?month=2025-11, the current month by
// default) of international days and campaigns.
func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request) error {
	now := s.db.Now().UTC()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	m, err := formDate(r.URL.Query(), "month", monthLayout, "pages.error.month")
	if err != nil {
		return err
	}
	if !m.IsZero() {
		first = m
	}
	last := first.AddDate(0, 1, -1)
	p := s.newPage(w, r, "pages.calendar.title")
	ev, err := s.calendarEvents(r.Context(), r, first, last, p.Lang)
	if err != nil {
		return err
	}
	form, err := s.entryForm(r, first, ev)
	if err != nil {
		return err
	}
	// Weeks start on Monday, as in Kyrgyzstan.
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	end := last.AddDate(0, 0, 6-(int(last.Weekday())+6)%7)
	var weeks [][]calDay
	for d, i := start, 0; !d.After(end); d, i = d.AddDate(0, 0, 1), i+1 {
		if i%7 == 0 {
			weeks = append(weeks, nil)
		}
		cd := calDay{Day: d.Day(), In: d.Month() == first.Month()}
		if cd.In {
			for _, e := range ev {
				if !d.Before(e.Start.Start()) && !d.After(e.End.Start()) {
					cd.Events = append(cd.Events, e)
				}
			}
		}
		weeks[len(weeks)-1] = append(weeks[len(weeks)-1], cd)
	}
	p.Data = struct {
		Month      string
		MonthID    string
		ICS        string
		Prev, Next string
		Weeks      [][]calDay
		Events     []plan.Event
		Form       *entryForm
	}{i18n.FormatMonth(p.Lang, first.Year(), first.Month()), first.Format("2006-01"),
		"/api/v1/calendar?" + url.Values{"format": {"ics"}, "from": {first.Format(time.DateOnly)}, "to": {first.Format("2006-01")}, "lang": {p.Lang}}.Encode(),
		first.AddDate(0, -1, 0).Format("2006-01"), first.AddDate(0, 1, 0).Format("2006-01"), weeks, ev, form}
	return s.render(w, "calendar", p)
}

// campaignsPage lists the campaigns.
func (s *Server) campaignsPage(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.db.Campaigns(r.Context())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "pages.campaigns.title")
	p.Data = cs
	return s.render(w, "campaigns", p)
}

// campaignPage is the tracker of one campaign: posts per university with
// its hashtag in the campaign's window.
func (s *Server) campaignPage(w http.ResponseWriter, r *http.Request) error {
	rep, err := insight.CampaignReport(r.Context(), s.db, r.PathValue("id"), insight.DefaultOptions())
	if err != nil {
		return err
	}
	insts, err := s.db.Institutions(r.Context())
	if err != nil {
		return err
	}
	byCode := map[string]kopuro.Institution{}
	for _, in := range insts {
		byCode[in.Code] = in
	}
	p := s.newPage(w, r, "pages.campaigns.title")
	c := chart{ID: "campaign-posts", Title: p.T("pages.campaigns.posts_by"), Kind: "bar"}
	sr := chartSeries{Name: p.T("pages.posts")}
	for _, row := range rep.Rows {
		name := row.Institution
		if in, ok := byCode[row.Institution]; ok {
			name = p.Name(in)
		}
		c.X = append(c.X, name)
		sr.Data = append(sr.Data, num(float64(row.Posts)))
	}
	c.Series = []chartSeries{sr}
	charts := []chart{c}
	if done, err := serveCSV(w, r, charts); done {
		return err
	}
	p.Data, p.Charts = struct {
		Report plan.CampaignReport
		Names  map[string]kopuro.Institution
		Charts []chart
	}{rep, byCode, charts}, len(rep.Rows) > 0
	return s.render(w, "campaign", p)
}

// maxDraft is the longest draft the checker page takes, in characters.
const maxDraft = 10000

// checkPage is the draft checker: a form, and on POST the draft's labels
// and the suggestions. Signed-in users only, as the API.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.requireUser(r); err != nil {
		return err
	}
	p := s.newPage(w, r, "pages.check.title")
	data := struct {
		Text      string
		Platform  kopuro.Platform
		Media     bool
		Platforms []kopuro.Platform
		Result    *advise.Check
	}{Platforms: kopuro.Platforms}
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 4*maxDraft+4096)
		if err := readForm(r); err != nil {
			return err
		}
		data.Text, data.Media = r.PostForm.Get("text"), r.PostForm.Get("media") == "on"
		data.Platform = kopuro.Platform(r.PostForm.Get("platform"))
		if utf8.RuneCountInString(data.Text) > maxDraft {
			return kopuro.Errorf(kopuro.EInvalid, "pages.error.draft_long", "draft longer than %d characters", maxDraft).WithArg("Count", maxDraft)
		}
		c, err := s.checkDraft(r.Context(), checkRequest{Text: data.Text, Platform: data.Platform, Media: data.Media}, p.Lang)
		if err != nil {
			return err
		}
		data.Result = &c
	}
	p.Data = data
	return s.render(w, "check", p)
}
