package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"kopuro"
)

// readForm parses a request's form. Every form that cannot be read gets
// the same message: the reader can only send it again.
func readForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "error.form", "the form cannot be read: %v", err)
	}
	return nil
}

// Layouts of the date fields of forms and queries, as <input type="date">
// and <input type="month"> send them.
const (
	dayLayout   = time.DateOnly // 2025-03-31
	monthLayout = "2006-01"     // 2025-03
)

// minFormYear is the first year a form's date may fall in: no post,
// snapshot or plan of a university's social media is older.
const minFormYear = 1900

// layoutHint is how a layout is written for people, in English messages.
var layoutHint = map[string]string{dayLayout: "YYYY-MM-DD", monthLayout: "YYYY-MM"}

// formDate reads the field name of v, a day or a month in layout, as the
// start of that day or month, UTC. An empty field is the zero time and no
// error: a caller whose field is required says so in its own words. A
// malformed value, or one before minFormYear (year 1 would read as the
// zero time, that is as an empty field), is a user error under the
// caller's catalogue key, with the value as {Value}, naming the field.
func formDate(v url.Values, name, layout, key string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Year() < minFormYear {
		return time.Time{}, kopuro.Errorf(kopuro.EInvalid, key, "%q is not written %s", s, layoutHint[layout]).WithArg("Value", s).InField(name)
	}
	return t, nil
}

// requiredDate is formDate for a field that must be given: an empty one is
// an error under missingKey, naming the field.
func requiredDate(v url.Values, name, layout, key, missingKey string) (time.Time, error) {
	if strings.TrimSpace(v.Get(name)) == "" {
		return time.Time{}, kopuro.Errorf(kopuro.EInvalid, missingKey, "missing (write %s)", layoutHint[layout]).InField(name)
	}
	return formDate(v, name, layout, key)
}
