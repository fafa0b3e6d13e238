package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"kopuro"
)

// genericCSV is Kopuro's generic CSV: a header row names the columns, and
// the columns decide which kind of record every row is.
type genericCSV struct{}

func (genericCSV) Name() string { return "kopuro-csv" }

func (genericCSV) Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	if len(line) == 0 || line[0] == '{' || line[0] == '[' {
		return false
	}
	return kindOfColumns(headerSet(strings.Split(strings.TrimRight(string(line), "\r"), ","))) != ""
}

func headerSet(cols []string) map[string]bool {
	m := map[string]bool{}
	for _, c := range cols {
		m[normColumn(c)] = true
	}
	return m
}

func normColumn(c string) string {
	return strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(c), `"`)))
}

func (genericCSV) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return csvError(err)
	}
	cols := map[string]int{}
	for i, c := range header {
		if i == 0 {
			c = strings.TrimPrefix(c, "\ufeff")
		}
		cols[normColumn(c)] = i
	}
	set := map[string]bool{}
	for c := range cols {
		set[c] = true
	}
	kind := kindOfColumns(set)
	if kind == "" {
		return kopuro.Errorf(kopuro.EInvalid, "error.import_csv_header", "the header names no known record kind (see docs/formats.md)").At(file, 1)
	}
	var rec []string
	get := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err = cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				if !yield(Item{Line: pe.StartLine}, csvError(err)) {
					return nil
				}
				continue
			}
			return csvError(err)
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		it, ierr := itemOf(kind, get, line)
		if !yield(it, ierr) {
			return nil
		}
	}
}

// csvError turns an encoding/csv error into a located user-safe error.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return kopuro.Errorf(kopuro.EInvalid, "error.import_csv", "malformed CSV: %v", pe.Err).
			WithArg("Detail", pe.Err.Error()).At("", pe.StartLine)
	}
	return err
}
