// Package importer turns files people already have (exports, captures,
// spreadsheets) into domain values. It does no I/O beyond reading the given
// stream and knows nothing of the store: items go to a Sink, which the store
// implements inside one transaction per file.
package importer

import (
	"context"
	"io"

	"kopuro"
)

// Item is one thing read from a file. Exactly one of the pointers is set.
// Line is the 1-based line (text formats) or item index (JSON arrays) it
// came from, for error messages.
type Item struct {
	Line int
	// Part names the part of the file the item came from when a file has
	// several (an XLSX sheet); errors show it as file[part]:line.
	Part        string
	Institution *kopuro.Institution
	Account     *kopuro.Account
	Snapshot    *SnapshotItem
	Post        *kopuro.Post
	Comment     *kopuro.Comment
}

// SnapshotItem is a snapshot with a reference to its account, which the
// sink resolves (creating the account when the institution has none yet).
type SnapshotItem struct {
	Account  kopuro.AccountRef
	Snapshot kopuro.Snapshot
}

// Format is one file format. Parse streams the file: it calls yield for
// every item, or with a non-nil error for an item it could not read (the
// error locates it), and stops when yield returns false. An error returned
// by Parse itself means the rest of the file cannot be read.
type Format interface {
	// Name is the format's stable identifier, recorded with every post.
	Name() string
	// Detect reports whether the first bytes of a file look like this format.
	Detect(head []byte) bool
	Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error
}

// Sink stores items. The store's import transaction implements it; tests
// use an in-memory one. Methods validate nothing the domain does not.
type Sink interface {
	PutInstitution(ctx context.Context, in kopuro.Institution) error
	PutAccount(ctx context.Context, a kopuro.Account) (int64, error)
	PutSnapshot(ctx context.Context, ref kopuro.AccountRef, s kopuro.Snapshot) error
	PutPost(ctx context.Context, p kopuro.Post) error
	PutComment(ctx context.Context, c kopuro.Comment) error
}
