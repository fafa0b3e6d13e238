package youtube

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"
	_ "time/tzdata" // the quota resets at midnight Pacific time, wherever Kopuro runs

	"google.golang.org/api/googleapi"

	"kopuro"
	"kopuro/platform/httpx"
)

// errorBody is the error envelope of Google APIs.
type errorBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Errors  []struct {
			Reason string `json:"reason"`
			Domain string `json:"domain"`
		} `json:"errors"`
	} `json:"error"`
}

// classify reads YouTube's reasons: a spent daily quota stops until it
// resets; a per-user or per-second rate limit is worth a retry.
func classify(resp *http.Response, body []byte, now time.Time) httpx.Verdict {
	var e errorBody
	if resp.StatusCode == http.StatusForbidden && json.Unmarshal(body, &e) == nil {
		for _, r := range e.Error.Errors {
			switch r.Reason {
			case "quotaExceeded", "dailyLimitExceeded":
				return httpx.Verdict{Action: httpx.Stop, RetryAt: nextPacificMidnight(now)}
			case "rateLimitExceeded", "userRateLimitExceeded":
				return httpx.Verdict{Action: httpx.Retry}
			}
		}
	}
	return httpx.DefaultClassify(resp, body, now)
}

// nextPacificMidnight is when YouTube's daily quota comes back.
func nextPacificMidnight(now time.Time) time.Time {
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		loc = time.FixedZone("PST", -8*3600)
	}
	t := now.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc).UTC()
}

// apiErr turns an error of the Google client into a user-safe one.
func (c *Collector) apiErr(err error, page string) error {
	var ge *googleapi.Error
	if errors.As(err, &ge) {
		return httpx.StatusError(kopuro.YouTube, ge.Code, page, httpx.Scrub(ge.Message, c.cfg.APIKey))
	}
	if de := httpx.DecodeError(kopuro.YouTube, page, err); de != nil {
		return de
	}
	return httpx.Clean(err, c.cfg.APIKey)
}

// hasReason reports whether err is a Google API error with that reason.
func hasReason(err error, reason string) bool {
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		return false
	}
	for _, e := range ge.Errors {
		if e.Reason == reason {
			return true
		}
	}
	return false
}
