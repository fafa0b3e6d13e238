//go:build unix

// Package cputime tells how much CPU time this process has used.
// Benchmarks report work per CPU second beside work per wall second: on a
// shared machine the wall clock also counts other processes' turns.
package cputime

import (
	"syscall"
	"time"
)

// Self is the user and system CPU time this process has used, or 0 when
// the system cannot tell.
func Self() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
