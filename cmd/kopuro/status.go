package main

import (
	"context"
	"encoding/json"
	"fmt"

	"kopuro/store"
)

// runStatus prints what the store holds: kopuro status [--db] [--json].
func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status")
	dsn := dbFlag(e, fs)
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	db, err := parseAndOpen(ctx, fs, dsn, args, true)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.Counts(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(c)
	}
	for _, row := range []struct {
		key string
		n   int64
	}{{"institutions", c.Institutions}, {"accounts", c.Accounts}, {"snapshots", c.Snapshots}, {"posts", c.Posts}, {"comments", c.Comments}} {
		fmt.Fprintf(e.stdout, "%-14s %d\n", e.cat.T(e.lang, "cli.kind."+row.key), row.n)
	}
	return printRuns(ctx, e, db)
}

// printRuns lists the latest collector runs, if any.
func printRuns(ctx context.Context, e *env, db *store.DB) error {
	runs, err := db.Runs(ctx, 10)
	if err != nil || len(runs) == 0 {
		return err
	}
	fmt.Fprintln(e.stdout, "\n"+e.cat.T(e.lang, "cli.status.runs"))
	for _, r := range runs {
		fmt.Fprintln(e.stdout, "  "+runLine(e, r))
		// In the reader's language when the run stored its catalogue key;
		// runs recorded before that kept English text, shown as it is.
		switch {
		case r.Failure != nil:
			fmt.Fprintln(e.stdout, "    "+errorText(e, r.Failure))
		case r.Error != "":
			fmt.Fprintln(e.stdout, "    "+r.Error)
		}
	}
	return nil
}
