package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"kopuro"
	"kopuro/synth"
)

// runGen writes a synthetic corpus in the generic NDJSON, for benchmarks:
//
//	kopuro gen --posts N [--seed S] [--out FILE] [--codebook FILE]
//
// The same flags give the same bytes; without --out it writes to stdout.
func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gen")
	posts := fs.Int("posts", 10000, e.cat.T(e.lang, "cli.gen.flag.posts"))
	seed := fs.Uint64("seed", 1, e.cat.T(e.lang, "cli.gen.flag.seed"))
	out := fs.String("out", "", e.cat.T(e.lang, "cli.gen.flag.out"))
	cbPath := codebookFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *posts < 0 {
		fs.Usage()
		return errUsage
	}
	cb, err := loadCodebook(*cbPath)
	if err != nil {
		return err
	}
	var w io.Writer = e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return kopuro.Errorf(kopuro.EInvalid, "cli.gen.create", "cannot create %s: %v", *out, err).WithArg("File", *out)
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		if err := synth.Write(bw, synth.Options{Posts: *posts, Seed: *seed, Codebook: cb}); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.gen.done", "Count", *posts, "File", *out))
		return nil
	}
	return synth.Write(w, synth.Options{Posts: *posts, Seed: *seed, Codebook: cb})
}
