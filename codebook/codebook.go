// Package codebook holds the content-analysis codebook: the study's five
// categories and five third-mission areas, the 17 Sustainable Development
// Goals and the style markers (dialogic questions, calls to action,
// storytelling, announcements), each with definitions in Kyrgyz, Russian
// and English and weighted lexicons in the three languages.
//
// The codebook is data: the default one is embedded in the binary
// (default.json, readable and editable by an analyst) and another can be
// loaded with Load. Every machine label records the codebook's version.
package codebook

import (
	"bytes"
	_ "embed"
	"sync"

	"kopuro"
)

// Codebook is a loaded, validated codebook. It is read-only after Load
// and safe for concurrent use.
type Codebook struct {
	Ver         string              `json:"version"`
	Description kopuro.Text         `json:"description"`
	Categories  []Label             `json:"categories"`
	Areas       []Label             `json:"areas"`
	SDGs        []SDG               `json:"sdgs"`
	SDGTags     map[string][]string `json:"sdg_hashtags"` // language → hashtag prefixes: SDG, ЦУР, ТӨМ
	Styles      []Style             `json:"styles"`
	Tuning      Tuning              `json:"tuning"`

	raw []byte // the file as given, for export
}

// Label is a category or a third-mission area.
type Label struct {
	ID         string      `json:"id"`
	Name       kopuro.Text `json:"name"`
	Definition kopuro.Text `json:"definition"`
	// Prior is the score a label starts from: it decides texts that carry
	// no evidence and biases close calls.
	Prior float64 `json:"prior,omitempty"`
	Terms Lexicon `json:"terms"`
	// SDGs (areas only) are goals the area usually serves, with the score
	// each receives when a text is coded with the area.
	SDGs map[string]float64 `json:"sdgs,omitempty"`
}

// SDG is one Sustainable Development Goal.
type SDG struct {
	Goal       int         `json:"goal"`
	Name       kopuro.Text `json:"name"`
	Definition kopuro.Text `json:"definition"`
	Terms      Lexicon     `json:"terms"`
}

// Style is a communication-style marker: cta, question, story or
// announcement. A text has the style when its score reaches Threshold.
type Style struct {
	ID         string      `json:"id"`
	Name       kopuro.Text `json:"name"`
	Definition kopuro.Text `json:"definition"`
	Threshold  float64     `json:"threshold"`
	Terms      Lexicon     `json:"terms"`
	// InQuestion terms count only inside a sentence that ends with a
	// question mark, among the text's last two: "you" makes a closing
	// question dialogic; a headline's rhetorical question has none, and an
	// interviewer's questions stand inside the text.
	InQuestion Lexicon `json:"in_question,omitempty"`
}

// Lexicon holds weighted terms per language. A term is one or more words
// in lower case; a word ending in "*" matches every word that starts with
// it (волонт* matches волонтёры, волонтерский); a word starting with "="
// matches only itself (=катталгыла, an imperative whose stem would also
// match the past tense); any other word matches the words with the same
// stem in the term's language (Snowball for ru and en, StemKY for ky).
type Lexicon struct {
	KY map[string]float64 `json:"ky"`
	RU map[string]float64 `json:"ru"`
	EN map[string]float64 `json:"en"`
}

// Tuning holds the engine's decision thresholds, kept with the lexicons
// because they are calibrated together.
type Tuning struct {
	// LeadBoost multiplies the weight of matches in the first LeadRunes
	// characters, where a post states its main purpose.
	LeadBoost float64 `json:"lead_boost"`
	LeadRunes int     `json:"lead_runes"`
	// AreaToThirdMission is the share of the best area's score added to
	// the third_mission category.
	AreaToThirdMission float64 `json:"area_to_third_mission"`
	// SDGMin is the least score an SDG needs; SDGRelative the least share
	// of the best SDG's score; SDGOutsideTM multiplies SDG scores of texts
	// that are not third_mission (their goals are rarely substantive).
	SDGMin       float64 `json:"sdg_min"`
	SDGRelative  float64 `json:"sdg_relative"`
	SDGOutsideTM float64 `json:"sdg_outside_tm"`
	// HashtagWeight is the score an explicit #SDG4-style tag gives.
	HashtagWeight float64 `json:"hashtag_weight"`
	// QuoteWeight is added to the story score for each quotation of at
	// least QuoteWords words (a participant speaking), at most twice.
	QuoteWeight float64 `json:"quote_weight"`
	QuoteWords  int     `json:"quote_words"`
}

// Langs are the lexicon languages, in the canonical order.
var Langs = []string{"ky", "ru", "en"}

// ByLang returns the terms of one language.
func (l Lexicon) ByLang(lang string) map[string]float64 {
	switch lang {
	case "ky":
		return l.KY
	case "ru":
		return l.RU
	case "en":
		return l.EN
	}
	return nil
}

//go:embed default.json
var defaultJSON []byte

var (
	defaultOnce sync.Once
	defaultCB   *Codebook
)

// Default returns the embedded codebook. It panics if the embedded file is
// invalid, which a test rules out.
func Default() *Codebook {
	defaultOnce.Do(func() {
		cb, err := Load(bytes.NewReader(defaultJSON))
		if err != nil {
			panic("codebook: embedded default.json: " + err.Error())
		}
		defaultCB = cb
	})
	return defaultCB
}

// Version returns the codebook's version string, stored with every label.
func (c *Codebook) Version() string { return c.Ver }

// Raw returns the codebook file as it was loaded.
func (c *Codebook) Raw() []byte { return bytes.Clone(c.raw) }

// Category returns the category with the given id, or nil.
func (c *Codebook) Category(id string) *Label { return find(c.Categories, id) }

// Area returns the area with the given id, or nil.
func (c *Codebook) Area(id string) *Label { return find(c.Areas, id) }

// Style returns the style marker with the given id, or nil.
func (c *Codebook) Style(id string) *Style {
	for i := range c.Styles {
		if c.Styles[i].ID == id {
			return &c.Styles[i]
		}
	}
	return nil
}

// SDG returns goal n (1–17), or nil.
func (c *Codebook) SDG(n int) *SDG {
	for i := range c.SDGs {
		if c.SDGs[i].Goal == n {
			return &c.SDGs[i]
		}
	}
	return nil
}

func find(ls []Label, id string) *Label {
	for i := range ls {
		if ls[i].ID == id {
			return &ls[i]
		}
	}
	return nil
}

// CategoryIDs returns the category ids in the codebook's order.
func (c *Codebook) CategoryIDs() []string { return ids(c.Categories) }

// AreaIDs returns the area ids in the codebook's order.
func (c *Codebook) AreaIDs() []string { return ids(c.Areas) }

func ids(ls []Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}
