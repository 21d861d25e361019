package casebook

// Span is a half-open [start, end) range of byte offsets into a report's UTF-8 text.
type Span [2]int

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s[1] - s[0] }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s[0] < o[1] && o[0] < s[1] }

// Event types, the closed list of the annotation guide.
const (
	EventDetention    = "detention"
	EventBribeDemand  = "bribe_demand"
	EventBribePayment = "bribe_payment"
	EventRelease      = "release"
	EventCrackdown    = "crackdown"
	EventThreat       = "threat"
	EventConfiscation = "confiscation"
	EventPunishment   = "punishment"
	EventSurveillance = "surveillance"
	EventPersonnel    = "personnel"
)

// EventTypes lists every event type in a stable order (for facets and legends).
var EventTypes = []string{
	EventDetention, EventBribeDemand, EventBribePayment, EventRelease, EventCrackdown,
	EventThreat, EventConfiscation, EventPunishment, EventSurveillance, EventPersonnel,
}

// Agency codes of the annotation guide.
const (
	AgencyMSS         = "MSS"
	AgencyMPS         = "MPS"
	AgencyWPK         = "WPK"
	AgencyKPA         = "KPA"
	AgencyProsecution = "PROSECUTION"
	AgencyOther       = "OTHER"
)

// AgencyNames gives each agency code its English display name.
var AgencyNames = map[string]string{
	AgencyMSS:         "Ministry of State Security",
	AgencyMPS:         "Ministry of Social Security (police)",
	AgencyWPK:         "Workers' Party of Korea",
	AgencyKPA:         "Korean People's Army and border guards",
	AgencyProsecution: "Prosecutors and courts",
	AgencyOther:       "Other state organ",
}

// Money roles.
const (
	RoleBribeDemand  = "bribe_demand"
	RoleBribePayment = "bribe_payment"
	RoleFine         = "fine"
	RolePrice        = "price"
	RoleIncome       = "income"
	RoleRate         = "rate"
	RoleOther        = "other"
)

// Place is a place inside North Korea named by a report, from the gazetteer.
type Place struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`               // province, special_city, city, county, district, workers_district, town
	Province string  `json:"province,omitempty"` // id of the first-level unit; empty for first-level units
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Spans    []Span  `json:"spans,omitempty"`
}

// PlaceRef names a place by gazetteer id and English name.
type PlaceRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Agency is a North Korean state organ acting in a report, by guide code.
type Agency struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Spans []Span `json:"spans,omitempty"`
}

// Money is a sum the text states. A range is one item with Amount (low end) and Max.
// USD is the text's own conversion where it gives one, else the monthly rate's.
type Money struct {
	Amount   float64 `json:"amount"`
	Max      float64 `json:"max,omitempty"`
	Currency string  `json:"currency"` // ISO 4217: CNY, USD, KPW, KRW, JPY, EUR
	USD      float64 `json:"usd,omitempty"`
	Role     string  `json:"role,omitempty"`
	Span     Span    `json:"span"`
}

// Amount is the sum an event involves, without its span.
type Amount struct {
	Amount   float64 `json:"amount"`
	Max      float64 `json:"max,omitempty"`
	Currency string  `json:"currency"`
	USD      float64 `json:"usd,omitempty"`
}

// Interval is a closed interval of days, ISO dates "YYYY-MM-DD".
type Interval struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Overlaps reports whether two intervals share a day; ISO dates compare as strings.
func (iv Interval) Overlaps(o Interval) bool { return iv.From <= o.To && o.From <= iv.To }

// Event is one incident-level act by or against a state organ.
type Event struct {
	Type   string    `json:"type"`
	Span   Span      `json:"span"` // the shortest clause stating the act
	Place  *PlaceRef `json:"place,omitempty"`
	Agency string    `json:"agency,omitempty"`
	Target string    `json:"target,omitempty"` // kind of person acted on: resident, phone user, remittance broker…
	Amount *Amount   `json:"amount,omitempty"`
	Date   *Interval `json:"date,omitempty"`
}

// Facts is everything extracted from one report.
type Facts struct {
	Places   []Place  `json:"places"`
	Agencies []Agency `json:"agencies"`
	Money    []Money  `json:"money"`
	Events   []Event  `json:"events"`
}
