package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/i18n"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/plan"
)

// runGoal manages goals (KPIs):
//
//	kopuro goal add --institution CODE --metric ID [--platform P] [--label L]
//	    (--target N | --change PCT [--baseline N]) --deadline DATE [--start DATE] [--milestone N]... [--note TEXT]
//	kopuro goal list --institution CODE [--json]
func runGoal(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "goal")
	dsn := dbFlag(e, fs)
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	metric := fs.String("metric", "", e.cat.T(e.lang, "cli.flag.metric"))
	platform := fs.String("platform", "", e.cat.T(e.lang, "cli.flag.platform"))
	label := fs.String("label", "", e.cat.T(e.lang, "cli.flag.label"))
	target := fs.String("target", "", e.cat.T(e.lang, "cli.flag.target"))
	change := fs.String("change", "", e.cat.T(e.lang, "cli.flag.change"))
	baseline := fs.String("baseline", "", e.cat.T(e.lang, "cli.flag.baseline"))
	deadline := fs.String("deadline", "", e.cat.T(e.lang, "cli.flag.deadline"))
	start := fs.String("start", "", e.cat.T(e.lang, "cli.flag.start"))
	note := fs.String("note", "", e.cat.T(e.lang, "cli.flag.note"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	var milestones listFlag
	fs.Var(&milestones, "milestone", e.cat.T(e.lang, "cli.flag.milestone"))
	sub, db, err := subcommandAndOpen(ctx, e, fs, dsn, "goal", args, "add", "list")
	if err != nil {
		return err
	}
	defer db.Close()
	if *inst == "" {
		fs.Usage()
		return errUsage
	}
	now := time.Now().UTC()
	o := insight.DefaultOptions()
	if sub == "list" {
		gs, err := insight.Goals(ctx, db, *inst, now, o)
		if err != nil {
			return err
		}
		if err := db.ReviewGoals(ctx, *inst); err != nil {
			return err
		}
		if *asJSON {
			return writeJSONOut(e, struct {
				Goals []insight.GoalStatus `json:"goals"`
			}{gs})
		}
		for _, g := range gs {
			printGoal(e, g)
		}
		return nil
	}
	g := plan.Goal{Institution: *inst, Metric: *metric, Platform: kopuro.Platform(*platform), Label: *label, Note: *note, Baseline: metrics.Missing}
	num := func(field, s string) (*float64, error) {
		if s == "" {
			return nil, nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, kopuro.Errorf(kopuro.EInvalid, "error.number", "%s: %q is not a number", field, s).WithArg("Value", s).InField(field)
		}
		return &v, nil
	}
	if g.Target, err = num("target", *target); err != nil {
		return err
	}
	if g.Change, err = num("change", *change); err != nil {
		return err
	}
	b, err := num("baseline", *baseline)
	if err != nil {
		return err
	}
	for _, m := range milestones {
		v, err := num("milestone", m)
		if err != nil {
			return err
		}
		g.Milestones = append(g.Milestones, *v)
	}
	if g.Deadline, err = optDate(*deadline); err != nil {
		return err
	}
	if g.Start, err = optDate(*start); err != nil {
		return err
	}
	if b != nil {
		g.Baseline = metrics.ExactValue(*b)
	}
	if g, err = insight.AddGoal(ctx, db, g, now, o); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.goal.added", "ID", g.ID, "Metric", g.Metric, "Code", g.Institution))
	return nil
}

func optDate(s string) (kopuro.Date, error) {
	if s == "" {
		return kopuro.Date{}, nil
	}
	return kopuro.ParseDate(s)
}

func printGoal(e *env, g insight.GoalStatus) {
	scope := string(g.Platform)
	if g.Label != "" {
		scope += "/" + g.Label
	}
	pct := e.cat.T(e.lang, "advise.na")
	if g.Progress.Percent.OK() {
		pct = i18n.FormatPercent(e.lang, g.Progress.Percent.V)
	}
	state := "cli.goal.state.behind"
	switch {
	case g.Progress.Done:
		state = "cli.goal.state.done"
	case g.Progress.Overdue:
		state = "cli.goal.state.overdue"
	case g.Progress.OnTrack:
		state = "cli.goal.state.on_track"
	}
	fmt.Fprintf(e.stdout, "#%d %s %s → %s (%s) %s: %s, %s\n", g.ID, g.Metric, scope,
		fmtValue(e, g.Metric, g.Progress.Target), g.Deadline, fmtValue(e, g.Metric, g.Progress.Current), pct, e.cat.T(e.lang, state))
	for _, m := range g.Progress.Milestones {
		mark := "·"
		if m.Reached {
			mark = "✓"
		}
		fmt.Fprintf(e.stdout, "    %s %s\n", mark, i18n.FormatFloat(e.lang, m.Value, 0))
	}
}

func fmtValue(e *env, metric string, v metrics.Value) string {
	if !v.OK() {
		return e.cat.T(e.lang, "advise.na")
	}
	return advise.FormatValue(e.lang, metric, v)
}
