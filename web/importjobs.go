package web

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"kopuro"
	"kopuro/importer"
)

// An upload on the import page runs in the background as an import job,
// so that a large file neither holds the browser's request open nor hides
// how far it got: the page (and GET /api/v1/imports/{id}) shows the bytes
// read and items stored while it runs, then what was stored and the
// per-line errors. Jobs live in the server's memory: they are progress
// reports, not records — what an import stored is in the store, and a
// restart forgets only the report.

// Limits of the job list.
const (
	maxRunningImports = 4  // uploads at once; more are refused as busy
	maxKeptImports    = 50 // finished jobs kept for their reports
)

// importJob is one upload being imported.
type importJob struct {
	ID          string
	User        int64 // who started it: only they (and admins) see it
	Institution string
	File        string
	Partial     bool
	Size        int64
	Started     time.Time
	// RequestID is the upload's request id: an internal failure is
	// logged with it and the user sees it.
	RequestID string

	read  atomic.Int64 // bytes of the file read so far
	items atomic.Int64 // items stored so far

	mu       sync.Mutex
	done     bool
	finished time.Time
	report   importer.Report
	coded    int
	err      error
}

// finish records the outcome.
func (j *importJob) finish(rep importer.Report, coded int, err error, at time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.done, j.report, j.coded, j.err, j.finished = true, rep, coded, err, at
}

// importStatus is a consistent copy of a job's state.
type importStatus struct {
	Done     bool
	Read     int64
	Items    int64
	Report   importer.Report
	Coded    int
	Err      error
	Finished time.Time
}

func (j *importJob) status() importStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	// Read the counters under the lock, after done: a finished job's
	// counters are final.
	return importStatus{Done: j.done, Read: j.read.Load(), Items: j.items.Load(), Report: j.report, Coded: j.coded, Err: j.err, Finished: j.finished}
}

// importJobs is the server's list of jobs. The zero value is ready.
type importJobs struct {
	mu      sync.Mutex
	jobs    map[string]*importJob
	running int
	wg      sync.WaitGroup
}

// start registers j and runs work in the background, or refuses when
// too many imports run already.
func (js *importJobs) start(j *importJob, work func()) error {
	js.mu.Lock()
	defer js.mu.Unlock()
	if js.running >= maxRunningImports {
		return kopuro.Errorf(kopuro.EUnavailable, "pages.error.import_busy", "%d imports are running; try again in a minute", js.running)
	}
	if js.jobs == nil {
		js.jobs = map[string]*importJob{}
	}
	b := make([]byte, 12)
	rand.Read(b)
	j.ID = hex.EncodeToString(b)
	js.jobs[j.ID] = j
	js.prune()
	js.running++
	js.wg.Add(1)
	go func() {
		defer js.wg.Done()
		defer func() {
			js.mu.Lock()
			js.running--
			js.mu.Unlock()
		}()
		work()
	}()
	return nil
}

// prune drops the oldest finished jobs beyond maxKeptImports.
func (js *importJobs) prune() {
	var old []*importJob
	for _, j := range js.jobs {
		if st := j.status(); st.Done {
			old = append(old, j)
		}
	}
	if len(old) <= maxKeptImports {
		return
	}
	sort.Slice(old, func(a, b int) bool { return old[a].Started.Before(old[b].Started) })
	for _, j := range old[:len(old)-maxKeptImports] {
		delete(js.jobs, j.ID)
	}
}

// get returns the job with id that u may see: their own, or any for an
// admin (who may import everywhere).
func (js *importJobs) get(id string, u kopuro.User) (*importJob, error) {
	js.mu.Lock()
	j, ok := js.jobs[id]
	js.mu.Unlock()
	if !ok || (j.User != u.ID && !u.Can(kopuro.ActionImport, "")) {
		return nil, kopuro.Errorf(kopuro.ENotFound, "pages.error.import_not_found", "no import %q", id).WithArg("Value", id)
	}
	return j, nil
}

// wait blocks until every job has finished (tests, and a graceful stop).
func (js *importJobs) wait() { js.wg.Wait() }

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
