package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"kopuro"
)

// TestFormDate: every date field of the forms and queries is read by
// formDate (optional) or requiredDate; a bad or missing value is a user
// error under the caller's key that names the field and keeps the value.
func TestFormDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name     string
		value    string // absent when "-"
		layout   string
		required bool
		want     time.Time
		key      string // the error's key, "" for none
		arg      string // the error's {Value}
	}{
		{"day", "2025-03-31", dayLayout, false, day(2025, 3, 31), "", ""},
		{"day spaces", " 2025-03-31 ", dayLayout, true, day(2025, 3, 31), "", ""},
		{"month", "2025-11", monthLayout, true, day(2025, 11, 1), "", ""},
		{"optional empty", "", dayLayout, false, time.Time{}, "", ""},
		{"optional absent", "-", monthLayout, false, time.Time{}, "", ""},
		{"required empty", "  ", dayLayout, true, time.Time{}, "missing", ""},
		{"required absent", "-", monthLayout, true, time.Time{}, "missing", ""},
		{"day not a day", "2025-02-30", dayLayout, false, time.Time{}, "bad", "2025-02-30"},
		{"month given a day", "2025-03-31", monthLayout, true, time.Time{}, "bad", "2025-03-31"},
		{"day given a month", "2025-03", dayLayout, true, time.Time{}, "bad", "2025-03"},
		{"month 13", "2025-13", monthLayout, false, time.Time{}, "bad", "2025-13"},
		{"words", "june", monthLayout, false, time.Time{}, "bad", "june"},
		{"year 1 is not empty", "0001-01-01", dayLayout, false, time.Time{}, "bad", "0001-01-01"},
		{"before 1900", "1899-12", monthLayout, true, time.Time{}, "bad", "1899-12"},
		{"1900", "1900-01", monthLayout, true, day(1900, 1, 1), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{}
			if tc.value != "-" {
				v.Set("when", tc.value)
			}
			var got time.Time
			var err error
			if tc.required {
				got, err = requiredDate(v, "when", tc.layout, "bad", "missing")
			} else {
				got, err = formDate(v, "when", tc.layout, "bad")
			}
			if !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			e := kopuro.AsError(err)
			switch {
			case tc.key == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.key == "":
			case e == nil:
				t.Fatalf("error %v, want key %s", err, tc.key)
			case e.Code != kopuro.EInvalid || e.Key != tc.key || e.Field != "when":
				t.Errorf("error %+v, want key %s in field when", e, tc.key)
			case tc.arg != "" && e.Args["Value"] != tc.arg:
				t.Errorf("Value %v, want %q", e.Args["Value"], tc.arg)
			}
		})
	}
}

// TestReadForm: a form that cannot be read has the one message.
func TestReadForm(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/goals", strings.NewReader("a=%zz"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if e := kopuro.AsError(readForm(r)); e == nil || e.Key != "error.form" || e.Code != kopuro.EInvalid {
		t.Errorf("got %v, want error.form", e)
	}
	r = httptest.NewRequest(http.MethodPost, "/goals", strings.NewReader("a=1"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := readForm(r); err != nil || r.PostForm.Get("a") != "1" {
		t.Errorf("got %v, %q", err, r.PostForm.Get("a"))
	}
}

// FuzzFormDate: any value is read or refused with an error naming the
// field, never a panic; a value read writes back as it was sent.
func FuzzFormDate(f *testing.F) {
	for _, s := range []string{"2025-03-31", "2025-11", " 2025-01 ", "2025-02-30", "", "june", "0001-01"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, month bool) {
		layout := dayLayout
		if month {
			layout = monthLayout
		}
		got, err := formDate(url.Values{"d": {s}}, "d", layout, "bad")
		if err != nil {
			if e := kopuro.AsError(err); e == nil || e.Field != "d" || e.Key != "bad" {
				t.Fatalf("%q: error %v", s, err)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			if !got.IsZero() {
				t.Fatalf("empty %q read as %v", s, got)
			}
			return
		}
		if back := got.Format(layout); back != strings.TrimSpace(s) {
			t.Fatalf("%q read as %v, written back %q", s, got, back)
		}
	})
}
