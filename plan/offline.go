package plan

import (
	"kopuro"
	"kopuro/metrics"
)

// Indicator is one offline figure (kopuro.OfflineIndicator, a domain
// type the store keeps).
type Indicator = kopuro.OfflineIndicator

// OfflineTotals sums the indicators dated within p by goal metric id
// ("offline.volunteers"), so that goals and the dashboard read them like
// any other metric. A kind with no record in p is missing, not zero.
func OfflineTotals(ins []Indicator, p metrics.Period) map[string]metrics.Value {
	out := map[string]metrics.Value{}
	for _, in := range ins {
		if !p.Contains(in.Date.Start()) {
			continue
		}
		id := OfflineMetric(in.Kind)
		v := out[id]
		if !v.OK() {
			v = metrics.ExactValue(0)
		}
		v.V += float64(in.Value)
		out[id] = v
	}
	return out
}
