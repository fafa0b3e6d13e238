package kopuro

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user of a Kopuro deployment is allowed to do.
type Role string

// The roles. An editor belongs to one institution; the others to none.
const (
	RoleAdmin  Role = "admin"  // the national office: everything
	RoleEditor Role = "editor" // a university's PR/SMM team: its own institution's data
	RoleCoder  Role = "coder"  // a researcher: codes any post, sees agreement
	RoleViewer Role = "viewer" // reads what signed-in users read, changes nothing
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleEditor, RoleCoder, RoleViewer}

// ParseRole validates a role name given in any case.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Roles, r) {
		return r, nil
	}
	return "", invalid("role", "error.role", "unknown role %q (use admin, editor, coder or viewer)", r).WithArg("Value", string(r))
}

// User is a person who signs in to a deployment. Institution is the code
// of an editor's institution and empty for every other role.
type User struct {
	ID          int64     `json:"id,omitempty"`
	Email       string    `json:"email"`
	Role        Role      `json:"role"`
	Institution string    `json:"institution,omitempty"`
	Created     time.Time `json:"created"`
}

// NormalizeEmail is the form emails are stored and looked up in: trimmed
// and lower-case, so that "Aigul@AUCA.kg" signs in as aigul@auca.kg.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks the user and normalises the email and role.
func (u *User) Validate() error {
	u.Email = NormalizeEmail(u.Email)
	if !validEmail(u.Email) {
		return invalid("email", "error.email", "%q is not an email address", u.Email).WithArg("Value", u.Email)
	}
	r, err := ParseRole(string(u.Role))
	if err != nil {
		return err
	}
	u.Role = r
	switch {
	case r == RoleEditor && u.Institution == "":
		return invalid("institution", "error.editor_institution", "an editor belongs to one institution: give its code")
	case r != RoleEditor && u.Institution != "":
		return invalid("institution", "error.role_institution", "only an editor belongs to an institution, not a %s", r).WithArg("Role", string(r))
	case u.Institution != "" && !ValidCode(u.Institution):
		return invalid("institution", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", u.Institution).WithArg("Value", u.Institution)
	}
	return nil
}

// validEmail is deliberately loose: one "@" with text on both sides, a dot
// in the domain, no spaces or control characters, at most 254 bytes. The
// only real check of an address is mail reaching it.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(s) > 254 || strings.Contains(domain, "@") {
		return false
	}
	if i := strings.LastIndexByte(domain, '.'); i <= 0 || i == len(domain)-1 {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Password length bounds, in characters. The upper bound keeps a login
// request from making the server hash megabytes.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

// ValidatePassword checks a new password's length.
func ValidatePassword(p string) error {
	n := utf8.RuneCountInString(p)
	if n < MinPasswordLen {
		return invalid("password", "error.password_short", "the password must have at least %d characters", MinPasswordLen).WithArg("Count", MinPasswordLen)
	}
	if n > MaxPasswordLen {
		return invalid("password", "error.password_long", "the password must have at most %d characters", MaxPasswordLen).WithArg("Count", MaxPasswordLen)
	}
	return nil
}
