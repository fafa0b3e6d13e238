package main

import (
	"context"
	"fmt"
)

// runMigrate applies pending migrations: kopuro migrate [--db PATH].
func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "migrate")
	dsn := dbFlag(e, fs)
	db, err := parseAndOpen(ctx, fs, dsn, args, true)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.migrate.done"))
	return nil
}
