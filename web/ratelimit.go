package web

import (
	"sync"
	"time"
)

// limiter counts failures per key (an IP address, an email) in fixed
// windows: once a key has max failures within window of its first one, it
// is refused until that window ends. It lives in memory: a restart forgets
// it, which costs an attacker at most one more window.
type limiter struct {
	mu     sync.Mutex
	now    func() time.Time
	max    int
	window time.Duration
	keys   map[string]*failures
}

type failures struct {
	since time.Time
	n     int
}

// sweepAt is the number of keys above which a failure first drops expired
// keys, so that a stream of made-up emails cannot grow the map forever.
const sweepAt = 10000

func newLimiter(now func() time.Time, limit int, window time.Duration) *limiter {
	return &limiter{now: now, max: limit, window: window, keys: map[string]*failures{}}
}

// wait returns how long key must still wait; 0 when it may try now.
func (l *limiter) wait(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.keys[key]
	if f == nil {
		return 0
	}
	left := f.since.Add(l.window).Sub(l.now())
	if left <= 0 {
		delete(l.keys, key)
		return 0
	}
	if f.n < l.max {
		return 0
	}
	return left
}

// fail records a failure of key.
func (l *limiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.keys[key]
	if f == nil || !now.Before(f.since.Add(l.window)) {
		if len(l.keys) >= sweepAt {
			l.sweep(now)
		}
		f = &failures{since: now}
		l.keys[key] = f
	}
	f.n++
}

// reset forgets key's failures (after a success).
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
}

func (l *limiter) sweep(now time.Time) {
	for k, f := range l.keys {
		if !now.Before(f.since.Add(l.window)) {
			delete(l.keys, k)
		}
	}
}

// loginLimits guards sign-in: a few failures per email (guessing one
// person's password) and more per address (one machine trying many
// people, or an office behind one address).
type loginLimits struct {
	byEmail, byIP *limiter
}

func newLoginLimits(now func() time.Time) *loginLimits {
	return &loginLimits{
		byEmail: newLimiter(now, 5, 15*time.Minute),
		byIP:    newLimiter(now, 20, 15*time.Minute),
	}
}

// wait returns how long a sign-in from ip as email must wait; 0 if none.
func (ll *loginLimits) wait(ip, email string) time.Duration {
	return max(ll.byEmail.wait(email), ll.byIP.wait(ip))
}

func (ll *loginLimits) fail(ip, email string) {
	ll.byEmail.fail(email)
	ll.byIP.fail(ip)
}

// succeed clears the email's failures; the address keeps its count, so
// one valid account does not unlock guessing at others.
func (ll *loginLimits) succeed(email string) { ll.byEmail.reset(email) }
