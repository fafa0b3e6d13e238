package web

import (
	"context"
	"net/http"

	"kopuro"
)

// loadAudience reads what Table 1 and the leaderboards are built from.
func (s *Server) loadAudience(ctx context.Context) (audienceTable, error) {
	insts, err := s.db.Institutions(ctx)
	if err != nil {
		return audienceTable{}, err
	}
	accounts, err := s.db.Accounts(ctx, "")
	if err != nil {
		return audienceTable{}, err
	}
	latest, err := s.db.LatestAudience(ctx)
	if err != nil {
		return audienceTable{}, err
	}
	return buildAudience(insts, accounts, latest), nil
}

type leaderboardView struct {
	Platform kopuro.Platform
	Entries  []audienceCell
}

// overview is the home page: Table 1 live, the presence matrix and the
// per-platform leaderboards.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) error {
	t, err := s.loadAudience(r.Context())
	if err != nil {
		return err
	}
	var boards []leaderboardView
	for _, p := range t.Platforms {
		if e := t.Leaderboard(p); len(e) > 0 {
			boards = append(boards, leaderboardView{p, e})
		}
	}
	p := s.newPage(w, r, "overview.title")
	p.Data = struct {
		Table  audienceTable
		Boards []leaderboardView
	}{t, boards}
	return s.render(w, "overview", p)
}
