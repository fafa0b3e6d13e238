package importer

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestZeeschuimerCompactSame checks that the one-pass decoding of compact
// lines (as Zeeschuimer writes them) gives exactly what the two-pass
// decoding of the same lines spaced out gives, items and errors alike.
func TestZeeschuimerCompactSame(t *testing.T) {
	for _, path := range fixtures(t, "zeeschuimer") {
		spaced := readFixture(t, path)
		var compact bytes.Buffer
		for _, line := range bytes.Split(spaced, []byte("\n")) {
			var b bytes.Buffer
			if json.Compact(&b, bytes.TrimSpace(line)) != nil {
				b.Reset()
				b.Write(line) // a corrupt line stays as it is
			}
			compact.Write(b.Bytes())
			compact.WriteByte('\n')
		}
		if bytes.Equal(compact.Bytes(), spaced) {
			t.Fatalf("%s: already compact; the test would compare a path with itself", path)
		}
		a := parseAll(t, Zeeschuimer{}, spaced, "x", newMemSink())
		b := parseAll(t, Zeeschuimer{}, compact.Bytes(), "x", newMemSink())
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: compact lines parse differently:\nspaced  %s\ncompact %s", path, ja, jb)
		}
		if !bytes.Contains(compact.Bytes(), igMarker) && !bytes.Contains(compact.Bytes(), ttMarker) && len(a.Items) > 0 {
			t.Errorf("%s: compact form does not reach the one-pass path", path)
		}
	}
}

// TestZeeschuimerLineTooLong checks that a line over maxLine is reported
// with its number, not read into memory, and that reading goes on after it.
func TestZeeschuimerLineTooLong(t *testing.T) {
	var in bytes.Buffer
	in.WriteString(`{"source_platform":"tiktok.com","data":{"desc":"`)
	in.Write(bytes.Repeat([]byte("x"), maxLine+10))
	in.WriteString("\"}}\n")
	good := readFixture(t, "testdata/zeeschuimer/instagram-tiktok.ndjson")
	in.Write(good[:bytes.IndexByte(good, '\n')+1])
	g := parseAll(t, Zeeschuimer{}, in.Bytes(), "long.ndjson", newMemSink())
	if len(g.Items) < 2 || g.Items[0].Line != 1 || !strings.Contains(g.Items[0].Error, "longer than") {
		t.Fatalf("first item = %+v, want a too-long error at line 1", g.Items[0])
	}
	if g.Items[1].Line != 2 || g.Items[1].Post == nil {
		t.Errorf("second item = %+v, want the post of line 2", g.Items[1])
	}
}
