package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kopuro/store"
	"kopuro/store/storetest"
)

// postCounter is a cached value for the memo tests: the number of posts,
// computed by a function that counts its calls and, while gate is set,
// waits for it to close before computing.
type postCounter struct {
	db    *store.DB
	calls atomic.Int32
	mu    sync.Mutex
	gate  chan struct{}
}

func (c *postCounter) count(ctx context.Context) (int64, error) {
	c.calls.Add(1)
	c.mu.Lock()
	g := c.gate
	c.mu.Unlock()
	if g != nil {
		<-g
	}
	n, err := c.db.Counts(ctx)
	return n.Posts, err
}

func (c *postCounter) hold() chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gate = make(chan struct{})
	return c.gate
}

func (c *postCounter) get(t *testing.T, ctx context.Context, want int64) {
	t.Helper()
	if n, err := store.Memo(ctx, c.db, "posts", c.count); err != nil || n != want {
		t.Fatalf("Memo = %d, %v; want %d", n, err, want)
	}
}

func addPost(t *testing.T, db *store.DB, id string) {
	t.Helper()
	if err := db.Import(ctx, func(tx *store.ImportTx) error { return tx.PutPost(ctx, post(id, id)) }); err != nil {
		t.Fatal(err)
	}
}

// After a write, a request that allows it gets the value of the version
// before at once while one recomputation runs; a request that does not
// waits for that recomputation; once it is done every request gets the
// fresh value.
func TestMemoServesStaleWhileRecomputing(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db) // six posts
	c := &postCounter{db: db}
	visitor := store.AllowStale(ctx, 0)
	c.get(t, visitor, 6)
	addPost(t, db, "p6")
	gate := c.hold()
	for range 3 { // stale, and only one recomputation starts
		c.get(t, visitor, 6)
	}
	fresh := make(chan int64)
	go func() {
		n, _ := store.Memo(ctx, db, "posts", c.count)
		fresh <- n
	}()
	select {
	case n := <-fresh:
		t.Fatalf("a request that wants the fresh value got %d before the recomputation ended", n)
	case <-time.After(20 * time.Millisecond):
	}
	close(gate)
	if n := <-fresh; n != 7 {
		t.Errorf("fresh request got %d, want 7", n)
	}
	db.Settle()
	c.get(t, visitor, 7)
	if n := c.calls.Load(); n != 2 {
		t.Errorf("computed %d times, want 2 (once per version)", n)
	}
}

// A stale value is never older than the requester's own write, nor known
// current longer ago than MaxStale, nor from before a restore.
func TestMemoStaleBounds(t *testing.T) {
	t.Run("own write", func(t *testing.T) {
		db := storetest.New(t)
		fivePosts(t, db)
		c := &postCounter{db: db}
		c.get(t, store.AllowStale(ctx, 0), 6)
		addPost(t, db, "p6")
		mine := version(t, db)
		c.get(t, store.AllowStale(ctx, mine), 7)
	})
	t.Run("age", func(t *testing.T) {
		db := storetest.New(t)
		fivePosts(t, db)
		var mu sync.Mutex
		now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
		store.SetMemoClock(db, func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
		c := &postCounter{db: db}
		c.get(t, store.AllowStale(ctx, 0), 6)
		mu.Lock()
		now = now.Add(db.MaxStale + time.Second)
		mu.Unlock()
		addPost(t, db, "p6")
		c.get(t, store.AllowStale(ctx, 0), 7)
	})
	t.Run("restore", func(t *testing.T) {
		src := storetest.New(t)
		fivePosts(t, src)
		var dump bytes.Buffer
		if err := src.Dump(ctx, &dump); err != nil {
			t.Fatal(err)
		}
		db := storetest.New(t)
		c := &postCounter{db: db}
		c.get(t, store.AllowStale(ctx, 0), 0)
		if err := db.Restore(ctx, &dump, "dump.ndjson"); err != nil {
			t.Fatal(err)
		}
		c.get(t, store.AllowStale(ctx, 0), 6)
	})
	t.Run("disabled", func(t *testing.T) {
		db := storetest.New(t)
		fivePosts(t, db)
		db.MaxStale = 0
		c := &postCounter{db: db}
		c.get(t, store.AllowStale(ctx, 0), 6)
		addPost(t, db, "p6")
		c.get(t, store.AllowStale(ctx, 0), 7)
	})
}

// A migration starts a new epoch of the data version: values cached
// before are not served stale after it.
func TestMigrateStartsEpoch(t *testing.T) {
	db := storetest.Open(t, storetest.DSN(t))
	v1, e1 := store.VersionOf(t, db)
	if e1 < 1 {
		t.Errorf("epoch after the first migration %d, want at least 1", e1)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if v2, e2 := store.VersionOf(t, db); v2 != v1 || e2 != e1 {
		t.Errorf("a migration that applied nothing moved the version (%d, %d) → (%d, %d)", v1, e1, v2, e2)
	}
}

// Stale values of many keys start as many recomputations, at most a few
// at a time (the others queue); a request that needs a queued one's value
// computes it itself instead of waiting for a slot; in the end every key
// is fresh.
func TestMemoBackgroundBounded(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db) // six posts
	var running, most atomic.Int32
	gate := make(chan struct{})
	var startedMu sync.Mutex
	started := map[int]bool{}
	gated := func(i int) func(ctx context.Context) (int64, error) {
		return func(ctx context.Context) (int64, error) {
			startedMu.Lock()
			started[i] = true
			startedMu.Unlock()
			n := running.Add(1)
			defer running.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			<-gate
			c, err := db.Counts(ctx)
			return c.Posts, err
		}
	}
	direct := func(ctx context.Context) (int64, error) {
		c, err := db.Counts(ctx)
		return c.Posts, err
	}
	visitor := store.AllowStale(ctx, 0)
	keys := store.BackgroundSlots(db) + 4
	key := func(i int) string { return fmt.Sprint("posts", i) }
	for i := range keys {
		if n, err := store.Memo(visitor, db, key(i), direct); err != nil || n != 6 {
			t.Fatalf("%s: %d, %v", key(i), n, err)
		}
	}
	addPost(t, db, "p7")
	for i := range keys {
		if n, err := store.Memo(visitor, db, key(i), gated(i)); err != nil || n != 6 {
			t.Fatalf("%s while recomputing: %d, %v; want the stale 6", key(i), n, err)
		}
	}
	// Once every slot holds a gated recomputation, the keys whose
	// recomputation has not started are queued behind them.
	for deadline := time.Now().Add(time.Minute); int(running.Load()) < store.BackgroundSlots(db); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			close(gate)
			t.Fatalf("%d recomputations started, want %d", running.Load(), store.BackgroundSlots(db))
		}
	}
	queued := -1
	startedMu.Lock()
	for i := range keys {
		if !started[i] {
			queued = i
		}
	}
	startedMu.Unlock()
	if queued < 0 {
		t.Fatalf("every recomputation started: more than %d ran at once", store.BackgroundSlots(db))
	}
	if n, err := store.Memo(ctx, db, key(queued), direct); err != nil || n != 7 {
		t.Fatalf("a request needing a queued value: %d, %v; want 7", n, err)
	}
	close(gate)
	db.Settle()
	for i := range keys {
		if n, err := store.Memo(visitor, db, key(i), direct); err != nil || n != 7 {
			t.Errorf("%s after the recomputations: %d, %v; want 7", key(i), n, err)
		}
	}
	if m := most.Load(); m < 1 || int(m) > store.BackgroundSlots(db) {
		t.Errorf("%d recomputations ran at once, want at most %d", m, store.BackgroundSlots(db))
	}
}

// A request that pinned a version before a write, and finds the cached
// value older still, is treated as a request of the newest version seen:
// it is served the stale value, or waits for the recomputation under
// way, and never computes one for itself alone.
func TestMemoPinnedOlderVersion(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db) // six posts
	c := &postCounter{db: db}
	c.get(t, ctx, 6)
	addPost(t, db, "p7")
	pinned, err := db.PinVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	addPost(t, db, "p8")
	gate := c.hold()
	c.get(t, store.AllowStale(ctx, 0), 6) // starts the recomputation
	c.get(t, store.AllowStale(pinned, 0), 6)
	close(gate)
	c.get(t, pinned, 8)
	db.Settle()
	if n := c.calls.Load(); n != 2 {
		t.Errorf("computed %d times, want twice", n)
	}
}

// MapReads reopens a SQLite file store mapped into memory, and the store
// reads as before; elsewhere it does nothing.
func TestMapReads(t *testing.T) {
	for _, dsn := range []string{storetest.DSN(t), ":memory:"} {
		db := storetest.Open(t, dsn)
		fivePosts(t, db) // six posts
		if err := db.MapReads(ctx); err != nil {
			t.Fatal(err)
		}
		if c, err := db.Counts(ctx); err != nil || c.Posts != 6 {
			t.Errorf("%s: %d posts, %v after MapReads; want 6", dsn, c.Posts, err)
		}
		if db.Dialect() == "sqlite" && dsn != ":memory:" {
			if n := store.MmapSize(t, db); n < 1<<30 {
				t.Errorf("%s: mmap_size %d, want the file mapped", dsn, n)
			}
		}
	}
}

// A computation that fails leaves no entry behind: a key asked again and
// again with an error (an unknown institution's profile) must not fill the
// cache, whose emptying would lose every value worth keeping.
func TestMemoFailureLeavesNoEntry(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	fail := func(context.Context) (int64, error) { return 0, errors.New("no such institution") }
	for i := range 10 {
		if _, err := store.Memo(ctx, db, fmt.Sprint("unknown", i), fail); err == nil {
			t.Fatal("the error was lost")
		}
	}
	if n := store.MemoEntries(db); n != 0 {
		t.Errorf("%d entries after 10 failed computations, want 0", n)
	}
}

// A full cache drops the values that can no longer be served (of an older
// version, past the stale bound) and keeps the current ones.
func TestMemoFullKeepsLiveValues(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	db.MaxStale = 0 // older versions' values cannot be served
	one := func(context.Context) (int64, error) { return 1, nil }
	dead := store.MemoMaxEntries - 10
	for i := range dead {
		if _, err := store.Memo(ctx, db, fmt.Sprint("old", i), one); err != nil {
			t.Fatal(err)
		}
	}
	addPost(t, db, "p7")
	calls := 0
	live := func(context.Context) (int64, error) { calls++; return 2, nil }
	if _, err := store.Memo(ctx, db, "live", live); err != nil {
		t.Fatal(err)
	}
	for i := range 20 { // past the bound
		if _, err := store.Memo(ctx, db, fmt.Sprint("new", i), one); err != nil {
			t.Fatal(err)
		}
	}
	if n := store.MemoEntries(db); n != 21 {
		t.Errorf("%d entries, want the 21 of the current version", n)
	}
	if v, err := store.Memo(ctx, db, "live", live); err != nil || v != 2 || calls != 1 {
		t.Errorf("live value %d (%v) after %d computations, want 2 computed once", v, err, calls)
	}
}

// When the store's data version goes back (a restore made outside Kopuro,
// such as pg_restore, while the server runs), what was cached is of the
// overwritten data: it is dropped once a read begun well after the newest
// version was last seen finds the older one.
func TestMemoVersionGoesBack(t *testing.T) {
	db := storetest.New(t)
	fivePosts(t, db)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	store.SetMemoClock(db, func() time.Time { return now })
	calls := 0
	count := func(context.Context) (int64, error) { calls++; return int64(calls), nil }
	get := func() int64 {
		t.Helper()
		v, err := store.Memo(ctx, db, "k", count)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	get()
	n, _ := store.VersionOf(t, db)
	store.SetDataVersion(t, db, n-3)
	now = now.Add(time.Second)
	if v := get(); v != 1 {
		t.Errorf("a lower version read just after the newest: computed again (%d); a read begun before a write is not a restore", v)
	}
	now = now.Add(2 * time.Minute)
	if v := get(); v != 2 {
		t.Errorf("a lower version read two minutes after the newest was seen: %d, want it computed again (2)", v)
	}
}

// Under a stream of writes a value served stale is recomputed at most once
// per DB.RecomputeEvery: the value keeps being served (within the stale
// bound) without a recomputation beside every write.
func TestMemoRecomputeEvery(t *testing.T) {
	db := storetest.New(t)
	db.RecomputeEvery = 10 * time.Second
	fivePosts(t, db) // six posts
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	store.SetMemoClock(db, func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	c := &postCounter{db: db}
	visitor := store.AllowStale(ctx, 0)
	c.get(t, visitor, 6)
	advance(time.Second)
	addPost(t, db, "p7")
	c.get(t, visitor, 6) // stale, and too soon to recompute
	db.Settle()
	if n := c.calls.Load(); n != 1 {
		t.Fatalf("%d computations one second after the first, want 1", n)
	}
	c.get(t, visitor, 6)
	advance(10 * time.Second)
	c.get(t, visitor, 6) // stale; a recomputation starts
	db.Settle()
	if n := c.calls.Load(); n != 2 {
		t.Fatalf("%d computations after the interval, want 2", n)
	}
	c.get(t, visitor, 7)
	// A request that does not allow stale values never waits for the
	// interval.
	addPost(t, db, "p8")
	c.get(t, ctx, 8)
}
