package advise

import (
	"math"
	"sort"

	"kopuro/metrics"
)

// Rule and measure outcomes.
const (
	StatusFired        = "fired"
	StatusOK           = "ok"
	StatusInsufficient = "insufficient"
)

// Measure is one piece of evidence: a measured value, the threshold it is
// compared with, the peer median of the same measure and the outcome.
type Measure struct {
	Value      metrics.Value `json:"value"`
	Op         string        `json:"op"` // "<" fires when the value is under the threshold, ">" when over
	Threshold  float64       `json:"threshold"`
	PeerMedian metrics.Value `json:"peer_median"`
	Status     string        `json:"status"`
	// Basis is what the value rests on ("posts", "tm_posts", "comments",
	// ...) with how many there were and how many are needed.
	Basis  string   `json:"basis,omitempty"`
	Have   int      `json:"have,omitempty"`
	Need   int      `json:"need,omitempty"`
	Detail []string `json:"detail,omitempty"`
}

// Recommendation is the outcome of one rule.
type Recommendation struct {
	ID       string             `json:"id"`
	Priority int                `json:"priority"` // 1 = most urgent fired rule; 0 when not fired
	Fired    bool               `json:"fired"`
	Status   string             `json:"status"`
	Evidence map[string]Measure `json:"evidence"`
	Text     string             `json:"text"`
	severity float64
	order    int
}

// Advice is the scorecard of recommendations for one institution.
type Advice struct {
	Institution     string           `json:"institution"`
	Period          metrics.Period   `json:"period"`
	ConfigVersion   int              `json:"config_version"`
	Recommendations []Recommendation `json:"recommendations"`
}

// Evaluate runs every rule on in. Fired rules come first, the most severe
// (furthest from its threshold) with priority 1; then rules that lack
// data, then the silent ones, each group in the study's order. Texts are
// filled by Render.
func Evaluate(in Input, c Config) Advice {
	a := Advice{Institution: in.Card.Institution, Period: in.Card.Period, ConfigVersion: c.Version}
	for i, id := range RuleIDs {
		r := Recommendation{ID: id, Evidence: map[string]Measure{}, Status: StatusOK, order: i}
		insufficient := false
		for _, t := range rules[id] {
			m := measure(in, c, t)
			r.Evidence[t.measure] = m
			switch m.Status {
			case StatusFired:
				r.Fired = true
				r.severity = math.Max(r.severity, severity(m))
			case StatusInsufficient:
				insufficient = true
			}
		}
		switch {
		case r.Fired:
			r.Status = StatusFired
		case insufficient:
			r.Status = StatusInsufficient
		}
		a.Recommendations = append(a.Recommendations, r)
	}
	rank := map[string]int{StatusFired: 0, StatusInsufficient: 1, StatusOK: 2}
	rs := a.Recommendations
	sort.SliceStable(rs, func(i, j int) bool {
		if rank[rs[i].Status] != rank[rs[j].Status] {
			return rank[rs[i].Status] < rank[rs[j].Status]
		}
		if rs[i].severity != rs[j].severity {
			return rs[i].severity > rs[j].severity
		}
		return rs[i].order < rs[j].order
	})
	for i := range rs {
		if rs[i].Fired {
			rs[i].Priority = i + 1
		}
	}
	return a
}

func measure(in Input, c Config, t trigger) Measure {
	m := Measure{Op: "<", Threshold: t.limit(c), Value: t.value(in, in.Card)}
	if t.above {
		m.Op = ">"
	}
	var peers []metrics.Value
	for _, p := range in.Peers {
		if p.Institution != in.Card.Institution {
			peers = append(peers, t.value(in, p))
		}
	}
	m.PeerMedian = metrics.Median(peers)
	m.Basis, m.Have, m.Need = t.basis(in, c)
	if t.detail != nil {
		m.Detail = t.detail(in)
	}
	switch {
	case m.Have < m.Need:
		m.Status = StatusInsufficient
	case !m.Value.OK():
		m.Status = StatusInsufficient
		if t.missingFires {
			m.Status = StatusFired
		}
	default:
		m.Status = compare(m.Value, m.Threshold, t.above)
	}
	if math.IsInf(m.Value.V, 1) {
		m.Value = metrics.Missing // "never": JSON has no infinity
	}
	return m
}

// severity is how far a fired measure is from its threshold, 0..1.
func severity(m Measure) float64 {
	if !m.Value.OK() || m.Threshold == 0 {
		return 1
	}
	d := math.Abs(m.Value.V-m.Threshold) / m.Threshold
	return math.Min(d, 1)
}

// compare fires when the value crosses the threshold. A bound that crosses
// it but whose true value may lie on the other side ("at least 4 %" under
// a 5 % minimum) proves nothing either way: not enough data.
func compare(v metrics.Value, limit float64, above bool) string {
	crosses, unsure := v.V < limit, v.Prec == metrics.Above
	if above {
		crosses, unsure = v.V > limit, v.Prec == metrics.Below
	}
	switch {
	case crosses && unsure:
		return StatusInsufficient
	case crosses:
		return StatusFired
	}
	return StatusOK
}
