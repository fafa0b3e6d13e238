package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"kopuro"
	"kopuro/auth"
)

// runUser manages the people who may sign in:
//
//	kopuro user add --email E --role admin|editor|coder|viewer [--institution CODE]
//	kopuro user list
//
// add reads the password from the first line of stdin when one is piped
// in; otherwise it generates one and prints it, once, on the last line.
func runUser(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "user")
	dsn := dbFlag(e, fs)
	email := fs.String("email", "", e.cat.T(e.lang, "cli.flag.email"))
	role := fs.String("role", "", e.cat.T(e.lang, "cli.flag.role"))
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	sub, db, err := subcommandAndOpen(ctx, e, fs, dsn, "user", args, "add", "list")
	if err != nil {
		return err
	}
	defer db.Close()
	if sub == "list" {
		users, err := db.Users(ctx)
		if err != nil {
			return err
		}
		if len(users) == 0 {
			fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.user.none"))
		}
		for _, u := range users {
			fmt.Fprintf(e.stdout, "%-32s %-7s %-14s %s\n", u.Email, u.Role, u.Institution, u.Created.Format("2006-01-02"))
		}
		return nil
	}
	u := kopuro.User{Email: *email, Role: kopuro.Role(*role), Institution: *inst}
	if err := u.Validate(); err != nil {
		return err
	}
	password, given, err := readPassword(e.stdin)
	if err != nil {
		return err
	}
	if !given {
		password = auth.NewPassword()
	}
	if err := kopuro.ValidatePassword(password); err != nil {
		return err
	}
	if u, err = db.AddUser(ctx, u, auth.HashPassword(password, auth.DefaultParams)); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.user.added", "Email", u.Email, "Role", e.cat.T(e.lang, "role."+string(u.Role))))
	if !given {
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.user.password_generated"))
		fmt.Fprintln(e.stdout, password)
	}
	return nil
}

// readPassword reads a password from the first line of r. A terminal is
// never read (nobody piped a password in; one is generated instead), nor
// is empty input.
func readPassword(r io.Reader) (string, bool, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice != 0 {
			return "", false, nil
		}
	}
	line, err := bufio.NewReader(io.LimitReader(r, 4*kopuro.MaxPasswordLen+2)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", false, err
	}
	line = strings.TrimRight(line, "\r\n")
	return line, line != "", nil
}
