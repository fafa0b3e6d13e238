package agree

import (
	"sort"

	"kopuro"
)

// Pair is the agreement of two coders over the posts both coded. The
// machine is the coder "" (kopuro.Coding.Machine).
type Pair struct {
	A      string       `json:"a"`
	B      string       `json:"b"`
	Posts  int          `json:"posts"`
	Fields []FieldScore `json:"fields"`
}

// Pairs compares every two coders — each pair of people, and each person
// with the machine — over the posts both coded. Pairs come sorted by A
// then B, the machine first; pairs without a post in common are left out.
func Pairs(codings []kopuro.Coding) []Pair {
	byPost := map[int64]map[string]kopuro.Labels{}
	coders := map[string]bool{}
	for _, c := range codings {
		if byPost[c.PostID] == nil {
			byPost[c.PostID] = map[string]kopuro.Labels{}
		}
		byPost[c.PostID][c.Coder] = c.Labels
		coders[c.Coder] = true
	}
	names := make([]string, 0, len(coders))
	for c := range coders {
		names = append(names, c)
	}
	sort.Strings(names) // "" (the machine) sorts first
	posts := make([]int64, 0, len(byPost))
	for id := range byPost {
		posts = append(posts, id)
	}
	sort.Slice(posts, func(i, j int) bool { return posts[i] < posts[j] })
	var out []Pair
	for i, a := range names {
		for _, b := range names[i+1:] {
			var la, lb []kopuro.Labels
			for _, id := range posts {
				x, okA := byPost[id][a]
				y, okB := byPost[id][b]
				if okA && okB {
					la, lb = append(la, x), append(lb, y)
				}
			}
			if len(la) > 0 {
				out = append(out, Pair{A: a, B: b, Posts: len(la), Fields: Labels(la, lb)})
			}
		}
	}
	return out
}
