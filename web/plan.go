package web

import (
	"bytes"
	"context"
	"net/http"

	"kopuro"
	"kopuro/advise"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/plan"
)

// planRoutes registers the advice, draft-check, goal, calendar and
// campaign endpoints of the JSON API.
func (s *Server) planRoutes() {
	s.handle("GET /api/v1/institutions/{code}/advice", s.apiAdvice)
	s.handle("POST /api/v1/check", s.apiCheck)
	s.handle("GET /api/v1/institutions/{code}/goals", s.apiGoals)
	s.handle("POST /api/v1/institutions/{code}/goals", s.apiAddGoal)
	s.handle("GET /api/v1/calendar", s.apiCalendar)
	s.handle("GET /api/v1/campaigns", s.apiCampaigns)
	s.handle("POST /api/v1/campaigns", s.apiAddCampaign)
	s.handle("GET /api/v1/campaigns/{id}/report", s.apiCampaignReport)
	s.handle("GET /api/v1/rankings", s.apiRankings)
	s.handle("GET /api/v1/institutions/{code}/metrics", s.apiMetrics)
	s.calendarRoutes()
}

// apiAdvice answers GET /api/v1/institutions/{code}/advice[?period=2025-01..2025-06&lang=ru].
func (s *Server) apiAdvice(w http.ResponseWriter, r *http.Request) error {
	now := s.db.Now().UTC()
	p, err := insight.Period(r.URL.Query().Get("period"), now)
	if err != nil {
		return err
	}
	a, err := insight.Advice(r.Context(), s.db, r.PathValue("code"), p, now, insight.DefaultOptions(), s.cat, s.lang(w, r))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// checkRequest is the body of POST /api/v1/check: the draft and the labels
// the analysis engine gave it.
type checkRequest struct {
	Text         string          `json:"text"`
	Platform     kopuro.Platform `json:"platform"`
	Labels       *kopuro.Labels  `json:"labels"`
	Langs        []kopuro.Lang   `json:"langs"`
	Media        bool            `json:"media"`
	CampaignTags []string        `json:"campaign_tags"`
}

// apiCheck answers POST /api/v1/check with {"labels":…,"suggestions":[…]}:
// the draft is analysed with the server's engine (as stored posts) unless the
// request gives its labels. Campaigns running today add their hashtags.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) error {
	var req checkRequest
	if _, err := s.requireUser(r); err != nil {
		return err
	}
	if err := decodeJSON(w, r, &req, maxJSONBody); err != nil {
		return err
	}
	c, err := s.checkDraft(r.Context(), req, s.lang(w, r))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}

// apiGoals answers GET /api/v1/institutions/{code}/goals: {"goals":[…]}
// with each goal's progress.
func (s *Server) apiGoals(w http.ResponseWriter, r *http.Request) error {
	// Goals are an institution's plans: signed-in users only.
	if _, err := s.requireRole(r, kopuro.ActionRead, r.PathValue("code")); err != nil {
		return err
	}
	gs, err := insight.Goals(r.Context(), s.db, r.PathValue("code"), s.db.Now().UTC(), insight.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		Goals []insight.GoalStatus `json:"goals"`
	}{gs})
}

// apiAddGoal answers POST /api/v1/institutions/{code}/goals with 201 and
// the stored goal, e.g. {"metric":"followers","platform":"instagram",
// "target":100000,"deadline":"2026-12-31"}.
func (s *Server) apiAddGoal(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := s.requireRole(r, kopuro.ActionEditGoals, code); err != nil {
		return err
	}
	var g plan.Goal
	if err := decodeJSON(w, r, &g, maxJSONBody); err != nil {
		return err
	}
	g.Institution = code
	g, err := insight.AddGoal(r.Context(), s.db, g, s.db.Now().UTC(), insight.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, g)
}

// apiCalendar answers GET /api/v1/calendar?from=2025-11-01&to=2025-11-30
// with {"events":[…]}, or iCalendar with &format=ics; international days
// are titled in the request's language, and a signed-in caller also gets
// the institutions' calendar entries.
func (s *Server) apiCalendar(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := s.db.Now().UTC()
	from, to, err := insight.Span(q.Get("from"), q.Get("to"), now)
	if err != nil {
		return err
	}
	ev, err := s.calendarEvents(r.Context(), r, from, to, s.lang(w, r))
	if err != nil {
		return err
	}
	if q.Get("format") == "ics" {
		var b bytes.Buffer
		if err := plan.WriteICS(&b, ev, now); err != nil {
			return err
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="kopuro.ics"`)
		_, err := w.Write(b.Bytes())
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		Events []plan.Event `json:"events"`
	}{ev})
}

// apiCampaigns answers GET /api/v1/campaigns: {"campaigns":[…]}.
func (s *Server) apiCampaigns(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.db.Campaigns(r.Context())
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []plan.Campaign{}
	}
	return writeJSON(w, http.StatusOK, struct {
		Campaigns []plan.Campaign `json:"campaigns"`
	}{cs})
}

// apiAddCampaign answers POST /api/v1/campaigns with 201 and the campaign.
func (s *Server) apiAddCampaign(w http.ResponseWriter, r *http.Request) error {
	// A campaign spans several universities: only the national office
	// (an admin, whose calendar rights reach every institution) sets one up.
	if _, err := s.requireRole(r, kopuro.ActionEditCalendar, ""); err != nil {
		return err
	}
	var c plan.Campaign
	if err := decodeJSON(w, r, &c, maxJSONBody); err != nil {
		return err
	}
	c, err := s.db.AddCampaign(r.Context(), c)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, c)
}

// apiCampaignReport answers GET /api/v1/campaigns/{id}/report: posts per
// university carrying the campaign's hashtag in its window.
func (s *Server) apiCampaignReport(w http.ResponseWriter, r *http.Request) error {
	rep, err := insight.CampaignReport(r.Context(), s.db, r.PathValue("id"), insight.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rep)
}

// apiRankings answers GET /api/v1/rankings?metric=er_median[&platform=instagram]
// [&period=2025-01..2025-06][&peers=type&of=knu]: institutions ranked by a
// metric of the registry, missing values last without a rank.
func (s *Server) apiRankings(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := s.db.Now().UTC()
	p, err := insight.Period(q.Get("period"), now)
	if err != nil {
		return err
	}
	var pl kopuro.Platform
	if v := q.Get("platform"); v != "" {
		if pl, err = kopuro.ParsePlatform(v); err != nil {
			return err
		}
	}
	peers := q.Get("peers")
	if peers != "" && peers != metrics.PeerType && peers != metrics.PeerCity && peers != metrics.PeerSize {
		return kopuro.Errorf(kopuro.EInvalid, "error.peer_group", "peer group %q must be type, city or size", peers).WithArg("Value", peers)
	}
	rk, err := insight.Rank(r.Context(), s.db, q.Get("metric"), pl, peers, q.Get("of"), p, now, insight.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rk)
}

// apiMetrics answers GET /api/v1/institutions/{code}/metrics[?period=…]
// [&platform=…]: the institution's scorecard (every metric of the
// registry, per account and platform, the index with its components,
// and the offline figures of the period).
func (s *Server) apiMetrics(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := s.db.Now().UTC()
	p, err := insight.Period(q.Get("period"), now)
	if err != nil {
		return err
	}
	var sc insight.Scope
	if v := q.Get("platform"); v != "" {
		if sc.Platform, err = kopuro.ParsePlatform(v); err != nil {
			return err
		}
	}
	in, err := s.db.Institution(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	card, err := insight.Scorecard(r.Context(), s.db, in, p, now, insight.DefaultOptions(), sc)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, card)
}

// checkDraft analyses a draft with the server's engine (unless the request
// gives its labels) and checks it; campaigns running today add their
// hashtags. The API and the draft-checker page share it.
func (s *Server) checkDraft(ctx context.Context, req checkRequest, lang string) (advise.Check, error) {
	if req.Labels == nil {
		l := s.eng.Analyze(req.Text).Labels
		req.Labels = &l
		if req.Langs == nil {
			req.Langs = insight.TextLangs(req.Text)
		}
	}
	if err := req.Labels.Validate(); err != nil {
		return advise.Check{}, err
	}
	if req.Platform != "" {
		p, err := kopuro.ParsePlatform(string(req.Platform))
		if err != nil {
			return advise.Check{}, err
		}
		req.Platform = p
	}
	running, err := insight.RunningCampaignTags(ctx, s.db, s.db.Now())
	if err != nil {
		return advise.Check{}, err
	}
	req.CampaignTags = append(req.CampaignTags, running...)
	d := advise.Draft{Text: req.Text, Platform: req.Platform, Labels: *req.Labels, Langs: req.Langs, Media: req.Media, CampaignTags: req.CampaignTags}
	return advise.CheckDraft(d, s.cat, lang), nil
}
