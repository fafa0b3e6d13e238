// Package platform is the contract between the live platform collectors
// (platform/youtube, platform/meta, platform/tiktok, platform/telegram) and
// the command layer: every collector turns one account into domain values
// the same way, and Execute turns a collection into a kopuro.Run to record.
// Collectors are pure apart from HTTP: they know nothing of the store.
package platform

import (
	"context"
	"slices"
	"time"

	"kopuro"
	"kopuro/platform/httpx"
)

// Result is what one collection fetched. Snapshots belong to Account; posts
// and comments carry their own references. Problems are items that could
// not be read and were skipped; each names the page and field.
type Result struct {
	Account   kopuro.AccountRef
	Snapshots []kopuro.Snapshot
	Posts     []kopuro.Post
	Comments  []kopuro.Comment
	Problems  []error
}

// Collector fetches one account of its platform. Target.Handle is the
// platform's identifier of the account (a YouTube channel id, an Instagram
// username, a Facebook page id or name, a TikTok username, a Telegram
// channel name). Posts published before since are not fetched (zero since
// means everything). On error the Result holds what was fetched before it,
// which the caller may keep: a run stopped by quota still saved its pages.
type Collector interface {
	Platform() kopuro.Platform
	Collect(ctx context.Context, target kopuro.AccountRef, since time.Time) (Result, error)
}

// Execute runs c against target and describes the run. now is the clock
// (time.Now in production). The returned error is the one that stopped
// the run, if any; the Run already says so.
func Execute(ctx context.Context, c Collector, target kopuro.AccountRef, since time.Time, now func() time.Time) (Result, kopuro.Run, error) {
	if target.Platform == "" {
		target.Platform = c.Platform()
	}
	run := kopuro.Run{Platform: c.Platform(), Account: target, Started: now().UTC()}
	res, err := c.Collect(ctx, target, since)
	run.Finished = now().UTC()
	run.Snapshots, run.Posts, run.Comments = len(res.Snapshots), len(res.Posts), len(res.Comments)
	run.Errors = len(res.Problems)
	switch {
	case err != nil:
		run.Errors++
		run.Error, run.Failure = err.Error(), kopuro.AsError(err)
		run.Status = kopuro.RunFailed
		if at, ok := httpx.QuotaRetryAt(err); ok {
			run.Status, run.RetryAt = kopuro.RunQuota, at
		}
	case len(res.Problems) > 0:
		run.Status = kopuro.RunPartial
	default:
		run.Status = kopuro.RunOK
	}
	return res, run, err
}

// AddPage appends to res the posts of one page of items, converted by
// read. Items read cannot convert become Problems located at the page and
// the item's 1-based position; posts published before since are left out.
// It reports whether any post was older than since, which for newest-first
// lists means the following pages need not be fetched.
func AddPage[T any](res *Result, page string, items []T, since time.Time, read func(T) (kopuro.Post, *kopuro.Error)) (older bool) {
	for i, it := range items {
		p, err := read(it)
		if err != nil {
			res.Problems = append(res.Problems, err.At(page, i+1))
			continue
		}
		if !since.IsZero() && p.Published.Before(since) {
			older = true
			continue
		}
		res.Posts = append(res.Posts, p)
	}
	return older
}

// Recent returns the n most recently published posts, newest first: the
// posts whose comments a collector fetches.
func Recent(posts []kopuro.Post, n int) []kopuro.Post {
	if n <= 0 {
		return nil
	}
	s := slices.Clone(posts)
	slices.SortStableFunc(s, func(a, b kopuro.Post) int { return b.Published.Compare(a.Published) })
	return s[:min(n, len(s))]
}
