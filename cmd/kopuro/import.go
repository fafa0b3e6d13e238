package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"kopuro"
	"kopuro/analyze"
	"kopuro/importer"
	"kopuro/insight"
	"kopuro/store"
)

// runImport reads files into the store, each file in one transaction:
//
//	kopuro import [--db PATH] [--partial] [--format NAME] [--quiet] FILE...
//
// Without --partial a file with a bad item stores nothing; with it, the
// good items are stored and every bad one is reported on stderr. The exit
// status is 1 when any file failed as a whole.
func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import")
	dsn := dbFlag(e, fs)
	partial := fs.Bool("partial", false, e.cat.T(e.lang, "cli.flag.partial"))
	format := fs.String("format", "", e.cat.T(e.lang, "cli.flag.format"))
	quiet := fs.Bool("quiet", false, e.cat.T(e.lang, "cli.flag.quiet"))
	cbPath := codebookFlag(e, fs)
	prof := profileFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	eng, err := loadEngine(*cbPath)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn, true)
	if err != nil {
		return err
	}
	defer db.Close()
	failed, coded := 0, 0
	for _, path := range fs.Args() {
		n, err := importFile(ctx, e, db, eng, path, importer.Options{Partial: *partial, Format: *format}, *quiet)
		coded += n
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintln(e.stderr, renderError(e, err))
			fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.import.nothing_stored", "File", path))
			failed++
		}
	}
	// New posts are coded at once, so that nobody needs a second command.
	n, err := insight.CodePosts(ctx, db, eng, false)
	if err != nil {
		return err
	}
	n += coded
	if n > 0 {
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.analyze.done", "Count", n, "Version", eng.Codebook().Version()))
	}
	if err := printUnlinked(ctx, e, db); err != nil {
		return err
	}
	if failed > 0 {
		return kopuro.Errorf(kopuro.EInvalid, "cli.import.failed", "%d of %d files failed", failed, fs.NArg()).
			WithArg("Count", failed).WithArg("Total", fs.NArg())
	}
	return nil
}

// importFile imports one file and returns how many posts it coded (see
// importer.Options.Code).
func importFile(ctx context.Context, e *env, db *store.DB, eng *analyze.Engine, path string, opts importer.Options, quiet bool) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, kopuro.Errorf(kopuro.EInvalid, "cli.import.open", "cannot open %s: %v", path, err).WithArg("File", path)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if head, _ := br.Peek(4096); store.IsDump(head) {
		// A whole-store dump (kopuro export) is restored, not imported.
		if err := db.Restore(ctx, br, path); err != nil {
			return 0, err
		}
		key := "cli.import.restored"
		if h, _ := store.DumpHeaderOf(head); h.WithoutUsers {
			key = "cli.import.restored_without_users"
		}
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, key, "File", path))
		return 0, nil
	}
	var prog *progress
	if !quiet {
		prog = newProgress(e, f)
		opts.Progress = prog.update
	}
	rep, coded, err := insight.ImportFile(ctx, db, eng, br, path, opts, nil)
	prog.done()
	if err != nil {
		return 0, err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.import.stored", "File", path, "Format", rep.Format, "Items", itemsText(e, rep.Items)))
	for _, ierr := range rep.Errors {
		fmt.Fprintln(e.stderr, renderError(e, ierr))
	}
	if len(rep.Errors) > 0 {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.import.skipped", "Count", len(rep.Errors), "File", path))
	}
	return coded, nil
}

// itemsText lists stored counts by kind: "2 institutions, 31 snapshots".
func itemsText(e *env, items map[string]int) string {
	kinds := make([]string, 0, len(items))
	for k := range items {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		parts = append(parts, e.cat.T(e.lang, "cli.count."+k, "Count", items[k]))
	}
	if len(parts) == 0 {
		return e.cat.T(e.lang, "cli.count.nothing")
	}
	return strings.Join(parts, ", ")
}

// printUnlinked lists accounts no institution claims, with how to link them.
func printUnlinked(ctx context.Context, e *env, db *store.DB) error {
	un, err := db.UnlinkedAccounts(ctx)
	if err != nil || len(un) == 0 {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.import.unlinked", "Count", len(un)))
	for _, u := range un {
		fmt.Fprintf(e.stdout, "  %-10s @%-30s %s\n", u.Platform, u.Handle, e.cat.T(e.lang, "cli.count.posts", "Count", int(u.Posts)))
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.import.link_hint"))
	return nil
}
