package main

import (
	"context"
	"os"

	"kopuro"
	"kopuro/store"
)

// runExport writes the whole store as a dump that `kopuro import` restores
// into an empty store, SQLite or PostgreSQL:
//
//	kopuro export [--db PATH] [--format ndjson] [--without-users] [--out FILE]
//
// The file is made readable by its owner only (0600): a dump holds the
// password and token hashes, unless --without-users leaves the users,
// their sessions and tokens out.
func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export")
	dsn := dbFlag(e, fs)
	format := fs.String("format", "ndjson", e.cat.T(e.lang, "cli.flag.export_format"))
	out := fs.String("out", "", e.cat.T(e.lang, "cli.flag.out"))
	withoutUsers := fs.Bool("without-users", false, e.cat.T(e.lang, "cli.flag.without_users"))
	db, err := parseAndOpen(ctx, fs, dsn, args, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if *format != "ndjson" {
		return kopuro.Errorf(kopuro.EInvalid, "cli.export.format", "unknown export format %q (ndjson)", *format).WithArg("Value", *format)
	}
	opts := store.DumpOptions{WithoutUsers: *withoutUsers}
	if *out == "" {
		return db.DumpWith(ctx, e.stdout, opts)
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "cli.export.create", "cannot create %s: %v", *out, err).WithArg("File", *out)
	}
	if err := db.DumpWith(ctx, f, opts); err != nil {
		f.Close()
		os.Remove(*out)
		return err
	}
	return f.Close()
}
