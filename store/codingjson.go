package store

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"kopuro"
)

// The scores and evidence of every machine coding are stored as JSON.
// encoding/json spent most of its time on reflection and on checking its
// own output; these encoders write the same bytes directly (a test and a
// fuzz test hold them to json.Marshal's output).

// scoresJSON encodes scores as json.Marshal does ("" when empty).
func scoresJSON(scores map[string]float64) string {
	if len(scores) == 0 {
		return ""
	}
	keys := make([]string, 0, len(scores))
	for k, v := range scores {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return marshalOrEmpty(scores)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := make([]byte, 0, 24*len(keys))
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONFloat(b, scores[k])
	}
	return string(append(b, '}'))
}

// evidenceJSON encodes evidence as json.Marshal does ("" when empty).
func evidenceJSON(ev []kopuro.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	b := make([]byte, 0, 64*len(ev))
	b = append(b, '[')
	for i, e := range ev {
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
			return marshalOrEmpty(ev)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"label":`...)
		b = appendJSONString(b, e.Label)
		b = append(b, `,"term":`...)
		b = appendJSONString(b, e.Term)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(e.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(e.End), 10)
		if e.Weight != 0 {
			b = append(b, `,"weight":`...)
			b = appendJSONFloat(b, e.Weight)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}

// marshalOrEmpty is what the store always did with values JSON cannot
// hold (NaN, infinities): json.Marshal fails and nothing is stored.
func marshalOrEmpty(v any) string {
	j, _ := json.Marshal(v)
	return string(j)
}

// appendJSONFloat formats a finite float64 as encoding/json does: the
// shortest representation, in exponent form only for very small or large
// magnitudes, with a two-digit exponent written without its zero.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does: with HTML-safe escapes
// for <, > and &, U+2028 and U+2029 escaped, and invalid UTF-8 replaced by
// U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
