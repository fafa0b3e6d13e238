package kopuro

import (
	"slices"
	"time"
)

// Category is a post's main purpose, the study's five-category scheme.
type Category string

// Categories (see the labeling guide).
const (
	Teaching      Category = "teaching"
	Research      Category = "research"
	ThirdMission  Category = "third_mission"
	Institutional Category = "institutional"
	Contextual    Category = "contextual"
)

// Categories lists every category in display order.
var Categories = []Category{Teaching, Research, ThirdMission, Institutional, Contextual}

// ParseCategory validates a category name.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == s {
			return c, nil
		}
	}
	return "", invalid("category", "error.category", "unknown category %q", s).WithArg("Value", s)
}

// Area is one of the study's five third-mission content strategies.
type Area string

// Third-mission areas.
const (
	CommunityEngagement        Area = "community_engagement"
	CivicVolunteering          Area = "civic_volunteering"
	PartnershipRegional        Area = "partnership_regional"
	LifelongLearning           Area = "lifelong_learning"
	EntrepreneurshipInnovation Area = "entrepreneurship_innovation"
)

// Areas lists every third-mission area in display order.
var Areas = []Area{CommunityEngagement, CivicVolunteering, PartnershipRegional, LifelongLearning, EntrepreneurshipInnovation}

// ParseArea validates an area name; empty means none.
func ParseArea(s string) (Area, error) {
	if s == "" {
		return "", nil
	}
	for _, a := range Areas {
		if string(a) == s {
			return a, nil
		}
	}
	return "", invalid("tm_area", "error.area", "unknown third-mission area %q", s).WithArg("Value", s)
}

// Evidence is one reason behind a label: a matched term or feature and
// where it stands in the text (character offsets, in runes, end exclusive).
type Evidence struct {
	Label  string  `json:"label"`
	Term   string  `json:"term"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Weight float64 `json:"weight,omitempty"`
}

// Labels is the coding of one text, by the machine or by a person.
type Labels struct {
	Lang     Lang     `json:"lang"`
	Category Category `json:"category"`
	Area     Area     `json:"tm_area"` // empty unless Category is ThirdMission
	SDGs     []int    `json:"sdgs"`    // at most three, most relevant first
	CTA      bool     `json:"cta"`
	Question bool     `json:"question"`
	Story    bool     `json:"story"`
}

// Validate checks that the labels are coherent: an area only with the
// third-mission category, SDGs within 1..17, at most three of them.
func (l *Labels) Validate() error {
	if l.Lang != "" {
		switch l.Lang {
		case KY, RU, EN, LangMixed, LangOther:
		default:
			return invalid("lang", "error.lang", "unknown language %q", l.Lang).WithArg("Value", string(l.Lang))
		}
	}
	if _, err := ParseCategory(string(l.Category)); err != nil {
		return err
	}
	if _, err := ParseArea(string(l.Area)); err != nil {
		return err
	}
	if l.Area != "" && l.Category != ThirdMission {
		return invalid("tm_area", "error.area_without_tm", "a third-mission area needs the third_mission category")
	}
	if len(l.SDGs) > 3 {
		return invalid("sdgs", "error.sdg_count", "at most three SDGs, got %d", len(l.SDGs))
	}
	for _, g := range l.SDGs {
		if g < 1 || g > 17 {
			return invalid("sdgs", "error.sdg", "SDG %d is not between 1 and 17", g).WithArg("Value", g)
		}
	}
	return nil
}

// Coding is a stored set of labels for a post, with who made it. Machine
// codings carry the codebook version, scores and evidence; human codings
// carry the coder and win over the machine everywhere.
type Coding struct {
	PostID   int64              `json:"post_id"`
	Labels   Labels             `json:"labels"`
	Coder    string             `json:"coder"` // "" for the machine
	Codebook string             `json:"codebook,omitempty"`
	Scores   map[string]float64 `json:"scores,omitempty"`
	Evidence []Evidence         `json:"evidence,omitempty"`
	At       time.Time          `json:"at,omitzero"`
}

// Machine reports whether the coding was made by the analysis engine.
func (c Coding) Machine() bool { return c.Coder == "" }

// Names of the labels a goal or a filter may narrow posts to, beside a
// category and an area: the style flags and "has an SDG".
const (
	LabelStory    = "story"
	LabelQuestion = "question"
	LabelCTA      = "cta"
	LabelSDG      = "sdg"
)

// LabelNames is every label name, in the order forms list them: the
// categories, the third-mission areas, the style flags, then "sdg". It is
// the one list that Has, IsLabel and their callers follow.
var LabelNames = func() []string {
	var names []string
	for _, c := range Categories {
		names = append(names, string(c))
	}
	for _, a := range Areas {
		names = append(names, string(a))
	}
	return append(names, LabelStory, LabelQuestion, LabelCTA, LabelSDG)
}()

// IsLabel reports whether name is one of LabelNames.
func IsLabel(name string) bool { return slices.Contains(LabelNames, name) }

// Has reports whether the labels carry the label name: their category,
// their area, a style flag that is set, or "sdg" when they name any SDG.
// Nil labels (a post nobody coded) carry none.
func (l *Labels) Has(name string) bool {
	if l == nil {
		return false
	}
	switch name {
	case LabelStory:
		return l.Story
	case LabelQuestion:
		return l.Question
	case LabelCTA:
		return l.CTA
	case LabelSDG:
		return len(l.SDGs) > 0
	case "":
		return false
	}
	return string(l.Category) == name || string(l.Area) == name
}
