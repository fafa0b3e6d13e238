// Package data embeds the reference data Kopuro ships with: the study's
// registry of Kyrgyz universities, its Table 1 of follower counts (real
// figures with date, source and precision), and the UN international days
// used by the content calendar. See SOURCES.md for where each file comes from.
package data

import "embed"

// FS holds institutions.csv, study-table1.csv and international-days.csv.
//
//go:embed *.csv
var FS embed.FS
