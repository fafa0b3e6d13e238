package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"kopuro"
)

// genericNDJSON is Kopuro's generic NDJSON: one JSON object a line, whose
// "kind" field says what it is.
type genericNDJSON struct{}

func (genericNDJSON) Name() string { return "kopuro-ndjson" }

func (genericNDJSON) Detect(head []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(head))
	sc.Buffer(make([]byte, 0, len(head)+1), len(head)+1)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var probe struct {
			Kind string `json:"kind"`
		}
		if json.Unmarshal(line, &probe) != nil {
			// The first line may be cut by the head's end; judge its start.
			return bytes.HasPrefix(line, []byte(`{"kind":`))
		}
		_, ok := kindColumns[probe.Kind]
		return ok
	}
	return false
}

func (genericNDJSON) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	line := 0
	var rec jsonRecord
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		kind, f, err := rec.decode(b)
		if err != nil {
			e := kopuro.Errorf(kopuro.EInvalid, "error.import_json", "malformed JSON: %v", err).WithArg("Detail", err.Error())
			if !yield(Item{Line: line}, e) {
				return nil
			}
			continue
		}
		it, err := itemOf(kind, f, line)
		if !yield(it, err) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return kopuro.Errorf(kopuro.EInvalid, "error.import_line_long", "line %d is longer than %d MiB", line+1, maxLine>>20).
				WithArg("Line", line+1).WithArg("Max", maxLine>>20).At("", line+1)
		}
		return err
	}
	return nil
}

// jsonText renders a decoded JSON value as the text form the shared field
// mapping reads: numbers as written, booleans as true/false, arrays of
// strings joined by spaces, null and absent as "".
func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, jsonText(e))
		}
		return strings.Join(parts, " ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// jsonRecord reads one NDJSON line's top-level fields. A line that is one
// valid JSON object, as nearly every line is, is split into raw fields
// without decoding it into a map, and a field is converted to text only
// when asked for; any other line goes through decodeMap, whose result
// (and error) is the reference the fast path must match.
type jsonRecord struct {
	keys []string
	vals [][]byte
}

// decode returns the line's kind (its "kind" field if that is a string)
// and its fields as text, or the decoding error.
func (r *jsonRecord) decode(b []byte) (string, fields, error) {
	if len(b) == 0 || b[0] != '{' || !json.Valid(b) || !r.split(b) {
		return decodeMap(b)
	}
	kind := ""
	if v := r.raw("kind"); len(v) > 0 && v[0] == '"' {
		kind = rawText(v)
	}
	return kind, r.text, nil
}

// decodeMap decodes a line into a map, the general (and slow) way.
func decodeMap(b []byte) (string, fields, error) {
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		return "", nil, err
	}
	kind, _ := obj["kind"].(string)
	return kind, func(name string) string { return jsonText(obj[name]) }, nil
}

// split records the raw key and value of every top-level field of b, a
// valid JSON object; false means it met something it does not handle.
func (r *jsonRecord) split(b []byte) bool {
	r.keys, r.vals = r.keys[:0], r.vals[:0]
	i := skipSpace(b, 1)
	if i < len(b) && b[i] == '}' {
		return true
	}
	for i < len(b) {
		end := valueEnd(b, i)
		if end < 0 || b[i] != '"' {
			return false
		}
		key := rawText(b[i:end])
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i = skipSpace(b, i+1)
		end = valueEnd(b, i)
		if end < 0 {
			return false
		}
		r.keys = append(r.keys, key)
		r.vals = append(r.vals, b[i:end])
		i = skipSpace(b, end)
		if i >= len(b) {
			return false
		}
		if b[i] == '}' {
			return true
		}
		if b[i] != ',' {
			return false
		}
		i = skipSpace(b, i+1)
	}
	return false
}

// raw returns the raw value of field name, nil when absent; of repeated
// keys the last counts, as when decoding into a map.
func (r *jsonRecord) raw(name string) []byte {
	for i := len(r.keys) - 1; i >= 0; i-- {
		if r.keys[i] == name {
			return r.vals[i]
		}
	}
	return nil
}

// text is field name as jsonText renders it.
func (r *jsonRecord) text(name string) string {
	v := r.raw(name)
	if len(v) == 0 {
		return ""
	}
	return rawText(v)
}

// rawText renders one valid raw JSON value as jsonText renders its
// decoded form: strings unquoted, numbers as written, true/false, null as
// "", arrays and objects through the general decoder.
func rawText(v []byte) string {
	switch v[0] {
	case '"':
		in := v[1 : len(v)-1]
		if bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) {
			return string(in)
		}
		var s string
		json.Unmarshal(v, &s) // v is valid JSON; invalid UTF-8 becomes U+FFFD as in a map
		return s
	case 'n':
		return ""
	case 't':
		return "true"
	case 'f':
		return "false"
	case '[', '{':
		var x any
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		dec.Decode(&x)
		return jsonText(x)
	}
	return string(v) // a number, as written
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns the index just past the JSON value starting at b[i]
// (b being valid JSON), or -1.
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = stringEnd(b, j) - 1
				if j < 0 {
					return -1
				}
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// stringEnd returns the index just past the JSON string starting at b[i].
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}
