package event

import (
	"math"
	"strings"
	"time"

	"casebook"
	"casebook/extract/money"
	"casebook/extract/place"
)

// fill turns a mention into an event with its attributes.
func (a *assembler) fill(m mention) casebook.Event {
	ev := casebook.Event{Type: m.typ, Span: m.clause}
	s := &a.sents[m.sent]
	para := a.paraSpan(s.para)
	if id := a.placeFor(m, s, para); id != "" {
		if p, ok := place.ByID(id); ok {
			ev.Place = &casebook.PlaceRef{ID: p.ID, Name: p.Name}
		}
	}
	ev.Agency = a.agencyFor(m, s, para)
	ev.Target = a.targetFor(m, s)
	switch m.typ {
	case casebook.EventBribeDemand, casebook.EventBribePayment, casebook.EventConfiscation:
		if mo, ok := a.moneyFor(m, s); ok {
			ev.Amount = &casebook.Amount{Amount: mo.Amount, Max: mo.Max, Currency: mo.Currency, USD: mo.USD}
		}
	}
	if iv, ok := a.dateFor(m, s, para); ok {
		ev.Date = &iv
	}
	return ev
}

// paraSpan returns the span of paragraph p.
func (a *assembler) paraSpan(p int) casebook.Span {
	sp := casebook.Span{-1, -1}
	for i := range a.sents {
		if a.sents[i].para != p {
			continue
		}
		if sp[0] < 0 {
			sp[0] = a.sents[i].span[0]
		}
		sp[1] = a.sents[i].span[1]
	}
	return sp
}

func within(s, in casebook.Span) bool { return s[0] >= in[0] && s[1] <= in[1] }

// nearest returns the index among spans of the one within scope closest to
// the trigger, preferring one before it; -1 when none.
func nearest(spans func(int) casebook.Span, n int, scope, trig casebook.Span) int {
	best, bestD := -1, math.MaxInt
	for i := 0; i < n; i++ {
		sp := spans(i)
		if !within(sp, scope) {
			continue
		}
		d := 0
		switch {
		case sp[1] <= trig[0]:
			d = trig[0] - sp[1]
		case sp[0] >= trig[1]:
			d = (sp[0] - trig[1]) + 1 // after the trigger: a slight penalty
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// placeFor picks the place of an event: the nearest place in its clause,
// sentence or paragraph, else the report's main place. A province yields to
// a more precise place in it that the same sentence or the report names.
func (a *assembler) placeFor(m mention, s *sentence, para casebook.Span) string {
	span := func(i int) casebook.Span { return a.places[i].Span }
	n := len(a.places)
	id := ""
	for _, scope := range []casebook.Span{m.clause, s.span, para} {
		if i := nearest(span, n, scope, m.trig); i >= 0 {
			id = a.places[i].ID
			// A more precise place in the same scope wins ("Chongjin, North
			// Hamgyong Province").
			for j := 0; j < n; j++ {
				if j != i && within(a.places[j].Span, scope) && place.Within(a.places[j].ID, id) {
					id = a.places[j].ID
					break
				}
			}
			break
		}
	}
	if id == "" {
		return a.main
	}
	if a.main != "" && a.main != id && place.Within(a.main, id) {
		return a.main
	}
	return id
}

// mainPlace is the place the report is about: the city, county or district
// named most often (a district of it when the report names one), else the
// province named most often.
func (a *assembler) mainPlace() string {
	if len(a.places) == 0 {
		return ""
	}
	count := map[string]int{}
	first := map[string]int{}
	for i, p := range a.places {
		count[p.ID]++
		if _, ok := first[p.ID]; !ok {
			first[p.ID] = i
		}
	}
	best, bestN := "", 0
	bestProv, bestProvN := "", 0
	for id, n := range count {
		p, ok := place.ByID(id)
		if !ok {
			continue
		}
		if p.Kind == "province" {
			if n > bestProvN || n == bestProvN && first[id] < first[bestProv] {
				bestProv, bestProvN = id, n
			}
			continue
		}
		if n > bestN || n == bestN && first[id] < first[best] {
			best, bestN = id, n
		}
	}
	if best == "" {
		return bestProv
	}
	// A district of the main city is more precise ("Pyongyang's Sosong District").
	for id := range count {
		if id != best && place.Within(id, best) && count[id]*2 >= 2 {
			if p, ok := place.ByID(id); ok && p.Kind != "province" {
				return id
			}
		}
	}
	return best
}

// agencyFor picks the organ acting in an event: the nearest agency mention
// in its clause or sentence, else the last one named before it in the
// paragraph or the report, else the report's most named organ.
func (a *assembler) agencyFor(m mention, s *sentence, para casebook.Span) string {
	ags := a.d.Agencies
	span := func(i int) casebook.Span { return ags[i].Span }
	for _, scope := range []casebook.Span{m.clause, s.span, {para[0], m.trig[0]}} {
		if i := nearest(span, len(ags), scope, m.trig); i >= 0 {
			return ags[i].Code
		}
	}
	last := ""
	for _, g := range ags {
		if g.Span[0] >= m.trig[0] {
			break
		}
		if !a.inHeading(g.Span) {
			last = g.Code
		}
	}
	if last != "" {
		return last
	}
	count := map[string]int{}
	best := ""
	for _, g := range ags {
		count[g.Code]++
		if count[g.Code] > count[best] {
			best = g.Code
		}
	}
	return best
}

func (a *assembler) inHeading(sp casebook.Span) bool {
	for i := range a.sents {
		if a.sents[i].heading && within(sp, a.sents[i].span) {
			return true
		}
	}
	return false
}

// moneyFor picks the sum an event involves: one in its clause, else in its
// sentence; a bribe prefers a sum whose role is a bribe.
func (a *assembler) moneyFor(m mention, s *sentence) (casebook.Money, bool) {
	for _, scope := range []casebook.Span{m.clause, s.span} {
		best := -1
		for i, mo := range a.money {
			if !within(mo.Span, scope) || mo.Role == casebook.RoleRate {
				continue
			}
			if best < 0 || roleFits(m.typ, mo.Role) && !roleFits(m.typ, a.money[best].Role) {
				best = i
			}
		}
		if best >= 0 {
			return a.money[best], true
		}
	}
	return casebook.Money{}, false
}

func roleFits(typ, role string) bool {
	switch typ {
	case casebook.EventBribeDemand:
		return role == casebook.RoleBribeDemand
	case casebook.EventBribePayment:
		return role == casebook.RoleBribePayment
	}
	return false
}

// dateFor picks when an event happened: the nearest date in its clause or
// sentence, else the nearest earlier one in its paragraph.
func (a *assembler) dateFor(m mention, s *sentence, para casebook.Span) (casebook.Interval, bool) {
	span := func(i int) casebook.Span { return a.dates[i].Span }
	for _, scope := range []casebook.Span{m.clause, s.span, {para[0], m.trig[0]}} {
		if scope[0] < 0 || scope[1] <= scope[0] {
			continue
		}
		if i := nearest(span, len(a.dates), scope, m.trig); i >= 0 {
			return a.dates[i].Interval, true
		}
	}
	return casebook.Interval{}, false
}

// reportingDate reports whether a date expression dates the reporting (a
// source "told Daily NK on Friday", 소식통은 20일) rather than an act.
func reportingDate(text string, sp casebook.Span, ko bool) bool {
	before := text[max(0, sp[0]-48):sp[0]]
	after := text[sp[1]:min(len(text), sp[1]+40)]
	if ko {
		b := strings.TrimRight(before, " ")
		for _, w := range []string{"소식통은", "소식통이", "소식통", "통화에서", "전했다", "밝혔다"} {
			if strings.HasSuffix(b, w) {
				return true
			}
		}
		for _, w := range []string{"데일리NK", "통화", "전했다", "말했다", "밝혔다", "알려왔다"} {
			if strings.HasPrefix(strings.TrimLeft(after, " "), w) {
				return true
			}
		}
		return false
	}
	lb := strings.ToLower(before)
	for _, w := range []string{"told daily nk", "told dailynk", "said", "says", "spoke to daily nk", "spoke", "speaking to daily nk", "in a phone call", "by phone", "by telephone", "via telephone", "reported", "told", "daily nk met", "met on", "interviewed", "date of information"} {
		if strings.HasSuffix(strings.TrimRight(lb, " ,"), w) || strings.Contains(lb[max(0, len(lb)-24):], w) {
			return true
		}
	}
	la := strings.ToLower(after)
	for _, w := range []string{" told daily nk", " said", ", the source said", " in a phone call"} {
		if strings.HasPrefix(la, w) {
			return true
		}
	}
	return false
}

// convertAmount re-converts an event's sum at the month of the event when
// the text gave no conversion of its own.
func (a *assembler) convertAmount(ev *casebook.Event) {
	if ev.Amount == nil || ev.Date == nil || ev.Amount.Currency == "USD" {
		return
	}
	at, err := time.Parse("2006-01-02", ev.Date.From)
	if err != nil {
		return
	}
	pub := a.d.Published
	if ev.Amount.USD > 0 && !pub.IsZero() {
		atPub, ok := money.ToUSD(ev.Amount.Amount, ev.Amount.Currency, pub)
		if !ok || math.Abs(atPub-ev.Amount.USD) > 0.01*atPub+0.01 {
			return // the text's own conversion
		}
	}
	if u, ok := money.ToUSD(ev.Amount.Amount, ev.Amount.Currency, at); ok {
		ev.Amount.USD = math.Round(u*100) / 100
	}
}

// targetFor names the kind of person acted on, from the clause, then the
// sentence.
func (a *assembler) targetFor(m mention, s *sentence) string {
	if a.ko {
		for _, scope := range []casebook.Span{m.clause, s.span} {
			if t := koTarget(a.d.Text[scope[0]:scope[1]]); t != "" {
				return t
			}
		}
		return ""
	}
	for _, scope := range []casebook.Span{m.clause, s.span} {
		if t := enTarget(a.lower[scope[0]:scope[1]]); t != "" {
			return t
		}
	}
	return ""
}

// Person nouns and the canonical target each names, most specific first.
var enTargets = []struct{ word, target string }{
	{"remittance broker", "remittance broker"}, {"broker", "remittance broker"},
	{"defectors' famil", "defector family"}, {"families of defectors", "defector family"},
	{"relatives of defectors", "defector family"}, {"defector famil", "defector family"},
	{"defectors' relatives", "defector family"}, {"families of people who defected", "defector family"},
	{"relatives of people who", "defector family"}, {"relatives of north koreans who", "defector family"},
	{"phone user", "phone user"}, {"callers", "phone user"}, {"making calls", "phone user"},
	{"international calls", "phone user"}, {"calling south korea", "phone user"}, {"phone call", "phone user"},
	{"mobile phone", "phone user"}, {"chinese phone", "phone user"},
	{"smuggler", "smuggler"}, {"smuggling", "smuggler"},
	{"trader", "trader"}, {"vendor", "trader"}, {"merchant", "trader"}, {"stallholder", "trader"},
	{"businesspeople", "trader"}, {"pedlar", "trader"},
	{"defector", "defector"},
	{"student", "student"},
	{"official", "official"}, {"officer", "official"}, {"cadre", "official"}, {"director", "official"},
	{"chief", "official"}, {"minister", "official"},
	{"family", "family"}, {"families", "family"}, {"household", "family"},
	{"resident", "resident"}, {"villager", "resident"}, {"woman", "resident"}, {" man ", "resident"},
	{"people", "resident"}, {"person", "resident"}, {"individual", "resident"}, {"driver", "resident"},
}

func enTarget(s string) string {
	for _, t := range enTargets {
		if strings.Contains(s, t.word) {
			return t.target
		}
	}
	return ""
}

var koTargets = []struct{ word, target string }{
	{"송금 브로커", "remittance broker"}, {"송금브로커", "remittance broker"}, {"브로커", "remittance broker"},
	{"탈북민 가족", "defector family"}, {"탈북자 가족", "defector family"}, {"탈북민의 가족", "defector family"},
	{"통화", "phone user"}, {"손전화", "phone user"}, {"휴대전화", "phone user"},
	{"밀수", "smuggler"},
	{"상인", "trader"}, {"장사꾼", "trader"}, {"장사", "trader"}, {"기름", "trader"},
	{"탈북", "defector"},
	{"학생", "student"},
	{"간부", "official"}, {"보위원", "official"}, {"안전원", "official"},
	{"가족", "family"},
	{"주민", "resident"}, {"여성", "resident"}, {"남성", "resident"}, {"씨", "resident"},
}

func koTarget(s string) string {
	for _, t := range koTargets {
		if strings.Contains(s, t.word) {
			return t.target
		}
	}
	return ""
}

// placeList lists each place the report names once, with all its spans.
func (a *assembler) placeList() []casebook.Place {
	var out []casebook.Place
	idx := map[string]int{}
	for _, m := range a.places {
		if i, ok := idx[m.ID]; ok {
			out[i].Spans = append(out[i].Spans, m.Span)
			continue
		}
		p, ok := place.ByID(m.ID)
		if !ok {
			continue
		}
		p.Spans = []casebook.Span{m.Span}
		idx[m.ID] = len(out)
		out = append(out, p)
	}
	return out
}

// agencyList lists each organ named in the report once, with all its spans.
func (a *assembler) agencyList(events []casebook.Event) []casebook.Agency {
	var out []casebook.Agency
	idx := map[string]int{}
	for _, m := range a.d.Agencies {
		if !validSpan(m.Span, len(a.d.Text)) {
			continue
		}
		if i, ok := idx[m.Code]; ok {
			out[i].Spans = append(out[i].Spans, m.Span)
			continue
		}
		name, ok := casebook.AgencyNames[m.Code]
		if !ok {
			continue
		}
		idx[m.Code] = len(out)
		out = append(out, casebook.Agency{ID: m.Code, Name: name, Spans: []casebook.Span{m.Span}})
	}
	return out
}
