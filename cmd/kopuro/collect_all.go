package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kopuro"
	"kopuro/platform"
	"kopuro/platform/httpx"
	"kopuro/store"
)

// overlap is how far before the last good run a scheduled collection
// starts again: recent posts' counts still grow, and a post published
// while the last run was under way must not be missed.
const overlap = 7 * 24 * time.Hour

// endpoints are the API addresses collect all's --endpoint PLATFORM=URL
// flags give, by platform.
type endpoints map[kopuro.Platform]string

// parseEndpoints reads the --endpoint values. They are checked here, after
// the flags are parsed, not in a flag.Value's Set: the flag package would
// wrap our message in its own English one.
func parseEndpoints(vs []string) (endpoints, error) {
	eps := endpoints{}
	for _, v := range vs {
		name, u, ok := strings.Cut(v, "=")
		p, err := kopuro.ParsePlatform(name)
		if !ok || err != nil || u == "" {
			return nil, kopuro.Errorf(kopuro.EInvalid, "cli.collect.endpoint", "want PLATFORM=URL, got %q", v).WithArg("Value", v).InField("endpoint")
		}
		eps[p] = u
	}
	return eps, nil
}

// runCollectAll walks every registered account with a handle on a platform
// whose credentials are configured, newest data first, and records each
// run. Without --since each account starts a week before its last good
// run (everything the first time). A platform whose quota is spent is
// skipped for the rest of the walk.
func runCollectAll(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "collect")
	dsn := dbFlag(e, fs)
	sinceFlag := fs.String("since", "", e.cat.T(e.lang, "cli.flag.since"))
	var epFlags listFlag
	fs.Var(&epFlags, "endpoint", e.cat.T(e.lang, "cli.flag.endpoints"))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	eps, err := parseEndpoints(epFlags)
	if err != nil {
		return err
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	return collectAll(ctx, e, db, since, eps)
}

// collectAll is one walk of collect all over an open store.
func collectAll(ctx context.Context, e *env, db *store.DB, since time.Time, eps endpoints) error {
	accounts, err := db.Accounts(ctx, "")
	if err != nil {
		return err
	}
	collectors := map[kopuro.Platform]platform.Collector{}
	skipped := map[kopuro.Platform]bool{}
	runs, failed := 0, 0
	for _, p := range collectPlatforms {
		for _, a := range accounts {
			if a.Platform != p || a.Handle == "" || skipped[p] {
				continue
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			c := collectors[p]
			if c == nil {
				if missing := missingCredentials(e, p); len(missing) > 0 {
					fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.collect.skip_platform", "Platform", string(p), "Variable", strings.Join(missing, ", ")))
					skipped[p] = true
					continue
				}
				var err error
				if c, err = newCollector(ctx, e, p, eps[p]); err != nil {
					return err
				}
				collectors[p] = c
			}
			from := since
			if from.IsZero() {
				if last, ok, err := db.LastGoodRun(ctx, a.ID); err != nil {
					return err
				} else if ok {
					from = last.Started.Add(-overlap)
				}
			}
			runs++
			_, err := collectOne(ctx, e, db, c, a.Ref(), a.ID, from)
			if err != nil {
				failed++
				if at, ok := httpx.QuotaRetryAt(err); ok {
					fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.collect.quota_skip", "Platform", string(p), "RetryAt", at.Format("2006-01-02 15:04 UTC")))
					skipped[p] = true
				}
			}
		}
	}
	if runs == 0 {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.collect.nothing"))
	}
	if failed > 0 {
		return kopuro.Errorf(kopuro.EUnavailable, "cli.collect.failed", "%d of %d collector runs failed", failed, runs).
			WithArg("Count", failed).WithArg("Total", runs)
	}
	return nil
}
