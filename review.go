package casebook

import "time"

// Review states of a fact.
const (
	StateMachine   = "machine"   // as the extractor produced it
	StateConfirmed = "confirmed" // an analyst checked it against the text
	StateCorrected = "corrected" // an analyst changed it; the machine value is kept
	StateRejected  = "rejected"  // an analyst judged it wrong
)

// Fact kinds.
const (
	KindPlace  = "place"
	KindAgency = "agency"
	KindMoney  = "money"
	KindEvent  = "event"
)

// Fact is one stored fact of a report with its review state. Exactly one of
// Place, Agency, Money, Event is set, matching Kind. Machine holds the
// extractor's value when an analyst has corrected it, so nothing is lost.
type Fact struct {
	ID               int64     `json:"id"`
	ReportID         int64     `json:"report_id"`
	Kind             string    `json:"kind"`
	Place            *Place    `json:"place,omitempty"`
	Agency           *Agency   `json:"agency,omitempty"`
	Money            *Money    `json:"money,omitempty"`
	Event            *Event    `json:"event,omitempty"`
	Machine          *Fact     `json:"machine,omitempty"`
	ExtractorVersion string    `json:"extractor_version"` // "" for a fact an analyst added
	State            string    `json:"state"`
	ReviewedBy       string    `json:"reviewed_by,omitempty"`
	ReviewedAt       time.Time `json:"reviewed_at,omitzero"`
	Note             string    `json:"note,omitempty"`
}

// FactsOf turns extracted facts into machine-state facts of a report.
func FactsOf(reportID int64, f Facts, extractorVersion string) []Fact {
	var out []Fact
	add := func(x Fact) {
		x.ReportID, x.ExtractorVersion, x.State = reportID, extractorVersion, StateMachine
		out = append(out, x)
	}
	for i := range f.Places {
		add(Fact{Kind: KindPlace, Place: &f.Places[i]})
	}
	for i := range f.Agencies {
		add(Fact{Kind: KindAgency, Agency: &f.Agencies[i]})
	}
	for i := range f.Money {
		add(Fact{Kind: KindMoney, Money: &f.Money[i]})
	}
	for i := range f.Events {
		add(Fact{Kind: KindEvent, Event: &f.Events[i]})
	}
	return out
}

// MarkAdded makes f a fact an analyst added: no extractor version and no
// machine value, confirmed unless it says otherwise, reviewed at now unless
// it carries its own time. Every store applies it in CreateFact.
func (f *Fact) MarkAdded(now time.Time) {
	f.ExtractorVersion = ""
	f.Machine = nil
	if f.State == "" {
		f.State = StateConfirmed
	}
	if f.ReviewedAt.IsZero() {
		f.ReviewedAt = now
	}
}

// FactFilter selects facts. Zero fields do not filter.
type FactFilter struct {
	ReportID  int64
	Kind      string
	EventType string
	PlaceID   string // a province also finds its cities and counties
	Agency    string
	Date      Interval
	MinUSD    float64
	MaxUSD    float64
	States    []string // e.g. confirmed+corrected for a viewer
	Offset    int
	Limit     int
}

// FactUpdate is an analyst's review decision on one fact.
type FactUpdate struct {
	State string // confirmed, corrected, rejected
	// For "corrected": the new value, replacing the fact's own of the same kind.
	Place  *Place
	Agency *Agency
	Money  *Money
	Event  *Event
	Note   string
	By     string
	At     time.Time
}
