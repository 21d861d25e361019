// Package agency finds North Korean state organs in text and maps each name,
// old or new, English or Korean, to its guide code.
//
// Names are matched by one trie walk per word start (English) or per Hangul
// syllable (Korean, where 시/도/군 and particles attach to the organ: 도보위부,
// 보안서에서), over a folded view of the text: lower case, apostrophes
// dropped, spaces and hyphens as one space. Spans are byte offsets into the
// original text.
package agency

//go:generate go test -run TestMatcherGenerated -update

import (
	"casebook"
	"casebook/extract/internal/ascii"
)

// Mention is one naming of a state organ or its people.
type Mention struct {
	Span casebook.Span
	Code string // casebook.AgencyMSS …
	// Person is set when the words name the organ's people (agents,
	// officers, 보위원) rather than the organ; people usually act.
	Person bool
	// Former is set inside "former X official", "formerly worked for X",
	// "defected from X", 전직 보위원: the organ is only someone's past employer.
	Former bool
	// Target is set when the organ or its people are acted on ("a police
	// officer was arrested", "investigators went through the provincial
	// party committee", "had the MSS investigated").
	Target bool
	// Passing is set when the organ is only named, said to keep still or
	// only receives an order from above: "not to be confused with the MSS",
	// "known as the State Security Department", "the police are keeping
	// their heads down", "ordered the police to", 보위부에 지시했다.
	Passing bool
	// Generic is set for "security agents/officials" without "state": by
	// default state security, but Find gives them the police's code in a
	// text that names only the police's ministry.
	Generic bool
}

// Find returns every mention of a state organ in text, in text order.
func Find(text string) []Mention {
	return find(text, "", ascii.Runs(text))
}

// FindLower is Find given the text already lower-cased (ASCII capitals only,
// as ascii.Lower does it), when the caller has it; "" means not made yet.
func FindLower(text, lower string) []Mention {
	return FindRuns(text, lower, nil)
}

// FindRuns is FindLower given the text's runs (ascii.Runs) too, when the
// caller has them; nil means not made yet.
func FindRuns(text, lower string, runs []ascii.Run) []Mention {
	if len(lower) != len(text) {
		lower = ""
	}
	if runs == nil {
		runs = ascii.Runs(text)
	}
	return find(text, lower, runs)
}
