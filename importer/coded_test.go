package importer

import (
	"context"
	"os"
	"testing"

	"kopuro"
)

// codedSink is a listSink that also takes codings with posts.
type codedSink struct {
	listSink
	codings map[string]kopuro.Coding // by post external id
}

func (s *codedSink) PutCodedPost(ctx context.Context, p kopuro.Post, c kopuro.Coding) error {
	if err := s.PutPost(ctx, p); err != nil {
		return err
	}
	s.codings[p.ExternalID] = c
	return nil
}

func textCoding(text string) kopuro.Coding {
	return kopuro.Coding{Codebook: "cb", Evidence: []kopuro.Evidence{{Term: text}}}
}

func TestRunCodesPostsForACodedSink(t *testing.T) {
	for _, path := range []string{"testdata/generic/posts.csv", "testdata/generic/mixed.ndjson"} {
		run := func(sink Sink) Report {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rep, err := Run(context.Background(), f, path, Options{Code: textCoding}, sink)
			if err != nil {
				t.Fatal(err)
			}
			return rep
		}
		coded := &codedSink{codings: map[string]kopuro.Coding{}}
		if rep := run(coded); rep.Items["posts"] == 0 || len(coded.Posts) != rep.Items["posts"] {
			t.Fatalf("%s: %d posts stored of %v", path, len(coded.Posts), rep.Items)
		}
		for _, p := range coded.Posts {
			c, ok := coded.codings[p.Post.ExternalID]
			if !ok || c.Evidence[0].Term != p.Post.Text {
				t.Errorf("%s: post %s coded as %+v", path, p.Post.ExternalID, c)
			}
		}
		// A sink that cannot take codings gets the posts alone.
		plain := &listSink{}
		if run(plain); len(plain.Posts) != len(coded.Posts) {
			t.Errorf("%s: plain sink got %d posts, want %d", path, len(plain.Posts), len(coded.Posts))
		}
	}
}
