package main

import (
	"context"
	"fmt"

	"kopuro/importer"
	"kopuro/store"
)

// runSeed loads the bundled study data: kopuro seed [--db PATH].
func runSeed(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "seed")
	dsn := dbFlag(e, fs)
	db, err := parseAndOpen(ctx, fs, dsn, args, true)
	if err != nil {
		return err
	}
	defer db.Close()
	return seed(ctx, e, db)
}

// seed imports the bundled registry and Table 1 in one transaction.
func seed(ctx context.Context, e *env, db *store.DB) error {
	var reps []importer.Report
	err := db.Import(ctx, func(tx *store.ImportTx) error {
		var err error
		reps, err = importer.Seed(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range reps {
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.import.stored", "File", r.File, "Format", r.Format, "Items", itemsText(e, r.Items)))
	}
	return nil
}
