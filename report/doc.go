package report

// Doc is a report in one language, ready for any renderer: the text is
// final, numbers are formatted, and every table cell keeps its number
// (for XLSX) beside its text.
type Doc struct {
	Lang     string
	Title    string
	Subtitle string
	Sections []Section
	// Meta are label–value lines about the report itself (codebook and
	// metric definitions versions, date) that a workbook lists first.
	Meta [][2]string
	// Words are the column suffixes a workbook adds: "precision",
	// "as_of", "source".
	Words map[string]string
}

// Section is one numbered part of the report; each starts a printed page.
type Section struct {
	ID      string
	Heading string
	Blocks  []Block
}

// Block is one element of a section: a paragraph, a sub-heading, a
// table, a chart or a list of example posts. Exactly one field is set.
type Block struct {
	Para    string
	Sub     string
	Table   *Table
	Chart   *Chart
	Example *Example
}

// Table is a table with a caption; Sheet names it in a workbook.
type Table struct {
	Sheet   string
	Caption string
	Head    []string
	Rows    [][]Cell
	Note    string
	// Footnotes are the notes of the table's figures, in the order of
	// their marks ("¹ official page"); Cell.Foot is a figure's mark.
	Footnotes []string
}

// Cell is a table cell: its text, and for a figure its number and
// precision. AsOf, Source and Note are a follower figure's date, source
// and the note its source gives; Foot is the mark of that note's footnote.
type Cell struct {
	Text   string
	Num    *float64
	Prec   string // exact, approx, below, above, none; "" for text
	AsOf   string
	Source string
	Note   string
	Foot   string
}

// Chart is a bar chart; Markdown and XLSX show it as its data table.
type Chart struct {
	Sheet string
	Title string
	Unit  string // shown in the data table's head
	Bars  []Bar
	Note  string // what the bars measure, under the chart
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	Text  string // the value as printed
}

// Example is a post quoted as an example: untrusted text and link.
// Source is the line under the quote (university · platform · ER),
// composed once so that every renderer shows the same words.
type Example struct {
	Text   string
	URL    string
	Source string
}

func para(s string) Block    { return Block{Para: s} }
func sub(s string) Block     { return Block{Sub: s} }
func table(t *Table) Block   { return Block{Table: t} }
func chartOf(c *Chart) Block { return Block{Chart: c} }

// text is a cell holding text only.
func text(s string) Cell { return Cell{Text: s} }
