package metrics

import (
	"strconv"
	"time"

	"kopuro"
)

// Responses accumulates comments to measure how an institution answers
// its public: comments whose author is its own account (FromInstitution)
// are replies, every other comment is public.
type Responses struct {
	period  Period
	public  map[string]time.Time // post|comment id → published
	replies map[string]time.Time // post|parent id → first reply
	posts   map[string]*postTalk
}

type postTalk struct{ public, inst bool }

// NewResponses counts the public comments published in p (a reply may come
// after the end of p and still counts).
func NewResponses(p Period) *Responses {
	return &Responses{period: p, public: map[string]time.Time{}, replies: map[string]time.Time{}, posts: map[string]*postTalk{}}
}

func postKey(c kopuro.Comment) string {
	if c.PostExternalID != "" {
		return string(c.Platform) + ":" + c.PostExternalID
	}
	return string(c.Platform) + "#" + strconv.FormatInt(c.PostID, 10)
}

// Add records one comment, in any order.
func (r *Responses) Add(c kopuro.Comment) {
	pk := postKey(c)
	pt := r.posts[pk]
	if pt == nil {
		pt = &postTalk{}
		r.posts[pk] = pt
	}
	if c.FromInstitution {
		pt.inst = true
		if c.ParentID != "" {
			k := pk + "|" + c.ParentID
			if t, ok := r.replies[k]; !ok || (!c.Published.IsZero() && c.Published.Before(t)) {
				r.replies[k] = c.Published
			}
		}
		return
	}
	if !c.Published.IsZero() && !r.period.Contains(c.Published) {
		return
	}
	pt.public = true
	r.public[pk+"|"+c.ExternalID] = c.Published
}

// ResponseResult is the response rate and time.
type ResponseResult struct {
	Rate           Value `json:"response_rate"`
	PostRate       Value `json:"post_response_rate"`
	MedianHours    Value `json:"response_time_median_hours"`
	PublicComments int   `json:"public_comments"`
	Answered       int   `json:"answered"`
}

// Result returns the share of public comments with a threaded reply from
// the institution, the share of commented posts where it took part, and
// the median hours to the first reply (replies without times are counted
// as answers but not timed).
func (r *Responses) Result() ResponseResult {
	var d dist
	answered := 0
	for k, t := range r.public {
		rt, ok := r.replies[k]
		if !ok {
			continue
		}
		answered++
		if !t.IsZero() && !rt.IsZero() && !rt.Before(t) {
			d.add(ExactValue(rt.Sub(t).Hours()))
		}
	}
	withPublic, withBoth := 0, 0
	for _, pt := range r.posts {
		if pt.public {
			withPublic++
			if pt.inst {
				withBoth++
			}
		}
	}
	return ResponseResult{
		Rate: share(answered, len(r.public)), PostRate: share(withBoth, withPublic),
		MedianHours: d.median(), PublicComments: len(r.public), Answered: answered,
	}
}
