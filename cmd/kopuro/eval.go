package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"kopuro"
	"kopuro/analyze"
	"kopuro/i18n"
)

// runEval measures the engine against a labeled JSONL file: only each
// record's text reaches the classifier.
func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval")
	gold := fs.String("gold", "", e.cat.T(e.lang, "cli.eval.flag.gold"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.eval.flag.json"))
	cbPath := codebookFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return kopuro.Errorf(kopuro.EInvalid, "analyze.error.flag_required", "the flag --gold is required").WithArg("Flag", "--gold")
	}
	eng, err := loadEngine(*cbPath)
	if err != nil {
		return err
	}
	f, err := os.Open(*gold)
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "analyze.error.file_open", "cannot open %s: %v", *gold, err).WithArg("File", *gold)
	}
	defer f.Close()
	golds, err := analyze.ReadGold(f, *gold)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep := eng.Evaluate(golds)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	printReport(e, e.stdout, rep, eng.Codebook().Version())
	return nil
}

// printReport writes the figures and confusion matrices for a person.
func printReport(e *env, w io.Writer, r analyze.Report, version string) {
	T := func(key string, kv ...any) string { return e.cat.T(e.lang, key, kv...) }
	num := func(f float64) string { return i18n.FormatFloat(e.lang, f, 3) }
	f1 := func(p *float64) string {
		if p == nil {
			return T("eval.undefined")
		}
		return num(*p)
	}
	fmt.Fprintln(w, T("eval.header", "Count", r.N, "Version", version))
	fmt.Fprintf(w, "%-14s %s %s  %s %s\n", "lang", T("eval.accuracy"), num(r.Lang.Accuracy), T("eval.macro_f1"), num(r.Lang.MacroF1))
	fmt.Fprintf(w, "%-14s %s %s  %s %s\n", "category", T("eval.accuracy"), num(r.Category.Accuracy), T("eval.macro_f1"), num(r.Category.MacroF1))
	fmt.Fprintf(w, "%-14s %s %s  %s %s  F1 %s\n", "third_mission", T("eval.precision"), num(r.ThirdMission.Precision), T("eval.recall"), num(r.ThirdMission.Recall), num(r.ThirdMission.F1))
	fmt.Fprintf(w, "%-14s %s %s  %s %s\n", "tm_area", T("eval.accuracy"), num(r.Area.Accuracy), T("eval.macro_f1"), num(r.Area.MacroF1))
	fmt.Fprintf(w, "%-14s %s %s  %s %s  %s %s\n", "sdgs", T("eval.precision"), num(r.SDGs.Precision), T("eval.recall"), num(r.SDGs.Recall), T("eval.micro_f1"), num(r.SDGs.MicroF1))
	for _, f := range []struct {
		name string
		v    *float64
	}{{"cta", r.CTA.F1}, {"question", r.Question.F1}, {"story", r.Story.F1}} {
		c := r.Flags[f.name]
		fmt.Fprintf(w, "%-14s F1 %s  (%s)\n", f.name, f1(f.v), T("eval.flag_counts", "TP", c[0], "FP", c[1], "FN", c[2]))
	}
	for _, m := range []struct {
		name string
		c    analyze.Confusion
	}{{"lang", r.LangConfusion}, {"category", r.CategoryConfusion}, {"tm_area", r.AreaConfusion}} {
		fmt.Fprintln(w)
		fmt.Fprintln(w, T("eval.confusion", "Field", m.name))
		printConfusion(w, m.c, T("eval.none"))
	}
}

// printConfusion prints rows = gold, columns = predicted.
func printConfusion(w io.Writer, c analyze.Confusion, none string) {
	labels := c.Labels()
	name := func(l string) string {
		if l == "" {
			return none
		}
		return l
	}
	width := 6
	for _, l := range labels {
		width = max(width, len([]rune(name(l))))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-len([]rune(s))) }
	short := func(l string) string {
		r := []rune(name(l))
		if len(r) > 6 {
			r = r[:6]
		}
		return string(r)
	}
	fmt.Fprint(w, pad(""))
	for _, l := range labels {
		fmt.Fprintf(w, " %6s", short(l))
	}
	fmt.Fprintln(w)
	for _, g := range labels {
		if c[g] == nil {
			continue
		}
		fmt.Fprint(w, pad(name(g)))
		for _, p := range labels {
			fmt.Fprintf(w, " %6d", c[g][p])
		}
		fmt.Fprintln(w)
	}
}
