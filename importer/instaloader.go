package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"

	"github.com/ulikunitz/xz"
)

// Instaloader reads the per-post metadata files Instaloader writes
// (<date>_UTC.json, or LZMA-compressed <date>_UTC.json.xz, its default):
// {"node": {…the Instagram post…}, "instaloader": {"version", "node_type"}},
// or, from Instaloader 3, the node alone.
type Instaloader struct{}

// Name implements Format.
func (Instaloader) Name() string { return "instaloader-json" }

// xzMagic opens every .xz stream.
var xzMagic = []byte{0xFD, '7', 'z', 'X', 'Z', 0x00}

// Detect implements Format. A compressed file is recognised by
// decompressing as much of it as the head holds.
func (Instaloader) Detect(head []byte) bool {
	if bytes.HasPrefix(head, xzMagic) {
		head = xzHead(head)
	}
	if !startsJSONObject(head) {
		return false
	}
	if hasKey(head, "instaloader") && (hasKey(head, "node_type") || hasKey(head, "node")) {
		return true
	}
	// Instaloader 3: the bare node, a GraphQL post with its shortcode.
	return hasKey(head, "shortcode") && hasKey(head, "__typename") && !hasKey(head, "source_platform")
}

// xzHead decompresses what it can of a truncated .xz head.
func xzHead(head []byte) []byte {
	// A small dictionary is enough for the first kilobytes, and spares the
	// default 8 MB allocation on every detection.
	zr, err := xz.ReaderConfig{DictCap: 64 << 10}.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil
	}
	out := make([]byte, 4096)
	n, _ := io.ReadFull(zr, out)
	return out[:n]
}

// ilFile is the top level of an Instaloader metadata file.
type ilFile struct {
	Node        json.RawMessage `json:"node"`
	Instaloader *struct {
		Version  string `json:"version"`
		NodeType string `json:"node_type"`
	} `json:"instaloader"`
	Shortcode string `json:"shortcode"`
}

// ilNode adds Instaloader's extras to the Instagram post node.
type ilNode struct {
	igMedia
	IphoneStruct *igMedia `json:"iphone_struct"`
}

// Parse implements Format. The file is one post, so it is decoded whole;
// a compressed file is decompressed as it is read.
func (il Instaloader) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(len(xzMagic)); bytes.Equal(magic, xzMagic) {
		zr, err := xz.NewReader(br)
		if err != nil {
			return corrupt(file, 0, "the xz stream", err)
		}
		r = zr
	} else {
		r = br
	}
	t := newTally(yield)
	const kind = "instaloader post"
	// One file is one post: decode it whole, but bounded, because a small
	// .xz can expand to anything.
	var doc json.RawMessage
	if err := json.NewDecoder(io.LimitReader(r, maxLine)).Decode(&doc); err != nil {
		return corrupt(file, 1, "the JSON document", err)
	}
	var f ilFile
	if err := json.Unmarshal(doc, &f); err != nil {
		return corrupt(file, 1, "the JSON document", err)
	}
	if f.Instaloader != nil && f.Instaloader.NodeType != "" && f.Instaloader.NodeType != "Post" {
		t.fail(1, unsupported(file, 1, kind, 1, "instaloader.node_type", f.Instaloader.NodeType))
		return t.end(il.Name(), file)
	}
	node, prefix := f.Node, "node."
	if isNull(node) {
		if f.Shortcode == "" {
			t.fail(1, drift(file, 1, kind, 1, "node", "shortcode"))
			return t.end(il.Name(), file)
		}
		node, prefix = doc, "" // Instaloader 3 wrote the node without the wrapper
	}
	var n ilNode
	if err := json.Unmarshal(node, &n); err != nil {
		return corrupt(file, 1, "node", err)
	}
	m := &n.igMedia
	if n.IphoneStruct != nil {
		fillFromIphone(m, n.IphoneStruct)
	}
	p, comments, perr := igPost(m, file, 1, kind, 1, il.Name())
	if perr != nil {
		t.fail(1, perr.InField(prefix+perr.Field))
		return t.end(il.Name(), file)
	}
	emitPost(t, file, 1, p, comments)
	return t.end(il.Name(), file)
}

// fillFromIphone completes a Graph node with the mobile-API dict Instaloader
// keeps beside it, for the fields the node lacks.
func fillFromIphone(m, ip *igMedia) {
	if m.User == nil && (m.Owner == nil || m.Owner.Username == "") {
		m.User = ip.User
	}
	if !present(m.Caption) && m.EdgeCaption == nil {
		m.Caption = ip.Caption
	}
	if m.LikeCount == nil && m.EdgeLike.count() == nil {
		m.LikeCount = ip.LikeCount
	}
	if m.CommentCount == nil {
		m.CommentCount = ip.CommentCount
	}
	if m.MediaType == 0 {
		m.MediaType = ip.MediaType
	}
	if m.ProductType == "" {
		m.ProductType = ip.ProductType
	}
	if m.ViewCount == nil {
		m.ViewCount = ip.ViewCount
	}
	if m.PlayCount == nil {
		m.PlayCount = ip.PlayCount
	}
	if m.Usertags == nil {
		m.Usertags = ip.Usertags
	}
}
