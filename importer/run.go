package importer

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"kopuro"
)

// Options controls one file's import.
type Options struct {
	// Partial keeps the good items of a file that has bad ones; without it
	// the first bad item fails the whole file.
	Partial bool
	// Format names the format to use instead of detecting it.
	Format string
	// Progress, if set, is called after every item with the items so far.
	Progress func(items int)
	// Institutions are the institutions a ranking table's names are
	// matched against (the store's); nil means the bundled registry.
	Institutions []kopuro.Institution
	// Code, if set, makes the machine coding of a post's text. It runs in
	// the goroutine that parses the file, so that coding takes the core
	// the storing one leaves free; a sink that is a CodedSink stores each
	// coding with its post. It must be safe to call from that goroutine.
	Code func(text string) kopuro.Coding
}

// A CodedSink stores a post together with its machine coding (whose post
// id it fills in).
type CodedSink interface {
	PutCodedPost(ctx context.Context, p kopuro.Post, c kopuro.Coding) error
}

// Report says what one file's import did.
type Report struct {
	File   string         `json:"file"`
	Format string         `json:"format"`
	Items  map[string]int `json:"items"` // stored items by kind
	Errors []error        `json:"-"`     // bad items, located (Partial only)
}

// Stored is the number of items stored.
func (r Report) Stored() int {
	n := 0
	for _, c := range r.Items {
		n += c
	}
	return n
}

// headSize is how much of a file detection may look at.
const headSize = 64 << 10

// Detect returns the format of a file from its first bytes, or a user-safe
// error listing what was tried.
func Detect(head []byte) (Format, error) {
	for _, f := range Formats() {
		if f.Detect(head) {
			return f, nil
		}
	}
	return nil, kopuro.Errorf(kopuro.EInvalid, "error.import_unknown_format", "the file's format is not one Kopuro reads (see docs/formats.md)")
}

// ByName returns the registered format called name.
func ByName(name string) (Format, error) {
	for _, f := range Formats() {
		if f.Name() == name {
			return f, nil
		}
	}
	return nil, kopuro.Errorf(kopuro.EInvalid, "error.import_format_name", "no import format %q", name).WithArg("Value", name)
}

// Run reads one file into sink. The caller owns the transaction: when Run
// returns an error, nothing it stored may be kept (unless opts.Partial, in
// which case Run only returns errors that stop the whole file).
func Run(ctx context.Context, r io.Reader, file string, opts Options, sink Sink) (Report, error) {
	rep := Report{File: file, Items: map[string]int{}}
	br := bufio.NewReaderSize(r, headSize)
	var f Format
	var err error
	if opts.Format != "" {
		f, err = ByName(opts.Format)
	} else {
		head, _ := br.Peek(headSize)
		f, err = Detect(head)
	}
	if err != nil {
		return rep, locate(err, file, 0)
	}
	rep.Format = f.Name()
	if u, ok := f.(UniRank); ok && opts.Institutions != nil {
		u.Institutions = opts.Institutions
		f = u
	}
	var stop error
	n := 0
	code := opts.Code
	if _, ok := sink.(CodedSink); !ok {
		code = nil
	}
	perr := parseAhead(ctx, f, br, file, code, func(it Item, coding *kopuro.Coding, ierr error) bool {
		if ctx.Err() != nil {
			stop = ctx.Err()
			return false
		}
		if ierr == nil {
			ierr = put(ctx, sink, it, coding, &rep)
		}
		if ierr != nil {
			where := file
			if it.Part != "" {
				where += "[" + it.Part + "]"
			}
			ierr = locate(ierr, where, it.Line)
			if !opts.Partial || !userError(ierr) {
				stop = ierr
				return false
			}
			rep.Errors = append(rep.Errors, ierr)
			return true
		}
		n++
		if opts.Progress != nil {
			opts.Progress(n)
		}
		return true
	})
	if stop != nil {
		return rep, stop
	}
	if perr != nil {
		return rep, locate(perr, file, 0)
	}
	if rep.Stored() == 0 && len(rep.Errors) > 0 {
		// Nothing recognised: the file fails with its first problem.
		return rep, rep.Errors[0]
	}
	return rep, nil
}

// put sends one item to the sink and counts it; a post's coding, when
// made, goes with it to the sink (then a CodedSink).
func put(ctx context.Context, sink Sink, it Item, coding *kopuro.Coding, rep *Report) error {
	var err error
	var kind string
	switch {
	case it.Institution != nil:
		kind, err = "institutions", sink.PutInstitution(ctx, *it.Institution)
	case it.Account != nil:
		kind = "accounts"
		_, err = sink.PutAccount(ctx, *it.Account)
	case it.Snapshot != nil:
		kind, err = "snapshots", sink.PutSnapshot(ctx, it.Snapshot.Account, it.Snapshot.Snapshot)
	case it.Post != nil:
		if it.Post.Source.Format == "" {
			it.Post.Source = kopuro.Source{Format: rep.Format, File: rep.File, Version: Version}
		}
		kind = "posts"
		if coding != nil {
			err = sink.(CodedSink).PutCodedPost(ctx, *it.Post, *coding)
		} else {
			err = sink.PutPost(ctx, *it.Post)
		}
	case it.Comment != nil:
		kind, err = "comments", sink.PutComment(ctx, *it.Comment)
	default:
		return fmt.Errorf("importer: empty item at line %d", it.Line)
	}
	if err == nil {
		rep.Items[kind]++
	}
	return err
}

// userError reports whether err is about the input (and so can be skipped
// in a partial import) rather than about the machine.
func userError(err error) bool {
	e := kopuro.AsError(err)
	return e != nil && e.Code == kopuro.EInvalid
}

// locate puts file (and line, unless the error has its own) on a
// user-safe error that names no file yet.
func locate(err error, file string, line int) error {
	e := kopuro.AsError(err)
	if e == nil || e.File != "" {
		return err
	}
	if e.Line > 0 {
		line = e.Line
	}
	return e.At(file, line)
}

// parsed is one yield of a Parse.
type parsed struct {
	it     Item
	coding *kopuro.Coding // made by parseAhead's code
	err    error
}

// aheadBatch is how many parsed items travel together from the parsing
// goroutine to the storing one, and aheadBatches how many batches may
// wait: memory stays bounded however large the file.
const (
	aheadBatch   = 256
	aheadBatches = 4
)

// parseAhead runs f.Parse in a goroutine of its own and calls yield with
// its items, in order, in the caller's: reading and converting the file
// then takes a second core while the sink stores. It returns Parse's
// error; when yield returns false, parsing stops and parseAhead returns
// nil, as Parse itself would. The parser reads at most a few batches
// beyond the item that stopped it, and is done when parseAhead returns.
// With code set, each good post's coding is made in the parsing goroutine
// too and yielded with it.
func parseAhead(ctx context.Context, f Format, r io.Reader, file string, code func(string) kopuro.Coding, yield func(Item, *kopuro.Coding, error) bool) error {
	batches := make(chan []parsed, aheadBatches)
	quit := make(chan struct{})
	var perr error
	go func() {
		defer close(batches)
		buf := make([]parsed, 0, aheadBatch)
		send := func() bool {
			select {
			case batches <- buf:
				buf = make([]parsed, 0, aheadBatch)
				return true
			case <-quit:
				return false
			}
		}
		perr = f.Parse(ctx, r, file, func(it Item, err error) bool {
			p := parsed{it: it, err: err}
			if code != nil && err == nil && it.Post != nil {
				c := code(it.Post.Text)
				p.coding = &c
			}
			buf = append(buf, p)
			return len(buf) < aheadBatch || send()
		})
		if len(buf) > 0 {
			send()
		}
	}()
	for b := range batches {
		for _, p := range b {
			if !yield(p.it, p.coding, p.err) {
				close(quit)
				for range batches { // let the parser finish
				}
				return nil
			}
		}
	}
	return perr
}
