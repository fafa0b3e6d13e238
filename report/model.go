// Package report regenerates the study — "the third mission of
// Kyrgyzstan's universities on social media" — from the store, for any
// period and set of institutions, in Kyrgyz, Russian or English. Build
// reads the store once into a Model; Compose turns the model into a
// language's Doc (sections, tables, charts); the renderers write that
// Doc as HTML, Markdown, XLSX or (through headless Chromium) PDF.
package report

import (
	"context"
	"kopuro/agree"
	"slices"
	"sort"
	"strings"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/codebook"
	"kopuro/insight"
	"kopuro/metrics"
	"kopuro/store"
)

// Options choose what a report covers.
type Options struct {
	Period       metrics.Period
	Institutions []string  // codes; empty: every institution in the store
	Now          time.Time // the time the report is made (freshness, goals)
	Insight      insight.Options
}

// Source is one provider of audience figures with the dates it covers.
type Source struct {
	Name     string
	From, To kopuro.Date
	Figures  int
}

// TopPost is an example post of an area, the most engaging of the period.
type TopPost struct {
	Institution string
	Platform    kopuro.Platform
	URL         string
	Text        string // untrusted; renderers escape it
	ER          metrics.Value
	Published   time.Time
}

// TopPerArea is how many example posts each area shows.
const TopPerArea = 3

// Model is everything the report shows, computed once from the store.
type Model struct {
	Period          metrics.Period
	Generated       time.Time
	CodebookVersion string
	// MetricsVersion is metrics.Version: the version of the metric
	// definitions the figures follow.
	MetricsVersion string
	Codebook       *codebook.Codebook
	Institutions   []kopuro.Institution // those reported, in Table 1 order
	All            []kopuro.Institution // every institution in the store (peer groups)
	Sources        []Source
	Audience       insight.AudienceTable
	Cards          map[string]metrics.Scorecard // reported institutions and their peers
	Advice         map[string]advise.Advice     // rendered texts are re-rendered per language
	AreaPosts      map[string]map[kopuro.Area]int
	LangPosts      map[kopuro.Lang]int
	Top            map[kopuro.Area][]TopPost
	// Pooled is the engagement of every coded post of the reported
	// institutions together, per-post ER as in their scorecards: the ER by
	// area chart reads its medians.
	Pooled metrics.EngagementResult
	// Agreement is the coding agreement between every two coders, and
	// between each coder and the machine, over the posts both coded.
	Agreement []agree.Pair
}

// Build reads the store and computes the model.
func Build(ctx context.Context, db *store.DB, o Options) (*Model, error) {
	all, err := db.Institutions(ctx)
	if err != nil {
		return nil, err
	}
	insts, err := pick(all, o.Institutions)
	if err != nil {
		return nil, err
	}
	accounts, err := db.Accounts(ctx, "")
	if err != nil {
		return nil, err
	}
	// Table 1 of a past period shows the figures known at its end, never
	// one recorded after it: the rule of the scorecards' followers.
	snaps := snapshotCache{}
	latest, err := db.LatestAudience(ctx, o.Period.To)
	if err != nil {
		return nil, err
	}
	m := &Model{
		Period: o.Period, Generated: o.Now, Codebook: codebook.Default(), All: all,
		Cards: map[string]metrics.Scorecard{}, Advice: map[string]advise.Advice{},
		AreaPosts: map[string]map[kopuro.Area]int{}, LangPosts: map[kopuro.Lang]int{}, Top: map[kopuro.Area][]TopPost{},
	}
	m.CodebookVersion, m.MetricsVersion = m.Codebook.Version(), metrics.Version
	m.Audience = insight.BuildAudience(insts, accounts, latest)
	for _, r := range m.Audience.Rows {
		m.Institutions = append(m.Institutions, r.Institution)
	}
	m.Sources = sources(latest, m.Institutions)
	// Every scorecard the report needs — the reported institutions' and
	// their peers' (which give each its peer median, also when only some
	// institutions are reported) — is computed once, on all cores.
	need := slices.Clone(m.Institutions)
	seen := map[string]bool{}
	for _, in := range need {
		seen[in.Code] = true
	}
	for _, in := range m.Institutions {
		for _, peer := range insight.Peers(in, all) {
			if !seen[peer.Code] {
				seen[peer.Code] = true
				need = append(need, peer)
			}
		}
	}
	cards, err := insight.Scorecards(ctx, db, need, o.Period, o.Now, o.Insight, insight.Scope{})
	if err != nil {
		return nil, err
	}
	for i, in := range need {
		m.Cards[in.Code] = cards[i]
	}
	pooled := metrics.NewEngagement(o.Insight.Loc)
	for _, in := range m.Institutions {
		var peers []metrics.Scorecard
		for _, peer := range insight.Peers(in, all) {
			peers = append(peers, m.Cards[peer.Code])
		}
		// Advice renders its texts itself; the language is chosen later.
		a, err := insight.AdviceFrom(ctx, db, m.Cards[in.Code], peers, o.Now, o.Insight, noText{}, "en")
		if err != nil {
			return nil, err
		}
		m.Advice[in.Code] = a
		if err := m.posts(ctx, db, in.Code, snaps, pooled); err != nil {
			return nil, err
		}
	}
	m.Pooled = pooled.Result()
	codings, err := db.CodingsForAgreement(ctx)
	if err != nil {
		return nil, err
	}
	m.Agreement = agree.Pairs(codings)
	return m, nil
}

// noText leaves advice texts empty: Compose renders them per language.
type noText struct{}

func (noText) T(string, string, ...any) string { return "" }

// pick returns the institutions named by codes (all when codes is empty),
// failing on an unknown code.
func pick(all []kopuro.Institution, codes []string) ([]kopuro.Institution, error) {
	if len(codes) == 0 {
		return all, nil
	}
	var out []kopuro.Institution
	for _, c := range codes {
		found := false
		for _, in := range all {
			if in.Code == c {
				out, found = append(out, in), true
				break
			}
		}
		if !found {
			return nil, kopuro.Errorf(kopuro.ENotFound, "report.error.institution", "no institution has the code %q", c).WithArg("Code", c)
		}
	}
	return out, nil
}

// sources lists the providers of the reported institutions' audience
// figures with the first and last date of each.
func sources(latest []store.AccountSnapshot, insts []kopuro.Institution) []Source {
	keep := map[string]bool{}
	for _, in := range insts {
		keep[in.Code] = true
	}
	by := map[string]*Source{}
	for _, ls := range latest {
		if !keep[ls.Account.Institution] {
			continue
		}
		name := strings.TrimSpace(ls.Snapshot.Source) // "": not given
		s := by[name]
		if s == nil {
			s = &Source{Name: name, From: ls.Snapshot.AsOf, To: ls.Snapshot.AsOf}
			by[name] = s
		}
		if ls.Snapshot.AsOf.Compare(s.From) < 0 {
			s.From = ls.Snapshot.AsOf
		}
		if ls.Snapshot.AsOf.Compare(s.To) > 0 {
			s.To = ls.Snapshot.AsOf
		}
		s.Figures++
	}
	out := make([]Source, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Figures > out[j].Figures || out[i].Figures == out[j].Figures && out[i].Name < out[j].Name
	})
	return out
}

// posts counts an institution's coded posts per area and language, adds
// their engagement to pooled and keeps the most engaging third-mission
// posts of each area.
func (m *Model) posts(ctx context.Context, db *store.DB, code string, snapshots snapshotCache, pooled *metrics.Engagement) error {
	areas := map[kopuro.Area]int{}
	m.AreaPosts[code] = areas
	series := map[int64]*metrics.Series{}
	f := store.PostFilter{Institution: code, From: m.Period.From, To: m.Period.To}
	return db.EachPost(ctx, f, func(lp store.LabeledPost) error {
		if lp.Coding == nil {
			return nil
		}
		l := lp.Coding.Labels
		if l.Lang != "" {
			m.LangPosts[l.Lang]++
		}
		// The account's follower series, read once, gives the audience at
		// post time exactly as the scorecard's collector does.
		s := series[lp.Account.ID]
		if s == nil {
			snaps, err := snapshots.get(ctx, db, lp.Account.ID)
			if err != nil {
				return err
			}
			s = metrics.NewSeries(snaps)
			series[lp.Account.ID] = s
		}
		it := metrics.Item{Post: lp.Post, Labels: &l, Followers: s.At(lp.Post.Published).Value}
		pooled.Add(it)
		if l.Category != kopuro.ThirdMission || l.Area == "" {
			return nil
		}
		areas[l.Area]++
		er := metrics.PostER(it, it.Followers)
		if !er.OK() {
			return nil
		}
		m.Top[l.Area] = keepTop(append(m.Top[l.Area], TopPost{Institution: code, Platform: lp.Post.Platform, URL: lp.Post.URL,
			Text: excerpt(lp.Post.Text, 200), ER: er, Published: lp.Post.Published}))
		return nil
	})
}

// keepTop keeps the TopPerArea posts of highest ER, earlier posts first
// among equals, so that a store of many posts holds only a few in memory.
func keepTop(top []TopPost) []TopPost {
	sort.SliceStable(top, func(i, j int) bool { return top[i].ER.V > top[j].ER.V })
	if len(top) > TopPerArea {
		top = top[:TopPerArea]
	}
	return top
}

// excerpt cuts s to at most n runes at a word boundary, with an ellipsis.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
