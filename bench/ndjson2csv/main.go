// Command ndjson2csv writes the post lines of a generic NDJSON corpus as
// CSV rows shaped like the store's posts table, for the ingest benchmark's
// ceiling (sqlite3 .import, PostgreSQL COPY): the same rows Kopuro stores,
// with none of its parsing, validation, upserts or analysis.
//
//	go run ./bench/ndjson2csv < corpus.ndjson > posts.csv
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"kopuro"
	"kopuro/synth"
)

// Header is the column list, in the order of the rows.
const Header = "platform,external_id,handle,url,published,utc_offset,text,format,likes,comments,shares,views,saves,hashtags,mentions"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ndjson2csv:", err)
		os.Exit(1)
	}
}

func run() error {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 16<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	w := csv.NewWriter(out)
	if err := w.Write(strings.Split(Header, ",")); err != nil {
		return err
	}
	num := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	for sc.Scan() {
		if !strings.Contains(sc.Text(), `"kind":"post"`) {
			continue
		}
		var p synth.PostLine
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return err
		}
		t, err := time.Parse(time.RFC3339, p.Published)
		if err != nil {
			return err
		}
		_, off := t.Zone()
		if err := w.Write([]string{p.Platform, p.ExternalID, p.Handle, p.URL, strconv.FormatInt(t.Unix(), 10), strconv.Itoa(off / 60),
			p.Text, p.Format, num(p.Likes), num(p.Comments), num(p.Shares), num(p.Views), num(p.Saves),
			strings.Join(kopuro.Hashtags(p.Text), " "), strings.Join(kopuro.Mentions(p.Text), " ")}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return out.Flush()
}
