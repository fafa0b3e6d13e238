package insight

import (
	"slices"
	"sort"

	"kopuro"
	"kopuro/store"
)

// AudienceCell is one institution's audience on one platform: its account
// there (if any) and that account's newest follower/subscriber snapshot.
type AudienceCell struct {
	Institution kopuro.Institution
	Platform    kopuro.Platform
	Account     kopuro.Account
	Snapshot    kopuro.Snapshot
	Present     bool // an account is known
	HasSnapshot bool // a snapshot is known (it may say "no data")
}

// AudienceTable is the study's Table 1, live: institutions × platforms.
type AudienceTable struct {
	Platforms []kopuro.Platform
	Rows      []AudienceRow
}

// AudienceRow is one institution's line of Table 1.
type AudienceRow struct {
	Institution kopuro.Institution
	Cells       []AudienceCell
}

// BuildAudience picks, for every institution and platform, the account
// that stands for the institution there — official first, then the
// largest audience — and its newest audience snapshot. Platforms are the
// study's five plus any other that holds data.
func BuildAudience(insts []kopuro.Institution, accounts []kopuro.Account, latest []store.AccountSnapshot) AudienceTable {
	type key struct {
		inst string
		pl   kopuro.Platform
	}
	best := map[key]AudienceCell{}
	extra := map[kopuro.Platform]bool{}
	for _, a := range accounts {
		if a.Institution == "" {
			continue
		}
		k := key{a.Institution, a.Platform}
		if c, ok := best[k]; !ok || (!c.Account.Official && a.Official) {
			best[k] = AudienceCell{Platform: a.Platform, Account: a, Present: true}
		}
		extra[a.Platform] = true
	}
	for _, ls := range latest {
		a := ls.Account
		if a.Institution == "" || ls.Snapshot.Metric != a.Platform.AudienceMetric() && hasMetric(latest, a.ID, a.Platform.AudienceMetric()) {
			continue
		}
		k := key{a.Institution, a.Platform}
		c, ok := best[k]
		better := !ok || !c.HasSnapshot ||
			(a.Official && !c.Account.Official) ||
			(a.Official == c.Account.Official && ls.Snapshot.RankValue() > c.Snapshot.RankValue())
		if better {
			best[k] = AudienceCell{Platform: a.Platform, Account: a, Snapshot: ls.Snapshot, Present: true, HasSnapshot: true}
		}
	}
	t := AudienceTable{}
	for _, p := range kopuro.Platforms {
		if slices.Contains(kopuro.StudyPlatforms, p) || extra[p] {
			t.Platforms = append(t.Platforms, p)
		}
	}
	for _, in := range insts {
		row := AudienceRow{Institution: in}
		for _, p := range t.Platforms {
			c := best[key{in.Code, p}]
			c.Institution, c.Platform = in, p
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	// Largest known audience first, as the study orders Table 1.
	sort.SliceStable(t.Rows, func(i, j int) bool { return t.Rows[i].Total() > t.Rows[j].Total() })
	return t
}

// Total is the sum of the row's known audience figures.
func (r AudienceRow) Total() int64 {
	var n int64
	for _, c := range r.Cells {
		if c.HasSnapshot && c.Snapshot.Known() {
			n += c.Snapshot.Value.N
		}
	}
	return n
}

func hasMetric(latest []store.AccountSnapshot, account int64, m kopuro.Metric) bool {
	for _, ls := range latest {
		if ls.Account.ID == account && ls.Snapshot.Metric == m {
			return true
		}
	}
	return false
}

// Leaderboard returns the cells of platform p that hold a snapshot, by
// audience, largest first; "below" figures rank under equal exact ones and
// "no data" ones come last, in code order.
func (t AudienceTable) Leaderboard(p kopuro.Platform) []AudienceCell {
	var out []AudienceCell
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			if c.Platform == p && c.HasSnapshot {
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Snapshot.RankValue() > out[j].Snapshot.RankValue()
	})
	return out
}
