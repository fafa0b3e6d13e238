package synth

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"
)

// PostLine is a post line of the corpus, as written.
type PostLine struct {
	Kind       string `json:"kind"`
	Platform   string `json:"platform"`
	ExternalID string `json:"external_id"`
	Handle     string `json:"handle"`
	URL        string `json:"url"`
	Published  string `json:"published"`
	Text       string `json:"text"`
	Format     string `json:"format"`
	Likes      *int64 `json:"likes"`
	Comments   *int64 `json:"comments"`
	Shares     *int64 `json:"shares"`
	Views      *int64 `json:"views"`
	Saves      *int64 `json:"saves"`
}

type commentRec struct {
	Kind            string `json:"kind"`
	Platform        string `json:"platform"`
	PostExternalID  string `json:"post_external_id"`
	ExternalID      string `json:"external_id"`
	ParentID        string `json:"parent_id,omitempty"`
	Author          string `json:"author"`
	FromInstitution bool   `json:"from_institution"`
	Text            string `json:"text"`
	Published       string `json:"published"`
	Likes           *int64 `json:"likes"`
}

// draft is a post before its counts: what twins share.
type draft struct {
	lang       int
	label      string // category, or area for third-mission posts
	area       bool
	body, tags string
}

// formats per platform, with weights.
var formats = map[string][]struct {
	f string
	w float64
}{
	"instagram": {{"photo", .35}, {"album", .30}, {"reel", .25}, {"video", .05}, {"story", .05}},
	"facebook":  {{"photo", .45}, {"text", .20}, {"album", .15}, {"video", .12}, {"event", .05}, {"live", .03}},
	"telegram":  {{"text", .45}, {"photo", .35}, {"album", .10}, {"video", .10}},
	"youtube":   {{"video", .85}, {"live", .10}, {"reel", .05}},
	"tiktok":    {{"video", 1}},
}

// bodySentences is the range of body sentences a platform's posts carry.
var bodySentences = map[string][2]int{"instagram": {1, 4}, "facebook": {2, 6}, "telegram": {2, 7}, "youtube": {0, 2}, "tiktok": {0, 1}}

// likeRate is likes per follower on each platform, before the label's effect.
var likeRate = map[string]float64{"instagram": 0.03, "facebook": 0.012, "telegram": 0.006, "youtube": 0.02, "tiktok": 0.05}

// labelAppeal: event and innovation posts draw people, notices do not.
var labelAppeal = map[string]float64{
	"teaching": 0.8, "research": 0.6, "institutional": 0.45, "contextual": 1.1,
	"community_engagement": 1.4, "civic_volunteering": 1.7, "partnership_regional": 1.0,
	"lifelong_learning": 0.9, "entrepreneurship_innovation": 2.0,
}

// posts writes opt.Posts posts (and their comments) spread over the period.
func (g *gen) posts() error {
	n := g.opt.Posts
	span := g.end.Sub(g.opt.Start)
	for int(g.seq) < n {
		a := g.pickAccount()
		day := g.opt.Start.Add(time.Duration(float64(span) * (float64(g.seq) + g.r.Float64()) / float64(n)))
		day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, bishkek)
		at := day.Add(time.Duration(8*3600+g.r.IntN(13*3600)) * time.Second)
		d := g.draft(a, at)
		if err := g.emit(a, at, d); err != nil {
			return err
		}
		// Cross-posting: the same news copied to another account of the
		// institution, with the tags changed and a line added or dropped.
		if g.r.Float64() < 0.07 && int(g.seq) < n {
			if twin := g.otherAccount(a); twin != nil {
				d2 := d
				d2.tags = g.tags(twin, d.lang, d.label, d.area, at)
				if g.r.IntN(2) == 0 {
					d2.body += " " + pick(g.r, closings[d.lang])
				}
				if err := g.emit(twin, at.Add(time.Duration(5+g.r.IntN(180))*time.Minute), d2); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (g *gen) otherAccount(a *Account) *Account {
	var opts []*Account
	for i := range a.Inst.Accounts {
		b := &a.Inst.Accounts[i]
		if b != a && b.Official && b.Platform != "youtube" && b.Platform != "tiktok" {
			opts = append(opts, b)
		}
	}
	if len(opts) == 0 {
		return nil
	}
	return pick(g.r, opts)
}

// draft writes the text of a post of account a.
func (g *gen) draft(a *Account, at time.Time) draft {
	in := a.Inst
	lang := pickIndex(g.r, 3, func(i int) float64 { return in.Langs[i] })
	ci := pickIndex(g.r, len(g.voc.catIDs), func(i int) float64 { return g.voc.catW[i] })
	d := draft{lang: lang, label: g.voc.catIDs[ci]}
	lex := g.voc.cats[d.label]
	if d.label == "third_mission" {
		d.label, d.area = pick(g.r, g.voc.areaIDs), true
		lex = g.voc.areas[d.label]
	}
	var s []string
	s = append(s, g.fill(pick(g.r, leads[lang]), lang, lex, in, at))
	// A mixed post continues in the other language of the pair.
	bl := lang
	if g.r.Float64() < 0.07 {
		bl = map[int]int{ky: ru, ru: ky, en: ru}[lang]
	}
	rng := bodySentences[a.Platform]
	for k := rng[0] + g.r.IntN(rng[1]-rng[0]+1); k > 0; k-- {
		s = append(s, g.fill(pick(g.r, bodies[bl]), bl, lex, in, at))
	}
	if g.r.Float64() < 0.3 {
		st := g.voc.styles[pick(g.r, g.voc.styleIDs)][bl]
		if len(st) > 0 {
			s = append(s, capitalize(pick(g.r, st))+"!")
		}
	}
	if g.r.Float64() < 0.5 {
		s = append(s, pick(g.r, closings[bl]))
	}
	if (a.Platform == "facebook" || a.Platform == "telegram") && g.r.Float64() < 0.25 {
		s = append(s, fmt.Sprintf("https://%s.edu.kg/news/%d", in.Code, 1000+g.r.IntN(9000)))
	}
	d.body = strings.Join(s, " ")
	d.tags = g.tags(a, lang, d.label, d.area, at)
	return d
}

// fill puts terms and names into a template.
func (g *gen) fill(t string, lang int, lex terms, in *Institution, at time.Time) string {
	term := func() string {
		if len(lex[lang]) == 0 {
			return ""
		}
		return pick(g.r, lex[lang])
	}
	name := [3]string{in.NameKY, in.NameRU, in.NameEN}[lang]
	cty := [3]string{in.City.ky, in.City.ruIn, in.City.en}[lang]
	date := at.AddDate(0, 0, 3+g.r.IntN(20))
	ds := [3]string{
		fmt.Sprintf("%d-%s", date.Day(), months[ky][date.Month()-1]),
		fmt.Sprintf("%d %s", date.Day(), months[ru][date.Month()-1]),
		fmt.Sprintf("%s %d", months[en][date.Month()-1], date.Day()),
	}[lang]
	a, b := term(), term()
	for i := 0; i < 3 && b == a; i++ {
		b = term()
	}
	num := strconv.Itoa(5 + int(lognormal(g.r, 3, 1)))
	var out strings.Builder
	for {
		k := strings.IndexByte(t, '{')
		if k < 0 || k+2 >= len(t) {
			out.WriteString(t)
			return out.String()
		}
		out.WriteString(t[:k])
		switch t[k+1] {
		case 'A':
			out.WriteString(a)
		case 'B':
			out.WriteString(b)
		case 'I':
			out.WriteString(name)
		case 'C':
			out.WriteString(cty)
		case 'D':
			out.WriteString(ds)
		case 'N':
			out.WriteString(num)
		}
		t = t[k+3:]
	}
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// tags draws a post's hashtags and mentions.
func (g *gen) tags(a *Account, lang int, label string, area bool, at time.Time) string {
	var out []string
	maxTags := map[string]int{"instagram": 6, "tiktok": 5, "facebook": 3, "telegram": 2, "youtube": 3}[a.Platform]
	if g.r.Float64() < 0.5 {
		out = append(out, "#"+[3]string{a.Inst.ShortKY, a.Inst.ShortRU, a.Inst.ShortEN}[lang])
	}
	for k := g.r.IntN(maxTags + 1); k > 0; k-- {
		out = append(out, pick(g.r, generalTags[lang]))
	}
	for _, c := range campaigns {
		if (c.area == "" || c.area == label) && (c.month == 0 || c.month == int(at.Month())) && g.r.Float64() < 0.3 {
			out = append(out, c.tag)
		}
	}
	if area && g.r.Float64() < 0.4 && len(g.voc.areaSDGs[label]) > 0 {
		goal := pick(g.r, g.voc.areaSDGs[label])
		if len(g.voc.sdgTags[lang]) > 0 {
			out = append(out, fmt.Sprintf("#%s%d", pick(g.r, g.voc.sdgTags[lang]), goal))
		}
	}
	if label == "teaching" && at.Month() >= 5 && at.Month() <= 8 && g.r.Float64() < 0.3 {
		out = append(out, fmt.Sprintf("#Абитуриент%d", at.Year()))
	}
	if g.r.Float64() < 0.1 {
		o := pick(g.r, g.insts)
		for _, b := range o.Accounts {
			if b.Platform == a.Platform && o != a.Inst {
				out = append(out, "@"+b.Handle)
				break
			}
		}
	}
	// Drop repeats, keep order.
	seen := map[string]bool{}
	uniq := out[:0]
	for _, t := range out {
		if !seen[t] {
			seen[t] = true
			uniq = append(uniq, t)
		}
	}
	return strings.Join(uniq, " ")
}

// emit writes one post of draft d on account a at t, and its comments.
func (g *gen) emit(a *Account, at time.Time, d draft) error {
	g.seq++
	id, url := g.ids(a)
	format := formats[a.Platform][pickIndex(g.r, len(formats[a.Platform]), func(i int) float64 { return formats[a.Platform][i].w })].f
	text := d.body
	if d.tags != "" {
		sep := " "
		if a.Platform == "instagram" || a.Platform == "tiktok" {
			sep = "\n\n"
		}
		text += sep + d.tags
	}
	rec := PostLine{Kind: "post", Platform: a.Platform, ExternalID: id, Handle: a.Handle, URL: url,
		Published: at.Format(time.RFC3339), Text: text, Format: format}
	g.counts(&rec, a, at, d.label)
	if err := g.enc.Encode(rec); err != nil {
		return err
	}
	return g.comments(a, &rec, at, d.lang)
}

// ids makes the platform-shaped external id and URL of the next post,
// unique by construction: a bijective mix of the post's sequence number.
func (g *gen) ids(a *Account) (string, string) {
	x := mix(g.seq ^ (g.opt.Seed * 0x9e3779b97f4a7c15))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], x)
	short := base64.RawURLEncoding.EncodeToString(b[:])[:11]
	switch a.Platform {
	case "instagram":
		return short, "https://www.instagram.com/p/" + short + "/"
	case "youtube":
		return short, "https://www.youtube.com/watch?v=" + short
	case "tiktok":
		// 19 digits starting with 7; the last seven are the sequence
		// number, which keeps ids unique up to ten million posts.
		id := fmt.Sprintf("7%011d%07d", x%100_000_000_000, g.seq%10_000_000)
		return id, "https://www.tiktok.com/@" + a.Handle + "/video/" + id
	case "facebook":
		// Page posts are "pageid_postid"; the page id is the account's.
		h := fnv.New64a()
		h.Write([]byte(a.Handle))
		page := 100000000 + h.Sum64()%900000000
		post := fmt.Sprintf("%d%07d", 10000000+x%90000000, g.seq%10_000_000)
		return fmt.Sprintf("%d_%s", page, post), "https://www.facebook.com/" + a.Handle + "/posts/" + post
	default: // telegram: message numbers count up per channel
		g.tgSeq[a]++
		n := strconv.Itoa(g.tgSeq[a])
		return a.Handle + "/" + n, "https://t.me/" + a.Handle + "/" + n
	}
}

// mix is SplitMix64's finaliser: a bijection on uint64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// counts draws heavy-tailed engagement: lognormal around the audience
// times the label's appeal, a rare viral post (Pareto), and the counts
// each platform does not show left missing.
func (g *gen) counts(p *PostLine, a *Account, at time.Time, label string) {
	f := g.followers(a, at)
	likes := f * likeRate[a.Platform] * labelAppeal[label] * lognormal(g.r, 0, 1.0)
	if g.r.Float64() < 0.01 {
		likes *= min(pareto(g.r, 1.3), 200)
	}
	l := int64(likes)
	c := int64(likes * lognormal(g.r, math.Log(0.03), 0.9))
	s := int64(likes * lognormal(g.r, math.Log(0.015), 1.0))
	v := int64(likes * lognormal(g.r, math.Log(30), 0.5))
	sv := int64(likes * lognormal(g.r, math.Log(0.05), 0.7))
	video := p.Format == "video" || p.Format == "reel" || p.Format == "live"
	switch a.Platform {
	case "instagram":
		p.Likes, p.Comments = known(l, g.r.Float64() < 0.04), &c
		if video {
			p.Views = &v
		}
	case "facebook":
		p.Likes, p.Comments, p.Shares = &l, &c, &s
		if video {
			p.Views = &v
		}
	case "telegram":
		tv := int64(f * lognormal(g.r, math.Log(0.4), 0.4))
		p.Views, p.Shares = &tv, &s
		p.Likes = known(l, g.r.Float64() < 0.5)
		p.Comments = known(c, g.r.Float64() < 0.6)
	case "youtube":
		p.Views, p.Likes, p.Comments = &v, known(l, g.r.Float64() < 0.05), &c
	case "tiktok":
		p.Views, p.Likes, p.Comments, p.Shares, p.Saves = &v, &l, &c, &s, &sv
	}
}

// known returns &n, or nil (missing) when hidden.
func known(n int64, hidden bool) *int64 {
	if hidden {
		return nil
	}
	return &n
}

// comments writes a few of a post's comments (most posts' comments are
// not collected), with the institution answering some of them.
func (g *gen) comments(a *Account, p *PostLine, at time.Time, lang int) error {
	if p.Comments == nil || *p.Comments == 0 || g.r.Float64() >= 0.1 {
		return nil
	}
	k := min(*p.Comments, int64(1+g.r.IntN(3)))
	t := at
	for i := int64(1); i <= k; i++ {
		t = t.Add(time.Duration(1+g.r.IntN(600)) * time.Minute)
		id := fmt.Sprintf("%s-c%d", p.ExternalID, i)
		lk := int64(lognormal(g.r, 0, 1.2))
		c := commentRec{Kind: "comment", Platform: a.Platform, PostExternalID: p.ExternalID, ExternalID: id,
			Author: fmt.Sprintf("user%d", mix(g.seq*31+uint64(i))%1000000), Text: pick(g.r, commentTexts[lang]),
			Published: t.Format(time.RFC3339), Likes: &lk}
		if err := g.enc.Encode(c); err != nil {
			return err
		}
		if g.r.Float64() < 0.35 {
			t = t.Add(time.Duration(10+g.r.IntN(1440)) * time.Minute)
			rep := commentRec{Kind: "comment", Platform: a.Platform, PostExternalID: p.ExternalID, ExternalID: id + "-r",
				ParentID: id, Author: a.Handle, FromInstitution: true, Text: pick(g.r, replyTexts[lang]),
				Published: t.Format(time.RFC3339)}
			if err := g.enc.Encode(rep); err != nil {
				return err
			}
		}
	}
	return nil
}
