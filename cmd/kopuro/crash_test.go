package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"kopuro/store"
	"kopuro/store/storetest"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// kopuroBinary builds the command once per test run.
func kopuroBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kopuro-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "kopuro")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// writeCorpus writes an NDJSON file of one institution, one account, n
// posts and a comment on every tenth post.
func writeCorpus(t *testing.T, n int) (path string, comments int) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "corpus.ndjson")
	var b strings.Builder
	b.WriteString(`{"kind":"institution","code":"crash","name_en":"Crash Test University"}` + "\n")
	b.WriteString(`{"kind":"account","institution":"crash","platform":"instagram","handle":"crash.univ"}` + "\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"kind":"post","platform":"instagram","external_id":"P%06d","handle":"crash.univ","published":"2024-%02d-%02dT10:00:00+06:00","text":"Студенты провели субботник в парке №%d. Volunteers cleaned the river bank #eco%d","likes":%d,"comments":%d}`+"\n",
			i, 1+i%12, 1+i%28, i, i%50, i%997, i%13)
		if i%10 == 0 {
			fmt.Fprintf(&b, `{"kind":"comment","platform":"instagram","post_external_id":"P%06d","external_id":"C%06d","author":"crash.univ","from_institution":true,"text":"Рахмат!"}`+"\n", i, i)
			comments++
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, comments
}

// An import killed with SIGKILL at random points leaves a consistent store
// holding all of the file or none of it; running it again stores every row
// exactly once, and codes every post.
func TestImportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports many times")
	}
	bin := kopuroBinary(t)
	const posts = 5000
	corpus, comments := writeCorpus(t, posts)
	dsn := storetest.DSN(t)
	seed := time.Now().UnixNano()
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	ctx := context.Background()

	// How long an uninterrupted import takes here, to spread the kills over it.
	probe := storetest.DSN(t)
	start := time.Now()
	if out, err := exec.Command(bin, "import", "--quiet", "--db", probe, corpus).CombinedOutput(); err != nil {
		t.Fatalf("probe import: %v\n%s", err, out)
	}
	full := time.Since(start)

	kills := 0
	for round := 0; round < 8; round++ {
		cmd := exec.Command(bin, "import", "--quiet", "--db", dsn, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(full)))
		time.Sleep(delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		cmd.Wait()
		checkConsistent(t, ctx, dsn, posts, comments, fmt.Sprintf("round %d, killed after %v of %v", round, delay, full))
	}
	if kills == 0 {
		t.Fatal("no import was killed")
	}
	if out, err := exec.Command(bin, "import", "--quiet", "--db", dsn, corpus).CombinedOutput(); err != nil {
		t.Fatalf("final import: %v\n%s", err, out)
	}
	db := checkConsistent(t, ctx, dsn, posts, comments, "after the final import")
	defer db.Close()
	c, _ := db.Counts(ctx)
	if c.Posts != posts || c.Comments != int64(comments) || c.Accounts != 1 || c.Institutions != 1 {
		t.Errorf("final counts %+v, want %d posts and %d comments once each", c, posts, comments)
	}
	if machine, _, _ := db.CodingCounts(ctx); machine != posts {
		t.Errorf("%d posts coded, want %d", machine, posts)
	}
}

// checkConsistent opens the store, verifies it and that the file's posts
// are all there or none, and returns it open.
func checkConsistent(t *testing.T, ctx context.Context, dsn string, posts, comments int, when string) *store.DB {
	t.Helper()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	problems, err := db.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("%s: store inconsistent: %v %v", when, problems, err)
	}
	c, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if (c.Posts != 0 || c.Comments != 0) && (c.Posts != int64(posts) || c.Comments != int64(comments)) {
		t.Fatalf("%s: %d posts and %d comments: a file must be stored whole or not at all", when, c.Posts, c.Comments)
	}
	return db
}
