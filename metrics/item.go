package metrics

import (
	"strings"

	"kopuro"
)

// Item is one post as the metrics see it: the post, its labels when it has
// been coded, and the figures a store resolves beside it.
type Item struct {
	Post kopuro.Post
	// Labels is the post's coding (the human one when there is one); nil
	// when the post has not been coded yet. Uncoded posts count in post
	// totals but not in label shares.
	Labels *kopuro.Labels
	// Langs lists the languages found in the text when the analysis engine
	// gives them; it tells whether a "mixed" post carries English.
	Langs []kopuro.Lang
	// Followers is the account's audience at post time (Series.At).
	Followers Value
	// Cluster is the near-duplicate cluster key of the text (an opaque
	// fingerprint from the analysis engine); "" when there is none.
	Cluster string
}

// AccountKey identifies the post's account: its id when stored, else
// platform and handle (or institution).
func (it Item) AccountKey() string {
	p := it.Post
	return AccountKey(kopuro.Account{ID: p.AccountID, Platform: p.Platform, Handle: p.Account.Handle, Institution: p.Account.Institution})
}

// hashtags returns the post's hashtags, extracted from the text when the
// source did not list them.
func (it Item) hashtags() []string {
	if len(it.Post.Hashtags) > 0 {
		return it.Post.Hashtags
	}
	return kopuro.Hashtags(it.Post.Text)
}

func (it Item) mentions() []string {
	if len(it.Post.Mentions) > 0 {
		return it.Post.Mentions
	}
	return kopuro.Mentions(it.Post.Text)
}

// english reports whether the post carries English, and whether that is
// known: from the language list when given, else from the label (a "mixed"
// label alone does not say which languages are mixed).
func (it Item) english() (has, known bool) {
	if len(it.Langs) > 0 {
		for _, l := range it.Langs {
			if l == kopuro.EN {
				return true, true
			}
		}
		return false, true
	}
	if it.Labels == nil {
		return false, false
	}
	switch it.Labels.Lang {
	case kopuro.EN:
		return true, true
	case kopuro.KY, kopuro.RU, kopuro.LangOther:
		return false, true
	}
	return false, false
}

func (it Item) thirdMission() bool {
	return it.Labels != nil && it.Labels.Category == kopuro.ThirdMission
}

func (it Item) video() bool {
	return it.Post.Format.IsVideo() || (it.Post.Format == "" && it.Post.Platform.Video())
}

// normTag is a hashtag as it is compared: lower case, no "#".
func normTag(s string) string { return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#")) }
