package advise

import (
	"math"
	"strings"

	"kopuro/i18n"
	"kopuro/metrics"
)

// Translator renders catalogue keys; *i18n.Catalog is one.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Render fills the text of every recommendation in lang.
func Render(a *Advice, tr Translator, lang string) {
	for i := range a.Recommendations {
		r := &a.Recommendations[i]
		title := tr.T(lang, "advise."+r.ID+".title")
		switch r.Status {
		case StatusFired:
			parts := []string{tr.T(lang, "advise."+r.ID+".advice")}
			for _, t := range rules[r.ID] {
				if m := r.Evidence[t.measure]; m.Status == StatusFired {
					parts = append(parts, reason(tr, lang, t.measure, m))
				}
			}
			r.Text = strings.Join(parts, " ")
		case StatusInsufficient:
			r.Text = tr.T(lang, "advise.insufficient", "Title", title, "Data", lack(tr, lang, r))
		default:
			r.Text = tr.T(lang, "advise.ok", "Title", title)
		}
	}
}

// lack names the first missing piece of data: "3 posts in the period".
func lack(tr Translator, lang string, r *Recommendation) string {
	for _, t := range rules[r.ID] {
		m := r.Evidence[t.measure]
		if m.Status != StatusInsufficient {
			continue
		}
		if m.Have < m.Need {
			return tr.T(lang, "advise.basis."+m.Basis, "Count", m.Have, "Need", m.Need)
		}
		return tr.T(lang, "advise.basis.none", "Measure", tr.T(lang, "measure."+t.measure))
	}
	return ""
}

func reason(tr Translator, lang, id string, m Measure) string {
	name := tr.T(lang, "measure."+id)
	switch {
	case id == GoalsMeasure:
		return tr.T(lang, "advise.reason.no_goals")
	case id == GoalReview && !m.Value.OK():
		return tr.T(lang, "advise.reason.never_reviewed")
	case id == metrics.PlatformsPresent && len(m.Detail) > 0:
		return tr.T(lang, "advise.reason.platforms", "Value", FormatValue(lang, id, m.Value), "Missing", platformList(tr, lang, m.Detail))
	case !m.Value.OK():
		return tr.T(lang, "advise.reason.missing", "Measure", name)
	}
	key := "advise.reason.under"
	if m.Op == ">" {
		key = "advise.reason.over"
	}
	peer := tr.T(lang, "advise.na")
	if m.PeerMedian.OK() {
		peer = FormatValue(lang, id, m.PeerMedian)
	}
	return tr.T(lang, key, "Measure", name, "Value", FormatValue(lang, id, m.Value),
		"Threshold", FormatValue(lang, id, metrics.ExactValue(m.Threshold)), "Peer", peer)
}

// unit of a measure: the registry's, or that of the advice's own measures.
func unit(id string) string {
	switch id {
	case MainLangShare:
		return "percent"
	case GoalReview:
		return "days"
	case GoalsMeasure:
		return "count"
	}
	if d, ok := metrics.Lookup(id); ok {
		return d.Unit
	}
	return ""
}

// FormatValue writes a measured value in lang with its precision: "~",
// "≤" for an upper bound, "≥" for a lower bound, "N/A" when missing.
func FormatValue(lang, id string, v metrics.Value) string {
	if !v.OK() {
		return i18n.Embedded().T(lang, "advise.na")
	}
	var s string
	switch unit(id) {
	case "percent":
		s = i18n.FormatPercent(lang, v.V)
	case "count", "days":
		s = i18n.FormatInt(lang, int64(math.Round(v.V)))
	default:
		s = i18n.FormatFloat(lang, v.V, 2)
	}
	switch v.Prec {
	case metrics.Approx:
		s = "~" + s
	case metrics.Below:
		s = "≤\u202f" + s
	case metrics.Above:
		s = "≥\u202f" + s
	}
	return s
}

// platformList names platforms (ids as the evidence keeps them) in lang:
// "YouTube, TikTok and Telegram", with the catalogue's names and the
// language's "and".
func platformList(tr Translator, lang string, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = tr.T(lang, "platform."+id)
		if strings.HasPrefix(names[i], "!") { // a platform the catalogues do not name
			names[i] = strings.ToUpper(id[:1]) + id[1:]
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return tr.T(lang, "advise.list", "Items", strings.Join(names[:len(names)-1], ", "), "Last", names[len(names)-1])
}
