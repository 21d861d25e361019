// Package event finds incident-level acts by or against state organs and
// assembles a report's facts from the mentions the other extractors found.
package event

import (
	"time"

	"casebook"
	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/place"
)

// Doc is a report with every mention found in it.
type Doc struct {
	Text      string
	Language  string
	Published time.Time
	Places    []place.Mention
	Agencies  []agency.Mention
	Money     []casebook.Money
	Dates     []date.Expr
}

// Assemble returns the report's facts: its events, and the places, agencies
// and sums the guide asks to list.
func Assemble(d *Doc) casebook.Facts { return casebook.Facts{} }
