package web

import (
	"net/http"
	"strings"

	"kopuro"
	"kopuro/agree"
	"kopuro/i18n"
)

// agreementResponse is the body of GET /api/v1/agreement: every pair of
// coders (the machine is coder "") over the posts both coded.
type agreementResponse struct {
	Pairs []agree.Pair `json:"pairs"`
}

// agreement computes the pairs for a caller who may see agreement.
func (s *Server) agreement(r *http.Request) (agreementResponse, error) {
	if _, err := s.requireRole(r, kopuro.ActionSeeAgreement, ""); err != nil {
		return agreementResponse{}, err
	}
	cs, err := s.db.CodingsForAgreement(r.Context())
	if err != nil {
		return agreementResponse{}, err
	}
	pairs := agree.Pairs(cs)
	if pairs == nil {
		pairs = []agree.Pair{}
	}
	return agreementResponse{Pairs: pairs}, nil
}

// apiAgreement answers GET /api/v1/agreement.
func (s *Server) apiAgreement(w http.ResponseWriter, r *http.Request) error {
	a, err := s.agreement(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// agreementPage serves GET /agreement.
func (s *Server) agreementPage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.agreement(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "agreement.title")
	p.Data = a
	return s.render(w, "agreement", p)
}

// AgreePct formats an agreement share 0..1 as a percentage.
func (p *page) AgreePct(x float64) string { return i18n.FormatPercent(p.Lang, 100*x) }

// Kappa formats Cohen's kappa with two decimals, or the "undefined" mark.
func (p *page) Kappa(s agree.Score) string {
	if !s.KappaDefined() {
		return p.T("agreement.kappa_undefined")
	}
	return i18n.FormatFloat(p.Lang, s.Kappa, 2)
}

// CoderName is a coder's name, the machine's in the page language.
func (p *page) CoderName(c string) string {
	if c == "" {
		return p.T("agreement.machine")
	}
	return c
}

// FieldName is an agreement field's name: a coding field, or one goal.
func (p *page) FieldName(f string) string {
	if g, ok := strings.CutPrefix(f, "sdg_"); ok {
		return p.T("explorer.sdg_n", "N", g)
	}
	return p.T("agreement.field." + f)
}
