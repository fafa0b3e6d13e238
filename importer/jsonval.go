package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"kopuro"
)

// flexInt is a JSON number that platforms write as a number, a numeric
// string ("statsV2": {"playCount": "1200"}), or null. Set says whether a
// usable value was there: null, "" and non-numbers leave it unset, which
// maps to kopuro.Unknown rather than zero.
type flexInt struct {
	N   int64
	Set bool
}

// UnmarshalJSON implements json.Unmarshaler; it never fails, because a
// count in an odd shape is a missing count, not an unreadable item.
func (f *flexInt) UnmarshalJSON(b []byte) error {
	*f = flexInt{}
	s := strings.TrimSpace(string(b))
	if s == "null" || s == "" {
		return nil
	}
	if s[0] == '"' {
		var str string
		if json.Unmarshal(b, &str) != nil {
			return nil
		}
		s = strings.TrimSpace(str)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*f = flexInt{N: n, Set: true}
		return nil
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) &&
		x >= math.MinInt64 && x <= math.MaxInt64 {
		*f = flexInt{N: int64(x), Set: true}
	}
	return nil
}

// count converts f to a post count; negative numbers are not counts.
func (f *flexInt) count() kopuro.Count {
	if f == nil || !f.Set || f.N < 0 {
		return kopuro.Unknown
	}
	return kopuro.Known(f.N)
}

// flexString is an identifier that platforms write as a string or as a
// number (Instagram "pk", TikTok "id").
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*f = flexString(b)
	default:
		return fmt.Errorf("want a string or a number, got %.20s", b)
	}
	return nil
}

// present reports whether a raw field was in the object at all (null
// counts as present: the platform said "nothing", which is not drift).
func present(r json.RawMessage) bool { return len(r) > 0 }

// isNull reports whether a raw field is absent or null.
func isNull(r json.RawMessage) bool {
	s := bytes.TrimSpace(r)
	return len(s) == 0 || string(s) == "null"
}

// skipValue reads and discards the next JSON value from dec, token by
// token, so that a huge value costs no memory.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// expectDelim reads the next token and checks it is the delimiter d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fmt.Errorf("want %q, got %v", d, tok)
	}
	return nil
}

// walkObject reads one JSON object from dec key by key, calling f with dec
// positioned before each value; f must consume the value.
func walkObject(dec *json.Decoder, f func(key string) error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	return walkObjectBody(dec, f)
}

// walkObjectBody is walkObject after the opening brace was read.
func walkObjectBody(dec *json.Decoder, f func(key string) error) error {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("want an object key, got %v", tok)
		}
		if err := f(key); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing brace
	return err
}

// walkArray reads one JSON array from dec element by element, calling f
// with dec positioned before each element and its 0-based index.
func walkArray(dec *json.Decoder, f func(i int) error) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for i := 0; dec.More(); i++ {
		if err := f(i); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}
