package web

import (
	"context"
	"net/http"
	"sort"

	"kopuro"
	"kopuro/advise"
	"kopuro/i18n"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/store"
)

type accountView struct {
	Account   kopuro.Account
	Snapshots []kopuro.Snapshot
}

// profile is everything the institution page shows.
type profile struct {
	Institution kopuro.Institution
	Accounts    []accountView
	Period      metrics.Period
	Card        metrics.Scorecard
	Charts      []chart
	Advice      advise.Advice
	// Goals is nil for a visitor: an institution's plans are for
	// signed-in users.
	Goals    []insight.GoalStatus
	ShowGoal bool
	Posts    []store.LabeledPost
}

// recentPosts is how many of the newest posts the profile lists.
const recentPosts = 5

// institution is a university's page: accounts with their snapshot
// history, charts of the period's scorecard, the advice and, for signed-in
// users, the goals.
func (s *Server) institution(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "institution.title")
	if r.URL.Query().Get("csv") != "" {
		pr, err := s.loadProfile(r.Context(), r, p)
		if err != nil {
			return err
		}
		_, err = serveCSV(w, r, pr.Charts)
		return err
	}
	return s.cachedPage(w, r, p, "institution", true, func(ctx context.Context) error {
		pr, err := s.loadProfile(ctx, r.WithContext(ctx), p)
		p.Data, p.Charts = pr, true
		return err
	})
}

func (s *Server) loadProfile(ctx context.Context, r *http.Request, p *page) (profile, error) {
	// One read of the data version for the many cached scorecards.
	ctx, err := s.db.PinVersion(ctx)
	if err != nil {
		return profile{}, err
	}
	code := r.PathValue("code")
	in, err := s.db.Institution(ctx, code)
	if err != nil {
		return profile{}, err
	}
	accounts, err := s.db.Accounts(ctx, in.Code)
	if err != nil {
		return profile{}, err
	}
	pr := profile{Institution: in}
	for _, a := range accounts {
		snaps, err := s.db.Snapshots(ctx, a.ID)
		if err != nil {
			return profile{}, err
		}
		pr.Accounts = append(pr.Accounts, accountView{a, snaps})
	}
	now := s.db.Now().UTC()
	if pr.Period, err = insight.Period(r.URL.Query().Get("period"), now); err != nil {
		return profile{}, err
	}
	// The period's scorecards (the institution's and its peers', for the
	// advice) are cached; goals measure up to now, a period that never
	// comes again, so theirs are not.
	o := insight.DefaultOptions()
	cached := o
	cached.Memo = true
	if pr.Card, err = insight.Scorecard(ctx, s.db, in, pr.Period, now, cached, insight.Scope{}); err != nil {
		return profile{}, err
	}
	if pr.Advice, err = insight.Advice(ctx, s.db, in.Code, pr.Period, now, cached, s.cat, p.Lang); err != nil {
		return profile{}, err
	}
	if u := currentUser(r); u != nil && u.Can(kopuro.ActionRead, in.Code) {
		pr.ShowGoal = true
		if pr.Goals, err = insight.Goals(ctx, s.db, in.Code, now, o); err != nil {
			return profile{}, err
		}
	}
	pr.Posts, err = s.db.RecentPosts(ctx, store.PostFilter{Institution: in.Code, From: pr.Period.From, To: pr.Period.To}, recentPosts)
	if err != nil {
		return profile{}, err
	}
	for i := range pr.Accounts {
		sn := pr.Accounts[i].Snapshots
		for a, b := 0, len(sn)-1; a < b; a, b = a+1, b-1 {
			sn[a], sn[b] = sn[b], sn[a]
		}
	}
	pr.Charts = profileCharts(p, pr)
	return pr, nil
}

// profileCharts builds the charts of an institution page.
func profileCharts(p *page, pr profile) []chart {
	c := pr.Card.Content
	cs := []chart{followerChart(p, pr.Accounts)}
	cat := chart{ID: "categories", Title: p.T("pages.chart.categories"), Kind: "bar", Unit: "%"}
	er := chart{ID: "er-category", Title: p.T("pages.chart.er_category"), Kind: "bar", Unit: "%"}
	share := chartSeries{Name: p.T("pages.share")}
	med := chartSeries{Name: p.T("pages.er_median")}
	for _, k := range kopuro.Categories {
		cat.X = append(cat.X, p.T("pages.category."+string(k)))
		share.Data = append(share.Data, ptr(c.CategoryShare[string(k)]))
		er.X = append(er.X, p.T("pages.category."+string(k)))
		med.Data = append(med.Data, ptr(pr.Card.Engagement.By[metrics.DimCategory][string(k)].Median))
	}
	cat.Series, er.Series = []chartSeries{share}, []chartSeries{med}
	area := chart{ID: "areas", Title: p.T("pages.chart.areas"), Kind: "bar", Unit: "%"}
	share = chartSeries{Name: p.T("pages.share")}
	for _, a := range kopuro.Areas {
		area.X = append(area.X, p.T("pages.area."+string(a)))
		share.Data = append(share.Data, ptr(c.AreaShare[string(a)]))
	}
	area.Series = []chartSeries{share}
	langs := chart{ID: "languages", Title: p.T("pages.chart.languages"), Kind: "bar", Unit: "%"}
	share = chartSeries{Name: p.T("pages.share")}
	for _, l := range []string{"ky", "ru", "en"} {
		langs.X = append(langs.X, p.T("lang."+l))
		share.Data = append(share.Data, ptr(c.LangShare[l]))
	}
	langs.Series = []chartSeries{share}
	style := chart{ID: "style", Title: p.T("pages.chart.style"), Kind: "bar", Unit: "%",
		X:      []string{p.T("pages.style.question"), p.T("pages.style.cta"), p.T("pages.style.story")},
		Series: []chartSeries{{Name: p.T("pages.share"), Data: []*float64{ptr(c.QuestionShare), ptr(c.CTAShare), ptr(c.StoryShare)}}}}
	sdg := chart{ID: "sdg", Title: p.T("pages.chart.sdg"), Kind: "bar"}
	posts := chartSeries{Name: p.T("pages.posts")}
	for g := 1; g <= 17; g++ {
		sdg.X = append(sdg.X, p.T("pages.sdg", "N", g))
		posts.Data = append(posts.Data, num(float64(c.SDGPosts[g])))
	}
	sdg.Series = []chartSeries{posts}
	cs = append(cs, cat, area, er, langs, style, sdg)
	return cs
}

// followerChart draws each account's audience snapshots over time; a
// snapshot without a value is left out, never drawn as zero.
func followerChart(p *page, accounts []accountView) chart {
	ch := chart{ID: "followers", Title: p.T("pages.chart.followers"), Kind: "line", Time: true}
	byDate := map[string]bool{}
	type point struct {
		date string
		v    float64
	}
	var lines [][]point
	for _, a := range accounts {
		var pts []point
		for _, sn := range a.Snapshots {
			if !sn.Metric.Audience() || !sn.Known() {
				continue
			}
			d := sn.AsOf.Start().Format("2006-01-02")
			byDate[d] = true
			pts = append(pts, point{d, float64(sn.Value.N)})
		}
		lines = append(lines, pts)
	}
	for d := range byDate {
		ch.X = append(ch.X, d)
	}
	sort.Strings(ch.X)
	idx := map[string]int{}
	for i, d := range ch.X {
		idx[d] = i
	}
	for i, a := range accounts {
		if len(lines[i]) == 0 {
			continue
		}
		name := p.PlatformName(a.Account.Platform)
		if a.Account.Handle != "" {
			name += " @" + a.Account.Handle
		}
		s := chartSeries{Name: name, Data: make([]*float64, len(ch.X))}
		for _, pt := range lines[i] {
			s.Data[idx[pt.date]] = num(pt.v)
		}
		ch.Series = append(ch.Series, s)
	}
	return ch
}

// Metric formats a computed value with its precision mark.
func (p *page) Metric(v metrics.Value, unit string) string {
	if !v.OK() {
		return p.T("value.none")
	}
	var s string
	if unit == "%" {
		s = i18n.FormatPercent(p.Lang, v.V)
	} else if v.V == float64(int64(v.V)) {
		s = p.Num(int64(v.V))
	} else {
		s = i18n.FormatFloat(p.Lang, v.V, 2)
	}
	switch v.Prec {
	case metrics.Approx:
		return "~" + s
	case metrics.Above:
		return "≥" + s
	case metrics.Below:
		return "≤" + s
	}
	return s
}
