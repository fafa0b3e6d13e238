package report

import (
	"kopuro"
	"kopuro/i18n"
	"kopuro/metrics"
)

// fmtr writes text and numbers in one language.
type fmtr struct {
	lang string
	cat  *i18n.Catalog
}

func (f fmtr) t(key string, args ...any) string { return f.cat.T(f.lang, key, args...) }

// none is the language's mark for "no data" (Ж/Б, Н/Д, N/A), the one the
// dashboard's Table 1 uses.
func (f fmtr) none() string { return f.t("value.none") }

func (f fmtr) name(in kopuro.Institution) string { return in.DisplayName(kopuro.Lang(f.lang)) }

func (f fmtr) platform(p kopuro.Platform) string { return f.t("platform." + string(p)) }

// date writes a snapshot date: a month, or a full day.
func (f fmtr) date(d kopuro.Date) string {
	if d.IsZero() {
		return ""
	}
	if d.MonthOnly() {
		return i18n.FormatMonth(f.lang, d.Year, d.Month)
	}
	return i18n.FormatDay(f.lang, d.Start())
}

// mark is the sign Table 1 puts before a figure of a precision.
func mark(p string) string {
	switch p {
	case "approx":
		return "~"
	case "below":
		return "<"
	case "above":
		return ">"
	}
	return ""
}

// snapshot is a Table 1 cell: "94 950", "~1 300", "<1 000" or the no-data
// mark, with its date and source.
func (f fmtr) snapshot(s kopuro.Snapshot) Cell {
	c := Cell{Prec: string(s.Precision), AsOf: f.date(s.AsOf), Source: s.Source, Note: f.cat.Note(f.lang, kopuro.NoteKey(s.Note), s.Note)}
	if !s.Known() {
		c.Text, c.Prec = f.none(), string(kopuro.None)
		return c
	}
	n := float64(s.Value.N)
	c.Num = &n
	c.Text = mark(string(s.Precision)) + i18n.FormatInt(f.lang, s.Value.N)
	return c
}

// value is a computed figure with decimals (percent: with a % sign).
func (f fmtr) value(v metrics.Value, decimals int, percent bool) Cell {
	if !v.OK() {
		return Cell{Text: f.none(), Prec: string(metrics.None)}
	}
	x := v.V
	s := i18n.FormatFloat(f.lang, x, decimals)
	if percent {
		s = i18n.FormatPercent(f.lang, x)
		if decimals != 1 {
			s = i18n.FormatFloat(f.lang, x, decimals) + "\u202f%"
		}
	}
	return Cell{Text: mark(string(v.Prec)) + s, Num: &x, Prec: string(v.Prec)}
}

func (f fmtr) pct(v metrics.Value) Cell { return f.value(v, 1, true) }

// count is an exact whole number.
func (f fmtr) count(n int) Cell {
	x := float64(n)
	return Cell{Text: i18n.FormatInt(f.lang, int64(n)), Num: &x, Prec: string(metrics.Exact)}
}

// unitCell formats a registry metric by its unit.
func (f fmtr) unitCell(id string, v metrics.Value) Cell {
	d, _ := metrics.Lookup(id)
	switch d.Unit {
	case "percent":
		return f.value(v, 1, true)
	case "count":
		return f.value(v, 0, false)
	case "ratio":
		return f.value(v, 2, false)
	}
	return f.value(v, 1, false)
}

// periodText writes the period as "2025-ж. январь – 2025-ж. июнь".
func (f fmtr) periodText(p metrics.Period) string {
	last := p.To.AddDate(0, 0, -1)
	return i18n.FormatMonth(f.lang, p.From.Year(), p.From.Month()) + " – " + i18n.FormatMonth(f.lang, last.Year(), last.Month())
}
