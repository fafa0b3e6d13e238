package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"kopuro"
	"kopuro/i18n"
)

// page is what every template receives: the language, helpers that read
// the catalogue, and the page's own Data.
type page struct {
	Lang      string
	Langs     []string
	TitleKey  string
	Path      string
	query     url.Values
	RequestID string
	// User is the signed-in user, nil for a visitor.
	User *kopuro.User
	cat  *i18n.Catalog
	Data any
	// Charts is set when the page draws a chart, so the layout loads the
	// chart library only where it is needed.
	Charts bool
}

func (s *Server) newPage(w http.ResponseWriter, r *http.Request, titleKey string) *page {
	return &page{Lang: s.lang(w, r), Langs: i18n.Langs, TitleKey: titleKey, Path: r.URL.Path,
		query: r.URL.Query(), RequestID: requestID(r), User: currentUser(r), cat: s.cat}
}

// T translates a catalogue key; args alternate names and values.
func (p *page) T(key string, args ...any) string { return p.cat.T(p.Lang, key, args...) }

// Num formats an integer for the page language.
func (p *page) Num(n int64) string { return i18n.FormatInt(p.Lang, n) }

// Name is an institution's short name (or full name) in the page language.
func (p *page) Name(in kopuro.Institution) string { return in.DisplayName(kopuro.Lang(p.Lang)) }

// FullName is an institution's full name in the page language.
func (p *page) FullName(in kopuro.Institution) string { return in.Name.In(kopuro.Lang(p.Lang)) }

// LangURL is the current page in another language.
func (p *page) LangURL(lang string) string {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = v
	}
	q.Set("lang", lang)
	return p.Path + "?" + q.Encode()
}

// Value renders a snapshot's value as Table 1 does: "94 950", "~1 300",
// "<1 000", or the language's "no data" mark.
func (p *page) Value(s kopuro.Snapshot) string {
	if !s.Known() {
		return p.T("value.none")
	}
	n := p.Num(s.Value.N)
	switch s.Precision {
	case kopuro.Approx:
		return "~" + n
	case kopuro.Below:
		return "<" + n
	}
	return n
}

// AsOf renders a snapshot date: a month as "February 2024", a day in full.
func (p *page) AsOf(d kopuro.Date) string {
	if d.IsZero() {
		return ""
	}
	if d.MonthOnly() {
		return i18n.FormatMonth(p.Lang, d.Year, d.Month)
	}
	return i18n.FormatDay(p.Lang, d.Start())
}

// PlatformName is the platform's display name from the catalogue.
func (p *page) PlatformName(pl kopuro.Platform) string { return p.T("platform." + string(pl)) }

// Note is a snapshot's note in the page's language (the bundled Table 1
// notes are translated; imported ones are shown as written).
func (p *page) Note(s string) string { return p.cat.Note(p.Lang, kopuro.NoteKey(s), s) }

func (s *Server) parseTemplates() error {
	layout, err := fs.ReadFile(s.files, "templates/layout.html")
	if err != nil {
		return err
	}
	files, err := fs.Glob(s.files, "templates/*.html")
	if err != nil {
		return err
	}
	// Files named *.partial.html are partials: blocks every page may use.
	var partials []string
	for _, f := range files {
		if strings.HasSuffix(f, ".partial.html") {
			b, err := fs.ReadFile(s.files, f)
			if err != nil {
				return err
			}
			partials = append(partials, string(b))
		}
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" || strings.HasSuffix(f, ".partial.html") {
			continue
		}
		body, err := fs.ReadFile(s.files, f)
		if err != nil {
			return err
		}
		t, err := template.New("layout").Parse(string(layout))
		for _, part := range partials {
			if err == nil {
				_, err = t.Parse(part)
			}
		}
		if err == nil {
			_, err = t.Parse(string(body))
		}
		if err != nil {
			return fmt.Errorf("web: template %s: %w", f, err)
		}
		pages[name] = t
	}
	s.pages = pages
	return nil
}

// RoleName is a role's name in the page language.
func (p *page) RoleName(r kopuro.Role) string { return p.T("role." + string(r)) }

// LoginURL is the sign-in page, coming back to the current page after.
func (p *page) LoginURL() string { return "/login?" + url.Values{"next": {p.Path}}.Encode() }

// render executes a page template into a buffer first, so that a template
// error becomes a clean error response instead of half a page.
func (s *Server) render(w http.ResponseWriter, name string, p *page) error {
	return s.renderStatus(w, http.StatusOK, name, p)
}

// renderStatus is render with another status than 200.
func (s *Server) renderStatus(w http.ResponseWriter, status int, name string, p *page) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("web: no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}
