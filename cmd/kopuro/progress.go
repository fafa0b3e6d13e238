package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws "12 345 items · 8 100/s · 42% · ETA 0:07" on stderr while
// a file imports, when stderr is a terminal. The ETA comes from how much
// of the file has been read.
type progress struct {
	e     *env
	f     *os.File
	size  int64
	start time.Time
	last  time.Time
	n     int
}

func newProgress(e *env, f *os.File) *progress {
	out, ok := e.stderr.(*os.File)
	if !ok {
		return nil
	}
	if st, err := out.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	p := &progress{e: e, f: f, start: time.Now()}
	if st, err := f.Stat(); err == nil {
		p.size = st.Size()
	}
	return p
}

func (p *progress) update(n int) {
	if p == nil {
		return
	}
	p.n = n
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	rate := float64(n) / max(el, 1e-9)
	line := p.e.cat.T(p.e.lang, "cli.progress", "Count", n, "Rate", int(rate))
	if pos, err := p.f.Seek(0, io.SeekCurrent); err == nil && p.size > 0 && pos > 0 {
		frac := float64(pos) / float64(p.size)
		eta := time.Duration(el/frac*(1-frac)) * time.Second
		line += fmt.Sprintf(" · %d%% · ETA %s", int(frac*100), eta.Truncate(time.Second))
	}
	fmt.Fprintf(p.e.stderr, "\r\033[K%s", line)
}

func (p *progress) done() {
	if p == nil || p.last.IsZero() {
		return
	}
	fmt.Fprint(p.e.stderr, "\r\033[K")
}
