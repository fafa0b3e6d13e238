package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"kopuro"
)

// csvTable reads a CSV export whose columns are known by name, in any
// order, with extra columns ignored, a byte order mark tolerated, and
// quoted fields that span lines.
type csvTable struct {
	r   *csv.Reader
	col map[string]int // normalised header name → index
}

// normCol normalises a column name: case, surrounding space and runs of
// inner space do not matter.
func normCol(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// firstLine is the first line of head without a byte order mark.
func firstLine(head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	return string(head)
}

// headerCols splits a CSV header line (commas or semicolons) into
// normalised column names, for detection.
func headerCols(line string) map[string]bool {
	sep := ','
	if strings.Count(line, ";") > strings.Count(line, ",") {
		sep = ';'
	}
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = sep
	r.LazyQuotes = true
	rec, _ := r.Read()
	out := map[string]bool{}
	for _, c := range rec {
		out[normCol(c)] = true
	}
	return out
}

// openCSV reads the header. Semicolons separate columns when the header
// has more of them than commas (spreadsheets in Russian locales).
func openCSV(r io.Reader) (*csvTable, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		_, _ = br.Discard(3)
	}
	first, _ := br.Peek(4096)
	line := firstLine(first)
	cr := csv.NewReader(br)
	if strings.Count(line, ";") > strings.Count(line, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	t := &csvTable{r: cr, col: map[string]int{}}
	for i, h := range head {
		if _, dup := t.col[normCol(h)]; !dup {
			t.col[normCol(h)] = i
		}
	}
	return t, nil
}

// csvRow is one record with access by column name.
type csvRow struct {
	t    *csvTable
	rec  []string
	line int
}

// has reports whether the table has the column.
func (t *csvTable) has(name string) bool {
	_, ok := t.col[normCol(name)]
	return ok
}

// get is the trimmed value of the named column, "" when absent.
func (r csvRow) get(name string) string {
	i, ok := r.t.col[normCol(name)]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// each calls f with every record after the header. A record that is not
// valid CSV is passed to bad; reading goes on with the next one.
func (t *csvTable) each(ctx context.Context, f func(r csvRow) bool, bad func(line int, err error) bool) error {
	lastBad := -1
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := t.r.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if pe.StartLine == lastBad { // no progress: the rest is unreadable
				return nil
			}
			lastBad = pe.StartLine
			if !bad(pe.StartLine, pe.Err) {
				return nil
			}
			continue
		}
		if err != nil {
			return err
		}
		line, _ := t.r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if !f(csvRow{t: t, rec: rec, line: line}) {
			return nil
		}
	}
}

func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// thousandsSep removes the thousands separators counts are written with.
// It is built once: a Replacer builds its lookup table on first use, and
// parseCount runs for every count of every row (a tenth of an import's
// client CPU when built per call).
var thousandsSep = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "", "'", "")

// parseCount reads a count written with thousands separators ("1,234",
// "1 234"); "", "N/A" and "-" are missing. ok is false for anything else.
func parseCount(s string) (kopuro.Count, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToUpper(s) {
	case "", "N/A", "NA", "-", "—":
		return kopuro.Unknown, true
	}
	s = thousandsSep.Replace(s)
	s = strings.TrimSuffix(s, ".0")
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return kopuro.Unknown, false
	}
	return kopuro.Known(n), true
}
