package plan

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kopuro"
)

// KindEntry is the event kind of a stored calendar entry.
const KindEntry = "entry"

// Longest texts of a calendar entry, in characters.
const (
	maxEntryTitle  = 200
	maxEntryRubric = 100
	maxEntryNote   = 2000
)

// Entry is one post an institution plans on a day of its content
// calendar, usually in one of its recurring rubrics ("Impact Friday").
// Rubrics are the institution's own names, so Rubric is free text.
type Entry struct {
	ID          int64           `json:"id,omitempty"`
	Institution string          `json:"institution"`
	Date        kopuro.Date     `json:"date"`
	Rubric      string          `json:"rubric,omitempty"`
	Title       string          `json:"title"`
	Platform    kopuro.Platform `json:"platform,omitempty"`
	Note        string          `json:"note,omitempty"`
}

// Validate checks the entry and trims its texts.
func (e *Entry) Validate() error {
	e.Title, e.Rubric, e.Note = strings.TrimSpace(e.Title), strings.TrimSpace(e.Rubric), strings.TrimSpace(e.Note)
	if !kopuro.ValidCode(e.Institution) {
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
		p, err := kopuro.ParsePlatform(string(e.Platform))
		if err != nil {
			return err
		}
		e.Platform = p
	}
	return nil
}

// Event is the entry as a calendar event.
func (e Entry) Event() Event {
	return Event{UID: fmt.Sprintf("entry-%d@kopuro", e.ID), Kind: KindEntry, Title: e.Title, Start: e.Date, End: e.Date,
		Description: e.Note, Institution: e.Institution, Rubric: e.Rubric, Platform: e.Platform, Entry: e.ID}
}

// WithEntries adds the entries to a calendar's events, in the order
// Calendar uses.
func WithEntries(events []Event, entries []Entry) []Event {
	for _, e := range entries {
		events = append(events, e.Event())
	}
	sortEvents(events)
	return events
}
