package kopuro

import (
	"math"
	"sort"
	"time"
)

// Goal is a KPI: a metric, its scope, a target and a deadline. The target
// is an absolute value (Target) or a change relative to the value when the
// goal was set (Change, in percent: 20 means +20 %, −10 means −10 %).
type Goal struct {
	ID          int64    `json:"id,omitempty"`
	Institution string   `json:"institution,omitempty"`
	Metric      string   `json:"metric"`
	Platform    Platform `json:"platform,omitempty"`
	// Label narrows the metric to posts with a label, one of LabelNames:
	// a category ("third_mission"), an area ("civic_volunteering"), a
	// style flag ("story") or "sdg".
	Label      string    `json:"label,omitempty"`
	Target     *float64  `json:"target,omitempty"`
	Change     *float64  `json:"change,omitempty"`
	Baseline   Value     `json:"baseline"`
	Start      Date      `json:"start,omitzero"`
	Deadline   Date      `json:"deadline"`
	Milestones []float64 `json:"milestones,omitempty"`
	Note       string    `json:"note,omitempty"`
	// Reviewed is when someone last looked at the goal's progress (the
	// monitoring rule reads it); zero when never.
	Reviewed time.Time `json:"reviewed,omitzero"`
}

// ValidateShape checks what the goal says of itself: exactly one of
// target and change, a deadline after the start, a baseline when the
// target is relative, a known platform and label. Whether its metric
// exists is the metric registry's to say: plan.ValidateGoal checks that
// first, then this. (Not named Validate, so that a call written for the
// whole check does not compile and quietly do less.)
func (g *Goal) ValidateShape() error {
	if g.Platform != "" {
		if _, err := ParsePlatform(string(g.Platform)); err != nil {
			return err
		}
	}
	if g.Label != "" && !IsLabel(g.Label) {
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

// TargetValue is the absolute value the goal aims at.
func (g Goal) TargetValue() Value {
	if g.Target != nil {
		return ExactValue(*g.Target)
	}
	if g.Change == nil || !g.Baseline.OK() {
		return MissingValue
	}
	return g.Baseline.Scale(1 + *g.Change/100)
}
