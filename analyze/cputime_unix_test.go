//go:build unix

package analyze

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: benchmarks report
// posts per CPU-second beside posts per wall-second, because on a shared
// machine the wall clock also counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
