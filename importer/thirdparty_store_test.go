package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro/importer"
	"kopuro/store"
	"kopuro/store/storetest"
)

// TestThirdPartyIntoStore imports every third-party fixture into a real
// store through the runner, partially, twice: the store must take every
// item the parser yields (comments after their posts, snapshots of the
// registry's institutions), and the second import must change nothing.
// A fixture with bad items, imported whole, must store nothing.
func TestThirdPartyIntoStore(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if err := db.Import(ctx, func(tx *store.ImportTx) error {
		_, err := importer.Seed(ctx, tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	thirdParty := map[string]bool{"zeeschuimer": true, "instaloader": true, "ytdlp": true, "telegram": true, "crowdtangle": true, "unirank": true}
	n := 0
	for _, path := range paths {
		dir := filepath.Base(filepath.Dir(path))
		if !thirdParty[dir] || strings.HasSuffix(path, ".golden.json") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		imp := func(partial bool) (importer.Report, error) {
			var rep importer.Report
			var runErr error
			err := db.Import(ctx, func(tx *store.ImportTx) error {
				rep, runErr = importer.Run(ctx, bytes.NewReader(data), filepath.Base(path), importer.Options{Partial: partial}, tx)
				return runErr
			})
			if runErr == nil && err != nil {
				t.Fatalf("%s: commit: %v", path, err)
			}
			return rep, runErr
		}
		before, _ := db.Counts(ctx)
		strict, serr := imp(false)
		if afterStrict, _ := db.Counts(ctx); serr != nil && afterStrict != before {
			t.Errorf("%s: failed strict import changed the store: %+v → %+v", path, before, afterStrict)
		}
		rep, perr := imp(true)
		first, _ := db.Counts(ctx)
		rep2, _ := imp(true)
		second, _ := db.Counts(ctx)
		if first != second {
			t.Errorf("%s: re-import changed the store: %+v → %+v", path, first, second)
		}
		if rep.Stored() != rep2.Stored() {
			t.Errorf("%s: re-import stored %d items, first import %d", path, rep2.Stored(), rep.Stored())
		}
		if rep.Format != "" {
			// The store must take every item the parser lets through.
			f, err := importer.ByName(rep.Format)
			if err != nil {
				t.Fatal(err)
			}
			ok := 0
			_ = f.Parse(ctx, bytes.NewReader(data), path, func(_ importer.Item, err error) bool {
				if err == nil {
					ok++
				}
				return true
			})
			if perr == nil && rep.Stored() != ok {
				t.Errorf("%s: the store took %d of the %d items parsed (%v)", path, rep.Stored(), ok, rep.Errors)
			}
		}
		if serr == nil && len(rep.Errors) > 0 {
			t.Errorf("%s: strict import succeeded but partial reported %d errors", path, len(rep.Errors))
		}
		if serr == nil && strict.Stored() != rep.Stored() {
			t.Errorf("%s: strict stored %d, partial %d", path, strict.Stored(), rep.Stored())
		}
		t.Logf("%s: %s, stored %v, %d item errors, run error %v", path, rep.Format, rep.Items, len(rep.Errors), perr)
		n++
	}
	if n < 20 {
		t.Fatalf("only %d third-party fixtures found", n)
	}
}
