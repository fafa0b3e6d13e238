package main

import (
	"context"
	"fmt"

	"kopuro"
	"kopuro/auth"
)

// runToken creates API tokens:
//
//	kopuro token create --email E [--name N]
//
// The token is printed once, alone on the last line (for scripts:
// `kopuro token create --email E | tail -n 1`); the store keeps only its
// SHA-256.
func runToken(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "token")
	dsn := dbFlag(e, fs)
	email := fs.String("email", "", e.cat.T(e.lang, "cli.flag.email"))
	name := fs.String("name", "api", e.cat.T(e.lang, "cli.flag.token_name"))
	_, db, err := subcommandAndOpen(ctx, e, fs, dsn, "token", args, "create")
	if err != nil {
		return err
	}
	defer db.Close()
	if *email == "" {
		return kopuro.Errorf(kopuro.EInvalid, "error.required", "the flag --email is required").WithArg("Field", "--email")
	}
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return err
	}
	token, hash := auth.NewToken()
	if _, err := db.CreateAPIToken(ctx, u.ID, *name, hash); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.token.created", "Name", *name, "Email", u.Email))
	fmt.Fprintln(e.stdout, token)
	return nil
}
