package importer

import (
	"strconv"
	"strings"
)

// zoneAbbr are the time-zone abbreviations exports write after a local
// time. Ambiguous ones (IST, CST outside North America) are read as the
// meaning CrowdTangle's dashboards used; Central Asian ones are added
// because Kopuro's users are there.
var zoneAbbr = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10,
	"WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
	"KGT": 6, "ALMT": 5, "UZT": 5, "TJT": 5,
}

// zoneOffset reads a zone written as an abbreviation, "+0600", "+06:00",
// "+06", "UTC+6" or "GMT+05:30", in seconds east of UTC.
func zoneOffset(z string) (int, bool) {
	z = strings.TrimSpace(z)
	if h, ok := zoneAbbr[strings.ToUpper(z)]; ok {
		return h * 3600, true
	}
	for _, p := range []string{"UTC", "GMT"} {
		if rest, ok := strings.CutPrefix(strings.ToUpper(z), p); ok && rest != "" {
			z = rest
		}
	}
	if len(z) < 2 || (z[0] != '+' && z[0] != '-') {
		return 0, false
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	var h, m int
	var err error
	switch len(digits) {
	case 1, 2:
		h, err = strconv.Atoi(digits)
	case 4:
		h, err = strconv.Atoi(digits[:2])
		if err == nil {
			m, err = strconv.Atoi(digits[2:])
		}
	default:
		return 0, false
	}
	if err != nil || h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}
