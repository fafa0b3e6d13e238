package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/insight"
	"kopuro/metrics"
)

// runAdvise prints the ten recommendations for an institution:
//
//	kopuro advise --institution CODE [--period 2025-01..2025-06] [--lang ky|ru|en] [--json] [--config FILE]
func runAdvise(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "advise")
	dsn := dbFlag(e, fs)
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	period := fs.String("period", "", e.cat.T(e.lang, "cli.flag.period"))
	lang := fs.String("lang", e.lang, e.cat.T(e.lang, "cli.flag.lang"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	config := fs.String("config", "", e.cat.T(e.lang, "cli.flag.advise_config"))
	index := fs.String("index", "", e.cat.T(e.lang, "cli.flag.index"))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *inst == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	l, ok := kopuro.ParseUILang(*lang)
	if !ok {
		return kopuro.Errorf(kopuro.EInvalid, "error.lang", "unknown language %q", *lang).WithArg("Value", *lang)
	}
	now := time.Now().UTC()
	p, err := insight.Period(*period, now)
	if err != nil {
		return err
	}
	o, err := options(*config, *index)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := insight.Advice(ctx, db, *inst, p, now, o, e.cat, string(l))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSONOut(e, a)
	}
	fmt.Fprintln(e.stdout, e.cat.T(string(l), "cli.advise.header", "Code", a.Institution,
		"From", p.From.Format("2006-01-02"), "To", p.To.AddDate(0, 0, -1).Format("2006-01-02")))
	for _, r := range a.Recommendations {
		mark := "  "
		if r.Fired {
			mark = fmt.Sprintf("%d.", r.Priority)
		}
		fmt.Fprintf(e.stdout, "%-3s [%s] %s\n", mark, e.cat.T(string(l), "cli.advise.status."+r.Status), e.cat.T(string(l), "advise."+r.ID+".title"))
		fmt.Fprintf(e.stdout, "    %s\n", r.Text)
	}
	return nil
}

// options reads the advice thresholds and the index configuration from
// files when given.
func options(config, index string) (insight.Options, error) {
	o := insight.DefaultOptions()
	if config != "" {
		f, err := os.Open(config)
		if err != nil {
			return o, err
		}
		defer f.Close()
		if o.Advice, err = advise.ReadConfig(f); err != nil {
			return o, kopuro.AsError(err).At(config, 0)
		}
	}
	if index != "" {
		f, err := os.Open(index)
		if err != nil {
			return o, err
		}
		defer f.Close()
		if o.Index, err = metrics.ReadIndexConfig(f); err != nil {
			return o, kopuro.AsError(err).At(index, 0)
		}
	}
	return o, nil
}

func writeJSONOut(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// listFlag collects a repeated flag's values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
