package importer

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kopuro"
)

// genericXLSX is Kopuro's generic format as a spreadsheet: every sheet
// whose first row is a header of the generic CSV is read like that CSV;
// other sheets (notes, charts) are passed over.
type genericXLSX struct{}

func (genericXLSX) Name() string { return "kopuro-xlsx" }

// Detect looks for a ZIP archive holding a workbook.
func (genericXLSX) Detect(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) &&
		(bytes.Contains(head, []byte("xl/")) || bytes.Contains(head, []byte("[Content_Types].xml")))
}

// xlsxLimits bound what a workbook may unpack to, so that a crafted file
// cannot exhaust memory or disk.
var xlsxOptions = excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 64 << 20}

// dateColumns hold dates or times, which a spreadsheet may store as serial
// day numbers.
var dateColumns = map[string]bool{"published": true, "as_of": true}

func (genericXLSX) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	f, err := excelize.OpenReader(r, xlsxOptions)
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "error.import_xlsx", "not a readable XLSX workbook: %v", err).WithArg("Detail", err.Error())
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	known := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return err
		}
		cont, ok, err := parseSheet(ctx, rows, sheet, date1904, yield)
		rows.Close()
		if err != nil || !cont {
			return err
		}
		if ok {
			known++
		}
	}
	if known == 0 {
		return kopuro.Errorf(kopuro.EInvalid, "error.import_xlsx_sheets", "no sheet starts with a header of known columns (see docs/formats.md)")
	}
	return nil
}

// parseSheet reads one sheet. ok reports whether its header was known;
// cont is false when yield asked to stop.
func parseSheet(ctx context.Context, rows *excelize.Rows, sheet string, date1904 bool, yield func(Item, error) bool) (cont, ok bool, err error) {
	var cols map[string]int
	kind := ""
	line := 0
	for rows.Next() {
		line++
		if err := ctx.Err(); err != nil {
			return false, ok, err
		}
		rec, err := rows.Columns()
		if err != nil {
			return false, ok, err
		}
		if blank(rec) {
			continue
		}
		if cols == nil {
			cols = map[string]int{}
			set := map[string]bool{}
			for i, c := range rec {
				cols[normColumn(c)] = i
				set[normColumn(c)] = true
			}
			if kind = kindOfColumns(set); kind == "" {
				return true, false, nil
			}
			ok = true
			continue
		}
		get := func(name string) string {
			i, has := cols[name]
			if !has || i >= len(rec) {
				return ""
			}
			v := strings.TrimSpace(rec[i])
			if dateColumns[name] {
				v = serialDate(v, date1904)
			}
			return v
		}
		it, ierr := itemOf(kind, get, line)
		it.Part = sheet
		if !yield(it, ierr) {
			return false, ok, nil
		}
	}
	return true, ok, rows.Error()
}

// serialDate turns a spreadsheet serial date ("45757.39") into the ISO
// form the field mapping reads; anything else is returned unchanged.
func serialDate(v string, date1904 bool) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f > 200000 {
		return v
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return v
	}
	if f == float64(int64(f)) {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05")
}
