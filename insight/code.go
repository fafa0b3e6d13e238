package insight

import (
	"context"
	"runtime"
	"sync"

	"kopuro"
	"kopuro/analyze"
	"kopuro/store"
)

// CodePosts gives every post that lacks one a machine coding of the
// engine's codebook version (every post when all is set), a page at a
// time, analysing each page on all cores. It returns how many it coded.
func CodePosts(ctx context.Context, db *store.DB, eng *analyze.Engine, all bool) (int, error) {
	const page = 1000
	version := eng.Codebook().Version()
	workers := runtime.GOMAXPROCS(0)
	total := 0
	var after int64
	for {
		posts, err := db.PostsToCode(ctx, version, all, after, page)
		if err != nil {
			return total, err
		}
		if len(posts) == 0 {
			return total, nil
		}
		codings := make([]kopuro.Coding, len(posts))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < len(posts); i += workers {
					codings[i] = eng.Analyze(posts[i].Text).Coding(posts[i].ID, version)
				}
			}(w)
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if err := db.SaveCodings(ctx, codings); err != nil {
			return total, err
		}
		total += len(posts)
		after = posts[len(posts)-1].ID
	}
}
