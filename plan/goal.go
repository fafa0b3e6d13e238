// Package plan holds what a communication team plans against: goals (KPIs)
// with their progress, offline indicators, the content calendar
// (international days, recurring rubrics, shared campaigns), the campaign
// tracker and the calendar's ICS export. It is pure: the store keeps these
// values and fills in the measured figures.
package plan

import (
	"math"
	"sort"
	"strings"
	"time"

	"kopuro"
	"kopuro/metrics"
)

// Goal is a KPI: a metric, its scope, a target and a deadline. The target
// is an absolute value (Target) or a change relative to the value when the
// goal was set (Change, in percent: 20 means +20 %, −10 means −10 %).
type Goal struct {
	ID          int64           `json:"id,omitempty"`
	Institution string          `json:"institution,omitempty"`
	Metric      string          `json:"metric"`
	Platform    kopuro.Platform `json:"platform,omitempty"`
	// Label narrows the metric to posts with a label, one of
	// kopuro.LabelNames: a category ("third_mission"), an area
	// ("civic_volunteering"), a style flag ("story") or "sdg".
	Label      string        `json:"label,omitempty"`
	Target     *float64      `json:"target,omitempty"`
	Change     *float64      `json:"change,omitempty"`
	Baseline   metrics.Value `json:"baseline"`
	Start      kopuro.Date   `json:"start,omitzero"`
	Deadline   kopuro.Date   `json:"deadline"`
	Milestones []float64     `json:"milestones,omitempty"`
	Note       string        `json:"note,omitempty"`
	// Reviewed is when someone last looked at the goal's progress (the
	// monitoring rule reads it); zero when never.
	Reviewed time.Time `json:"reviewed,omitzero"`
}

// Validate checks the goal: a known metric (of the registry, or an
// offline indicator), exactly one of target and change, a deadline after
// the start, and a baseline when the target is relative.
func (g *Goal) Validate() error {
	_, isMetric := metrics.Lookup(g.Metric)
	if d, ok := metrics.Lookup(g.Metric); ok && d.Keyed {
		isMetric = false
	}
	if !isMetric && !IsOfflineMetric(g.Metric) {
		return invalid("metric", "error.goal_metric", "unknown goal metric %q", g.Metric).WithArg("Value", g.Metric)
	}
	if g.Platform != "" {
		if _, err := kopuro.ParsePlatform(string(g.Platform)); err != nil {
			return err
		}
	}
	if g.Label != "" && !kopuro.IsLabel(g.Label) {
		return invalid("label", "error.goal_label", "unknown goal label %q", g.Label).WithArg("Value", g.Label)
	}
	if (g.Target == nil) == (g.Change == nil) {
		return invalid("target", "error.goal_target", "a goal needs a target or a relative change, not both")
	}
	if g.Target != nil && (math.IsNaN(*g.Target) || math.IsInf(*g.Target, 0)) {
		return invalid("target", "error.goal_target", "the target must be a number")
	}
	if g.Change != nil && (math.IsNaN(*g.Change) || math.IsInf(*g.Change, 0) || *g.Change == 0 || *g.Change <= -100) {
		return invalid("change", "error.goal_change", "a relative change must be a non-zero percentage above −100")
	}
	if g.Deadline.IsZero() {
		return invalid("deadline", "error.required", "deadline is required").WithArg("Field", "deadline")
	}
	if !g.Start.IsZero() && !g.Deadline.Start().After(g.Start.Start()) {
		return invalid("deadline", "error.goal_deadline", "the deadline must come after the start")
	}
	if g.Change != nil && !g.Baseline.OK() {
		return invalid("baseline", "error.goal_baseline", "a relative goal needs a baseline value")
	}
	sort.Float64s(g.Milestones)
	return nil
}

func invalid(field, key, format string, args ...any) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, key, format, args...).InField(field)
}

// TargetValue is the absolute value the goal aims at.
func (g Goal) TargetValue() metrics.Value {
	if g.Target != nil {
		return metrics.ExactValue(*g.Target)
	}
	if g.Change == nil || !g.Baseline.OK() {
		return metrics.Missing
	}
	return g.Baseline.Scale(1 + *g.Change/100)
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

// Progress measures g at now with the current value of its metric.
// Whether lower is better comes from the metric's declaration.
func (g Goal) Progress(current metrics.Value, now time.Time) Progress {
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

// Offline indicators: figures a team records by hand.
const (
	EventAttendance = "event_attendance"
	Volunteers      = "volunteers"
	Partnerships    = "partnerships"
	MediaMentions   = "media_mentions"
)

// OfflineKinds lists the offline indicators.
var OfflineKinds = []string{EventAttendance, Volunteers, Partnerships, MediaMentions}

// offlinePrefix marks an offline indicator used as a goal metric:
// "offline.volunteers".
const offlinePrefix = "offline."

// IsOfflineMetric reports whether id names an offline indicator.
func IsOfflineMetric(id string) bool {
	k, ok := strings.CutPrefix(id, offlinePrefix)
	return ok && isOfflineKind(k)
}

// OfflineMetric is the goal metric id of an offline indicator kind.
func OfflineMetric(kind string) string { return offlinePrefix + kind }

func isOfflineKind(k string) bool {
	for _, o := range OfflineKinds {
		if o == k {
			return true
		}
	}
	return false
}
