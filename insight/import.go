package insight

import (
	"context"
	"io"

	"kopuro/analyze"
	"kopuro/importer"
	"kopuro/store"
)

// ImportFile stores what one file holds in one transaction, as every
// import does (the command line's and the dashboard's): institutions named
// in the file are matched against the store's own registry, and posts are
// coded as they are read and stored with their codings, so a changed text
// gets a fresh coding. It returns how many posts it coded; CodePosts
// codes what it missed. wrap, when set, puts a check around the store's
// sink (the dashboard's per-user guard).
func ImportFile(ctx context.Context, db *store.DB, eng *analyze.Engine, r io.Reader, name string, opts importer.Options, wrap func(importer.Sink) importer.Sink) (importer.Report, int, error) {
	insts, err := db.Institutions(ctx)
	if err != nil {
		return importer.Report{}, 0, err
	}
	opts.Institutions, opts.Code = insts, Coder(eng)
	var rep importer.Report
	var itx *store.ImportTx
	err = db.Import(ctx, func(tx *store.ImportTx) error {
		itx = tx
		var sink importer.Sink = tx
		if wrap != nil {
			sink = wrap(tx)
		}
		var err error
		rep, err = importer.Run(ctx, r, name, opts, sink)
		return err
	})
	if err != nil {
		return rep, 0, err
	}
	return rep, itx.Coded(), nil
}
