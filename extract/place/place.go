// Package place finds North Korean places in text, by every spelling the
// gazetteer lists, in English and Korean.
package place

import "casebook"

// Mention is one place named in the text.
type Mention struct {
	Span casebook.Span
	ID   string // gazetteer id
}

// Find returns every mention of a North Korean place in text, in text order.
func Find(text string) []Mention { return nil }

// ByID returns the gazetteer entry with the given id.
func ByID(id string) (casebook.Place, bool) { return casebook.Place{}, false }
