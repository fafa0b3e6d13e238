package kopuro

import (
	"slices"
	"strings"
)

// OfflineIndicator is one offline figure: people at an event, volunteers who
// signed up, a new partnership, a media mention. It has a date and a
// source, and may point to the campaign or post it followed.
type OfflineIndicator struct {
	ID          int64  `json:"id,omitempty"`
	Institution string `json:"institution"`
	Kind        string `json:"kind"`
	Value       int64  `json:"value"`
	Date        Date   `json:"date"`
	Source      string `json:"source"`
	Campaign    string `json:"campaign,omitempty"` // campaign id
	PostURL     string `json:"post_url,omitempty"`
	Note        string `json:"note,omitempty"`
}

// Validate checks an indicator.
func (in *OfflineIndicator) Validate() error {
	if !ValidCode(in.Institution) {
		return invalid("institution", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", in.Institution).WithArg("Value", in.Institution)
	}
	if !ValidOfflineKind(in.Kind) {
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

// Offline indicators: figures a team records by hand.
const (
	OfflineEventAttendance = "event_attendance"
	OfflineVolunteers      = "volunteers"
	OfflinePartnerships    = "partnerships"
	OfflineMediaMentions   = "media_mentions"
)

// OfflineKinds lists the offline indicators.
var OfflineKinds = []string{OfflineEventAttendance, OfflineVolunteers, OfflinePartnerships, OfflineMediaMentions}

// ValidOfflineKind reports whether k is one of OfflineKinds.
func ValidOfflineKind(k string) bool { return slices.Contains(OfflineKinds, k) }
