package web

import (
	"net/http"

	"kopuro"
)

// accountRequest is the body of POST /api/v1/accounts.
type accountRequest struct {
	Institution string `json:"institution"`
	Platform    string `json:"platform"`
	Handle      string `json:"handle"`
	URL         string `json:"url"`
}

// apiAddAccount answers POST /api/v1/accounts: link an account (with its
// imported history) to an institution, or register it there when Kopuro
// does not know it yet. An admin may do it for any institution, an editor
// for their own; taking an account away from another institution needs
// the right to edit that institution's accounts too. 201 with the account
// when it is new, 200 when it existed.
func (s *Server) apiAddAccount(w http.ResponseWriter, r *http.Request) error {
	// Who first: a visitor learns nothing about the body's validity.
	if _, err := s.requireUser(r); err != nil {
		return err
	}
	var req accountRequest
	if err := decodeJSON(w, r, &req, maxJSONBody); err != nil {
		return err
	}
	p, err := kopuro.ParsePlatform(req.Platform)
	if err != nil {
		return err
	}
	a := kopuro.Account{Institution: req.Institution, Platform: p, Handle: req.Handle, URL: req.URL}
	if err := a.ValidateLinked(); err != nil {
		return err
	}
	if _, err := s.requireRole(r, kopuro.ActionEditAccounts, a.Institution); err != nil {
		return err
	}
	saved, created, err := s.db.RegisterAccount(r.Context(), a, func(cur kopuro.Account) error {
		if cur.Institution == "" || cur.Institution == a.Institution {
			return nil
		}
		_, err := s.requireRole(r, kopuro.ActionEditAccounts, cur.Institution)
		return err
	})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, saved)
}
