//go:build !unix

package cputime

import "time"

// Self is 0 where getrusage is missing: per-CPU-second figures are then
// not reported.
func Self() time.Duration { return 0 }
