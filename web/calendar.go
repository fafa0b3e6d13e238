package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"kopuro"
	"kopuro/insight"
	"kopuro/plan"
)

// Calendar entries: the posts an institution plans on a day. They are an
// institution's plans, so only signed-in users see them; an editor writes
// their own institution's, an admin any (kopuro.ActionEditCalendar).

// calendarRoutes registers the entry endpoints of the API and the forms
// of the calendar page.
func (s *Server) calendarRoutes() {
	s.handle("POST /api/v1/institutions/{code}/calendar", s.apiSaveEntry)
	s.handle("DELETE /api/v1/institutions/{code}/calendar/{id}", s.apiDeleteEntry)
	s.handle("POST /calendar", s.calendarPost)
	s.handle("POST /calendar/delete", s.calendarDelete)
}

// calendarEvents lists the calendar between from and to for the request:
// international days (titled in lang), campaigns and, for a signed-in
// user, the stored entries of every institution.
func (s *Server) calendarEvents(ctx context.Context, r *http.Request, from, to time.Time, lang string) ([]plan.Event, error) {
	ev, err := insight.Calendar(ctx, s.db, from, to, nil)
	if err != nil {
		return nil, err
	}
	if currentUser(r) != nil {
		es, err := s.db.CalendarEntries(ctx, kopuro.DateOf(from), kopuro.DateOf(to), "")
		if err != nil {
			return nil, err
		}
		ev = plan.WithEntries(ev, es)
	}
	plan.TitleDays(ev, s.cat, lang)
	return ev, nil
}

// apiSaveEntry answers POST /api/v1/institutions/{code}/calendar: a body
// without "id" creates an entry (201), one with the id of an entry of the
// same institution replaces it (200); either way the stored entry comes
// back, e.g. {"date":"2025-11-14","rubric":"Impact Friday","title":"…",
// "platform":"instagram","note":"…"}.
func (s *Server) apiSaveEntry(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := s.requireRole(r, kopuro.ActionEditCalendar, code); err != nil {
		return err
	}
	var e plan.Entry
	if err := decodeJSON(w, r, &e, maxJSONBody); err != nil {
		return err
	}
	if e.Institution != "" && e.Institution != code {
		return kopuro.Errorf(kopuro.EInvalid, "error.entry_institution", "the entry's institution %q is not %q of the path", e.Institution, code).InField("institution")
	}
	e.Institution = code
	e, created, err := s.db.SaveCalendarEntry(r.Context(), e)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, e)
}

// apiDeleteEntry answers DELETE /api/v1/institutions/{code}/calendar/{id}
// with 204.
func (s *Server) apiDeleteEntry(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := s.requireRole(r, kopuro.ActionEditCalendar, code); err != nil {
		return err
	}
	id, err := entryID(r.PathValue("id"))
	if err != nil {
		return err
	}
	if err := s.db.DeleteCalendarEntry(r.Context(), code, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func entryID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, kopuro.Errorf(kopuro.EInvalid, "error.entry_id", "calendar entry id %q is not a number", s).WithArg("Value", s).InField("id")
	}
	return id, nil
}

// calendarPost saves an entry from the calendar page's form (the rules of
// the API) and shows the entry's month again.
func (s *Server) calendarPost(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(r); err != nil {
		return err
	}
	f := r.PostForm
	code := f.Get("i")
	if _, err := s.requireRole(r, kopuro.ActionEditCalendar, code); err != nil {
		return err
	}
	e := plan.Entry{Institution: code, Rubric: f.Get("rubric"), Title: f.Get("title"), Platform: kopuro.Platform(f.Get("platform")), Note: f.Get("note")}
	if v := f.Get("id"); v != "" {
		id, err := entryID(v)
		if err != nil {
			return err
		}
		e.ID = id
	}
	d, err := requiredDate(f, "date", dayLayout, "error.entry_date", "error.entry_date")
	if err != nil {
		return err
	}
	e.Date = kopuro.DateOf(d)
	if _, _, err := s.db.SaveCalendarEntry(r.Context(), e); err != nil {
		return err
	}
	// Post/redirect/get: a reload does not save twice.
	http.Redirect(w, r, "/calendar?"+url.Values{"month": {d.Format("2006-01")}, "added": {"1"}}.Encode(), http.StatusSeeOther)
	return nil
}

// calendarDelete deletes an entry from the calendar page.
func (s *Server) calendarDelete(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(r); err != nil {
		return err
	}
	code := r.PostForm.Get("i")
	if _, err := s.requireRole(r, kopuro.ActionEditCalendar, code); err != nil {
		return err
	}
	id, err := entryID(r.PostForm.Get("id"))
	if err != nil {
		return err
	}
	if err := s.db.DeleteCalendarEntry(r.Context(), code, id); err != nil {
		return err
	}
	q := url.Values{}
	// The month only brings the reader back to it: a bad one is dropped.
	if m, err := formDate(r.PostForm, "month", monthLayout, "pages.error.month"); err == nil && !m.IsZero() {
		q.Set("month", m.Format(monthLayout))
	}
	http.Redirect(w, r, "/calendar?"+q.Encode(), http.StatusSeeOther)
	return nil
}

// entryForm is the calendar page's add/edit form: the institutions whose
// calendar the user may write, and the entry being edited (?edit=ID) or a
// blank one on the month's first day.
type entryForm struct {
	Institutions []kopuro.Institution
	Entry        plan.Entry
	Platforms    []kopuro.Platform
}

// entryForm builds the form for the request, nil when the user may write
// no calendar at all.
func (s *Server) entryForm(r *http.Request, first time.Time, ev []plan.Event) (*entryForm, error) {
	u := currentUser(r)
	if u == nil {
		return nil, nil
	}
	all, err := s.db.Institutions(r.Context())
	if err != nil {
		return nil, err
	}
	f := &entryForm{Entry: plan.Entry{Date: kopuro.DateOf(first)}, Platforms: kopuro.Platforms}
	for _, in := range all {
		if u.Can(kopuro.ActionEditCalendar, in.Code) {
			f.Institutions = append(f.Institutions, in)
		}
	}
	if len(f.Institutions) == 0 {
		return nil, nil
	}
	if id, err := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64); err == nil {
		for _, e := range ev {
			if e.Kind == plan.KindEntry && e.Entry == id && u.Can(kopuro.ActionEditCalendar, e.Institution) {
				f.Entry = plan.Entry{ID: e.Entry, Institution: e.Institution, Date: e.Start, Rubric: e.Rubric, Title: e.Title, Platform: e.Platform, Note: e.Description}
			}
		}
	}
	return f, nil
}

// CanEditCalendar reports whether the page's user may write the calendar
// of institution code.
func (p *page) CanEditCalendar(code string) bool {
	return p.User != nil && p.User.Can(kopuro.ActionEditCalendar, code)
}
