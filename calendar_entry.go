package kopuro

import (
	"strings"
	"unicode/utf8"
)

// Longest texts of a calendar entry, in characters.
const (
	maxEntryTitle  = 200
	maxEntryRubric = 100
	maxEntryNote   = 2000
)

// CalendarEntry is one post an institution plans on a day of its content
// calendar, usually in one of its recurring rubrics ("Impact Friday").
// Rubrics are the institution's own names, so Rubric is free text.
type CalendarEntry struct {
	ID          int64    `json:"id,omitempty"`
	Institution string   `json:"institution"`
	Date        Date     `json:"date"`
	Rubric      string   `json:"rubric,omitempty"`
	Title       string   `json:"title"`
	Platform    Platform `json:"platform,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Validate checks the entry and trims its texts.
func (e *CalendarEntry) Validate() error {
	e.Title, e.Rubric, e.Note = strings.TrimSpace(e.Title), strings.TrimSpace(e.Rubric), strings.TrimSpace(e.Note)
	if !ValidCode(e.Institution) {
		return invalid("institution", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", e.Institution).WithArg("Value", e.Institution)
	}
	if e.Date.IsZero() || e.Date.MonthOnly() {
		return invalid("date", "error.entry_date", "a calendar entry needs a day (YYYY-MM-DD)")
	}
	if e.Title == "" {
		return invalid("title", "error.required", "title is required").WithArg("Field", "title")
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{{"title", e.Title, maxEntryTitle}, {"rubric", e.Rubric, maxEntryRubric}, {"note", e.Note, maxEntryNote}} {
		if utf8.RuneCountInString(f.v) > f.max {
			return invalid(f.name, "error.entry_long", "%s is longer than %d characters", f.name, f.max).WithArg("Field", f.name).WithArg("Max", f.max)
		}
	}
	if e.Platform != "" {
		p, err := ParsePlatform(string(e.Platform))
		if err != nil {
			return err
		}
		e.Platform = p
	}
	return nil
}
