// Command kopuro is Kopuro's single binary: the dashboard server, importers,
// the analysis engine and reports. It is the only package that reads flags
// and the environment; everything below it takes explicit configuration.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"kopuro"
	"kopuro/i18n"
)

// env is what a subcommand may touch of the outside world. Tests build one
// with buffers and a map instead of the process's streams and environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	cat    *i18n.Catalog
	lang   string // language of messages on the terminal
}

// command is one subcommand; run gets the arguments after its name.
type command struct {
	summary string // catalogue key of the one-line summary
	run     func(ctx context.Context, e *env, args []string) error
}

// commands maps each subcommand to its implementation, one file each.
var commands = map[string]command{
	"serve":   {"cli.serve.summary", runServe},
	"seed":    {"cli.seed.summary", runSeed},
	"import":  {"cli.import.summary", runImport},
	"status":  {"cli.status.summary", runStatus},
	"account": {"cli.account.summary", runAccount},
	"migrate": {"cli.migrate.summary", runMigrate},
	"collect": {"cli.collect.summary", runCollect},
	"backup":  {"cli.backup.summary", runBackup},
	"export":  {"cli.export.summary", runExport},
	"report":  {"cli.report.summary", runReport},
	// The analysis engine.
	"classify": {"cli.classify.summary", runClassify},
	"eval":     {"cli.eval.summary", runEval},
	"codebook": {"cli.codebook.summary", runCodebook},
	"analyze":  {"cli.analyze.summary", runAnalyze},
	// Who may sign in.
	"user":  {"cli.user.summary", runUser},
	"token": {"cli.token.summary", runToken},
	// Metrics, advice and plans.
	"advise":   {"cli.advise.summary", runAdvise},
	"check":    {"cli.check.summary", runCheck},
	"goal":     {"cli.goal.summary", runGoal},
	"calendar": {"cli.calendar.summary", runCalendar},
	"campaign": {"cli.campaign.summary", runCampaign},
	"offline":  {"cli.offline.summary", runOffline},
	// Benchmarks.
	"gen": {"cli.gen.summary", runGen},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, cat: i18n.Embedded(),
	}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args and renders any error; it returns the exit status:
// 0 success, 1 failure, 2 usage error.
func run(ctx context.Context, e *env, args []string) int {
	if e.lang == "" {
		e.lang = cliLang(e.getenv)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.unknown_command", "Name", args[0]))
		usage(e)
		return 2
	}
	err := cmd.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintln(e.stderr, renderError(e, err))
	return 1
}

// errUsage reports that a flag set already printed what was wrong.
var errUsage = errors.New("usage")

// renderError is the one place an error becomes terminal text: user-safe
// errors in the user's language with their location, others as they are
// (the terminal user is the operator, who needs the detail).
func renderError(e *env, err error) string {
	return e.cat.T(e.lang, "cli.error", "Message", errorText(e, err))
}

// errorText is err as renderError shows it, without the "kopuro:" prefix.
func errorText(e *env, err error) string {
	ke := kopuro.AsError(err)
	if ke == nil || ke.Key == "" {
		return err.Error()
	}
	msg := e.cat.TMap(e.lang, ke.Key, ke.Args)
	if strings.HasPrefix(msg, "!") {
		msg = ke.Message
	}
	loc := ""
	switch {
	case ke.File != "" && ke.Line > 0:
		loc = fmt.Sprintf("%s:%d: ", ke.File, ke.Line)
	case ke.File != "":
		loc = ke.File + ": "
	}
	if ke.Field != "" {
		loc += e.cat.T(e.lang, "cli.field", "Field", ke.Field) + ": "
	}
	return loc + msg
}

// cliLang picks the terminal language: KOPURO_LANG, else the language of
// LANG when it is one of ours, else English (terminals are shared with
// tools whose output is English).
func cliLang(getenv func(string) string) string {
	for _, v := range []string{getenv("KOPURO_LANG"), getenv("LC_ALL"), getenv("LANG")} {
		if len(v) >= 2 {
			if l, ok := kopuro.ParseUILang(strings.ToLower(v[:2])); ok {
				return string(l)
			}
		}
	}
	return "en"
}

func usage(e *env) {
	fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.usage"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(e.stderr, "  %-10s %s\n", n, e.cat.T(e.lang, commands[n].summary))
	}
}

// newFlags returns a flag set for a subcommand whose usage text comes from
// the catalogue key cli.NAME.usage.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("kopuro "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli."+name+".usage"))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and maps the flag package's errors to ours.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// dbFlag adds the --db flag every store command shares: $KOPURO_DB, else
// kopuro.db in the working directory.
func dbFlag(e *env, fs *flag.FlagSet) *string {
	def := e.getenv("KOPURO_DB")
	if def == "" {
		def = "kopuro.db"
	}
	return fs.String("db", def, e.cat.T(e.lang, "cli.flag.db"))
}
