package main

import (
	"context"
	"flag"
	"fmt"

	"kopuro"
)

// runAccount manages accounts:
//
//	kopuro account link PLATFORM HANDLE --institution CODE
//	kopuro account list [--unlinked]
func runAccount(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.account.usage"))
		return errUsage
	}
	fs := newFlags(e, "account")
	dsn := dbFlag(e, fs)
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	unlinked := fs.Bool("unlinked", false, e.cat.T(e.lang, "cli.flag.unlinked"))
	sub, rest := args[0], args[1:]
	if sub == "-h" || sub == "--help" {
		fs.Usage()
		return flag.ErrHelp
	}
	// Flags may follow the positional arguments.
	var pos []string
	for len(rest) > 0 {
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			pos, rest = append(pos, rest[0]), rest[1:]
		}
	}
	db, err := openStore(ctx, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	switch {
	case sub == "link" && len(pos) == 2 && *inst != "":
		p, err := kopuro.ParsePlatform(pos[0])
		if err != nil {
			return err
		}
		if err := db.LinkAccount(ctx, p, pos[1], *inst); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.account.linked", "Platform", string(p), "Handle", kopuro.NormalizeHandle(p, pos[1]), "Code", *inst))
		return nil
	case sub == "list" && len(pos) == 0:
		if *unlinked {
			return printUnlinked(ctx, e, db)
		}
		accs, err := db.Accounts(ctx, *inst)
		if err != nil {
			return err
		}
		for _, a := range accs {
			fmt.Fprintf(e.stdout, "%-12s %-10s @%s\n", a.Institution, a.Platform, a.Handle)
		}
		return nil
	}
	fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.account.usage"))
	return errUsage
}
