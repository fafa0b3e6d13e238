package main

import (
	"context"
	"flag"
	"fmt"
	"slices"

	"kopuro"
	"kopuro/store"
)

// parseAndOpen parses a store command's flags and opens the store its
// --db flag names (see openStore for migrate).
func parseAndOpen(ctx context.Context, fs *flag.FlagSet, dsn *string, args []string, migrate bool) (*store.DB, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return openStore(ctx, *dsn, migrate)
}

// openStore opens the store at dsn. A new, empty store is migrated; an
// existing one with pending migrations is migrated too when migrate is
// set, and refused otherwise with a message naming the command to run.
func openStore(ctx context.Context, dsn string, migrate bool) (*store.DB, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	pending, err := db.Pending(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	fresh, err := db.Empty(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(pending) > 0 && !migrate && !fresh {
		db.Close()
		return nil, kopuro.Errorf(kopuro.EUnavailable, "error.schema_outdated",
			"the database schema is outdated (%d migrations pending): run kopuro migrate --db %s", len(pending), dsn).
			WithArg("Count", len(pending)).WithArg("DB", dsn)
	}
	if len(pending) > 0 {
		if err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// subcommandAndOpen takes the first argument as one of subs, parses the
// flags that follow it and opens (migrating) the store --db names; any
// other first argument, or a stray one, prints the usage of command name.
func subcommandAndOpen(ctx context.Context, e *env, fs *flag.FlagSet, dsn *string, name string, args []string, subs ...string) (string, *store.DB, error) {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fs.Usage()
		return "", nil, flag.ErrHelp
	}
	if len(args) == 0 || !slices.Contains(subs, args[0]) {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli."+name+".usage"))
		return "", nil, errUsage
	}
	db, err := parseAndOpen(ctx, fs, dsn, args[1:], true)
	if err == nil && fs.NArg() > 0 {
		db.Close()
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli."+name+".usage"))
		err = errUsage
	}
	return args[0], db, err
}
