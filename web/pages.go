package web

import (
	"net/http"
	"strconv"

	"kopuro"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/plan"
)

// pageRoutes registers the dashboard pages beyond the overview.
func (s *Server) pageRoutes() {
	s.handle("GET /leaderboards", s.mayBeStale(s.leaderboards))
	s.handle("GET /compare", s.compare)
	s.handle("GET /goals", s.goalsPage)
	s.handle("POST /goals", s.goalsPost)
}

// leaderboards ranks the institutions by their audience on each platform.
func (s *Server) leaderboards(w http.ResponseWriter, r *http.Request) error {
	t, err := s.loadAudience(r.Context())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "pages.leaderboards.title")
	var boards []leaderboardView
	var charts []chart
	for _, pl := range t.Platforms {
		e := t.Leaderboard(pl)
		if len(e) == 0 {
			continue
		}
		boards = append(boards, leaderboardView{pl, e})
		c := chart{ID: "board-" + string(pl), Title: p.PlatformName(pl), Kind: "bar"}
		sr := chartSeries{Name: p.T("metric.followers")}
		for _, c2 := range e {
			c.X = append(c.X, p.Name(c2.Institution))
			// A "none" snapshot has no count: no bar, never a zero.
			var v *float64
			if sn := c2.Snapshot; sn.Known() {
				v = num(float64(sn.Value.N))
			}
			sr.Data = append(sr.Data, v)
		}
		c.Series = []chartSeries{sr}
		charts = append(charts, c)
	}
	if done, err := serveCSV(w, r, charts); done {
		return err
	}
	p.Data, p.Charts = struct {
		Boards []leaderboardView
		Charts []chart
	}{boards, charts}, true
	return s.render(w, "leaderboards", p)
}

// maxCompare is how many institutions the compare page puts side by side.
const maxCompare = 5

// compare shows two to five institutions side by side: /compare?i=knu&i=auca.
func (s *Server) compare(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	all, err := s.db.Institutions(ctx)
	if err != nil {
		return err
	}
	codes := r.URL.Query()["i"]
	if len(codes) > maxCompare {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.compare_count", "compare takes at most %d institutions", maxCompare).WithArg("Count", maxCompare)
	}
	now := s.db.Now().UTC()
	per, err := insight.Period(r.URL.Query().Get("period"), now)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "pages.compare.title")
	var ins []kopuro.Institution
	var cards []metrics.Scorecard
	seen := map[string]bool{}
	for _, c := range codes {
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		in, err := s.db.Institution(ctx, c)
		if err != nil {
			return err
		}
		card, err := insight.Scorecard(ctx, s.db, in, per, now, insight.DefaultOptions(), insight.Scope{})
		if err != nil {
			return err
		}
		ins, cards = append(ins, in), append(cards, card)
	}
	var charts []chart
	var rows []compareRow
	if len(ins) >= 2 {
		for _, m := range compareMetrics {
			row := compareRow{Metric: m}
			for _, c := range cards {
				row.Values = append(row.Values, c.Values[m])
			}
			rows = append(rows, row)
		}
		cat := chart{ID: "compare-categories", Title: p.T("pages.chart.categories"), Kind: "bar", Unit: "%"}
		for _, k := range kopuro.Categories {
			cat.X = append(cat.X, p.T("pages.category."+string(k)))
		}
		for i, c := range cards {
			sr := chartSeries{Name: p.Name(ins[i])}
			for _, k := range kopuro.Categories {
				sr.Data = append(sr.Data, ptr(c.Content.CategoryShare[string(k)]))
			}
			cat.Series = append(cat.Series, sr)
		}
		charts = append(charts, cat)
	}
	if done, err := serveCSV(w, r, charts); done {
		return err
	}
	p.Data, p.Charts = struct {
		All      []kopuro.Institution
		Selected []kopuro.Institution
		Chosen   map[string]bool
		Period   metrics.Period
		Rows     []compareRow
		Charts   []chart
	}{all, ins, seen, per, rows, charts}, len(charts) > 0
	return s.render(w, "compare", p)
}

// compareRow is one metric of the compare table, one value per institution.
type compareRow struct {
	Metric string
	Values []metrics.Value
}

// compareMetrics are the registry metrics the compare table shows.
var compareMetrics = []string{metrics.Followers, metrics.FollowersPer1000, metrics.PostsPerWeek, metrics.ERMedian,
	metrics.TMShare, metrics.QuestionShare, metrics.StoryShare, metrics.SDGCoverage, metrics.ResponseRate, metrics.VisibilityIndex}

// goalsPage lists an institution's goals with their progress and, for
// users who may edit them, the form to add one. Signed-in users only.
func (s *Server) goalsPage(w http.ResponseWriter, r *http.Request) error {
	u, err := s.requireUser(r)
	if err != nil {
		return err
	}
	code := r.URL.Query().Get("i")
	if code == "" {
		code = u.Institution
	}
	all, err := s.db.Institutions(r.Context())
	if err != nil {
		return err
	}
	if code == "" && len(all) > 0 {
		code = all[0].Code
	}
	if _, err := s.requireRole(r, kopuro.ActionRead, code); err != nil {
		return err
	}
	in, err := s.db.Institution(r.Context(), code)
	if err != nil {
		return err
	}
	gs, err := insight.Goals(r.Context(), s.db, code, s.db.Now().UTC(), insight.DefaultOptions())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "pages.goals.title")
	p.Data = struct {
		Institution kopuro.Institution
		All         []kopuro.Institution
		Goals       []insight.GoalStatus
		CanEdit     bool
		Metrics     []string
		Platforms   []kopuro.Platform
	}{in, all, gs, u.Can(kopuro.ActionEditGoals, code), goalMetrics, kopuro.Platforms}
	return s.render(w, "goals", p)
}

// goalMetrics are the metrics offered in the add-goal form.
var goalMetrics = []string{metrics.Followers, metrics.FollowersPer1000, metrics.PostsPerWeek, metrics.ERMedian,
	metrics.TMShare, metrics.QuestionShare, metrics.StoryShare, metrics.SDGCoverage, metrics.ResponseRate}

// goalsPost adds a goal from the form (the same rules as the JSON API:
// ActionEditGoals on the institution) and shows the list again.
func (s *Server) goalsPost(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(r); err != nil {
		return err
	}
	code := r.PostForm.Get("i")
	if _, err := s.requireRole(r, kopuro.ActionEditGoals, code); err != nil {
		return err
	}
	g := plan.Goal{Institution: code, Metric: r.PostForm.Get("metric"), Note: r.PostForm.Get("note")}
	if v := r.PostForm.Get("platform"); v != "" {
		pl, err := kopuro.ParsePlatform(v)
		if err != nil {
			return err
		}
		g.Platform = pl
	}
	t, err := strconv.ParseFloat(r.PostForm.Get("target"), 64)
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.target", "target %q is not a number", r.PostForm.Get("target")).InField("target")
	}
	g.Target = &t
	d, err := requiredDate(r.PostForm, "deadline", dayLayout, "pages.error.deadline", "pages.error.deadline")
	if err != nil {
		return err
	}
	g.Deadline = kopuro.DateOf(d)
	if _, err := insight.AddGoal(r.Context(), s.db, g, s.db.Now().UTC(), insight.DefaultOptions()); err != nil {
		return err
	}
	// Post/redirect/get: a reload does not add the goal twice.
	http.Redirect(w, r, "/goals?i="+code+"&added=1", http.StatusSeeOther)
	return nil
}
