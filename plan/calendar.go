package plan

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"kopuro"
	"kopuro/data"
)

// Event kinds of the calendar.
const (
	KindInternationalDay = "international_day"
	KindRubric           = "rubric"
	KindCampaign         = "campaign"
)

// Event is one entry of the content calendar: a day (or, for a campaign,
// a span of days, both ends included).
type Event struct {
	UID         string      `json:"uid"`
	Kind        string      `json:"kind"`
	Title       string      `json:"title"`
	Start       kopuro.Date `json:"start"`
	End         kopuro.Date `json:"end"`
	SDGs        []int       `json:"sdgs,omitempty"`
	Hashtag     string      `json:"hashtag,omitempty"`
	Description string      `json:"description,omitempty"`
	// Day is the international day's stable id (InternationalDay.ID).
	Day string `json:"day,omitempty"`
	// Institution, Rubric, Platform and Entry (its id) describe a stored
	// calendar entry.
	Institution string          `json:"institution,omitempty"`
	Rubric      string          `json:"rubric,omitempty"`
	Platform    kopuro.Platform `json:"platform,omitempty"`
	Entry       int64           `json:"entry,omitempty"`
}

// Rule of an international day's date: a fixed day ("11-10") or a weekday
// of the month ("11-third-thursday").
type DayRule struct {
	Month   time.Month
	Day     int          // fixed day; 0 for a weekday rule
	Nth     int          // 1..4, or -1 for the last
	Weekday time.Weekday // with Nth
}

// InternationalDay is a UN international day and the SDGs it serves.
type InternationalDay struct {
	// ID is the day's stable id, the slug of its English name
	// ("international-day-of-education"): catalogues key its titles in
	// every language by it ("day.<id>").
	ID   string  `json:"id"`
	Rule DayRule `json:"-"`
	Spec string  `json:"date"` // as written in the file
	Name string  `json:"name"`
	SDGs []int   `json:"sdgs"`
}

var nths = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var fixedRE = regexp.MustCompile(`^(\d\d)-(\d\d)$`)
var nthRE = regexp.MustCompile(`^(\d\d)-([a-z]+)-([a-z]+)$`)

// ParseDayRule reads "MM-DD" or "MM-<first|second|third|fourth|last>-<weekday>".
func ParseDayRule(s string) (DayRule, error) {
	bad := func() (DayRule, error) {
		return DayRule{}, kopuro.Errorf(kopuro.EInvalid, "error.day_rule", "date rule %q must be MM-DD or MM-third-thursday", s).WithArg("Value", s)
	}
	if m := fixedRE.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		// 2024 is a leap year: 02-29 is a valid rule (it occurs in leap years).
		if mo < 1 || mo > 12 || d < 1 || d > time.Date(2024, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return bad()
		}
		return DayRule{Month: time.Month(mo), Day: d}, nil
	}
	if m := nthRE.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		n, ok1 := nths[m[2]]
		wd, ok2 := weekdays[m[3]]
		if mo < 1 || mo > 12 || !ok1 || !ok2 {
			return bad()
		}
		return DayRule{Month: time.Month(mo), Nth: n, Weekday: wd}, nil
	}
	return bad()
}

// In returns the rule's date in year, and false when it has none (29
// February in a common year).
func (r DayRule) In(year int) (time.Time, bool) {
	if r.Day > 0 {
		t := time.Date(year, r.Month, r.Day, 0, 0, 0, 0, time.UTC)
		return t, t.Month() == r.Month
	}
	if r.Nth == -1 {
		last := time.Date(year, r.Month+1, 0, 0, 0, 0, 0, time.UTC)
		back := (int(last.Weekday()) - int(r.Weekday) + 7) % 7
		return last.AddDate(0, 0, -back), true
	}
	first := time.Date(year, r.Month, 1, 0, 0, 0, 0, time.UTC)
	ahead := (int(r.Weekday) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, ahead+7*(r.Nth-1)), true
}

// ReadInternationalDays reads a CSV file with the header date,name_en,sdgs
// (SDGs separated by ";").
func ReadInternationalDays(r io.Reader, file string) ([]InternationalDay, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 3
	head, err := cr.Read()
	if err != nil {
		return nil, kopuro.Errorf(kopuro.EInvalid, "error.days_csv", "%v", err).At(file, 1)
	}
	if strings.Join(head, ",") != "date,name_en,sdgs" {
		return nil, kopuro.Errorf(kopuro.EInvalid, "error.days_csv_header", "header must be date,name_en,sdgs").At(file, 1)
	}
	var out []InternationalDay
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, kopuro.Errorf(kopuro.EInvalid, "error.days_csv", "%v", err).At(file, line)
		}
		rule, err := ParseDayRule(strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, kopuro.AsError(err).At(file, line)
		}
		d := InternationalDay{Rule: rule, Spec: strings.TrimSpace(rec[0]), Name: strings.TrimSpace(rec[1])}
		d.ID = kopuro.Slug(d.Name)
		if d.Name == "" {
			return nil, kopuro.Errorf(kopuro.EInvalid, "error.required", "name_en is required").WithArg("Field", "name_en").At(file, line)
		}
		for _, f := range strings.Split(rec[2], ";") {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			g, err := strconv.Atoi(f)
			if err != nil || g < 1 || g > 17 {
				return nil, kopuro.Errorf(kopuro.EInvalid, "error.sdg", "SDG %q is not between 1 and 17", f).WithArg("Value", f).At(file, line)
			}
			d.SDGs = append(d.SDGs, g)
		}
		out = append(out, d)
	}
}

// BundledDays returns the international days shipped in package data.
func BundledDays() ([]InternationalDay, error) {
	f, err := data.FS.Open("international-days.csv")
	if err != nil {
		return nil, err
	}
	defer f.(fs.File).Close()
	return ReadInternationalDays(f, "international-days.csv")
}

// Rubric is a recurring slot of the content plan, such as a weekly
// "Impact Friday" story of a person the university helped.
type Rubric struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Weekday     time.Weekday `json:"weekday"`
	Hashtag     string       `json:"hashtag,omitempty"`
	Description string       `json:"description,omitempty"`
	From        kopuro.Date  `json:"from,omitzero"` // first day it runs, if bounded
	To          kopuro.Date  `json:"to,omitzero"`   // last day it runs, if bounded
}

// Calendar lists the events between from and to (days, both included):
// international days, rubric occurrences and campaigns that overlap the
// span, ordered by start date, then kind, then title.
func Calendar(from, to time.Time, days []InternationalDay, rubrics []Rubric, campaigns []Campaign) []Event {
	from, to = dayOf(from), dayOf(to)
	var out []Event
	for y := from.Year(); y <= to.Year(); y++ {
		for _, d := range days {
			t, ok := d.Rule.In(y)
			if !ok || t.Before(from) || t.After(to) {
				continue
			}
			out = append(out, Event{
				UID: fmt.Sprintf("intl-%s-%s@kopuro", t.Format("2006-01-02"), kopuro.Slug(d.Name)), Kind: KindInternationalDay,
				Title: d.Name, Start: kopuro.DateOf(t), End: kopuro.DateOf(t), SDGs: d.SDGs, Day: d.ID,
			})
		}
	}
	for _, r := range rubrics {
		first := from.AddDate(0, 0, (int(r.Weekday)-int(from.Weekday())+7)%7)
		for t := first; !t.After(to); t = t.AddDate(0, 0, 7) {
			if (!r.From.IsZero() && t.Before(r.From.Start())) || (!r.To.IsZero() && t.After(r.To.Start())) {
				continue
			}
			out = append(out, Event{
				UID: fmt.Sprintf("rubric-%s-%s@kopuro", kopuro.Slug(r.ID), t.Format("2006-01-02")), Kind: KindRubric,
				Title: r.Name, Start: kopuro.DateOf(t), End: kopuro.DateOf(t), Hashtag: r.Hashtag, Description: r.Description,
			})
		}
	}
	for _, c := range campaigns {
		if c.To.Start().Before(from) || c.From.Start().After(to) {
			continue
		}
		out = append(out, Event{
			UID: fmt.Sprintf("campaign-%s@kopuro", kopuro.Slug(c.ID)), Kind: KindCampaign,
			Title: c.Name, Start: c.From, End: c.To, Hashtag: c.Hashtag, Description: c.Description, SDGs: c.SDGs,
		})
	}
	sortEvents(out)
	return out
}

// sortEvents orders events by start date, then kind, then title.
func sortEvents(out []Event) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Start != b.Start {
			return a.Start.Start().Before(b.Start.Start())
		}
		if a.Kind != b.Kind {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.Title < b.Title
	})
}

var kindOrder = map[string]int{KindInternationalDay: 0, KindCampaign: 1, KindRubric: 2, KindEntry: 3}

func dayOf(t time.Time) time.Time { return kopuro.DateOf(t).Start() }

// Translator is what TitleDays needs of a message catalogue (i18n.Catalog).
type Translator interface {
	Has(lang, key string) bool
	T(lang, key string, args ...any) string
}

// TitleDays titles the international days among events in lang, from the
// catalogue keys "day.<id>" (i18n/locales/*/days.json); a day the
// catalogue does not know keeps its English name from the data file.
func TitleDays(events []Event, cat Translator, lang string) {
	for i, e := range events {
		if e.Kind == KindInternationalDay && e.Day != "" && cat.Has(lang, "day."+e.Day) {
			events[i].Title = cat.T(lang, "day."+e.Day)
		}
	}
}
