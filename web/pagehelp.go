package web

import (
	"fmt"
	"time"

	"kopuro/i18n"
	"kopuro/insight"
	"kopuro/metrics"
)

// Day renders a time's date in the page language.
func (p *page) Day(t time.Time) string { return i18n.FormatDay(p.Lang, t) }

// LastDay renders the day before an exclusive end.
func (p *page) LastDay(t time.Time) string { return p.Day(t.Add(-time.Nanosecond)) }

// goalsCtx is what the "goals" template receives.
type goalsCtx struct {
	P     *page
	Goals []insight.GoalStatus
}

// Goals pairs goals with the page for the "goals" template.
func (p *page) Goals(gs []insight.GoalStatus) goalsCtx { return goalsCtx{p, gs} }

// MetricName is a registry metric's name in the page language.
func (p *page) MetricName(id string) string { return p.T("pages.metric." + id) }

// Unit is "%" for a registry metric measured in percent.
func (p *page) Unit(id string) string {
	if d, ok := metrics.Lookup(id); ok && d.Unit == "percent" {
		return "%"
	}
	return ""
}

// Bar is a progress percentage clamped to 0..100 for a <meter>.
func (p *page) Bar(v metrics.Value) float64 {
	if !v.OK() {
		return 0
	}
	return min(max(v.V, 0), 100)
}

// Added reports whether the page follows a successful add (?added=1).
func (p *page) Added() bool { return p.query.Get("added") == "1" }

// Weekdays are the short day names of the calendar header, Monday first.
func (p *page) Weekdays() []string {
	out := make([]string, 7)
	for i := range out {
		out[i] = p.T(fmt.Sprintf("pages.calendar.wd%d", i+1))
	}
	return out
}

// Int formats an int for the page language.
func (p *page) Int(n int) string { return p.Num(int64(n)) }
