// Package extract turns a report's text into facts — places, agencies, sums of
// money, dates and events — each with the byte span of the words that state it,
// as ../shared/corpus/GUIDE.md defines them. It is pure: no I/O, and nothing
// global that a result depends on changes after start-up (only scratch memory
// is pooled between reports), so it is safe for concurrent use.
package extract

import (
	"sync"
	"time"

	"casebook"
	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/event"
	"casebook/extract/internal/ascii"
	"casebook/extract/money"
	"casebook/extract/place"
)

// Version identifies the extraction rules; stored with every machine fact so a
// newer extractor can re-extract without touching reviewed facts.
const Version = "2026.11.27"

// Input is one report to extract from.
type Input struct {
	Text      string
	Published time.Time // zero when unknown: relative dates stay unresolved
	Language  string    // "en", "ko" or "" to detect; text plainly in the other language wins
}

// runBufs recycles the runs of a report's text for the next report: a fresh
// slice for each was a third of the bytes allocated while extracting. It
// changes no result.
var runBufs = sync.Pool{New: func() any { return new([]ascii.Run) }}

// Extract returns the facts of one report.
func Extract(in Input) casebook.Facts {
	// The runs of letters, digits and other characters are found once for
	// the language and the four finders, which step from run to run.
	pooled := runBufs.Get().(*[]ascii.Run)
	runs := ascii.AppendRuns((*pooled)[:0], in.Text)
	defer func() {
		// The facts hold no runs. A huge report's runs are not kept.
		if cap(runs) <= 1<<16 {
			*pooled = runs[:0]
			runBufs.Put(pooled)
		}
	}()
	lang := language(in.Language, in.Text, runs)
	// English text is lower-cased once here for the agency and event
	// readers; Korean text rarely needs it (agency makes it if it does).
	var lower string
	if lang != "ko" {
		lower = ascii.Lower(in.Text)
	}
	doc := &event.Doc{
		Text:      in.Text,
		Lower:     lower,
		Language:  lang,
		Published: in.Published,
		Places:    place.FindRuns(in.Text, runs),
		Agencies:  agency.FindRuns(in.Text, lower, runs),
		Dates:     date.FindRuns(in.Text, in.Published, runs),
	}
	doc.Money, doc.MoneyMentions = money.ScanRuns(in.Text, in.Published, runs)
	return event.Assemble(doc)
}
