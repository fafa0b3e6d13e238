package main

import (
	"context"
	"fmt"
)

// runBackup copies a SQLite store consistently, even while serve runs:
//
//	kopuro backup [--db PATH] --out FILE
func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "backup")
	dsn := dbFlag(e, fs)
	out := fs.String("out", "", e.cat.T(e.lang, "cli.flag.out"))
	db, err := parseAndOpen(ctx, fs, dsn, args, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if *out == "" {
		fs.Usage()
		return errUsage
	}
	if err := db.Backup(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.backup.done", "File", *out))
	return nil
}
