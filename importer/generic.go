package importer

import (
	"strconv"
	"strings"
	"time"

	"kopuro"
)

// The generic format is Kopuro's own: one record per CSV row or NDJSON
// line, of one of five kinds, with the fields documented in
// docs/formats.md. Both encodings share the mapping below.

// fields reads a record's named fields as text ("" when absent).
type fields func(name string) string

// kindColumns are the fields each kind may carry; the first ones listed in
// kindRequired must be present (as CSV columns) for a header to be taken as
// that kind.
var kindColumns = map[string][]string{
	"institution": {"code", "name_ky", "name_ru", "name_en", "short_ky", "short_ru", "short_en", "type", "city", "country", "students"},
	"account":     {"institution", "platform", "handle", "url", "official"},
	"snapshot":    {"institution", "platform", "handle", "metric", "value", "precision", "as_of", "source", "note"},
	"post":        {"platform", "external_id", "handle", "institution", "url", "published", "text", "format", "likes", "comments", "shares", "views", "saves", "hashtags", "mentions"},
	"comment":     {"platform", "post_external_id", "external_id", "parent_id", "author", "from_institution", "text", "published", "likes"},
}

var kindRequired = map[string][]string{
	"institution": {"code"},
	"account":     {"platform", "handle"},
	"snapshot":    {"platform", "metric", "as_of"},
	"post":        {"platform", "external_id", "published"},
	"comment":     {"platform", "post_external_id", "external_id"},
}

// kindOfColumns picks the kind of a CSV header, most specific first.
func kindOfColumns(cols map[string]bool) string {
	for _, k := range []string{"comment", "post", "snapshot", "institution", "account"} {
		ok := true
		for _, c := range kindRequired[k] {
			ok = ok && cols[c]
		}
		if ok {
			return k
		}
	}
	return ""
}

func fieldErr(field, key, format string, args ...any) *kopuro.Error {
	return kopuro.Errorf(kopuro.EInvalid, key, format, args...).InField(field)
}

// itemOf maps one record of kind to an item. Domain validation happens in
// the sink; here only the text-to-value conversions are checked.
func itemOf(kind string, f fields, line int) (Item, error) {
	it := Item{Line: line}
	switch kind {
	case "institution":
		students, err := optInt(f, "students")
		if err != nil {
			return it, err
		}
		it.Institution = &kopuro.Institution{
			Code:  f("code"),
			Name:  kopuro.Text{KY: f("name_ky"), RU: f("name_ru"), EN: f("name_en")},
			Short: kopuro.Text{KY: f("short_ky"), RU: f("short_ru"), EN: f("short_en")},
			Type:  kopuro.InstitutionType(f("type")), City: f("city"), Country: f("country"),
			Students: students.N,
		}
	case "account":
		official, err := optBool(f, "official", f("institution") != "")
		if err != nil {
			return it, err
		}
		it.Account = &kopuro.Account{Institution: f("institution"), Platform: kopuro.Platform(f("platform")),
			Handle: f("handle"), URL: f("url"), Official: official}
	case "snapshot":
		v, err := optInt(f, "value")
		if err != nil {
			return it, err
		}
		d, err := kopuro.ParseDate(f("as_of"))
		if err != nil {
			return it, err
		}
		p, err := kopuro.ParsePlatform(f("platform"))
		if err != nil {
			return it, err
		}
		it.Snapshot = &SnapshotItem{
			Account: kopuro.AccountRef{Platform: p, Handle: f("handle"), Institution: f("institution")},
			Snapshot: kopuro.Snapshot{Metric: kopuro.Metric(f("metric")), Value: v, AsOf: d,
				Precision: kopuro.Precision(f("precision")), Source: f("source"), Note: f("note")},
		}
	case "post":
		p, err := postOf(f)
		if err != nil {
			return it, err
		}
		it.Post = p
	case "comment":
		c, err := commentOf(f)
		if err != nil {
			return it, err
		}
		it.Comment = c
	default:
		return it, fieldErr("kind", "error.import_kind", "unknown record kind %q (want institution, account, snapshot, post or comment)", kind).WithArg("Value", kind)
	}
	return it, nil
}

func postOf(f fields) (*kopuro.Post, error) {
	pl, err := kopuro.ParsePlatform(f("platform"))
	if err != nil {
		return nil, err
	}
	t, off, err := parseTime(f("published"), "published")
	if err != nil {
		return nil, err
	}
	p := &kopuro.Post{Platform: pl, ExternalID: f("external_id"), URL: f("url"), Published: t, Offset: off,
		Text: f("text"), Format: kopuro.Format(f("format")),
		Account: kopuro.AccountRef{Platform: pl, Handle: f("handle"), Institution: f("institution")}}
	for _, c := range []struct {
		name string
		dst  *kopuro.Count
	}{{"likes", &p.Likes}, {"comments", &p.Comments}, {"shares", &p.Shares}, {"views", &p.Views}, {"saves", &p.Saves}} {
		if *c.dst, err = optInt(f, c.name); err != nil {
			return nil, err
		}
	}
	p.Hashtags = mergeTags(kopuro.Hashtags(p.Text), splitList(f("hashtags"))...)
	p.Mentions = mergeTags(kopuro.Mentions(p.Text), splitList(f("mentions"))...)
	// Found none: say so, so that the store does not look again (it reads
	// the text for tags only when a format gave none at all).
	if p.Hashtags == nil {
		p.Hashtags = []string{}
	}
	if p.Mentions == nil {
		p.Mentions = []string{}
	}
	return p, nil
}

func commentOf(f fields) (*kopuro.Comment, error) {
	pl, err := kopuro.ParsePlatform(f("platform"))
	if err != nil {
		return nil, err
	}
	c := &kopuro.Comment{Platform: pl, PostExternalID: f("post_external_id"), ExternalID: f("external_id"),
		ParentID: f("parent_id"), Author: f("author"), Text: f("text")}
	if c.FromInstitution, err = optBool(f, "from_institution", false); err != nil {
		return nil, err
	}
	if s := f("published"); s != "" {
		if c.Published, _, err = parseTime(s, "published"); err != nil {
			return nil, err
		}
	}
	if c.Likes, err = optInt(f, "likes"); err != nil {
		return nil, err
	}
	return c, nil
}

// optInt reads a count: empty (or N/A) is missing, not zero. Thousands
// separators are accepted (see parseCount).
func optInt(f fields, name string) (kopuro.Count, error) {
	s := strings.TrimSpace(f(name))
	c, ok := parseCount(s)
	if !ok {
		return kopuro.Unknown, fieldErr(name, "error.import_count", "%q is not a whole number", s).WithArg("Field", name).WithArg("Value", s)
	}
	return c, nil
}

func optBool(f fields, name string, def bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(f(name))) {
	case "":
		return def, nil
	case "1", "true", "yes", "y":
		return true, nil
	case "0", "false", "no", "n":
		return false, nil
	}
	return false, fieldErr(name, "error.import_bool", "%q is not true or false", f(name)).WithArg("Field", name).WithArg("Value", f(name))
}

// timeLayouts are the accepted forms of a time. Without an offset a time
// is taken as UTC.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// parseTime reads a time and returns it in UTC with the offset it was given.
func parseTime(s, field string) (time.Time, int, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			_, off := t.Zone()
			return t.UTC(), off, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC(), 0, nil
	}
	return time.Time{}, 0, fieldErr(field, "error.import_time", "%q is not a time (use 2006-01-02T15:04:05+06:00)", s).WithArg("Field", field).WithArg("Value", s)
}

// splitList splits a field listing tags by spaces, commas or semicolons.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
}
