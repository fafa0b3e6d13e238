package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kopuro"
	"kopuro/insight"
	"kopuro/plan"
)

// runCalendar prints the content calendar, or writes it as iCalendar:
//
//	kopuro calendar [--from DATE] [--to DATE] [--institution CODE] [--ics] [--json] [--rubric "Impact Friday:friday:#ImpactFriday"]...
//
// Beside international days, rubrics and campaigns it lists the stored
// calendar entries (the posts institutions plan, kopuro.ActionEditCalendar
// on the web) of every institution, or of --institution only.
func runCalendar(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "calendar")
	dsn := dbFlag(e, fs)
	fromS := fs.String("from", "", e.cat.T(e.lang, "cli.flag.from"))
	toS := fs.String("to", "", e.cat.T(e.lang, "cli.flag.to"))
	ics := fs.Bool("ics", false, e.cat.T(e.lang, "cli.flag.ics"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	var rubrics listFlag
	fs.Var(&rubrics, "rubric", e.cat.T(e.lang, "cli.flag.rubric"))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	now := time.Now().UTC()
	from, to, err := insight.Span(*fromS, *toS, now)
	if err != nil {
		return err
	}
	var rs []plan.Rubric
	for _, s := range rubrics {
		r, err := parseRubric(s)
		if err != nil {
			return err
		}
		rs = append(rs, r)
	}
	db, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if *inst != "" {
		if _, err := db.Institution(ctx, *inst); err != nil {
			return err
		}
	}
	ev, err := insight.Calendar(ctx, db, from, to, rs)
	if err != nil {
		return err
	}
	entries, err := db.CalendarEntries(ctx, kopuro.DateOf(from), kopuro.DateOf(to), *inst)
	if err != nil {
		return err
	}
	ev = plan.WithEntries(ev, entries)
	plan.TitleDays(ev, e.cat, e.lang)
	switch {
	case *ics:
		return plan.WriteICS(e.stdout, ev, now)
	case *asJSON:
		return writeJSONOut(e, struct {
			Events []plan.Event `json:"events"`
		}{ev})
	}
	for _, x := range ev {
		when := x.Start.String()
		if x.End != x.Start {
			when += ".." + x.End.String()
		}
		extra := x.Hashtag
		if x.Platform != "" {
			extra = strings.TrimSpace(extra + " " + e.cat.T(e.lang, "platform."+string(x.Platform)))
		}
		if len(x.SDGs) > 0 {
			var gs []string
			for _, g := range x.SDGs {
				gs = append(gs, "SDG"+strconv.Itoa(g))
			}
			extra = strings.TrimSpace(extra + " " + strings.Join(gs, " "))
		}
		fmt.Fprintf(e.stdout, "%-22s %-18s %s  %s\n", when, e.cat.T(e.lang, "cli.calendar.kind."+x.Kind), eventTitle(x), extra)
	}
	return nil
}

// eventTitle is an event's title, led for a stored entry by its
// institution and rubric: "knu · Impact Friday · Alumni story".
func eventTitle(x plan.Event) string {
	parts := []string{}
	for _, p := range []string{x.Institution, x.Rubric, x.Title} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// parseRubric reads "Name:weekday[:#hashtag]".
func parseRubric(s string) (plan.Rubric, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || strings.TrimSpace(parts[0]) == "" {
		return plan.Rubric{}, kopuro.Errorf(kopuro.EInvalid, "error.rubric", "rubric %q must be NAME:WEEKDAY[:#HASHTAG]", s).WithArg("Value", s)
	}
	wd := -1
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), strings.TrimSpace(parts[1])) {
			wd = int(d)
		}
	}
	if wd < 0 {
		return plan.Rubric{}, kopuro.Errorf(kopuro.EInvalid, "error.rubric", "rubric %q must be NAME:WEEKDAY[:#HASHTAG]", s).WithArg("Value", s)
	}
	r := plan.Rubric{ID: strings.TrimSpace(parts[0]), Name: strings.TrimSpace(parts[0]), Weekday: time.Weekday(wd)}
	if len(parts) == 3 {
		r.Hashtag = strings.TrimSpace(parts[2])
	}
	return r, nil
}
