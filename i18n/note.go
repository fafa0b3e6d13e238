package i18n

import "strings"

// Note is a data note (the remark beside a Table 1 figure) in lang: the
// catalogue's text under key (kopuro.NoteKey of the note) when the
// catalogue has one, else the note as written, since notes that people
// import are their own words.
func (c *Catalog) Note(lang, key, note string) string {
	note = strings.TrimSpace(note)
	if note == "" {
		return ""
	}
	if c.Has(lang, key) {
		return c.T(lang, key)
	}
	return note
}
