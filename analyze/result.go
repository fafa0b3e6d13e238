package analyze

import (
	"bytes"
	"encoding/json"

	"kopuro"
)

// Result is the coding of one text with what supports it.
type Result struct {
	// ID is the caller's identifier of the text (a JSON value), echoed in
	// the output; Analyze leaves it empty (JSON null).
	ID json.RawMessage
	kopuro.Labels
	Hashtags []string
	Mentions []string
	Scores   Scores
	Evidence []kopuro.Evidence
}

// resultJSON fixes the field order and shape of the classify object:
// tm_area is null unless the category is third_mission.
type resultJSON struct {
	ID       json.RawMessage    `json:"id"`
	Lang     kopuro.Lang        `json:"lang"`
	Category kopuro.Category    `json:"category"`
	Area     *kopuro.Area       `json:"tm_area"`
	SDGs     []int              `json:"sdgs"`
	CTA      bool               `json:"cta"`
	Question bool               `json:"question"`
	Story    bool               `json:"story"`
	Hashtags []string           `json:"hashtags"`
	Scores   map[string]float64 `json:"scores"`
	Evidence []kopuro.Evidence  `json:"evidence"`
}

// MarshalJSON encodes r as the object `kopuro classify` prints and
// POST /api/v1/classify returns.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{ID: r.ID, Lang: r.Lang, Category: r.Category, SDGs: r.SDGs, CTA: r.CTA,
		Question: r.Question, Story: r.Story, Hashtags: r.Hashtags, Scores: r.Scores.Map(), Evidence: r.Evidence}
	if len(bytes.TrimSpace(j.ID)) == 0 {
		j.ID = json.RawMessage("null")
	}
	if r.Category == kopuro.ThirdMission && r.Area != "" {
		a := r.Area
		j.Area = &a
	}
	if j.SDGs == nil {
		j.SDGs = []int{}
	}
	if j.Hashtags == nil {
		j.Hashtags = []string{}
	}
	if j.Evidence == nil {
		j.Evidence = []kopuro.Evidence{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the classify object back (for clients and tests).
func (r *Result) UnmarshalJSON(b []byte) error {
	var j resultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Result{ID: j.ID, Hashtags: j.Hashtags, Scores: ScoresOf(j.Scores), Evidence: j.Evidence}
	r.Lang, r.Category, r.SDGs, r.CTA, r.Question, r.Story = j.Lang, j.Category, j.SDGs, j.CTA, j.Question, j.Story
	if j.Area != nil {
		r.Area = *j.Area
	}
	return nil
}

// Coding returns the result as a machine coding of a stored post, stamped
// with the codebook version it was made with.
func (r Result) Coding(postID int64, codebookVersion string) kopuro.Coding {
	l := r.Labels
	l.SDGs = append([]int(nil), r.SDGs...)
	if l.Category != kopuro.ThirdMission {
		l.Area = ""
	}
	ev := append([]kopuro.Evidence(nil), r.Evidence...)
	sc := r.Scores.Map()
	return kopuro.Coding{PostID: postID, Labels: l, Codebook: codebookVersion, Scores: sc, Evidence: ev}
}
