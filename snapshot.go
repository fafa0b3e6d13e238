package kopuro

// Snapshot is one measurement of an account at a date, with its provenance:
// where the figure comes from and how exact it is. With precision None the
// value is missing; with Below it is an upper bound ("under 1,000").
type Snapshot struct {
	ID        int64     `json:"id,omitempty"`
	AccountID int64     `json:"account_id,omitempty"`
	Metric    Metric    `json:"metric"`
	Value     Count     `json:"value"`
	Precision Precision `json:"precision"`
	AsOf      Date      `json:"as_of"`
	Source    string    `json:"source,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// Validate checks that value and precision agree: a None snapshot has no
// value and every other one has a non-negative value.
func (s *Snapshot) Validate() error {
	if _, err := ParseMetric(string(s.Metric)); err != nil {
		return err
	}
	p, err := ParsePrecision(string(s.Precision))
	if err != nil {
		return err
	}
	s.Precision = p
	if s.AsOf.IsZero() {
		return invalid("as_of", "error.required", "as_of is required").WithArg("Field", "as_of")
	}
	switch {
	case p == None && s.Value.Valid:
		return invalid("value", "error.none_with_value", "precision none means no data, but value %d is given", s.Value.N).WithArg("Value", s.Value.N)
	case p != None && !s.Value.Valid:
		return invalid("value", "error.value_missing", "value is missing; use precision none for no data")
	}
	return s.Value.validate("value")
}

// Known reports whether s carries a figure: a value with a precision
// other than None. A snapshot that is not known says "no data", which is
// shown as such and never read as 0.
func (s Snapshot) Known() bool { return s.Value.Valid && s.Precision != None }

// Sort key for leaderboards: below-bounded values rank under exact values of
// the same number and missing values rank last.
func (s Snapshot) RankValue() float64 {
	switch {
	case !s.Value.Valid:
		return -1
	case s.Precision == Below:
		return float64(s.Value.N) - 0.5
	}
	return float64(s.Value.N)
}
