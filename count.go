package kopuro

import (
	"encoding/json"
	"strconv"
)

// Count is a non-negative number that may be missing. Missing is not zero:
// an export without a shares column says nothing about shares.
type Count struct {
	N     int64
	Valid bool
}

// Known returns a present count.
func Known(n int64) Count { return Count{N: n, Valid: true} }

// Unknown is the missing count.
var Unknown = Count{}

// Ptr returns the count as a pointer, nil when missing.
func (c Count) Ptr() *int64 {
	if !c.Valid {
		return nil
	}
	n := c.N
	return &n
}

// CountOf is the inverse of Ptr.
func CountOf(p *int64) Count {
	if p == nil {
		return Unknown
	}
	return Known(*p)
}

// String is the number, or "N/A" when missing.
func (c Count) String() string {
	if !c.Valid {
		return "N/A"
	}
	return strconv.FormatInt(c.N, 10)
}

// MarshalJSON writes the number or null.
func (c Count) MarshalJSON() ([]byte, error) {
	if !c.Valid {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, c.N, 10), nil
}

// UnmarshalJSON reads a number or null.
func (c *Count) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = Unknown
		return nil
	}
	var n int64
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*c = Known(n)
	return nil
}

func (c Count) validate(field string) error {
	if c.Valid && c.N < 0 {
		return invalid(field, "error.negative", "%s must not be negative", field)
	}
	return nil
}
