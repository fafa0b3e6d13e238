package plan

import (
	"fmt"

	"kopuro"
)

// KindEntry is the event kind of a stored calendar entry.
const KindEntry = "entry"

// Entry is one post an institution plans on a day of its content
// calendar (kopuro.CalendarEntry, a domain type the store keeps).
type Entry = kopuro.CalendarEntry

// entryEvent is the entry as a calendar event.
func entryEvent(e Entry) Event {
	return Event{UID: fmt.Sprintf("entry-%d@kopuro", e.ID), Kind: KindEntry, Title: e.Title, Start: e.Date, End: e.Date,
		Description: e.Note, Institution: e.Institution, Rubric: e.Rubric, Platform: e.Platform, Entry: e.ID}
}

// WithEntries adds the entries to a calendar's events, in the order
// Calendar uses.
func WithEntries(events []Event, entries []Entry) []Event {
	for _, e := range entries {
		events = append(events, entryEvent(e))
	}
	sortEvents(events)
	return events
}
