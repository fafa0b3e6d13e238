package web

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"

	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

// chart is one chart of a page: the same figures feed the ECharts drawing
// (web/static/charts.js reads Spec from a JSON script tag), the HTML table
// beside it and its CSV download, so the three cannot disagree.
type chart struct {
	// ID is unique on the page; it names the element and the CSV file.
	ID    string
	Title string
	// Kind is "line" or "bar".
	Kind string
	// Time makes X dates (YYYY-MM-DD) on a time axis.
	Time bool
	// Unit is "%" for shares, "" for counts.
	Unit   string
	X      []string
	Series []chartSeries
}

// chartSeries is one line or set of bars; a nil point has no value
// (missing is never drawn as zero).
type chartSeries struct {
	Name string     `json:"name"`
	Data []*float64 `json:"data"`
}

// chartSpec is what the browser receives; names are short because every
// page carries it.
type chartSpec struct {
	Kind   string        `json:"kind"`
	Time   bool          `json:"time,omitempty"`
	Unit   string        `json:"unit,omitempty"`
	Title  string        `json:"title"`
	X      []string      `json:"x"`
	Series []chartSeries `json:"series"`
}

// Spec is the chart's data for charts.js.
func (c chart) Spec() chartSpec {
	return chartSpec{Kind: c.Kind, Time: c.Time, Unit: c.Unit, Title: c.Title, X: c.X, Series: c.Series}
}

// Empty reports whether the chart has no value at all.
func (c chart) Empty() bool {
	for _, s := range c.Series {
		for _, v := range s.Data {
			if v != nil {
				return false
			}
		}
	}
	return true
}

// Rows is the chart as table rows: the X label, then one cell per series.
func (c chart) Rows() [][]*float64 {
	rows := make([][]*float64, len(c.X))
	for i := range c.X {
		for _, s := range c.Series {
			var v *float64
			if i < len(s.Data) {
				v = s.Data[i]
			}
			rows[i] = append(rows[i], v)
		}
	}
	return rows
}

// ptr returns a metric value as a chart point, nil when it is missing.
func ptr(v metrics.Value) *float64 {
	if !v.OK() {
		return nil
	}
	f := v.V
	return &f
}

// num returns a plain number as a chart point.
func num(f float64) *float64 { return &f }

// Cell formats one chart value for the page language.
func (p *page) Cell(c chart, v *float64) string {
	if v == nil {
		return p.T("value.none")
	}
	if c.Unit == "%" {
		return i18n.FormatPercent(p.Lang, *v)
	}
	if *v == float64(int64(*v)) {
		return p.Num(int64(*v))
	}
	return i18n.FormatFloat(p.Lang, *v, 2)
}

// CSV is the download address of the chart's data: the page itself with
// csv=ID added to its query.
func (p *page) CSV(c chart) string {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = v
	}
	q.Set("csv", c.ID)
	return p.Path + "?" + q.Encode()
}

// serveCSV answers a page request that asks for one chart's data
// (?csv=ID): done is true when it did, or when no chart has that id.
func serveCSV(w http.ResponseWriter, r *http.Request, charts []chart) (done bool, err error) {
	id := r.URL.Query().Get("csv")
	if id == "" {
		return false, nil
	}
	for _, c := range charts {
		if c.ID == id {
			return true, writeCSV(w, c)
		}
	}
	return true, kopuro.Errorf(kopuro.ENotFound, "pages.error.chart", "no chart %q on this page", id).WithArg("Value", id)
}

// writeCSV sends a chart's data: a header row with the series names, then
// one row per X value, numbers with a dot and no grouping so any
// spreadsheet reads them. Cells that a spreadsheet would run as a formula
// are quoted with a leading apostrophe.
func writeCSV(w http.ResponseWriter, c chart) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+c.ID+`.csv"`)
	cw := csv.NewWriter(w)
	head := []string{""}
	for _, s := range c.Series {
		head = append(head, safeCell(s.Name))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i, row := range c.Rows() {
		rec := []string{safeCell(c.X[i])}
		for _, v := range row {
			if v == nil {
				rec = append(rec, "")
				continue
			}
			rec = append(rec, strconv.FormatFloat(*v, 'f', -1, 64))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell defuses CSV formula injection: a cell starting with = + - @
// is prefixed with an apostrophe.
func safeCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

// chartCtx is what the "chart" template receives.
type chartCtx struct {
	P *page
	C chart
}

// Chart pairs a chart with the page for the "chart" template.
func (p *page) Chart(c chart) chartCtx { return chartCtx{p, c} }
