package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/store"
)

// runCollect fetches accounts from the platforms' APIs into the store and
// records every run:
//
//	kopuro collect youtube --channel UC… [--since DATE] [--endpoint URL]
//	kopuro collect instagram --user NAME …   (INSTAGRAM_ACCESS_TOKEN, INSTAGRAM_USER_ID)
//	kopuro collect facebook --page NAME …    (FACEBOOK_ACCESS_TOKEN)
//	kopuro collect tiktok --user NAME …      (TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET)
//	kopuro collect telegram --channel NAME …
//	kopuro collect all [--since DATE] [--endpoint PLATFORM=URL]…
func runCollect(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.collect.usage"))
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	if args[0] == "all" {
		return runCollectAll(ctx, e, args[1:])
	}
	p, err := kopuro.ParsePlatform(args[0])
	if err != nil || !slices.Contains(collectPlatforms, p) {
		return kopuro.Errorf(kopuro.EInvalid, "cli.collect.platform", "kopuro cannot collect %s", args[0]).WithArg("Platform", args[0])
	}
	fs := newFlags(e, "collect")
	dsn := dbFlag(e, fs)
	var handle string
	for _, name := range []string{"channel", "user", "page"} {
		fs.StringVar(&handle, name, "", e.cat.T(e.lang, "cli.flag.collect_"+name))
	}
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	sinceFlag := fs.String("since", "", e.cat.T(e.lang, "cli.flag.since"))
	endpoint := fs.String("endpoint", "", e.cat.T(e.lang, "cli.flag.endpoint"))
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if handle == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return err
	}
	if missing := missingCredentials(e, p); len(missing) > 0 {
		return noCredentials(p, missing)
	}
	c, err := newCollector(ctx, e, p, *endpoint)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	ref := kopuro.AccountRef{Platform: p, Handle: handle, Institution: *inst}
	id, err := knownAccount(ctx, db, ref)
	if err != nil {
		return err
	}
	_, err = collectOne(ctx, e, db, c, ref, id, since)
	return err
}

// knownAccount returns the id of the registered account ref names, 0 when
// Kopuro does not know it yet.
func knownAccount(ctx context.Context, db *store.DB, ref kopuro.AccountRef) (int64, error) {
	accounts, err := db.Accounts(ctx, "")
	if err != nil {
		return 0, err
	}
	h := kopuro.NormalizeHandle(ref.Platform, ref.Handle)
	for _, a := range accounts {
		if a.Platform == ref.Platform && a.Handle != "" && a.Handle == h {
			return a.ID, nil
		}
	}
	return 0, nil
}

// collectOne runs c against ref, stores what it fetched (also when the run
// stopped early: a quota stop keeps its pages) and records the run under
// the account: accountID when the store already knows it (0 when not),
// else the account the collector resolved. It returns the run and the
// error that stopped it.
func collectOne(ctx context.Context, e *env, db *store.DB, c platform.Collector, ref kopuro.AccountRef, accountID int64, since time.Time) (kopuro.Run, error) {
	res, run, err := platform.Execute(ctx, c, ref, since, time.Now)
	if res.Account.Handle != "" {
		run.Account = res.Account
	}
	run.AccountID = accountID
	owner := res.Account
	if accountID != 0 || owner.Handle == "" {
		owner = ref // the stored account, whatever handle form it was registered with
	}
	if serr := save(ctx, db, res, owner, accountID); serr != nil {
		run.Status, run.Errors = kopuro.RunFailed, run.Errors+1
		run.Posts, run.Comments, run.Snapshots = 0, 0, 0
		if err == nil {
			err = serr
		}
		run.Error = err.Error()
	}
	for i, p := range res.Problems {
		if i == 10 {
			fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.collect.more_problems", "Count", len(res.Problems)-i))
			break
		}
		fmt.Fprintln(e.stderr, renderError(e, p))
	}
	// A run that fetched nothing for an account Kopuro does not know is not
	// recorded: a mistyped name must not create an account.
	if accountID != 0 || run.Items() > 0 || err == nil {
		if _, rerr := db.RecordRun(context.WithoutCancel(ctx), run); rerr != nil && err == nil {
			err = rerr
		}
	}
	fmt.Fprintln(e.stdout, runLine(e, run))
	if err != nil {
		fmt.Fprintln(e.stderr, renderError(e, err))
	}
	return run, err
}

// save stores a collection in one transaction, all of it or nothing:
// snapshots under owner, posts under accountID when the store already knows
// the account (else under the account each post names).
func save(ctx context.Context, db *store.DB, res platform.Result, owner kopuro.AccountRef, accountID int64) error {
	return db.Import(ctx, func(tx *store.ImportTx) error {
		for _, s := range res.Snapshots {
			if err := tx.PutSnapshot(ctx, owner, s); err != nil {
				return err
			}
		}
		for _, p := range res.Posts {
			p.AccountID = accountID
			if err := tx.PutPost(ctx, p); err != nil {
				return err
			}
		}
		for _, c := range res.Comments {
			if err := tx.PutComment(ctx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

// runLine renders one run for the terminal.
func runLine(e *env, r kopuro.Run) string {
	return e.cat.T(e.lang, "cli.collect.run",
		"Time", r.Started.Local().Format("2006-01-02 15:04"), "Platform", string(r.Platform), "Handle", r.Account.Handle,
		"Status", e.cat.T(e.lang, "cli.collect.status."+string(r.Status)),
		"Posts", r.Posts, "Comments", r.Comments, "Snapshots", r.Snapshots, "Errors", r.Errors,
		"Seconds", int(r.Finished.Sub(r.Started).Round(time.Second).Seconds()))
}

func noCredentials(p kopuro.Platform, missing []string) error {
	return kopuro.Errorf(kopuro.EUnauthorized, "collect.no_credentials", "no %s credentials: set %s", p, strings.Join(missing, ", ")).
		WithArg("Platform", p.Name()).WithArg("Variable", strings.Join(missing, ", "))
}
