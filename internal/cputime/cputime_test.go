//go:build unix

package cputime

import "testing"

// TestSelfGrows: the CPU time of a process that works grows.
func TestSelfGrows(t *testing.T) {
	before := Self()
	x := 0
	for i := range 50_000_000 {
		x ^= i * 7
	}
	if after := Self(); after <= before || before < 0 {
		t.Errorf("CPU time %v then %v (x=%d)", before, after, x)
	}
}
