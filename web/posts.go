package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kopuro"
	"kopuro/store"
)

// The posts explorer: GET /posts, public. Filters come as a GET form, so
// every view is a link.

// postQuery reads the explorer's filters from a request's query string;
// a value that does not parse is a user-safe error naming its field.
func postQuery(v url.Values) (store.PostQuery, error) {
	var q store.PostQuery
	var err error
	q.Institution = strings.TrimSpace(v.Get("institution"))
	if s := v.Get("platform"); s != "" {
		if q.Platform, err = kopuro.ParsePlatform(s); err != nil {
			return q, err
		}
	}
	if s := v.Get("category"); s != "" {
		if q.Category, err = kopuro.ParseCategory(s); err != nil {
			return q, err
		}
	}
	if q.Area, err = kopuro.ParseArea(v.Get("area")); err != nil {
		return q, err
	}
	if s := v.Get("post_lang"); s != "" {
		l := kopuro.Lang(s)
		probe := kopuro.Labels{Lang: l, Category: kopuro.Teaching}
		if err := probe.Validate(); err != nil {
			return q, err
		}
		q.Lang = l
	}
	if q.Format, err = kopuro.ParseFormat(v.Get("format")); err != nil {
		return q, err
	}
	if q.SDG, err = intParam(v, "sdg", 0, 17); err != nil {
		return q, err
	}
	if q.Page, err = intParam(v, "page", 1, 1<<20); err != nil {
		return q, err
	}
	if q.From, err = formDate(v, "from", dayLayout, "error.explorer_day"); err != nil {
		return q, err
	}
	if q.To, err = formDate(v, "to", dayLayout, "error.explorer_day"); err != nil {
		return q, err
	}
	if !q.To.IsZero() {
		q.To = q.To.AddDate(0, 0, 1) // the form's "to" day is included
	}
	q.CTA, q.Question, q.Story, q.Unlinked = v.Get("cta") != "", v.Get("question") != "", v.Get("story") != "", v.Get("unlinked") != ""
	q.Q = v.Get("q")
	switch s := v.Get("sort"); s {
	case "", store.SortDate:
		q.Sort = store.SortDate
	case store.SortER:
		q.Sort = s
	default:
		return q, kopuro.Errorf(kopuro.EInvalid, "error.explorer_sort", "unknown sort %q", s).WithArg("Value", s).InField("sort")
	}
	q.Limit = store.DefaultPostLimit
	return q, nil
}

// intParam reads an optional integer in [lo, hi]; 0 when absent.
func intParam(v url.Values, name string, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, kopuro.Errorf(kopuro.EInvalid, "error.explorer_number", "%s must be a whole number from %d to %d", name, lo, hi).
			WithArg("Min", lo).WithArg("Max", hi).InField(name)
	}
	return n, nil
}

// postView is one post as the explorer shows it.
type postView struct {
	store.LabeledPost
	// Text is the post's text with the machine's evidence marked, escaped.
	Text template.HTML
	// Human is set when a person's coding is the effective one.
	Human bool
}

// postViews adds the highlighted text to a page of posts. Evidence comes
// from the machine's coding, which a human coding hides: those are read
// in one query for the page.
func (s *Server) postViews(r *http.Request, lps []store.LabeledPost) ([]postView, error) {
	var humanCoded []int64
	for _, lp := range lps {
		if lp.Coding != nil && !lp.Coding.Machine() {
			humanCoded = append(humanCoded, lp.Post.ID)
		}
	}
	machine, err := s.db.MachineCodings(r.Context(), humanCoded)
	if err != nil {
		return nil, err
	}
	out := make([]postView, len(lps))
	for i, lp := range lps {
		v := postView{LabeledPost: lp}
		var ev []kopuro.Evidence
		if lp.Coding != nil {
			v.Human = !lp.Coding.Machine()
			ev = lp.Coding.Evidence
			if v.Human {
				ev = machine[lp.Post.ID].Evidence
			}
		}
		v.Text = highlight(lp.Post.Text, ev)
		out[i] = v
	}
	return out, nil
}

// explorerData is what posts.html shows.
type explorerData struct {
	Form         url.Values
	Posts        []postView
	Total        int
	Page, Pages  int
	Prev, Next   string
	Institutions []kopuro.Institution
	Platforms    []kopuro.Platform
	Categories   []kopuro.Category
	Areas        []kopuro.Area
	Formats      []kopuro.Format
	Langs        []kopuro.Lang
	SDGs         []int
}

// posts serves GET /posts.
func (s *Server) posts(w http.ResponseWriter, r *http.Request) error {
	form := r.URL.Query()
	q, err := postQuery(form)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "explorer.title")
	return s.cachedPage(w, r, p, "posts", false, func(ctx context.Context) error {
		d, err := s.explorer(r.WithContext(ctx), form, q)
		p.Data = d
		return err
	})
}

// explorer reads one page of the explorer.
func (s *Server) explorer(r *http.Request, form url.Values, q store.PostQuery) (explorerData, error) {
	lps, total, err := s.db.QueryPosts(r.Context(), q)
	if err != nil {
		return explorerData{}, err
	}
	views, err := s.postViews(r, lps)
	if err != nil {
		return explorerData{}, err
	}
	insts, err := s.db.Institutions(r.Context())
	if err != nil {
		return explorerData{}, err
	}
	d := explorerData{Form: form, Posts: views, Total: total, Page: max(q.Page, 1), Pages: max((total+q.Limit-1)/q.Limit, 1),
		Institutions: insts, Platforms: kopuro.Platforms, Categories: kopuro.Categories, Areas: kopuro.Areas, Formats: kopuro.Formats,
		Langs: []kopuro.Lang{kopuro.KY, kopuro.RU, kopuro.EN, kopuro.LangMixed, kopuro.LangOther}}
	for g := 1; g <= 17; g++ {
		d.SDGs = append(d.SDGs, g)
	}
	pageURL := func(n int) string {
		v := url.Values{}
		for k, x := range form {
			v[k] = x
		}
		v.Set("page", strconv.Itoa(n))
		return "/posts?" + v.Encode()
	}
	if d.Page > 1 {
		d.Prev = pageURL(d.Page - 1)
	}
	if d.Page < d.Pages {
		d.Next = pageURL(d.Page + 1)
	}
	return d, nil
}

// Day is the post's publication day, for display.
func (v postView) Day() kopuro.Date { return kopuro.DateOf(v.Post.Published) }

// labelsArgs is what the "labels" partial receives: the page (for its
// catalogue) and the coding to show.
type labelsArgs struct {
	Page   *page
	Coding *kopuro.Coding
}

// LabelsOf packs a coding for the "labels" partial.
func (p *page) LabelsOf(c *kopuro.Coding) labelsArgs { return labelsArgs{p, c} }
