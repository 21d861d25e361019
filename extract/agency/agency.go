// Package agency finds North Korean state organs in text and maps each name,
// old or new, English or Korean, to its guide code.
package agency

import "casebook"

// Mention is one naming of a state organ or its people.
type Mention struct {
	Span casebook.Span
	Code string // casebook.AgencyMSS …
}

// Find returns every mention of a state organ in text, in text order.
func Find(text string) []Mention { return nil }
