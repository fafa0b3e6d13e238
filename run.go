package kopuro

import "time"

// RunStatus says how a collector run ended.
type RunStatus string

// Run statuses.
const (
	RunOK      RunStatus = "ok"      // everything was fetched
	RunPartial RunStatus = "partial" // fetched, but some items could not be read
	RunQuota   RunStatus = "quota"   // stopped cleanly: the platform's quota is spent
	RunFailed  RunStatus = "failed"  // stopped by an error
)

// Run is one collector run against one account: what the store records and
// `kopuro status` shows. Error is the English text of the error that
// stopped the run, already free of credentials; Failure is that error
// when it is user-safe, so that it can be shown in the reader's language.
type Run struct {
	ID        int64      `json:"id,omitempty"`
	AccountID int64      `json:"account_id,omitempty"`
	Platform  Platform   `json:"platform"`
	Account   AccountRef `json:"-"`
	Started   time.Time  `json:"started"`
	Finished  time.Time  `json:"finished"`
	Status    RunStatus  `json:"status"`
	Snapshots int        `json:"snapshots"`
	Posts     int        `json:"posts"`
	Comments  int        `json:"comments"`
	// Errors counts items that could not be read plus the error that
	// stopped the run, if any.
	Errors int    `json:"errors"`
	Error  string `json:"error,omitempty"`
	// Failure is nil when the error was not user-safe, or the run was
	// recorded before failures were stored with their catalogue key.
	Failure *Error `json:"-"`
	// RetryAt is when a run stopped by quota may try again.
	RetryAt time.Time `json:"retry_at,omitzero"`
}

// Items is the number of things the run fetched.
func (r Run) Items() int { return r.Snapshots + r.Posts + r.Comments }
