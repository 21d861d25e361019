// Package money finds sums of money in text, their currency, role and value in
// US dollars.
package money

import (
	"time"

	"casebook"
)

// Find returns every sum of money the text states, in text order, each with
// its role from context and its USD value (the text's own conversion, else the
// monthly rate for published's month).
func Find(text string, published time.Time) []casebook.Money { return nil }
