package kopuro

import "testing"

func TestUserValidate(t *testing.T) {
	tests := []struct {
		name      string
		u         User
		wantKey   string // "" for valid
		wantEmail string
	}{
		{"admin", User{Email: " Aigul@Example.KG ", Role: "Admin"}, "", "aigul@example.kg"},
		{"editor", User{Email: "pr@auca.kg", Role: RoleEditor, Institution: "auca"}, "", "pr@auca.kg"},
		{"coder", User{Email: "coder@uni.kg", Role: RoleCoder}, "", "coder@uni.kg"},
		{"viewer", User{Email: "v@uni.kg", Role: RoleViewer}, "", "v@uni.kg"},
		{"editor without institution", User{Email: "pr@auca.kg", Role: RoleEditor}, "error.editor_institution", ""},
		{"coder with institution", User{Email: "c@auca.kg", Role: RoleCoder, Institution: "auca"}, "error.role_institution", ""},
		{"editor bad code", User{Email: "pr@auca.kg", Role: RoleEditor, Institution: "AUCA!"}, "error.institution_code", ""},
		{"unknown role", User{Email: "x@auca.kg", Role: "owner"}, "error.role", ""},
		{"no role", User{Email: "x@auca.kg"}, "error.role", ""},
		{"no at", User{Email: "auca.kg", Role: RoleViewer}, "error.email", ""},
		{"two ats", User{Email: "a@b@auca.kg", Role: RoleViewer}, "error.email", ""},
		{"no local part", User{Email: "@auca.kg", Role: RoleViewer}, "error.email", ""},
		{"no dot in domain", User{Email: "a@localhost", Role: RoleViewer}, "error.email", ""},
		{"trailing dot", User{Email: "a@auca.", Role: RoleViewer}, "error.email", ""},
		{"space inside", User{Email: "a b@auca.kg", Role: RoleViewer}, "error.email", ""},
		{"newline inside", User{Email: "a@auca.kg\nBcc: x@y.z", Role: RoleViewer}, "error.email", ""},
		{"empty", User{Role: RoleViewer}, "error.email", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.u
			err := u.Validate()
			if tt.wantKey == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if u.Email != tt.wantEmail {
					t.Errorf("email = %q, want %q", u.Email, tt.wantEmail)
				}
				return
			}
			e := AsError(err)
			if e == nil || e.Key != tt.wantKey || e.Code != EInvalid {
				t.Errorf("err = %#v, want key %s", err, tt.wantKey)
			}
		})
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		p       string
		wantKey string
	}{
		{"correct horse", ""},
		{"123456789", "error.password_short"},
		{"ңөүңөүңөүң", ""}, // ten characters, twenty bytes
		{"ңөүңөүңөү", "error.password_short"},
		{string(make([]byte, MaxPasswordLen+1)), "error.password_long"},
	}
	for _, tt := range tests {
		err := ValidatePassword(tt.p)
		if got := ""; err != nil {
			got = AsError(err).Key
			if got != tt.wantKey {
				t.Errorf("%q: key %s, want %s", tt.p, got, tt.wantKey)
			}
		} else if tt.wantKey != "" {
			t.Errorf("%q: accepted, want %s", tt.p, tt.wantKey)
		}
	}
}

// TestCan states the policy as the issue does, one row per rule, and checks
// it for every role against its own and another institution.
func TestCan(t *testing.T) {
	admin := User{Role: RoleAdmin}
	editor := User{Role: RoleEditor, Institution: "auca"}
	coder := User{Role: RoleCoder}
	viewer := User{Role: RoleViewer}
	nobody := User{}
	tests := []struct {
		who    string
		u      User
		action Action
		inst   string
		want   bool
	}{
		{"admin", admin, ActionEditAccounts, "knu", true},
		{"admin", admin, ActionManageUsers, "", true},
		{"admin", admin, ActionCode, "", true},
		{"editor own", editor, ActionEditAccounts, "auca", true},
		{"editor other", editor, ActionEditAccounts, "knu", false},
		{"editor own goals", editor, ActionEditGoals, "auca", true},
		{"editor other goals", editor, ActionEditGoals, "knu", false},
		{"editor own calendar", editor, ActionEditCalendar, "auca", true},
		{"editor other calendar", editor, ActionEditCalendar, "knu", false},
		{"editor own drafts", editor, ActionEditDrafts, "auca", true},
		{"editor other drafts", editor, ActionEditDrafts, "knu", false},
		{"editor own labels", editor, ActionCorrectLabels, "auca", true},
		{"editor other labels", editor, ActionCorrectLabels, "knu", false},
		{"editor own import", editor, ActionImport, "auca", true},
		{"editor other import", editor, ActionImport, "knu", false},
		{"editor no institution named", editor, ActionImport, "", false},
		{"editor codes", editor, ActionCode, "auca", false},
		{"editor users", editor, ActionManageUsers, "auca", false},
		{"editor reads", editor, ActionRead, "knu", true},
		{"coder codes", coder, ActionCode, "knu", true},
		{"coder agreement", coder, ActionSeeAgreement, "", true},
		{"coder accounts", coder, ActionEditAccounts, "knu", false},
		{"coder goals", coder, ActionEditGoals, "knu", false},
		{"viewer reads", viewer, ActionRead, "knu", true},
		{"viewer codes", viewer, ActionCode, "knu", false},
		{"viewer accounts", viewer, ActionEditAccounts, "knu", false},
		{"viewer imports", viewer, ActionImport, "", false},
		{"nobody reads", nobody, ActionRead, "", false},
		{"unknown role", User{Role: "owner", Institution: "auca"}, ActionEditAccounts, "auca", false},
		{"editor without institution", User{Role: RoleEditor}, ActionEditAccounts, "", false},
		{"unknown action", admin, Action("launch"), "", false},
	}
	for _, tt := range tests {
		if got := tt.u.Can(tt.action, tt.inst); got != tt.want {
			t.Errorf("%s: Can(%s, %q) = %v, want %v", tt.who, tt.action, tt.inst, got, tt.want)
		}
	}
	// Admin may do every action, so a new action cannot be forgotten there;
	// a viewer may write nothing.
	for _, a := range Actions {
		if !admin.Can(a, "knu") {
			t.Errorf("admin may not %s", a)
		}
		if viewer.Can(a, "knu") != (a == ActionRead || a == ActionSeeAgreement) {
			t.Errorf("viewer and %s: read-only broken", a)
		}
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range Roles {
		if got, err := ParseRole(" " + string(r) + " "); err != nil || got != r {
			t.Errorf("ParseRole(%s) = %s, %v", r, got, err)
		}
	}
	if _, err := ParseRole("root"); AsError(err) == nil || AsError(err).Field != "role" {
		t.Errorf("root: %v", err)
	}
}
