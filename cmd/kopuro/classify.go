package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"

	"kopuro"
)

// maxLine bounds one input line: a post is at most tens of kilobytes.
const maxLine = 4 << 20

// runClassify reads texts from stdin, one per line or as JSONL objects with
// "text" and an optional "id", and writes one classify object per input.
func runClassify(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "classify")
	cbPath := codebookFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	eng, err := loadEngine(*cbPath)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		line++
		text, id, err := classifyInput(sc.Bytes(), line)
		if err != nil {
			return err
		}
		if text == "" {
			continue
		}
		r := eng.Analyze(text)
		r.ID = id
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return kopuro.Errorf(kopuro.EInvalid, "classify.error.line_too_long", "line longer than %d bytes", maxLine).WithArg("Max", maxLine).At("stdin", line+1)
		}
		return err
	}
	return nil
}

// classifyInput reads one input line: a JSON object with text (and id), or
// plain text whose id is its line number.
func classifyInput(b []byte, line int) (string, json.RawMessage, error) {
	b = bytes.TrimSpace(b)
	lineID := json.RawMessage(strconv.Itoa(line))
	if len(b) == 0 || b[0] != '{' {
		return string(b), lineID, nil
	}
	var in struct {
		Text *string         `json:"text"`
		ID   json.RawMessage `json:"id"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&in); err != nil || dec.InputOffset() != int64(len(b)) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return "", nil, kopuro.Errorf(kopuro.EInvalid, "classify.error.json", "not a JSON object: %v", err).WithArg("Detail", err.Error()).At("stdin", line)
	}
	if in.Text == nil {
		return "", nil, kopuro.Errorf(kopuro.EInvalid, "error.required", "the field text is required").WithArg("Field", "text").InField("text").At("stdin", line)
	}
	if len(in.ID) == 0 || string(in.ID) == "null" {
		in.ID = lineID
	}
	return *in.Text, in.ID, nil
}
