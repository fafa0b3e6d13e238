package codebook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Term is one lexicon entry, flattened for listing and matching.
type Term struct {
	Kind   string  // "category", "area", "sdg", "style", "style_in_question", "sdg_hashtag"
	Label  string  // category or area id, SDG number, style id
	Lang   string  // ky, ru, en
	Text   string  // as written in the codebook, e.g. "волонт*"
	Weight float64 // as written
}

// Surface returns the text of the term as it appears in a post, without the
// prefix marker: "волонт*" → "волонт", "SDG" hashtag prefix 4 → "#SDG4".
func (t Term) Surface() string { return strings.ReplaceAll(t.Text, "*", "") }

// Terms lists every term of the codebook in a stable order: categories,
// areas, SDGs, styles, then the SDG hashtags; within a label by language
// and then alphabetically.
func (c *Codebook) Terms() []Term {
	var out []Term
	add := func(kind, label string, lx Lexicon) {
		for _, l := range Langs {
			m := lx.ByLang(l)
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				out = append(out, Term{Kind: kind, Label: label, Lang: l, Text: k, Weight: m[k]})
			}
		}
	}
	for _, x := range c.Categories {
		add("category", x.ID, x.Terms)
	}
	for _, x := range c.Areas {
		add("area", x.ID, x.Terms)
	}
	for _, g := range c.SDGs {
		add("sdg", strconv.Itoa(g.Goal), g.Terms)
	}
	for _, s := range c.Styles {
		add("style", s.ID, s.Terms)
		add("style_in_question", s.ID, s.InQuestion)
	}
	for _, g := range c.SDGs {
		for _, h := range c.SDGHashtags(g.Goal) {
			out = append(out, Term{Kind: "sdg_hashtag", Label: strconv.Itoa(g.Goal), Lang: h.Lang, Text: h.Text, Weight: c.Tuning.HashtagWeight})
		}
	}
	return out
}

// SDGHashtags returns the hashtag forms of goal n in each language:
// #SDG4, #ЦУР4, #ТӨМ4 (Kyrgyz: Туруктуу өнүгүү максаттары).
func (c *Codebook) SDGHashtags(n int) []Term {
	var out []Term
	for _, l := range Langs {
		for _, p := range c.SDGTags[l] {
			out = append(out, Term{Kind: "sdg_hashtag", Label: strconv.Itoa(n), Lang: l, Text: fmt.Sprintf("#%s%d", p, n)})
		}
	}
	return out
}
