package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"time"

	"kopuro"
	"kopuro/insight"
	"kopuro/report"
)

// runReport regenerates the study as a report:
//
//	kopuro report [--db] [--lang ky|ru|en] [--period 2025-01..2025-06] [--institutions a,b,c] --format html|pdf|md|xlsx (report.Formats) --out FILE
func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report")
	dsn := dbFlag(e, fs)
	lang := fs.String("lang", e.lang, e.cat.T(e.lang, "cli.flag.lang"))
	period := fs.String("period", "", e.cat.T(e.lang, "cli.flag.period"))
	insts := fs.String("institutions", "", e.cat.T(e.lang, "cli.flag.institutions"))
	format := fs.String("format", "", e.cat.T(e.lang, "cli.flag.report_format", "Formats", report.FormatList))
	out := fs.String("out", "", e.cat.T(e.lang, "cli.flag.out"))
	prof := profileFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	if *format == "" || *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return err
	}
	l, ok := kopuro.ParseUILang(*lang)
	if !ok {
		return kopuro.Errorf(kopuro.EInvalid, "error.lang", "unknown language %q", *lang).WithArg("Value", *lang)
	}
	if f == "pdf" {
		// Fail before the store is read when the printer is missing.
		if _, err := report.FindChromium(); err != nil {
			return err
		}
	}
	now := time.Now().UTC()
	p, err := insight.Period(*period, now)
	if err != nil {
		return err
	}
	var codes []string
	for _, c := range strings.Split(*insts, ",") {
		if c = strings.TrimSpace(c); c != "" {
			codes = append(codes, c)
		}
	}
	db, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	m, err := report.Build(ctx, db, report.Options{Period: p, Institutions: codes, Now: now, Insight: insight.DefaultOptions()})
	if err != nil {
		return err
	}
	// Render in memory first: a failed render leaves no half-written file.
	var buf bytes.Buffer
	if err := report.Write(ctx, &buf, f, report.Compose(m, string(l), e.cat)); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}
