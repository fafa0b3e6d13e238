package httpx

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Clock is the time the transport lives in. Tests replace Sleep so that
// nothing waits, and record what would have been waited.
type Clock struct {
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Rand returns a number in [0,1) for jitter.
	Rand func() float64
}

// RealClock is the wall clock.
func RealClock() Clock {
	return Clock{Now: time.Now, Sleep: sleep, Rand: rand.Float64}
}

func (c Clock) orReal() Clock {
	r := RealClock()
	if c.Now == nil {
		c.Now = r.Now
	}
	if c.Sleep == nil {
		c.Sleep = r.Sleep
	}
	if c.Rand == nil {
		c.Rand = r.Rand
	}
	return c
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Limiter spaces requests at least Interval apart, so that a collector
// stays under a platform's per-second or per-minute limit instead of
// bouncing off it. The zero Limiter, and a nil one, do not wait.
type Limiter struct {
	Interval time.Duration

	mu   sync.Mutex
	next time.Time
}

// NewLimiter allows n requests per period.
func NewLimiter(n int, per time.Duration) *Limiter {
	if n <= 0 {
		return &Limiter{}
	}
	return &Limiter{Interval: per / time.Duration(n)}
}

// Wait blocks until the next request may go.
func (l *Limiter) Wait(ctx context.Context, c Clock) error {
	if l == nil || l.Interval <= 0 {
		return ctx.Err()
	}
	l.mu.Lock()
	now := c.Now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	l.next = at.Add(l.Interval)
	l.mu.Unlock()
	return c.Sleep(ctx, at.Sub(now))
}
