package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"kopuro"
	"kopuro/store"
)

// postsCSVHeader are the columns of GET /api/v1/posts.csv: a post, its
// account and its effective labels, with who gave them ("" = the machine).
var postsCSVHeader = []string{"id", "platform", "external_id", "institution", "handle", "url", "published", "format",
	"likes", "comments", "shares", "views", "saves", "text", "hashtags",
	"lang", "category", "tm_area", "sdgs", "cta", "question", "story", "coder", "codebook"}

// apiPostsCSV answers GET /api/v1/posts.csv[?institution=&platform=&from=&to=&unlinked=1]:
// every selected post with its effective labels — a person's over the
// machine's — streamed in id order.
func (s *Server) apiPostsCSV(w http.ResponseWriter, r *http.Request) error {
	q, err := postQuery(r.URL.Query())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="posts.csv"`)
	cw := csv.NewWriter(w)
	if err := cw.Write(postsCSVHeader); err != nil {
		return err
	}
	count := func(c kopuro.Count) string {
		if !c.Valid {
			return ""
		}
		return strconv.FormatInt(c.N, 10)
	}
	err = s.db.EachPost(r.Context(), q.PostFilter, func(lp store.LabeledPost) error {
		p := lp.Post
		// Every text that came from a file or a platform is untrusted:
		// none may reach a spreadsheet as a formula.
		rec := []string{strconv.FormatInt(p.ID, 10), string(p.Platform), safeCell(p.ExternalID), lp.Account.Institution, safeCell(lp.Account.Handle), safeCell(p.URL),
			p.Published.UTC().Format("2006-01-02T15:04:05Z"), string(p.Format),
			count(p.Likes), count(p.Comments), count(p.Shares), count(p.Views), count(p.Saves), safeCell(p.Text), safeCell(strings.Join(p.Hashtags, " "))}
		if c := lp.Coding; c != nil {
			sdgs := make([]string, len(c.Labels.SDGs))
			for i, g := range c.Labels.SDGs {
				sdgs[i] = strconv.Itoa(g)
			}
			rec = append(rec, string(c.Labels.Lang), string(c.Labels.Category), string(c.Labels.Area), strings.Join(sdgs, " "),
				strconv.FormatBool(c.Labels.CTA), strconv.FormatBool(c.Labels.Question), strconv.FormatBool(c.Labels.Story), c.Coder, c.Codebook)
		} else {
			rec = append(rec, "", "", "", "", "", "", "", "", "")
		}
		return cw.Write(rec)
	})
	if err != nil {
		// The header is out: the error can only end the body.
		s.log.Error("posts.csv", "id", requestID(r), "err", err)
		return nil
	}
	cw.Flush()
	return cw.Error()
}
