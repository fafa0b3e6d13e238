// Package synth generates a synthetic but realistic corpus in Kopuro's
// generic NDJSON (docs/formats.md) for benchmarks and load tests: 70
// institutions with names built from parts, 4–6 accounts each over the five
// study platforms, follower snapshots over five years, and any number of
// posts in Kyrgyz, Russian and English (some mixed) assembled from the
// codebook's vocabulary with templates of our own, hashtags, mentions,
// heavy-tailed engagement with the counts each platform hides left
// missing, cross-posted near-duplicates and comments with institution
// replies.
//
// Output is deterministic (the same options give the same bytes) and
// streamed: memory does not grow with the number of posts.
package synth

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"kopuro/codebook"
)

// Options says what to generate.
type Options struct {
	Posts        int                // number of posts (cross-posted twins included)
	Seed         uint64             // same seed, same bytes
	Institutions int                // default 70
	Start        time.Time          // first day; default 2021-01-01 (five years to 2025-12-31)
	Years        int                // default 5
	Codebook     *codebook.Codebook // vocabulary; default codebook.Default()
}

// bishkek is the offset posts are published with (Kyrgyzstan, UTC+6).
var bishkek = time.FixedZone("+06", 6*3600)

// Write streams the corpus to w.
func Write(w io.Writer, opt Options) error {
	if opt.Institutions <= 0 {
		opt.Institutions = 70
	}
	if opt.Start.IsZero() {
		opt.Start = time.Date(2021, 1, 1, 0, 0, 0, 0, bishkek)
	}
	if opt.Years <= 0 {
		opt.Years = 5
	}
	if opt.Codebook == nil {
		opt.Codebook = codebook.Default()
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	g := &gen{
		opt:   opt,
		r:     rand.New(rand.NewPCG(opt.Seed, 0x6b6f7075726f)),
		enc:   enc,
		voc:   newVocab(opt.Codebook),
		insts: institutions(opt.Institutions),
		end:   opt.Start.AddDate(opt.Years, 0, 0),
	}
	addAccounts(g.r, g.insts)
	for _, in := range g.insts {
		for i := range in.Accounts {
			g.accounts = append(g.accounts, &in.Accounts[i])
		}
	}
	g.cum = make([]float64, len(g.accounts))
	sum := 0.0
	for i, a := range g.accounts {
		sum += a.Activity
		g.cum[i] = sum
	}
	g.tgSeq = map[*Account]int{}
	if err := g.registry(); err != nil {
		return err
	}
	if err := g.posts(); err != nil {
		return err
	}
	return bw.Flush()
}

// gen holds the generator's state; none of it grows with the post count
// except the Telegram message counters (one per account).
type gen struct {
	opt      Options
	r        *rand.Rand
	enc      *json.Encoder
	voc      *vocab
	insts    []*Institution
	accounts []*Account
	cum      []float64 // cumulative account activity, to draw accounts
	end      time.Time
	seq      uint64 // posts written so far
	tgSeq    map[*Account]int
}

type instRec struct {
	Kind     string `json:"kind"`
	Code     string `json:"code"`
	NameKY   string `json:"name_ky"`
	NameRU   string `json:"name_ru"`
	NameEN   string `json:"name_en"`
	ShortKY  string `json:"short_ky"`
	ShortRU  string `json:"short_ru"`
	ShortEN  string `json:"short_en"`
	Type     string `json:"type"`
	City     string `json:"city"`
	Country  string `json:"country"`
	Students int64  `json:"students"`
}

type accRec struct {
	Kind        string `json:"kind"`
	Institution string `json:"institution"`
	Platform    string `json:"platform"`
	Handle      string `json:"handle"`
	URL         string `json:"url"`
	Official    bool   `json:"official"`
}

type snapRec struct {
	Kind      string `json:"kind"`
	Platform  string `json:"platform"`
	Handle    string `json:"handle"`
	Metric    string `json:"metric"`
	Value     *int64 `json:"value"`
	Precision string `json:"precision"`
	AsOf      string `json:"as_of"`
	Source    string `json:"source,omitempty"`
	Note      string `json:"note,omitempty"`
}

// registry writes institutions, accounts and quarterly follower snapshots.
func (g *gen) registry() error {
	for _, in := range g.insts {
		if err := g.enc.Encode(instRec{"institution", in.Code, in.NameKY, in.NameRU, in.NameEN, in.ShortKY, in.ShortRU, in.ShortEN,
			in.Type, in.City.en, "KG", in.Students}); err != nil {
			return err
		}
	}
	for _, a := range g.accounts {
		if err := g.enc.Encode(accRec{"account", a.Inst.Code, a.Platform, a.Handle, a.URL, a.Official}); err != nil {
			return err
		}
	}
	for _, a := range g.accounts {
		metric := "followers"
		if a.Platform == "telegram" || a.Platform == "youtube" {
			metric = "subscribers"
		}
		// Quarter ends: the last day of every third month.
		for q := 1; ; q++ {
			d := g.opt.Start.AddDate(0, 3*q, -1)
			if !d.Before(g.end) {
				break
			}
			v := int64(math.Round(g.followers(a, d)))
			rec := snapRec{Kind: "snapshot", Platform: a.Platform, Handle: a.Handle, Metric: metric, Precision: "exact",
				AsOf: d.Format("2006-01-02"), Source: sourceOf(a.Platform)}
			switch x := g.r.Float64(); {
			case x < 0.03:
				rec.Precision, rec.Note = "none", "profile not reachable"
			case x < 0.06 && v < 1000:
				v, rec.Precision = 1000, "below"
			case x < 0.15:
				v, rec.Precision, rec.AsOf, rec.Source = roundSig(v, 2), "approx", d.Format("2006-01"), "manual count"
			}
			if rec.Precision != "none" {
				rec.Value = &v
			}
			if err := g.enc.Encode(rec); err != nil {
				return err
			}
		}
	}
	return nil
}

func sourceOf(p string) string {
	switch p {
	case "telegram":
		return "t.me"
	default:
		return p + ".com"
	}
}

// followers is the account's audience at t: growing from a fraction of
// its final size along a power curve.
func (g *gen) followers(a *Account, t time.Time) float64 {
	frac := float64(t.Sub(g.opt.Start)) / float64(g.end.Sub(g.opt.Start))
	frac = min(max(frac, 0), 1)
	return a.Followers * math.Pow((frac+0.1)/1.1, a.Growth)
}

// roundSig rounds v to n significant digits, as people write "~12 000".
func roundSig(v int64, n int) int64 {
	if v <= 0 {
		return v
	}
	p := math.Pow(10, math.Floor(math.Log10(float64(v)))-float64(n-1))
	return int64(math.Round(float64(v)/p) * p)
}

// lognormal draws exp(N(mu, sigma²)).
func lognormal(r *rand.Rand, mu, sigma float64) float64 {
	return math.Exp(mu + sigma*r.NormFloat64())
}

// pareto draws from a Pareto distribution with scale 1 and shape alpha.
func pareto(r *rand.Rand, alpha float64) float64 {
	return math.Pow(1-r.Float64(), -1/alpha)
}

// pickIndex draws an index in [0,n) with the given weights.
func pickIndex(r *rand.Rand, n int, w func(int) float64) int {
	total := 0.0
	for i := 0; i < n; i++ {
		total += w(i)
	}
	x := r.Float64() * total
	for i := 0; i < n; i++ {
		x -= w(i)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

// pickAccount draws an account by posting activity.
func (g *gen) pickAccount() *Account {
	x := g.r.Float64() * g.cum[len(g.cum)-1]
	i := sort.SearchFloat64s(g.cum, x)
	return g.accounts[min(i, len(g.accounts)-1)]
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
