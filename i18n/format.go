package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Number separators per language. Kyrgyz and Russian group thousands with a
// narrow no-break space and use a decimal comma; English uses a comma and a
// decimal point.
func separators(lang string) (group, decimal string) {
	if lang == "en" {
		return ",", "."
	}
	return "\u202f", ","
}

// FormatInt writes n with the thousands grouping of lang: 94 950 in ky/ru,
// 94,950 in en. Four-digit numbers are grouped too, as tables align better.
func FormatInt(lang string, n int64) string {
	group, _ := separators(lang)
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatFloat writes f with the given number of decimals in lang's style.
func FormatFloat(lang string, f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	_, dec := separators(lang)
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(intPart, 10, 64)
	out := FormatInt(lang, n)
	if f < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	if frac != "" {
		out += dec + frac
	}
	return out
}

// FormatPercent writes a percentage (already × 100) with one decimal.
func FormatPercent(lang string, pct float64) string {
	return FormatFloat(lang, pct, 1) + "\u202f%"
}

var monthsKY = []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
var monthsRU = []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
var monthsRUGen = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// FormatMonth writes a month and year: "2024-ж. февраль", "февраль 2024",
// "February 2024".
func FormatMonth(lang string, year int, month time.Month) string {
	switch lang {
	case "ky":
		return strconv.Itoa(year) + "-ж. " + monthsKY[month-1]
	case "ru":
		return monthsRU[month-1] + " " + strconv.Itoa(year)
	}
	return month.String() + " " + strconv.Itoa(year)
}

// FormatDay writes a full date: "2024-ж. 15-февраль", "15 февраля 2024",
// "15 February 2024".
func FormatDay(lang string, t time.Time) string {
	d, m, y := strconv.Itoa(t.Day()), t.Month(), strconv.Itoa(t.Year())
	switch lang {
	case "ky":
		return y + "-ж. " + d + "-" + monthsKY[m-1]
	case "ru":
		return d + " " + monthsRUGen[m-1] + " " + y
	}
	return d + " " + m.String() + " " + y
}
