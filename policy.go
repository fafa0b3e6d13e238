package kopuro

// Action is something a signed-in user may or may not do. Handlers name the
// action and, for institution-scoped actions, the institution it touches;
// User.Can decides. Public pages (overview, institution profiles,
// leaderboards, report) need no action at all.
type Action string

// The actions. "Edit" actions are scoped to an institution: an editor may
// do them for their own institution only.
const (
	// ActionRead is reading what is behind the sign-in: goals, plans,
	// calendar, coding pages.
	ActionRead Action = "read"
	// ActionSeeAgreement is reading inter-coder and coder–machine agreement.
	ActionSeeAgreement Action = "see_agreement"
	// ActionCode is coding any post by hand as oneself.
	ActionCode Action = "code"
	// ActionEditAccounts is linking, registering and changing accounts.
	ActionEditAccounts Action = "edit_accounts"
	// ActionEditGoals is setting goals and KPIs.
	ActionEditGoals Action = "edit_goals"
	// ActionEditCalendar is adding and changing calendar entries.
	ActionEditCalendar Action = "edit_calendar"
	// ActionEditDrafts is writing, checking and reading drafts.
	ActionEditDrafts Action = "edit_drafts"
	// ActionCorrectLabels is correcting the labels of an institution's posts.
	ActionCorrectLabels Action = "correct_labels"
	// ActionImport is importing files for an institution.
	ActionImport Action = "import"
	// ActionManageUsers is adding users and their tokens.
	ActionManageUsers Action = "manage_users"
)

// Actions lists every action.
var Actions = []Action{ActionRead, ActionSeeAgreement, ActionCode, ActionEditAccounts, ActionEditGoals,
	ActionEditCalendar, ActionEditDrafts, ActionCorrectLabels, ActionImport, ActionManageUsers}

// grant is how far a role may take an action.
type grant int

const (
	never      grant = iota
	own              // only for the user's own institution
	everywhere       // for every institution
)

// policy is the whole authorization rule set: role × action. What is not
// listed is denied.
var policy = map[Role]map[Action]grant{
	RoleAdmin: {ActionRead: everywhere, ActionSeeAgreement: everywhere, ActionCode: everywhere, ActionEditAccounts: everywhere, ActionEditGoals: everywhere,
		ActionEditCalendar: everywhere, ActionEditDrafts: everywhere, ActionCorrectLabels: everywhere, ActionImport: everywhere, ActionManageUsers: everywhere},
	RoleEditor: {ActionRead: everywhere, ActionEditAccounts: own, ActionEditGoals: own, ActionEditCalendar: own,
		ActionEditDrafts: own, ActionCorrectLabels: own, ActionImport: own},
	RoleCoder:  {ActionRead: everywhere, ActionSeeAgreement: everywhere, ActionCode: everywhere},
	RoleViewer: {ActionRead: everywhere, ActionSeeAgreement: everywhere},
}

// Can reports whether u may take action on institution (the code of the
// institution the action touches; "" when it touches none, which an
// editor's own-institution grant never matches). The zero User — nobody
// signed in — may do nothing.
func (u User) Can(action Action, institution string) bool {
	switch policy[u.Role][action] {
	case everywhere:
		return true
	case own:
		return u.Institution != "" && institution == u.Institution
	}
	return false
}
