package importer

import (
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"kopuro"
)

// UniRank reads ranking tables in uniRank's style: one row per university
// with its rank, its name and its audience on each platform, either one
// column per platform ("Facebook", "YouTube subscribers", …) or a
// "platform" and a "followers" column. Every figure becomes a snapshot of
// the institution's account on that platform; names are matched to
// institutions with a Matcher, and a name that matches none (or several)
// is reported with its line.
type UniRank struct {
	// Institutions to match names against; nil means the registry Kopuro
	// ships (package data).
	Institutions []kopuro.Institution
}

// Name implements Format.
func (UniRank) Name() string { return "unirank-csv" }

// urNameCols and urDateCols are the accepted names of those columns.
var (
	urNameCols = []string{"name", "university", "institution", "university name", "institution name"}
	urDateCols = []string{"as_of", "as of", "date"}
)

// Detect implements Format: a "rank" column, a name column and at least
// one platform or followers column.
func (UniRank) Detect(head []byte) bool {
	cols := headerCols(firstLine(head))
	if !cols["rank"] {
		return false
	}
	name := false
	for _, c := range urNameCols {
		name = name || cols[c]
	}
	if !name {
		return false
	}
	if cols["followers"] {
		return true
	}
	for c := range cols {
		if _, ok := urPlatformCol(c); ok {
			return true
		}
	}
	return false
}

// urPlatformCol recognises "facebook", "youtube subscribers", "x (twitter)
// followers" as a platform's column.
func urPlatformCol(col string) (kopuro.Platform, bool) {
	f := strings.Fields(strings.NewReplacer("(", " ", ")", " ", "_", " ").Replace(normCol(col)))
	if len(f) == 0 || len(f) > 3 {
		return "", false
	}
	p, err := kopuro.ParsePlatform(f[0])
	if err != nil {
		return "", false
	}
	for _, w := range f[1:] {
		if w != "followers" && w != "subscribers" && w != "twitter" && w != "fans" {
			return "", false
		}
	}
	return p, true
}

var dateInName = regexp.MustCompile(`(\d{4})-(\d{2})(?:-(\d{2}))?`)

// Parse implements Format.
func (u UniRank) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	insts := u.Institutions
	if insts == nil {
		var err error
		if insts, err = bundledInstitutions(); err != nil {
			return err
		}
	}
	m := NewMatcher(insts)
	t := newTally(yield)
	tab, err := openCSV(r)
	if err != nil {
		return corrupt(file, 1, "the CSV header", err)
	}
	nameCol := ""
	for _, c := range urNameCols {
		if tab.has(c) {
			nameCol = c
			break
		}
	}
	if nameCol == "" {
		return drift(file, 1, "unirank header", 1, "name", "university")
	}
	var fileDate kopuro.Date
	if d := dateInName.FindString(file); d != "" {
		fileDate, _ = kopuro.ParseDate(d)
	}
	platCols := map[string]kopuro.Platform{}
	for c := range tab.col {
		if p, ok := urPlatformCol(c); ok {
			platCols[c] = p
		}
	}
	const kind = "unirank row"
	err = tab.each(ctx, func(row csvRow) bool {
		n := row.line
		name := row.get(nameCol)
		if name == "" {
			return t.fail(n, drift(file, n, kind, n, nameCol))
		}
		codes := m.Match(name)
		switch len(codes) {
		case 0:
			return t.fail(n, kopuro.Errorf(kopuro.EInvalid, "formats.unmatched", "%s %d: no institution matches %q", kind, n, name).
				WithArg("Line", n).WithArg("Name", name).InField(nameCol).At(file, n))
		case 1:
		default:
			return t.fail(n, kopuro.Errorf(kopuro.EInvalid, "formats.ambiguous", "%s %d: %q matches several institutions: %s", kind, n, name, strings.Join(codes, ", ")).
				WithArg("Line", n).WithArg("Name", name).WithArg("Codes", strings.Join(codes, ", ")).InField(nameCol).At(file, n))
		}
		asOf := fileDate
		for _, c := range urDateCols {
			if v := row.get(c); v != "" {
				d, err := kopuro.ParseDate(v)
				if err != nil {
					return t.fail(n, badValue(file, n, kind, n, c, v))
				}
				asOf = d
				break
			}
		}
		if asOf.IsZero() {
			return t.fail(n, drift(file, n, kind, n, "as_of", "date (in the column or the file name)"))
		}
		figures := map[kopuro.Platform]string{}
		var order []kopuro.Platform
		if tab.has("platform") && tab.has("followers") {
			p, err := kopuro.ParsePlatform(row.get("platform"))
			if err != nil {
				return t.fail(n, badValue(file, n, kind, n, "platform", row.get("platform")))
			}
			figures[p], order = row.get("followers"), []kopuro.Platform{p}
		}
		for _, p := range kopuro.Platforms {
			for c, cp := range platCols {
				if cp == p && row.get(c) != "" {
					if _, dup := figures[p]; !dup {
						order = append(order, p)
					}
					figures[p] = row.get(c)
				}
			}
		}
		for _, p := range order {
			v, prec, ok := parseFigure(figures[p])
			if !ok {
				if !t.fail(n, badValue(file, n, kind, n, string(p), figures[p])) {
					return false
				}
				continue
			}
			s := kopuro.Snapshot{Metric: p.AudienceMetric(), Value: v, Precision: prec, AsOf: asOf, Source: "unirank"}
			ref := kopuro.AccountRef{Platform: p, Institution: codes[0]}
			if err := s.Validate(); err != nil {
				if !t.fail(n, located(err, file, n)) {
					return false
				}
				continue
			}
			if !t.item(Item{Line: n, Snapshot: &SnapshotItem{Account: ref, Snapshot: s}}) {
				return false
			}
		}
		return true
	}, func(line int, err error) bool {
		return t.fail(line, corrupt(file, line, fmt.Sprintf("line %d", line), err))
	})
	if err != nil {
		return err
	}
	return t.end(u.Name(), file)
}

// parseFigure reads an audience figure as ranking sites and the study write
// it: "12,345" (exact), "~12k" or "12.3K" (approximate), "<1k" (below),
// "N/A" (no data).
func parseFigure(s string) (kopuro.Count, kopuro.Precision, bool) {
	s = strings.TrimSpace(s)
	prec := kopuro.Exact
	switch strings.ToUpper(s) {
	case "N/A", "NA", "-", "—", "NONE":
		return kopuro.Unknown, kopuro.None, true
	}
	switch {
	case strings.HasPrefix(s, "~") || strings.HasPrefix(s, "≈"):
		prec = kopuro.Approx
		s = strings.TrimLeft(s, "~≈ ")
	case strings.HasPrefix(s, "<"):
		prec = kopuro.Below
		s = strings.TrimLeft(s, "< ")
	}
	mult := 1.0
	if l := len(s); l > 0 {
		switch s[l-1] {
		case 'k', 'K':
			mult = 1e3
		case 'm', 'M':
			mult = 1e6
		}
		if mult > 1 {
			s = strings.TrimSpace(s[:l-1])
			if prec == kopuro.Exact {
				prec = kopuro.Approx // "12.3K" is rounded
			}
		}
	}
	if mult == 1 {
		c, ok := parseCount(s)
		return c, prec, ok && c.Valid
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) || x*mult > 1e15 {
		return kopuro.Unknown, prec, false
	}
	return kopuro.Known(int64(math.Round(x * mult))), prec, true
}
