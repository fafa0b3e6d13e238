package kopuro

import "regexp"

// Institution is a university or academy, identified by a stable code such
// as "auca" that never changes once data refers to it.
type Institution struct {
	Code     string          `json:"code"`
	Name     Text            `json:"name"`
	Short    Text            `json:"short"`
	Type     InstitutionType `json:"type,omitempty"`
	City     string          `json:"city,omitempty"`
	Country  string          `json:"country,omitempty"`  // ISO 3166-1 alpha-2; "KG" when unset
	Students int64           `json:"students,omitempty"` // 0: unknown
}

var codeRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// ValidCode reports whether s can be an institution code: lower-case
// letters, digits and hyphens, starting with a letter or digit.
func ValidCode(s string) bool { return codeRE.MatchString(s) }

// Validate checks the institution and fills defaults (country KG).
func (in *Institution) Validate() error {
	if !ValidCode(in.Code) {
		return invalid("code", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", in.Code).WithArg("Value", in.Code)
	}
	if in.Name.Empty() {
		return invalid("name", "error.institution_name", "institution %s has no name in any language", in.Code).WithArg("Code", in.Code)
	}
	if _, err := ParseInstitutionType(string(in.Type)); err != nil {
		return err
	}
	if in.Students < 0 {
		return invalid("students", "error.negative", "student count must not be negative")
	}
	if in.Country == "" {
		in.Country = "KG"
	}
	if len(in.Country) != 2 {
		return invalid("country", "error.country", "country %q must be a two-letter ISO code", in.Country).WithArg("Value", in.Country)
	}
	return nil
}

// DisplayName is the short name in lang if there is one, else the full name.
func (in Institution) DisplayName(lang Lang) string {
	if s := in.Short.In(lang); s != "" {
		return s
	}
	return in.Name.In(lang)
}
