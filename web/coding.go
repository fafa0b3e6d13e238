package web

import (
	"net/http"
	"net/url"
	"strconv"

	"kopuro"
	"kopuro/store"
)

// Human coding: a coder (or admin) works through a seeded sample of posts
// at GET /coding, the same sample for every coder so that posts get coded
// twice; an editor may correct the labels of their own institution's posts.
// A person's labels are stored as their own coding and win over the
// machine's everywhere.

// defaultSampleSeed orders the coding sample when the request names none.
const defaultSampleSeed = 1

// codingRoutes registers the coding and agreement endpoints.
func (s *Server) codingRoutes() {
	s.handle("GET /coding", s.codingPage)
	s.handle("POST /coding/{post}", s.codingPost)
	s.handle("POST /api/v1/posts/{id}/labels", s.apiSaveLabels)
	s.handle("GET /agreement", s.agreementPage)
	s.handle("GET /api/v1/agreement", s.apiAgreement)
	s.handle("GET /api/v1/posts.csv", s.apiPostsCSV)
}

// mayLabel returns the signed-in user if they may label a post of
// institution: anyone who may code (coders, admins) any post, an editor
// only their institution's.
func (s *Server) mayLabel(r *http.Request, institution string) (kopuro.User, error) {
	u, err := s.requireUser(r)
	if err != nil || u.Can(kopuro.ActionCode, institution) {
		return u, err
	}
	return s.requireRole(r, kopuro.ActionCorrectLabels, institution)
}

// CanLabel reports whether the page's user may label a post of
// institution (see mayLabel): the explorer links such posts to the coding
// form.
func (p *page) CanLabel(institution string) bool {
	u := p.User
	return u != nil && (u.Can(kopuro.ActionCode, institution) || u.Can(kopuro.ActionCorrectLabels, institution))
}

// saveLabels stores the caller's labels of post id (see mayLabel).
func (s *Server) saveLabels(r *http.Request, id int64, l kopuro.Labels) (kopuro.Coding, error) {
	if _, err := s.requireUser(r); err != nil {
		return kopuro.Coding{}, err
	}
	lp, err := s.db.Post(r.Context(), id)
	if err != nil {
		return kopuro.Coding{}, err
	}
	u, err := s.mayLabel(r, lp.Account.Institution)
	if err != nil {
		return kopuro.Coding{}, err
	}
	if l.SDGs == nil {
		l.SDGs = []int{}
	}
	if err := l.Validate(); err != nil {
		return kopuro.Coding{}, err
	}
	c := kopuro.Coding{PostID: id, Coder: u.Email, Labels: l, At: s.db.Now().UTC()}
	return c, s.db.SaveCodings(r.Context(), []kopuro.Coding{c})
}

// postID reads a post's id as a path value or query parameter gives it.
func postID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, kopuro.Errorf(kopuro.ENotFound, "error.post_not_found", "no post %q", s).WithArg("ID", s)
	}
	return id, nil
}

// apiSaveLabels answers POST /api/v1/posts/{id}/labels with the stored
// coding; the body is a labels object.
func (s *Server) apiSaveLabels(w http.ResponseWriter, r *http.Request) error {
	id, err := postID(r.PathValue("id"))
	if err != nil {
		return err
	}
	if _, err := s.requireUser(r); err != nil {
		return err
	}
	var l kopuro.Labels
	if err := decodeJSON(w, r, &l, maxJSONBody); err != nil {
		return err
	}
	c, err := s.saveLabels(r, id, l)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}

// labelsFromForm reads the coding form.
func labelsFromForm(r *http.Request) (kopuro.Labels, error) {
	if err := readForm(r); err != nil {
		return kopuro.Labels{}, err
	}
	f := r.PostForm
	l := kopuro.Labels{Lang: kopuro.Lang(f.Get("post_lang")), Category: kopuro.Category(f.Get("category")), Area: kopuro.Area(f.Get("area")),
		CTA: f.Get("cta") != "", Question: f.Get("question") != "", Story: f.Get("story") != "", SDGs: []int{}}
	for _, v := range f["sdg"] {
		g, err := strconv.Atoi(v)
		if err != nil {
			return l, kopuro.Errorf(kopuro.EInvalid, "error.sdg", "SDG %q is not between 1 and 17", v).WithArg("Value", v).InField("sdgs")
		}
		l.SDGs = append(l.SDGs, g)
	}
	return l, nil
}

// codingPost takes the coding form (POST /coding/{post}) and goes on to the
// next post of the same sample.
func (s *Server) codingPost(w http.ResponseWriter, r *http.Request) error {
	id, err := postID(r.PathValue("post"))
	if err != nil {
		return err
	}
	if _, err := s.requireUser(r); err != nil {
		return err
	}
	l, err := labelsFromForm(r)
	if err != nil {
		return err
	}
	if _, err := s.saveLabels(r, id, l); err != nil {
		return err
	}
	next := "/coding?" + url.Values{"seed": {r.PostForm.Get("seed")}, "saved": {strconv.FormatInt(id, 10)}}.Encode()
	if r.PostForm.Get("back") == "posts" {
		next = "/posts"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// codingData is what coding.html shows.
type codingData struct {
	Post     *postView
	Machine  *kopuro.Coding
	Own      *kopuro.Coding
	Form     kopuro.Labels // what the form starts with
	Seed     int64
	Coded    int
	Saved    string
	Named    bool         // the post was named (?post=ID): saving goes back to the explorer
	Explorer explorerData // the choice lists
}

// codingPage serves GET /coding[?seed=N][&post=ID]: the next post of the
// seeded sample the caller has not coded, or the post named (the
// explorer's "correct labels" link), which an editor may open for their
// own institution's posts.
func (s *Server) codingPage(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	var u kopuro.User
	var err error
	if v.Get("post") == "" {
		if u, err = s.requireRole(r, kopuro.ActionCode, ""); err != nil {
			return err
		}
	} else if u, err = s.requireUser(r); err != nil {
		return err
	}
	d := codingData{Seed: defaultSampleSeed, Saved: v.Get("saved"), Named: v.Get("post") != ""}
	if s := v.Get("seed"); s != "" {
		if d.Seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			return kopuro.Errorf(kopuro.EInvalid, "error.explorer_number", "seed must be a whole number").
				WithArg("Min", 0).WithArg("Max", int64(1)<<62).InField("seed")
		}
	}
	var lp store.LabeledPost
	found := false
	if v.Get("post") != "" {
		id, err := postID(v.Get("post"))
		if err != nil {
			return err
		}
		if lp, err = s.db.Post(r.Context(), id); err != nil {
			return err
		}
		if u, err = s.mayLabel(r, lp.Account.Institution); err != nil {
			return err
		}
		found = true
	}
	var coded int
	if !found {
		if lp, coded, found, err = s.db.NextToCode(r.Context(), u.Email, d.Seed); err != nil {
			return err
		}
	}
	d.Coded = coded
	if found {
		cs, err := s.db.Codings(r.Context(), lp.Post.ID)
		if err != nil {
			return err
		}
		for i := range cs {
			switch cs[i].Coder {
			case "":
				d.Machine = &cs[i]
			case u.Email:
				d.Own = &cs[i]
			}
		}
		pv := postView{LabeledPost: lp}
		if d.Machine != nil {
			pv.Text = highlight(lp.Post.Text, d.Machine.Evidence)
			d.Form = d.Machine.Labels
		} else {
			pv.Text = highlight(lp.Post.Text, nil)
		}
		if d.Own != nil {
			d.Form = d.Own.Labels
		}
		d.Post = &pv
	}
	d.Explorer = explorerData{Categories: kopuro.Categories, Areas: kopuro.Areas,
		Langs: []kopuro.Lang{kopuro.KY, kopuro.RU, kopuro.EN, kopuro.LangMixed, kopuro.LangOther}}
	for g := 1; g <= 17; g++ {
		d.Explorer.SDGs = append(d.Explorer.SDGs, g)
	}
	p := s.newPage(w, r, "coding.title")
	p.Data = d
	return s.render(w, "coding", p)
}

// HasSDG reports whether the form starts with goal g ticked.
func (d codingData) HasSDG(g int) bool {
	for _, x := range d.Form.SDGs {
		if x == g {
			return true
		}
	}
	return false
}
