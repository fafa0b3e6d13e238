package main

import (
	"flag"
	"os"
	"runtime/pprof"

	"kopuro"
)

// profileFlag adds --cpuprofile, for finding what a long command spends
// its time on (go tool pprof FILE).
func profileFlag(e *env, fs *flag.FlagSet) *string {
	return fs.String("cpuprofile", "", e.cat.T(e.lang, "cli.flag.cpuprofile"))
}

// startProfile starts a CPU profile into path (nothing when path is
// empty) and returns the function that stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, kopuro.Errorf(kopuro.EInvalid, "cli.gen.create", "cannot create %s: %v", path, err).WithArg("File", path)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
