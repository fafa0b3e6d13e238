package kopuro

import "strings"

// Campaign is a campaign shared by several universities under one
// hashtag, such as a national #UniServiceWeek, over a span of days (both
// ends included, in the audience's time zone).
type Campaign struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Hashtag      string   `json:"hashtag"`
	From         Date     `json:"from"`
	To           Date     `json:"to"`
	Institutions []string `json:"institutions,omitempty"`
	SDGs         []int    `json:"sdgs,omitempty"`
	Description  string   `json:"description,omitempty"`
}

// Validate checks the campaign and normalises its hashtag to "#Tag".
func (c *Campaign) Validate() error {
	if !ValidCode(c.ID) {
		return invalid("id", "error.campaign_id", "campaign id %q must be lower-case letters, digits and hyphens", c.ID).WithArg("Value", c.ID)
	}
	if strings.TrimSpace(c.Name) == "" {
		return invalid("name", "error.required", "name is required").WithArg("Field", "name")
	}
	tag := strings.TrimPrefix(strings.TrimSpace(c.Hashtag), "#")
	if got := Hashtags("#" + tag); len(got) != 1 || got[0] != strings.ToLower(tag) {
		return invalid("hashtag", "error.hashtag", "%q is not a single hashtag", c.Hashtag).WithArg("Value", c.Hashtag)
	}
	c.Hashtag = "#" + tag
	if c.From.IsZero() || c.To.IsZero() || c.From.MonthOnly() || c.To.MonthOnly() {
		return invalid("from", "error.campaign_dates", "a campaign needs from and to days (YYYY-MM-DD)")
	}
	if c.To.Start().Before(c.From.Start()) {
		return invalid("to", "error.campaign_dates", "a campaign must not end before it starts")
	}
	for _, in := range c.Institutions {
		if !ValidCode(in) {
			return invalid("institutions", "error.institution_code", "institution code %q must be lower-case letters, digits and hyphens", in).WithArg("Value", in)
		}
	}
	for _, g := range c.SDGs {
		if g < 1 || g > 17 {
			return invalid("sdgs", "error.sdg", "SDG %d is not between 1 and 17", g).WithArg("Value", g)
		}
	}
	return nil
}

// Tag is the campaign's hashtag as compared: lower case, without "#".
func (c Campaign) Tag() string { return strings.ToLower(strings.TrimPrefix(c.Hashtag, "#")) }
