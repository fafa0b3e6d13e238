package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// TestColumnArrays: the PostgreSQL batch binds as many columns as the
// portable one, and columnArrays turns its rows into typed columns, NULL
// for nil, and refuses a value of another type.
func TestColumnArrays(t *testing.T) {
	if n := strings.Count(postsTuple, "?"); len(pgPostTypes) != n {
		t.Errorf("pgPostTypes has %d columns, postsTuple %d", len(pgPostTypes), n)
	}
	if n := strings.Count(codingsTuple, "?"); len(pgCodingTypes) != n || n != codingArgs {
		t.Errorf("pgCodingTypes has %d columns, codingsTuple %d, codingArgs %d", len(pgCodingTypes), n, codingArgs)
	}
	head := commentsInsert[strings.IndexByte(commentsInsert, '('):]
	if n := strings.Count(head, ",") + 1; len(pgCommentTypes) != n {
		t.Errorf("pgCommentTypes has %d columns, commentsInsert %d", len(pgCommentTypes), n)
	}
	cols, err := columnArrays([][]any{{"a", int64(7), nil}, {"b", 1, int64(-2)}}, []string{"text", "bigint", "bigint"})
	if err != nil {
		t.Fatal(err)
	}
	want := []any{[]string{"a", "b"}, []pgtype.Int8{{Int64: 7, Valid: true}, {Int64: 1, Valid: true}}, []pgtype.Int8{{}, {Int64: -2, Valid: true}}}
	if !reflect.DeepEqual(cols, want) {
		t.Errorf("columnArrays = %#v, want %#v", cols, want)
	}
	for _, bad := range []struct {
		row   []any
		types []string
	}{{[]any{1}, []string{"text"}}, {[]any{"x"}, []string{"bigint"}}, {[]any{nil}, []string{"text"}}, {[]any{"x"}, []string{"json"}}} {
		if _, err := columnArrays([][]any{bad.row}, bad.types); err == nil {
			t.Errorf("columnArrays(%v as %v) did not fail", bad.row, bad.types)
		}
	}
}

// TestDistinct: hashtags copied for a new post are each stored once, in
// their order, as ON CONFLICT DO NOTHING would leave them.
func TestDistinct(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{"a"}, []string{"a"}},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}},
		{[]string{"a", "a"}, []string{"a"}},
		{[]string{"a", "b", "a", "c", "b", "d"}, []string{"a", "b", "c", "d"}},
		{[]string{"эко", "Эко", "эко"}, []string{"эко", "Эко"}},
	} {
		in := slices.Clone(c.in)
		if got := distinct(in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("distinct(%q) = %q, want %q", c.in, got, c.want)
		}
		if !reflect.DeepEqual(in, c.in) {
			t.Errorf("distinct changed its argument %q to %q", c.in, in)
		}
	}
}
