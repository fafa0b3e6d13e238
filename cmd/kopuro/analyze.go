package main

import (
	"context"
	"fmt"

	"kopuro/insight"
)

// runAnalyze codes stored posts with the analysis engine:
//
//	kopuro analyze [--db PATH] [--rebuild] [--codebook FILE]
//
// Posts without a machine coding of the codebook's version are coded (all
// with --rebuild); human codings are never touched.
func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze")
	dsn := dbFlag(e, fs)
	rebuild := fs.Bool("rebuild", false, e.cat.T(e.lang, "cli.flag.rebuild"))
	cbPath := codebookFlag(e, fs)
	prof := profileFlag(e, fs)
	db, err := parseAndOpen(ctx, fs, dsn, args, true)
	if err != nil {
		return err
	}
	defer db.Close()
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	eng, err := loadEngine(*cbPath)
	if err != nil {
		return err
	}
	n, err := insight.CodePosts(ctx, db, eng, *rebuild)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.analyze.done", "Count", n, "Version", eng.Codebook().Version()))
	return nil
}
