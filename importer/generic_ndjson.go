package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"

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
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var obj map[string]any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&obj); err != nil {
			e := kopuro.Errorf(kopuro.EInvalid, "error.import_json", "malformed JSON: %v", err).WithArg("Detail", err.Error())
			if !yield(Item{Line: line}, e) {
				return nil
			}
			continue
		}
		kind, _ := obj["kind"].(string)
		it, err := itemOf(kind, func(name string) string { return jsonText(obj[name]) }, line)
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
