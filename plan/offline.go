package plan

import (
	"strings"

	"kopuro"
	"kopuro/metrics"
)

// Indicator is one offline figure: people at an event, volunteers who
// signed up, a new partnership, a media mention. It has a date and a
// source, and may point to the campaign or post it followed.
type Indicator struct {
	ID          int64       `json:"id,omitempty"`
	Institution string      `json:"institution"`
	Kind        string      `json:"kind"`
	Value       int64       `json:"value"`
	Date        kopuro.Date `json:"date"`
	Source      string      `json:"source"`
	Campaign    string      `json:"campaign,omitempty"` // campaign id
	PostURL     string      `json:"post_url,omitempty"`
	Note        string      `json:"note,omitempty"`
}

// Validate checks an indicator.
func (in *Indicator) Validate() error {
	if !kopuro.ValidCode(in.Institution) {
		return invalid("institution", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", in.Institution).WithArg("Value", in.Institution)
	}
	if !isOfflineKind(in.Kind) {
		return invalid("kind", "error.offline_kind", "unknown offline indicator %q (want %s)", in.Kind, strings.Join(OfflineKinds, ", ")).WithArg("Value", in.Kind)
	}
	if in.Value < 0 {
		return invalid("value", "error.negative", "value must not be negative")
	}
	if in.Date.IsZero() {
		return invalid("date", "error.required", "date is required").WithArg("Field", "date")
	}
	if strings.TrimSpace(in.Source) == "" {
		return invalid("source", "error.required", "source is required").WithArg("Field", "source")
	}
	if in.PostURL != "" && !strings.HasPrefix(in.PostURL, "https://") && !strings.HasPrefix(in.PostURL, "http://") {
		return invalid("post_url", "error.url", "URL %q must start with http:// or https://", in.PostURL).WithArg("Value", in.PostURL)
	}
	return nil
}

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
