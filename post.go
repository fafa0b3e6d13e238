package kopuro

import (
	"strings"
	"time"
)

// Source records where a stored item came from.
type Source struct {
	Format     string    `json:"format,omitempty"`     // importer or collector name, e.g. "generic-ndjson"
	File       string    `json:"file,omitempty"`       // file name or API endpoint
	Version    string    `json:"version,omitempty"`    // importer version
	ImportedAt time.Time `json:"imported_at,omitzero"` // when it was stored
}

// Post is one published item of an account. Counts that the source does not
// carry are Unknown, not zero.
type Post struct {
	ID         int64      `json:"id,omitempty"`
	Platform   Platform   `json:"platform"`
	ExternalID string     `json:"external_id"`
	AccountID  int64      `json:"account_id,omitempty"`
	Account    AccountRef `json:"-"`
	URL        string     `json:"url,omitempty"`
	Published  time.Time  `json:"published"`
	// Offset is the UTC offset, in seconds, that the source gave with the
	// time; Published itself is kept in UTC.
	Offset   int      `json:"offset,omitempty"`
	Text     string   `json:"text"`
	Format   Format   `json:"format,omitempty"`
	Likes    Count    `json:"likes"`
	Comments Count    `json:"comments"`
	Shares   Count    `json:"shares"`
	Views    Count    `json:"views"`
	Saves    Count    `json:"saves"`
	Hashtags []string `json:"hashtags,omitempty"`
	Mentions []string `json:"mentions,omitempty"`
	Source   Source   `json:"source,omitzero"`
}

// Validate checks a post before it is stored and puts its time in UTC.
func (p *Post) Validate() error {
	if _, err := ParsePlatform(string(p.Platform)); err != nil {
		return err
	}
	if strings.TrimSpace(p.ExternalID) == "" {
		return invalid("external_id", "error.required", "external_id is required").WithArg("Field", "external_id")
	}
	if p.Published.IsZero() {
		return invalid("published", "error.required", "published is required").WithArg("Field", "published")
	}
	p.Published = p.Published.UTC()
	if _, err := ParseFormat(string(p.Format)); err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		v    Count
	}{{"likes", p.Likes}, {"comments", p.Comments}, {"shares", p.Shares}, {"views", p.Views}, {"saves", p.Saves}} {
		if err := c.v.validate(c.name); err != nil {
			return err
		}
	}
	if p.Account.Platform == "" {
		p.Account.Platform = p.Platform
	}
	if p.Account.Platform != p.Platform {
		return invalid("platform", "error.platform_mismatch", "post platform %s differs from its account's platform %s", p.Platform, p.Account.Platform)
	}
	if p.AccountID == 0 {
		if err := p.Account.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Engagement is likes + comments + shares + saves over the counts that are
// known, and whether any is known.
func (p Post) Engagement() (int64, bool) {
	var n int64
	known := false
	for _, c := range []Count{p.Likes, p.Comments, p.Shares, p.Saves} {
		if c.Valid {
			n += c.N
			known = true
		}
	}
	return n, known
}

// Comment is a reply under a post. FromInstitution marks replies written by
// the institution's own account: the response-rate metric counts them.
type Comment struct {
	ID              int64     `json:"id,omitempty"`
	PostID          int64     `json:"post_id,omitempty"`
	Platform        Platform  `json:"platform"`
	PostExternalID  string    `json:"post_external_id"`
	ExternalID      string    `json:"external_id"`
	ParentID        string    `json:"parent_id,omitempty"` // external id of the comment replied to
	Author          string    `json:"author,omitempty"`
	FromInstitution bool      `json:"from_institution"`
	Text            string    `json:"text"`
	Published       time.Time `json:"published,omitzero"`
	Likes           Count     `json:"likes"`
}

// Validate checks a comment before it is stored.
func (c *Comment) Validate() error {
	if _, err := ParsePlatform(string(c.Platform)); err != nil {
		return err
	}
	if c.PostID == 0 && strings.TrimSpace(c.PostExternalID) == "" {
		return invalid("post_external_id", "error.required", "post_external_id is required").WithArg("Field", "post_external_id")
	}
	if strings.TrimSpace(c.ExternalID) == "" {
		return invalid("external_id", "error.required", "external_id is required").WithArg("Field", "external_id")
	}
	if !c.Published.IsZero() {
		c.Published = c.Published.UTC()
	}
	return c.Likes.validate("likes")
}
