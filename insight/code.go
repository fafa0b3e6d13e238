package insight

import (
	"context"
	"runtime"
	"sync"

	"kopuro"
	"kopuro/analyze"
	"kopuro/store"
)

// Coder returns the machine coding of a text as CodePosts stores it (the
// post id is filled in when stored): an import codes posts while reading
// them with it (importer.Options.Code).
func Coder(eng *analyze.Engine) func(text string) kopuro.Coding {
	version := eng.Codebook().Version()
	return func(text string) kopuro.Coding { return eng.Analyze(text).Coding(0, version) }
}

// CodePosts gives every post that lacks one a machine coding of the
// engine's codebook version (every post when all is set), a page at a
// time, analysing each page on all cores while the page before is saved:
// storing a page then costs no analysis time. It returns how many it coded.
func CodePosts(ctx context.Context, db *store.DB, eng *analyze.Engine, all bool) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make(chan []kopuro.Coding, 1)
	var readErr error
	go func() {
		defer close(pages)
		readErr = codePages(ctx, db, eng, all, pages)
	}()
	total := 0
	for codings := range pages {
		if err := db.SaveCodings(ctx, codings); err != nil {
			cancel()
			for range pages { // let the reader finish
			}
			return total, err
		}
		total += len(codings)
	}
	if readErr != nil {
		return total, readErr
	}
	return total, ctx.Err()
}

// codePages reads the posts to code a page at a time, analyses each page
// on all cores and sends its codings to out.
func codePages(ctx context.Context, db *store.DB, eng *analyze.Engine, all bool, out chan<- []kopuro.Coding) error {
	const page = 1000
	version := eng.Codebook().Version()
	code := Coder(eng)
	workers := runtime.GOMAXPROCS(0)
	var after int64
	for {
		posts, err := db.PostsToCode(ctx, version, all, after, page)
		if err != nil || len(posts) == 0 {
			return err
		}
		codings := make([]kopuro.Coding, len(posts))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < len(posts); i += workers {
					codings[i] = code(posts[i].Text)
					codings[i].PostID = posts[i].ID
				}
			}(w)
		}
		wg.Wait()
		select {
		case out <- codings:
		case <-ctx.Done():
			return ctx.Err()
		}
		after = posts[len(posts)-1].ID
	}
}
