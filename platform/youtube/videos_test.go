package youtube

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kopuro"
)

// FuzzVideoList: any videos.list answer decodes or fails cleanly, and
// every video maps to a valid post or a located problem, never a panic;
// a count is Known exactly when the answer carried it.
func FuzzVideoList(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "videos.json")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"items":[{"id":"x","snippet":{"publishedAt":"2026-01-01T00:00:00Z"},"statistics":{"likeCount":"0"}}]}`))
	f.Add([]byte(`{"items":[{"id":"x","statistics":{"viewCount":17}}]}`))
	f.Add([]byte(`{"items":[null,{"id":""}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var list videoList
		if json.Unmarshal(b, &list) != nil {
			return
		}
		for _, v := range list.Items {
			p, err := (&Collector{now: time.Now}).post(v, kopuro.AccountRef{Platform: kopuro.YouTube, Handle: "UCx"})
			if err != nil {
				continue
			}
			if p.Views.N < 0 || p.Likes.N < 0 || p.Comments.N < 0 {
				t.Errorf("post %q: a negative count %+v", v.ID, p)
			}
			if st := v.Statistics; st != nil && p.Likes.Valid != (st.LikeCount != nil && *st.LikeCount <= math.MaxInt64) {
				t.Errorf("post %q: likes %+v from %v", v.ID, p.Likes, st.LikeCount)
			}
		}
	})
}
