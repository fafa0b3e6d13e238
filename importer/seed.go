package importer

import (
	"context"

	"kopuro/data"
)

// Seed imports the bundled reference data (the study's registry of
// institutions and its Table 1) into sink, in that order, and returns one
// report per file.
func Seed(ctx context.Context, sink Sink) ([]Report, error) {
	var reps []Report
	for _, name := range []string{"institutions.csv", "study-table1.csv"} {
		f, err := data.FS.Open(name)
		if err != nil {
			return reps, err
		}
		rep, err := Run(ctx, f, "data/"+name, Options{}, sink)
		f.Close()
		reps = append(reps, rep)
		if err != nil {
			return reps, err
		}
	}
	return reps, nil
}
