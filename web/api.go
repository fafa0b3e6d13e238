package web

import (
	"context"
	"fmt"
	"net/http"

	"kopuro"
	"kopuro/store"
)

// apiInstitutions answers GET /api/v1/institutions: every institution
// with its code, names in ky/ru/en, type, city and student count.
func (s *Server) apiInstitutions(w http.ResponseWriter, r *http.Request) error {
	insts, err := s.db.Institutions(r.Context())
	if err != nil {
		return err
	}
	if insts == nil {
		insts = []kopuro.Institution{}
	}
	return writeJSON(w, http.StatusOK, insts)
}

// leaderboardEntry is one row of GET /api/v1/leaderboard.
type leaderboardEntry struct {
	Institution string           `json:"institution"`
	Handle      string           `json:"handle,omitempty"`
	Metric      kopuro.Metric    `json:"metric"`
	Value       kopuro.Count     `json:"value"`
	Precision   kopuro.Precision `json:"precision"`
	AsOf        kopuro.Date      `json:"as_of"`
	Source      string           `json:"source"`
}

// apiLeaderboard answers GET /api/v1/leaderboard?platform=instagram: the
// institutions' audiences on the platform, largest first, "none" last with
// a null value.
func (s *Server) apiLeaderboard(w http.ResponseWriter, r *http.Request) error {
	p, err := kopuro.ParsePlatform(r.URL.Query().Get("platform"))
	if err != nil {
		return err
	}
	// The same for every caller: encoded once per data version.
	body, err := store.MemoBytes(r.Context(), s.db, fmt.Sprintf("web.api.leaderboard\x00%p\x00%s", s, p), 0, func(ctx context.Context) ([]byte, error) {
		t, err := s.loadAudience(ctx)
		if err != nil {
			return nil, err
		}
		entries := []leaderboardEntry{}
		for _, c := range t.Leaderboard(p) {
			entries = append(entries, leaderboardEntry{Institution: c.Institution.Code, Handle: c.Account.Handle,
				Metric: c.Snapshot.Metric, Value: c.Snapshot.Value, Precision: c.Snapshot.Precision,
				AsOf: c.Snapshot.AsOf, Source: c.Snapshot.Source})
		}
		var b bufferedResponse
		err = writeJSON(&b, http.StatusOK, struct {
			Platform kopuro.Platform    `json:"platform"`
			Entries  []leaderboardEntry `json:"entries"`
		}{p, entries})
		return b.body.Bytes(), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(body)
	return err
}
