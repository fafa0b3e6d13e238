package metrics

import (
	"sort"

	"kopuro"
)

// Entry is one competitor in a ranking: an institution (or account) and
// its value of the metric.
type Entry struct {
	Key   string `json:"key"`
	Value Value  `json:"value"`
}

// Ranked is an entry with its place. Missing values get no rank (0) and
// come last.
type Ranked struct {
	Entry
	Rank int `json:"rank"`
}

// Rank orders entries by the metric's direction (Def.Better; "lower"
// ranks small values first). Equal values share a rank ("1, 2, 2, 4").
// An upper bound ranks just below the exact value it bounds and a lower
// bound just above, as the study's "<1k" ranks under a count of 1,000.
func Rank(metric string, entries []Entry) []Ranked {
	lower := false
	if d, ok := Lookup(metric); ok && d.Better == "lower" {
		lower = true
	}
	out := make([]Ranked, len(entries))
	for i, e := range entries {
		out[i] = Ranked{Entry: e}
	}
	key := func(v Value) float64 {
		x := v.V
		switch v.Prec {
		case Below:
			x -= 0.5
		case Above:
			x += 0.5
		}
		if lower {
			return -x
		}
		return x
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Value, out[j].Value
		if a.OK() != b.OK() {
			return a.OK()
		}
		if !a.OK() {
			return out[i].Key < out[j].Key
		}
		if ka, kb := key(a), key(b); ka != kb {
			return ka > kb
		}
		return out[i].Key < out[j].Key
	})
	for i := range out {
		if !out[i].Value.OK() {
			break
		}
		if i > 0 && out[i-1].Value.OK() && key(out[i-1].Value) == key(out[i].Value) {
			out[i].Rank = out[i-1].Rank
		} else {
			out[i].Rank = i + 1
		}
	}
	return out
}

// Peer-group dimensions.
const (
	PeerType = "type"
	PeerCity = "city"
	PeerSize = "size"
)

// Student-count bands of the size peer group.
const (
	SmallBelow  = 5000
	MediumBelow = 15000
)

// SizeBand names an institution's size by students: small, medium, large,
// or unknown when the count is not known.
func SizeBand(students int64) string {
	switch {
	case students <= 0:
		return "unknown"
	case students < SmallBelow:
		return "small"
	case students < MediumBelow:
		return "medium"
	}
	return "large"
}

// PeerKey is the group of in along dim ("type", "city" or "size"); ""
// when the institution does not say.
func PeerKey(in kopuro.Institution, dim string) string {
	switch dim {
	case PeerType:
		return string(in.Type)
	case PeerCity:
		return in.City
	case PeerSize:
		return SizeBand(in.Students)
	}
	return ""
}

// Peers returns the codes of the institutions in the same group as in
// along dim, in itself included; nil when in has no group on dim.
func Peers(in kopuro.Institution, all []kopuro.Institution, dim string) []string {
	k := PeerKey(in, dim)
	if k == "" || k == "unknown" {
		return nil
	}
	var out []string
	for _, o := range all {
		if PeerKey(o, dim) == k {
			out = append(out, o.Code)
		}
	}
	sort.Strings(out)
	return out
}
