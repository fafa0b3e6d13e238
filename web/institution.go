package web

import (
	"net/http"

	"kopuro"
)

type accountView struct {
	Account   kopuro.Account
	Snapshots []kopuro.Snapshot
}

// institution is a university's page: its accounts and their snapshot
// history, newest first.
func (s *Server) institution(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	in, err := s.db.Institution(ctx, r.PathValue("code"))
	if err != nil {
		return err
	}
	accounts, err := s.db.Accounts(ctx, in.Code)
	if err != nil {
		return err
	}
	views := make([]accountView, 0, len(accounts))
	for _, a := range accounts {
		snaps, err := s.db.Snapshots(ctx, a.ID)
		if err != nil {
			return err
		}
		for i, j := 0, len(snaps)-1; i < j; i, j = i+1, j-1 {
			snaps[i], snaps[j] = snaps[j], snaps[i]
		}
		views = append(views, accountView{a, snaps})
	}
	p := s.newPage(w, r, "institution.title")
	p.Data = struct {
		Institution kopuro.Institution
		Accounts    []accountView
	}{in, views}
	return s.render(w, "institution", p)
}
