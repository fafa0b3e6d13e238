package metrics

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io"
	"math"

	"kopuro"
)

// IndexConfig is the composition of the Third Mission Visibility Index:
// which metrics, their weights and targets. It is data, versioned and
// overridable (kopuro reads a JSON file in the same shape); the default is
// tmvi.json beside this file and is documented in docs/metrics.md.
type IndexConfig struct {
	ID          string      `json:"id"`
	Version     int         `json:"version"`
	Description string      `json:"description,omitempty"`
	MinCoverage float64     `json:"min_coverage"`
	Components  []Component `json:"components"`
}

// Component is one metric of the index. Its score is value ÷ target × 100
// capped to 0..100; for a lower-is-better metric it is target ÷ value × 100,
// capped likewise.
type Component struct {
	Metric        string  `json:"metric"`
	Weight        float64 `json:"weight"`
	Target        float64 `json:"target"`
	LowerIsBetter bool    `json:"lower_is_better,omitempty"`
}

//go:embed tmvi.json
var defaultIndex []byte

// DefaultIndexConfig returns the bundled index configuration.
func DefaultIndexConfig() IndexConfig {
	c, err := ReadIndexConfig(bytes.NewReader(defaultIndex))
	if err != nil {
		panic(err) // the bundled file is checked by a test
	}
	return c
}

// ReadIndexConfig reads and validates an index configuration.
func ReadIndexConfig(r io.Reader) (IndexConfig, error) {
	var c IndexConfig
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, kopuro.Errorf(kopuro.EInvalid, "error.index_config", "index configuration: %v", err).WithArg("Reason", err.Error())
	}
	bad := func(format string, args ...any) (IndexConfig, error) {
		e := kopuro.Errorf(kopuro.EInvalid, "error.index_config", "index configuration: "+format, args...)
		return c, e.WithArg("Reason", e.Message)
	}
	if c.ID == "" || c.Version < 1 {
		return bad("id and a version ≥ 1 are required")
	}
	if c.MinCoverage < 0 || c.MinCoverage > 1 {
		return bad("min_coverage must be between 0 and 1")
	}
	if len(c.Components) == 0 {
		return bad("no components")
	}
	seen := map[string]bool{}
	for _, k := range c.Components {
		d, ok := Lookup(k.Metric)
		switch {
		case !ok || d.Keyed || k.Metric == VisibilityIndex:
			return bad("%q is not a metric that can be a component", k.Metric)
		case seen[k.Metric]:
			return bad("%q is listed twice", k.Metric)
		case !(k.Weight > 0) || !(k.Target > 0) || math.IsInf(k.Weight, 0) || math.IsInf(k.Target, 0):
			return bad("%q needs a positive weight and target", k.Metric)
		}
		seen[k.Metric] = true
	}
	return c, nil
}

// ComponentScore is one component's part in an index value.
type ComponentScore struct {
	Metric string  `json:"metric"`
	Value  Value   `json:"value"`
	Score  Value   `json:"score"`
	Weight float64 `json:"weight"`
}

// IndexResult is an index value with how it was made.
type IndexResult struct {
	ID         string           `json:"id"`
	Version    int              `json:"version"`
	Value      Value            `json:"value"`
	Coverage   float64          `json:"coverage"` // share of the weight that had values
	Components []ComponentScore `json:"components"`
}

// Index computes the index from metric values (metric id → value).
// Components without a value are left out and the others re-weighted; if
// the weight left is under MinCoverage of the total the index is missing.
func (c IndexConfig) Index(values map[string]Value) IndexResult {
	r := IndexResult{ID: c.ID, Version: c.Version, Value: Missing}
	var total, present, sum float64
	prec := Exact
	for _, k := range c.Components {
		total += k.Weight
		v, ok := values[k.Metric]
		cs := ComponentScore{Metric: k.Metric, Value: Missing, Score: Missing, Weight: k.Weight}
		if ok && v.OK() {
			cs.Value = v
			s := v.V / k.Target
			sp := v.Prec
			if k.LowerIsBetter {
				s, sp = 1, v.Prec.Flip()
				if v.V > k.Target {
					s = k.Target / v.V
				}
			}
			cs.Score = Value{V: math.Max(0, math.Min(1, s)) * 100, Prec: sp}
			present += k.Weight
			sum += k.Weight * cs.Score.V
			prec = Join(prec, sp)
		}
		r.Components = append(r.Components, cs)
	}
	if total > 0 {
		r.Coverage = present / total
	}
	if present > 0 && r.Coverage >= c.MinCoverage {
		r.Value = Value{V: sum / present, Prec: prec}
	}
	return r
}
