package report

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// XLSX writes every table and chart of the Doc as its own sheet: numbers
// as numeric cells, the header row frozen, and beside a figure column its
// precision (and a follower figure's date and source) in columns of their
// own, so that a spreadsheet never reads "<1 000" as text.
func XLSX(w io.Writer, d *Doc) error {
	f := excelize.NewFile()
	defer f.Close()
	first := "report"
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return err
	}
	rows := [][]any{{d.Title}, {d.Subtitle}, {}}
	for _, kv := range d.Meta {
		rows = append(rows, []any{kv[0], kv[1]})
	}
	if len(d.Meta) > 0 {
		rows = append(rows, []any{})
	}
	for i, s := range d.Sections {
		rows = append(rows, []any{strconv.Itoa(i+1) + ". " + s.Heading})
	}
	if err := writeRows(f, first, rows); err != nil {
		return err
	}
	used := map[string]bool{first: true}
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			var t *Table
			switch {
			case b.Table != nil:
				t = b.Table
			case b.Chart != nil:
				t = chartTable(b.Chart)
			default:
				continue
			}
			name := sheetName(t.Sheet, used)
			if _, err := f.NewSheet(name); err != nil {
				return err
			}
			if err := writeTable(f, d, name, t); err != nil {
				return err
			}
		}
	}
	return f.Write(w)
}

// chartTable is a chart's data as a table of numbers.
func chartTable(c *Chart) *Table {
	t := &Table{Sheet: c.Sheet, Caption: c.Title, Head: []string{"", c.Unit}}
	for _, b := range c.Bars {
		v := b.Value
		t.Rows = append(t.Rows, []Cell{text(b.Label), {Text: b.Text, Num: &v, Prec: "exact"}})
	}
	return t
}

// sheetName makes a unique sheet name of at most 31 characters.
func sheetName(s string, used map[string]bool) string {
	if s == "" {
		s = "table"
	}
	if len(s) > 28 {
		s = s[:28]
	}
	name := s
	for i := 2; used[name]; i++ {
		name = s + "_" + strconv.Itoa(i)
	}
	used[name] = true
	return name
}

// columns says, for each column of t, whether it needs a precision
// column, date and source columns, and a notes column.
func columns(t *Table) (prec, dated, noted []bool) {
	prec, dated, noted = make([]bool, len(t.Head)), make([]bool, len(t.Head)), make([]bool, len(t.Head))
	for _, r := range t.Rows {
		for j, c := range r {
			if j >= len(t.Head) {
				continue
			}
			if c.Prec != "" && c.Prec != "exact" {
				prec[j] = true
			}
			if c.AsOf != "" || c.Source != "" {
				prec[j], dated[j] = true, true
			}
			if c.Note != "" {
				noted[j] = true
			}
		}
	}
	return prec, dated, noted
}

func writeTable(f *excelize.File, d *Doc, sheet string, t *Table) error {
	prec, dated, noted := columns(t)
	var head []any
	for j, h := range t.Head {
		head = append(head, h)
		if prec[j] {
			head = append(head, h+" · "+d.Words["precision"])
		}
		if dated[j] {
			head = append(head, h+" · "+d.Words["as_of"], h+" · "+d.Words["source"])
		}
		if noted[j] {
			head = append(head, h+" · "+d.Words["note"])
		}
	}
	rows := [][]any{head}
	for _, r := range t.Rows {
		var out []any
		for j, c := range r {
			if c.Num != nil {
				out = append(out, *c.Num)
			} else if c.Prec == "none" {
				out = append(out, nil)
			} else {
				out = append(out, c.Text)
			}
			if j < len(prec) && prec[j] {
				out = append(out, c.Prec)
			}
			if j < len(dated) && dated[j] {
				out = append(out, c.AsOf, c.Source)
			}
			if j < len(noted) && noted[j] {
				out = append(out, c.Note)
			}
		}
		rows = append(rows, out)
	}
	if err := writeRows(f, sheet, rows); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func writeRows(f *excelize.File, sheet string, rows [][]any) error {
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return nil
}
