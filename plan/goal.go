// Package plan holds what a communication team plans against: goals (KPIs)
// with their progress, offline indicators, the content calendar
// (international days, recurring rubrics, shared campaigns), the campaign
// tracker and the calendar's ICS export. It is pure: the store keeps these
// values and fills in the measured figures. The values the store keeps
// (Goal, Indicator, Entry, Campaign) are domain types of package kopuro,
// so that the store depends on the domain only; plan names them and adds
// what needs the metric registry or the calendar (ValidateGoal,
// GoalProgress, the events).
package plan

import (
	"math"
	"strings"
	"time"

	"kopuro"
	"kopuro/metrics"
)

// Goal is a KPI: a metric, its scope, a target and a deadline
// (kopuro.Goal, a domain type the store keeps).
type Goal = kopuro.Goal

// ValidateGoal checks the goal: a known metric (of the registry, or an
// offline indicator), then what the goal says of itself (Goal.ValidateShape:
// exactly one of target and change, a deadline after the start, and a
// baseline when the target is relative).
func ValidateGoal(g *Goal) error {
	_, isMetric := metrics.Lookup(g.Metric)
	if d, ok := metrics.Lookup(g.Metric); ok && d.Keyed {
		isMetric = false
	}
	if !isMetric && !IsOfflineMetric(g.Metric) {
		return invalid("metric", "error.goal_metric", "unknown goal metric %q", g.Metric).WithArg("Value", g.Metric)
	}
	return g.ValidateShape()
}

func invalid(field, key, format string, args ...any) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, key, format, args...).InField(field)
}

// Progress is how far a goal has come.
type Progress struct {
	Current metrics.Value `json:"current"`
	Target  metrics.Value `json:"target"`
	// Percent of the way from the baseline to the target (from zero when
	// there is no baseline); may exceed 100.
	Percent metrics.Value `json:"percent"`
	Done    bool          `json:"done"`
	// Expected is the percent a straight line from start to deadline
	// would have reached at now; OnTrack compares with it.
	Expected   metrics.Value `json:"expected"`
	OnTrack    bool          `json:"on_track"`
	Overdue    bool          `json:"overdue"`
	Milestones []Milestone   `json:"milestones,omitempty"`
}

// Milestone is a value noted on the way (10,000 followers).
type Milestone struct {
	Value   float64 `json:"value"`
	Reached bool    `json:"reached"`
}

// GoalProgress measures g at now with the current value of its metric.
// Whether lower is better comes from the metric's declaration.
func GoalProgress(g Goal, current metrics.Value, now time.Time) Progress {
	p := Progress{Current: current, Target: g.TargetValue(), Percent: metrics.Missing, Expected: metrics.Missing}
	lower := false
	if d, ok := metrics.Lookup(g.Metric); ok && d.Better == "lower" {
		lower = true
	}
	base := 0.0
	if g.Baseline.OK() {
		base = g.Baseline.V
	}
	if current.OK() && p.Target.OK() {
		span := p.Target.V - base
		if span != 0 {
			p.Percent = metrics.Value{V: (current.V - base) / span * 100, Prec: metrics.Join(current.Prec, p.Target.Prec)}
		}
		if lower {
			p.Done = current.V <= p.Target.V && current.Prec != metrics.Above
		} else {
			p.Done = current.V >= p.Target.V && current.Prec != metrics.Below
		}
	}
	for _, m := range g.Milestones {
		reached := current.OK() && ((!lower && current.V >= m && current.Prec != metrics.Below) || (lower && current.V <= m && current.Prec != metrics.Above))
		p.Milestones = append(p.Milestones, Milestone{Value: m, Reached: reached})
	}
	end := g.Deadline.Start()
	if g.Deadline.MonthOnly() {
		end = end.AddDate(0, 1, 0)
	} else {
		end = end.AddDate(0, 0, 1)
	}
	p.Overdue = !p.Done && !now.Before(end)
	if !g.Start.IsZero() {
		s := g.Start.Start()
		frac := math.Max(0, math.Min(1, now.Sub(s).Hours()/end.Sub(s).Hours()))
		p.Expected = metrics.ExactValue(frac * 100)
		p.OnTrack = p.Done || (p.Percent.OK() && p.Percent.V >= p.Expected.V)
	}
	return p
}

// Offline indicators: figures a team records by hand (kopuro's
// OfflineKinds).
const (
	EventAttendance = kopuro.OfflineEventAttendance
	Volunteers      = kopuro.OfflineVolunteers
	Partnerships    = kopuro.OfflinePartnerships
	MediaMentions   = kopuro.OfflineMediaMentions
)

// OfflineKinds lists the offline indicators.
var OfflineKinds = kopuro.OfflineKinds

// offlinePrefix marks an offline indicator used as a goal metric:
// "offline.volunteers".
const offlinePrefix = "offline."

// IsOfflineMetric reports whether id names an offline indicator.
func IsOfflineMetric(id string) bool {
	k, ok := strings.CutPrefix(id, offlinePrefix)
	return ok && kopuro.ValidOfflineKind(k)
}

// OfflineMetric is the goal metric id of an offline indicator kind.
func OfflineMetric(kind string) string { return offlinePrefix + kind }
