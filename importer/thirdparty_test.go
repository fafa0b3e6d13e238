package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kopuro"
)

var update = flag.Bool("update", false, "rewrite the golden files of the third-party formats")

// memSink is the tiny in-memory store the tests put items into: keyed by
// natural keys, so re-putting an item updates it, as the real store does.
type memSink struct {
	posts     map[string]kopuro.Post
	comments  map[string]kopuro.Comment
	snapshots map[string]kopuro.Snapshot
	accounts  map[string]kopuro.Account
}

func newMemSink() *memSink {
	return &memSink{posts: map[string]kopuro.Post{}, comments: map[string]kopuro.Comment{},
		snapshots: map[string]kopuro.Snapshot{}, accounts: map[string]kopuro.Account{}}
}

func (s *memSink) PutInstitution(ctx context.Context, in kopuro.Institution) error {
	return in.Validate()
}

func (s *memSink) PutAccount(ctx context.Context, a kopuro.Account) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	s.accounts[string(a.Platform)+"/"+a.Handle+"/"+a.Institution] = a
	return int64(len(s.accounts)), nil
}

func (s *memSink) PutSnapshot(ctx context.Context, ref kopuro.AccountRef, sn kopuro.Snapshot) error {
	if err := ref.Validate(); err != nil {
		return err
	}
	if err := sn.Validate(); err != nil {
		return err
	}
	s.snapshots[fmt.Sprint(ref, sn.Metric, sn.AsOf)] = sn
	return nil
}

func (s *memSink) PutPost(ctx context.Context, p kopuro.Post) error {
	if err := p.Validate(); err != nil {
		return err
	}
	s.posts[string(p.Platform)+"/"+p.ExternalID] = p
	return nil
}

func (s *memSink) PutComment(ctx context.Context, c kopuro.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	s.comments[string(c.Platform)+"/"+c.ExternalID] = c
	return nil
}

// put stores one item in the sink, as the runner does.
func (s *memSink) put(ctx context.Context, it Item) error {
	switch {
	case it.Post != nil:
		return s.PutPost(ctx, *it.Post)
	case it.Comment != nil:
		return s.PutComment(ctx, *it.Comment)
	case it.Snapshot != nil:
		return s.PutSnapshot(ctx, it.Snapshot.Account, it.Snapshot.Snapshot)
	case it.Account != nil:
		_, err := s.PutAccount(ctx, *it.Account)
		return err
	case it.Institution != nil:
		return s.PutInstitution(ctx, *it.Institution)
	}
	return fmt.Errorf("empty item")
}

// goldenItem is one yielded item or item error as the golden files hold it.
type goldenItem struct {
	Line     int                `json:"line"`
	Account  *kopuro.AccountRef `json:"account,omitempty"` // a post's account (Post hides it from JSON)
	Post     *kopuro.Post       `json:"post,omitempty"`
	Comment  *kopuro.Comment    `json:"comment,omitempty"`
	Snapshot *SnapshotItem      `json:"snapshot,omitempty"`
	Error    string             `json:"error,omitempty"`
	Key      string             `json:"key,omitempty"`
}

// goldenFile is everything parsing one fixture produced.
type goldenFile struct {
	Items []goldenItem `json:"items"`
	End   string       `json:"end,omitempty"` // the error Parse returned
}

// parseAll runs f over data and stores every item in sink; an item that
// does not validate fails the test, because a parser must only yield
// values the store accepts.
func parseAll(t testing.TB, f Format, data []byte, file string, sink *memSink) goldenFile {
	t.Helper()
	var g goldenFile
	ctx := context.Background()
	err := f.Parse(ctx, bytes.NewReader(data), file, func(it Item, err error) bool {
		gi := goldenItem{Line: it.Line}
		if err != nil {
			gi.Error = err.Error()
			if e := kopuro.AsError(err); e != nil {
				gi.Key = e.Key
			} else {
				t.Errorf("%s: item error is not a *kopuro.Error: %v", file, err)
			}
		} else {
			if perr := sink.put(ctx, it); perr != nil {
				t.Errorf("%s:%d: yielded item does not validate: %v", file, it.Line, perr)
			}
			gi.Post, gi.Comment, gi.Snapshot = it.Post, it.Comment, it.Snapshot
			if it.Post != nil {
				a := it.Post.Account
				gi.Account = &a
			}
		}
		g.Items = append(g.Items, gi)
		return true
	})
	if err != nil {
		g.End = err.Error()
		if kopuro.AsError(err) == nil {
			t.Errorf("%s: Parse error is not a *kopuro.Error: %v", file, err)
		}
	}
	return g
}

// checkGolden compares got with dir/name.golden.json, or rewrites it.
func checkGolden(t *testing.T, path string, got goldenFile) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	golden := path + ".golden.json"
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./importer -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(want, b) {
		t.Errorf("%s differs from its golden file; got:\n%s", path, b)
	}
}

// fixtures lists the input files of testdata/dir (everything but goldens).
func fixtures(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden.json") {
			continue
		}
		out = append(out, filepath.Join("testdata", dir, e.Name()))
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures in testdata/%s", dir)
	}
	return out
}

// thirdParty maps each format to its fixture folder.
var thirdParty = []struct {
	dir string
	f   Format
}{
	{"zeeschuimer", Zeeschuimer{}},
	{"instaloader", Instaloader{}},
	{"ytdlp", YtDlp{}},
	{"telegram", Telegram{}},
	{"crowdtangle", CrowdTangle{}},
	{"unirank", UniRank{}},
}

// TestGolden parses every fixture of every third-party format and compares
// the items, item errors and final error with the golden files.
func TestGolden(t *testing.T) {
	for _, tp := range thirdParty {
		for _, path := range fixtures(t, tp.dir) {
			t.Run(strings.TrimPrefix(path, "testdata/"), func(t *testing.T) {
				data := readFixture(t, path)
				g := parseAll(t, tp.f, data, filepath.Base(path), newMemSink())
				checkGolden(t, path, g)
			})
		}
	}
}

// TestDetect checks that each fixture is detected as its own format and as
// no other: detection must work on content alone. Fixtures named
// "*nodetect*" are deliberately unrecognisable.
func TestDetect(t *testing.T) {
	for _, tp := range thirdParty {
		for _, path := range fixtures(t, tp.dir) {
			data := readFixture(t, path)
			head := data
			if len(head) > 8192 {
				head = head[:8192]
			}
			var got []string
			for _, f := range Formats() {
				if f.Detect(head) {
					got = append(got, f.Name())
				}
			}
			want := []string{tp.f.Name()}
			if strings.Contains(path, "nodetect") {
				want = nil
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s detected as %v, want %v", path, got, want)
			}
		}
	}
}

// TestStopEarly checks that every parser stops when yield says so.
func TestStopEarly(t *testing.T) {
	for _, tp := range thirdParty {
		for _, path := range fixtures(t, tp.dir) {
			n := 0
			err := tp.f.Parse(context.Background(), bytes.NewReader(readFixture(t, path)), path, func(Item, error) bool {
				n++
				return false
			})
			if n > 1 {
				t.Errorf("%s: yield called %d times after returning false", path, n)
			}
			if n == 1 && err != nil {
				t.Errorf("%s: stopped parse returned %v", path, err)
			}
		}
	}
}

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fuzzParse is the body of every parser's fuzz target: whatever the input,
// Parse must not panic, every item it yields must validate or be reported,
// and it must stop when told to.
func fuzzParse(t *testing.T, f Format, data []byte) {
	f.Detect(data)
	ctx := context.Background()
	sink := newMemSink()
	_ = f.Parse(ctx, bytes.NewReader(data), "fuzz", func(it Item, err error) bool {
		if err != nil {
			if kopuro.AsError(err) == nil {
				t.Fatalf("item error is not a *kopuro.Error: %v", err)
			}
			return true
		}
		if perr := sink.put(ctx, it); perr != nil {
			t.Fatalf("yielded item does not validate: %v (%+v)", perr, it)
		}
		return true
	})
}

// seedFuzz adds every fixture of dir to the fuzz corpus.
func seedFuzz(f *testing.F, dir string) {
	for _, path := range fixtures(f, dir) {
		f.Add(readFixture(f, path))
	}
}

// TestReimportIdempotent parses every fixture twice into one sink: the
// second pass must add nothing, since every item carries a natural key.
func TestReimportIdempotent(t *testing.T) {
	for _, tp := range thirdParty {
		for _, path := range fixtures(t, tp.dir) {
			data := readFixture(t, path)
			sink := newMemSink()
			parseAll(t, tp.f, data, filepath.Base(path), sink)
			before := [4]int{len(sink.posts), len(sink.comments), len(sink.snapshots), len(sink.accounts)}
			parseAll(t, tp.f, data, filepath.Base(path), sink)
			after := [4]int{len(sink.posts), len(sink.comments), len(sink.snapshots), len(sink.accounts)}
			if before != after {
				t.Errorf("%s: second import changed the store from %v to %v", path, before, after)
			}
		}
	}
}

// TestCancelled checks that a cancelled context stops every streaming
// parser with the context's error, not a file error.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tp := range thirdParty {
		if tp.dir == "instaloader" {
			continue // one post per file: nothing to stop
		}
		path := fixtures(t, tp.dir)[0]
		items := 0
		err := tp.f.Parse(ctx, bytes.NewReader(readFixture(t, path)), path, func(Item, error) bool { items++; return true })
		if !errors.Is(err, context.Canceled) || items > 0 {
			t.Errorf("%s: cancelled parse gave %d items and %v, want context.Canceled", path, items, err)
		}
	}
}
