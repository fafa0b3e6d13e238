package kopuro

import (
	"strings"
)

// Account is one social-media presence. An account whose Institution is
// empty is unlinked: its posts were imported before anyone said whose it is.
// Accounts are identified by platform and handle; an institution's account
// whose handle is not known yet (Table 1 gives only "Instagram: 94,950")
// has an empty handle and is identified by institution and platform.
type Account struct {
	ID          int64    `json:"id,omitempty"`
	Institution string   `json:"institution,omitempty"`
	Platform    Platform `json:"platform"`
	Handle      string   `json:"handle,omitempty"`
	URL         string   `json:"url,omitempty"`
	Official    bool     `json:"official"`
}

// AccountRef names an account in imported data: by platform and handle, or
// by institution and platform when there is no handle.
type AccountRef struct {
	Platform    Platform `json:"platform"`
	Handle      string   `json:"handle,omitempty"`
	Institution string   `json:"institution,omitempty"`
}

// NormalizeHandle puts a handle in the form Kopuro stores: no surrounding
// space, no leading "@", lower case. YouTube channel ids ("UC" + 22
// characters) are case-sensitive and keep their case.
func NormalizeHandle(p Platform, h string) string {
	h = strings.TrimSpace(h)
	h = strings.TrimPrefix(h, "@")
	if p == YouTube && len(h) == 24 && strings.HasPrefix(h, "UC") {
		return h
	}
	return strings.ToLower(h)
}

// Validate checks the reference and normalises its handle.
func (r *AccountRef) Validate() error {
	if _, err := ParsePlatform(string(r.Platform)); err != nil {
		return err
	}
	r.Handle = NormalizeHandle(r.Platform, r.Handle)
	if r.Handle == "" && r.Institution == "" {
		return invalid("handle", "error.account_ref", "an account needs a handle or an institution")
	}
	if r.Institution != "" && !ValidCode(r.Institution) {
		return invalid("institution", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", r.Institution).WithArg("Value", r.Institution)
	}
	if strings.ContainsAny(r.Handle, " \t\n/") {
		return invalid("handle", "error.handle", "handle %q must not contain spaces or slashes", r.Handle).WithArg("Value", r.Handle)
	}
	return nil
}

// Ref returns the reference that identifies a.
func (a Account) Ref() AccountRef {
	return AccountRef{Platform: a.Platform, Handle: a.Handle, Institution: a.Institution}
}

// Validate checks the account and normalises its handle.
func (a *Account) Validate() error {
	r := a.Ref()
	if err := r.Validate(); err != nil {
		return err
	}
	a.Handle = r.Handle
	if a.URL != "" && !strings.HasPrefix(a.URL, "https://") && !strings.HasPrefix(a.URL, "http://") {
		return invalid("url", "error.url", "URL %q must start with http:// or https://", a.URL).WithArg("Value", a.URL)
	}
	return nil
}

// ValidateLinked checks an account that is being given to an institution:
// valid, with a handle and an institution.
func (a *Account) ValidateLinked() error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.Institution == "" {
		return invalid("institution", "error.required", "the field institution is required").WithArg("Field", "institution")
	}
	if a.Handle == "" {
		return invalid("handle", "error.required", "the field handle is required").WithArg("Field", "handle")
	}
	return nil
}
