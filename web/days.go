package web

import "kopuro/plan"

// localiseDays titles the international days among events in lang, from
// the catalogue's "day.<id>" keys (i18n/locales/*/days.json); a day the
// catalogue does not know keeps its English name from the data file.
func (s *Server) localiseDays(events []plan.Event, lang string) {
	for i, e := range events {
		if e.Kind == plan.KindInternationalDay && e.Day != "" && s.cat.Has(lang, "day."+e.Day) {
			events[i].Title = s.cat.T(lang, "day."+e.Day)
		}
	}
}
