package main

import (
	"flag"
	"os"

	"kopuro"
	"kopuro/analyze"
	"kopuro/codebook"
)

// Every command that analyses text takes --codebook; these helpers load it
// and build the engine, so `kopuro analyze` and the web server share them.

// codebookFlag adds --codebook FILE (empty: the embedded codebook).
func codebookFlag(e *env, fs *flag.FlagSet) *string {
	return fs.String("codebook", "", e.cat.T(e.lang, "cli.flag.codebook"))
}

// loadCodebook returns the codebook in path, or the embedded one when path
// is empty. Errors name the file and, for syntax errors, the line.
func loadCodebook(path string) (*codebook.Codebook, error) {
	if path == "" {
		return codebook.Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, kopuro.Errorf(kopuro.EInvalid, "analyze.error.file_open", "cannot open %s: %v", path, err).WithArg("File", path)
	}
	defer f.Close()
	cb, err := codebook.Load(f)
	if err != nil {
		if ke := kopuro.AsError(err); ke != nil {
			return nil, ke.At(path, ke.Line)
		}
		return nil, err
	}
	return cb, nil
}

// loadEngine builds an analysis engine from the codebook in path (empty:
// embedded).
func loadEngine(path string) (*analyze.Engine, error) {
	cb, err := loadCodebook(path)
	if err != nil {
		return nil, err
	}
	return analyze.New(cb)
}
