package event

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/agency"
	"casebook/extract/money"
	"casebook/extract/place"
)

// fill turns a mention into an event with its attributes.
func (a *assembler) fill(m mention) (ev casebook.Event, weakDate bool) {
	ev = casebook.Event{Type: m.typ, Span: m.clause}
	if m.evidence[1] > m.evidence[0] {
		ev.Span = m.evidence
	}
	s := &a.sents[m.sent]
	para := a.paraSpan(s.para)
	if id := a.placeFor(m, s, para); id != "" {
		if p, ok := place.ByID(id); ok {
			ev.Place = a.refs.place(casebook.PlaceRef{ID: p.ID, Name: p.Name})
		}
	}
	ev.Target = a.targetFor(m, s)
	if (m.typ == casebook.EventPunishment || m.typ == casebook.EventDetention && m.passive) && !a.ko && a.officialBefore(m) {
		ev.Target = "official"
		// "A police officer … has ended up in a camp": the organ named with
		// the official acted on is not the one acting.
		m.passive = true
	}
	ev.Agency = a.agencyFor(m, s, para)
	switch {
	case m.typ == casebook.EventBribeDemand, m.typ == casebook.EventBribePayment, m.typ == casebook.EventConfiscation, m.fine:
		if mo, ok := a.moneyFor(m, s); ok {
			ev.Amount = &casebook.Amount{Amount: mo.Amount, Max: mo.Max, Currency: mo.Currency, USD: mo.USD}
		}
	}
	if iv, ok, weak := a.dateFor(m, s, para, a.lead); ok {
		ev.Date = a.refs.date(iv)
		weakDate = weak
	}
	return ev, weakDate
}

// paraSpan returns the span of paragraph p.
func (a *assembler) paraSpan(p int) casebook.Span {
	if p < 0 || p >= len(a.paras) {
		return casebook.Span{-1, -1}
	}
	return a.paras[p]
}

func within(s, in casebook.Span) bool { return s[0] >= in[0] && s[1] <= in[1] }

// nearest returns the index among spans (sorted by start) of the one within
// scope closest to the trigger, preferring one before it; skip, if not nil,
// leaves some out. It costs a binary search and a short walk, so an event
// costs the same however many mentions a report has.
func nearest(spans []casebook.Span, scope, trig casebook.Span, skip func(int) bool) int {
	// sort.Search for the first span starting at or after the trigger,
	// without its closure.
	k, hi := 0, len(spans)
	for k < hi {
		if h := int(uint(k+hi) >> 1); spans[h][0] < trig[0] {
			k = h + 1
		} else {
			hi = h
		}
	}
	best, bestD := -1, math.MaxInt
	for i := k; i < len(spans); i++ {
		sp := spans[i]
		if sp[0] >= scope[1] {
			break
		}
		if skip != nil && skip(i) || !within(sp, scope) {
			continue
		}
		d := 0
		if sp[0] >= trig[1] {
			d = sp[0] - trig[1] + 1 // after the trigger: a slight penalty
		}
		best, bestD = i, d
		break
	}
	for i := k - 1; i >= 0; i-- {
		sp := spans[i]
		if sp[0] < scope[0] {
			break
		}
		if skip != nil && skip(i) || !within(sp, scope) {
			continue
		}
		d := 0
		if sp[1] <= trig[0] {
			d = trig[0] - sp[1]
		}
		if d <= bestD {
			best = i
		}
		break
	}
	return best
}

// placeFor picks the place of an event: the nearest place in its clause,
// sentence or paragraph, else the report's main place. A province yields to
// a more precise place in it that the same sentence or the report names.
// Where a source lives ("a source in Ryanggang") or where someone comes
// from ("a woman from Chongjin") is not where the act happened.
func (a *assembler) placeFor(m mention, s *sentence, para casebook.Span) string {
	n := len(a.places)
	scopes := [...]casebook.Span{a.mainClause(m), s.span, {para[0], m.trig[0]}, para}
	pick := func(origins bool) string {
		skip := func(i int) bool { return a.placeAside[i] || a.placeOrigin[i] && !origins }
		for _, scope := range scopes {
			i := nearest(a.placeSpans, scope, m.trig, skip)
			if i < 0 {
				continue
			}
			id := a.places[i].ID
			// "Pyongyang's Moranbong and Rangnang districts": an act over
			// two districts is the city's.
			if p := a.pairParent(i); p != "" {
				return p
			}
			// A more precise place in the same scope wins ("Chongjin, North
			// Hamgyong Province"); look only at the mentions around it.
			for j := max(0, i-3); j < min(n, i+4); j++ {
				if j != i && !skip(j) && within(a.places[j].Span, scope) && place.Within(a.places[j].ID, id) {
					return a.places[j].ID
				}
			}
			return id
		}
		return ""
	}
	if a.main != "" && (a.ko && provincialOrgan(a.d.Text[m.clause[0]:m.trig[0]]) || !a.ko && enProvincialOrgan(a.lower[m.clause[0]:m.clause[1]])) {
		// 도 당위원회가 … 지시를 내렸다: a provincial organ acts for the
		// whole province, unless the clause names a place of its own.
		if i := nearest(a.placeSpans, m.clause, m.trig, func(i int) bool { return a.placeAside[i] }); i < 0 {
			if p, ok := place.ByID(a.main); ok {
				if p.Kind == "province" {
					return p.ID
				}
				if _, ok := place.ByID(p.Province); ok {
					return p.Province
				}
			}
		}
	}
	id := pick(false)
	if id == "" && a.main == "" {
		id = pick(true)
	}
	if id == "" {
		return a.main
	}
	if a.main != "" && a.main != id && place.Within(a.main, id) {
		// A campaign told with its province in its own sentence ("a
		// campaign …, and merchants in North Hamgyong Province feel it")
		// spans the province.
		if m.typ == casebook.EventCrackdown && a.provinceIn(id, s.span) {
			return id
		}
		return a.main
	}
	return id
}

// enSubordinator are the words that open a clause of another act after the
// trigger ("was dismissed after an audit found … in Sinpo"), or of what an
// inquiry found ("an audit found he had taken money … in Sinpo").
var enSubordinator = wordSet("after", "because", "since", "when", "while", "until", "before", "following", "found", "showed", "revealed", "discovered")

// mainClause is m's clause cut at a subordinate clause after the trigger
// (English): a place told in that clause is where the other act happened.
func (a *assembler) mainClause(m mention) casebook.Span {
	cl := m.clause
	if a.ko || m.trig[1] >= cl[1] {
		return cl
	}
	toks := tokRange(a.toks, m.trig[1], cl[1])
	for k := range toks {
		t := &toks[k]
		if enSubordinator.hasTok(t) {
			cl[1] = t.lo
			break
		}
	}
	return cl
}

// provinceIn reports that id is a province named within sp.
func (a *assembler) provinceIn(id string, sp casebook.Span) bool {
	p, ok := place.ByID(id)
	if !ok || p.Kind != "province" {
		return false
	}
	k := sort.Search(len(a.places), func(i int) bool { return a.places[i].Span[0] >= sp[0] })
	for ; k < len(a.places) && a.places[k].Span[1] <= sp[1]; k++ {
		if a.places[k].ID == id && !a.placeAside[k] {
			return true
		}
	}
	return false
}

// pairParent returns the place named just before mention i when i and a
// neighbour are joined by "and" (or a comma, 과, 와) and both lie in it:
// the act spans them, so its place is the parent. "" otherwise.
func (a *assembler) pairParent(i int) string {
	for _, j := range [2]int{i - 1, i + 1} {
		lo, hi := min(i, j), max(i, j)
		if lo < 1 || hi >= len(a.places) {
			continue
		}
		x, y, parent := a.places[lo], a.places[hi], a.places[lo-1]
		if x.Span[1] > y.Span[0] || parent.Span[1] > x.Span[0] || x.Span[0]-parent.Span[1] > 8 {
			continue
		}
		if y.Span[0]-x.Span[1] > 24 {
			continue
		}
		gap := strings.TrimSpace(a.lower[x.Span[1]:y.Span[0]])
		for _, w := range [...]string{"districts", "district", "counties", "county", "구역", "군"} {
			gap = strings.TrimSpace(strings.TrimPrefix(gap, w))
		}
		switch gap {
		case "and", ",", "or", "과", "와", "및", "·":
		default:
			continue
		}
		if x.ID != y.ID && place.Within(x.ID, parent.ID) && place.Within(y.ID, parent.ID) && x.ID != parent.ID {
			return parent.ID
		}
	}
	return ""
}

// provincialOrgan reports a Korean clause opening whose organ is the
// province's own (도 당위원회, 도 검찰소, 도 인민위원회): 도 standing alone
// before an organ's name.
func enProvincialOrgan(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], "provincial ")
		if k < 0 {
			return false
		}
		k += i + len("provincial ")
		for _, o := range [...]string{"party", "security", "police", "people's", "prosecutor", "committee", "court", "bureau", "inspection"} {
			if strings.HasPrefix(s[k:], o) {
				return true
			}
		}
		i = k
	}
}

// provincialOrgan reports a Korean provincial organ (도 당위원회, 도 보위부).
func provincialOrgan(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], "도 ")
		if k < 0 {
			return false
		}
		k += i
		if k == 0 || s[k-1] == ' ' || s[k-1] == '\n' || s[k-1] == '"' {
			rest := s[k+len("도 "):]
			for _, o := range [...]string{"당", "인민위원회", "검찰", "보위", "안전", "보안", "사회안전", "비사회주의"} {
				if strings.HasPrefix(rest, o) {
					return true
				}
			}
		}
		i = k + len("도 ")
	}
}

// asidePlace reports a place named as where a source is or where someone
// was heading, not where an act happened.
func asidePlace(text, lower string, sp casebook.Span, ko bool) bool {
	if ko {
		// 양강도 소식통, 양강도의 한 소식통, 회령시에 사는 소식통: where a
		// source is.
		after := text[sp[1]:runeStart(text, min(len(text), sp[1]+28))]
		if i := strings.Index(after, "소식통"); i >= 0 && !strings.ContainsAny(after[:i], ".\"“”") {
			return true
		}
		for _, w := range []string{" 출신", "에서 온", "으로 가려", "로 가려", "으로 가던", "로 가던", "으로 향하", "로 향하", "으로 가는", "로 가는", "에 가려", "으로 떠나", "로 떠나"} {
			if strings.HasPrefix(after, w) {
				return true
			}
		}
		// 사리원시 안전부 부부장 출신 간부: an organ of the place that is
		// someone's former post, a few words on.
		far := text[sp[1]:runeStart(text, min(len(text), sp[1]+40))]
		if i := strings.Index(far, " 출신"); i >= 0 && !strings.ContainsAny(far[:i], ".,\"“”") && strings.Count(far[:i], " ") <= 3 {
			return true
		}
		return false
	}
	before := lower[max(0, sp[0]-24):sp[0]]
	if !strings.HasSuffix(before, " ") {
		return false // every cue ends with a space
	}
	// Every cue's last word is one of these.
	last := before[:len(before)-1]
	switch last[strings.LastIndexByte(last, ' ')+1:] {
	case "in", "from", "for", "to", "the":
	default:
		return false
	}
	for _, w := range enAsideCues {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// enAsideCues are the words before a place where a source is or someone
// was heading, each also with "the ".
var enAsideCues = func() (out []string) {
	for _, w := range []string{"source in ", "sources in ", "source from ", "informant in ", "contact in ", "source based in ", "contacts in ", "living in ", "heading for ", "heading to ", "bound for ", "fled to ", "way to ", "travel to "} {
		out = append(out, w, w+"the ")
	}
	return out
}()

// originPlace reports a place named as where someone comes from ("a woman
// from Chongjin"): often, but not always, where the act happened.
func originPlace(text, lower string, sp casebook.Span, ko bool) bool {
	if ko {
		return false
	}
	before := lower[max(0, sp[0]-12):sp[0]]
	return strings.HasSuffix(before, "from ") || strings.HasSuffix(before, "resident of ")
}

// mainPlace is the place the report is about: the place named most often,
// a city, county or district before a province on a tie (and a district of
// the main city when the report names one).
func (a *assembler) mainPlace() string {
	if len(a.places) == 0 {
		return ""
	}
	// Each place named, with how often and where first: a report names
	// few, so a list beats a map.
	type tally struct {
		id       string
		n, first int
	}
	var buf [16]tally
	counts := buf[:0]
	asides := 0
	for i := range a.places {
		if a.placeAside[i] {
			asides++
		}
	}
	for i, p := range a.places {
		// Where the sources are counts only when nothing else is named.
		if a.placeAside[i] && asides < len(a.places) {
			continue
		}
		k := slices.IndexFunc(counts, func(t tally) bool { return t.id == p.ID })
		if k < 0 {
			k = len(counts)
			counts = append(counts, tally{id: p.ID, first: i})
		}
		counts[k].n++
	}
	// The best by count, then a place before a province, then the first
	// named: an order, so the list's order does not matter.
	best, bestN, bestProv, bestFirst := "", 0, true, 0
	for _, t := range counts {
		p, ok := place.ByID(t.id)
		if !ok {
			continue
		}
		prov := p.Kind == "province"
		better := t.n > bestN ||
			t.n == bestN && bestProv && !prov ||
			t.n == bestN && prov == bestProv && t.first < bestFirst
		if better {
			best, bestN, bestProv, bestFirst = t.id, t.n, prov, t.first
		}
	}
	// A district of the main city is more precise ("Pyongyang's Sosong
	// District") when the lead names it or an organ acting from it (사포구역
	// 보안서); a district named only later in passing may be a side scene
	// (한편 판문구역에서는 쌀값이…), and two such districts mean the story
	// spans the city.
	lead := a.leadSpan()
	district := ""
	for i, p := range a.places {
		if p.ID == best || a.placeAside[i] || !a.placeSeat[i] && !within(p.Span, lead) || !place.Within(p.ID, best) {
			continue
		}
		q, ok := place.ByID(p.ID)
		if !ok || q.Kind == "province" || !(q.Kind == "district" || !bestProv) {
			continue
		}
		if district != "" && district != p.ID {
			return best
		}
		district = p.ID
	}
	if district != "" {
		return district
	}
	return best
}

// leadSpan is the span of the first body paragraph (the report's title
// excluded).
func (a *assembler) leadSpan() casebook.Span {
	for _, s := range a.sents {
		if s.heading {
			continue
		}
		lo, hi := s.span[0], s.span[1]
		for _, t := range a.sents {
			if t.para == s.para && t.span[1] > hi {
				hi = t.span[1]
			}
		}
		return casebook.Span{lo, hi}
	}
	return casebook.Span{}
}

// seat reports a place named as an organ's seat: an organ's name follows
// it at once ("Hungnam district State Security Department", 개성시 안전부).
func (a *assembler) seat(sp casebook.Span) bool {
	k := sort.Search(len(a.agencies), func(i int) bool { return a.agencies[i].Span[0] >= sp[1] })
	if k == len(a.agencies) {
		return false
	}
	if a.agencies[k].Span[0]-sp[1] > 40 {
		return false
	}
	gap := strings.TrimSpace(a.lower[sp[1]:a.agencies[k].Span[0]])
	for _, w := range [...]string{"district", "city", "county", "province", "provincial", "municipal", "'s", "’s"} {
		gap = strings.TrimSpace(strings.TrimPrefix(gap, w))
	}
	return gap == ""
}

// agencyFor picks the organ acting in an event: in its clause the first
// organ named before the trigger (the subject), else one after it ("by the
// MSS"); else the nearest in the sentence; else the last one named before it
// in the paragraph or the report; else the report's most named organ. In a
// passive clause the organ before the trigger is acted on, not acting.
func (a *assembler) agencyFor(m mention, s *sentence, para casebook.Span) string {
	ags := a.acting
	// In the clause: the first organ before the trigger, else the first after.
	k := sort.Search(len(ags), func(i int) bool { return ags[i].Span[0] >= m.clause[0] })
	after := -1
	for i := k; i < len(ags) && ags[i].Span[0] < m.clause[1]; i++ {
		g := ags[i]
		if !within(g.Span, m.clause) {
			continue
		}
		if g.Span[1] <= m.trig[0] {
			if !m.passive {
				return g.Code
			}
		} else if g.Span[0] >= m.trig[1] {
			after = i
			break
		}
	}
	if after >= 0 {
		return ags[after].Code
	}
	inClause := func(i int) bool { return m.passive && within(ags[i].Span, m.clause) }
	if i := nearest(a.actingSpans, s.span, m.trig, inClause); i >= 0 {
		return ags[i].Code
	}
	// Earlier in the paragraph, an organ acted on may act next ("an officer
	// of the MPS was taken into custody … the officer had been accepting
	// bribes").
	all := a.agencies
	// An organ of the trigger's own sentence was judged there already (a
	// threat's "would be handed to the security department" is not
	// acting), except the organ of a passive clause's subject.
	otherInSentence := func(i int) bool {
		sp := all[i].Span
		return within(sp, s.span) && !(m.passive && within(sp, m.clause) && sp[1] <= m.trig[0])
	}
	if i := nearest(a.agencySpans, casebook.Span{para[0], m.trig[0]}, m.trig, otherInSentence); i >= 0 {
		return all[i].Code
	}
	// The last organ acting before, outside headings.
	for i := sort.Search(len(ags), func(i int) bool { return ags[i].Span[0] >= m.trig[0] }) - 1; i >= 0; i-- {
		if !a.inHeading(ags[i].Span) {
			return ags[i].Code
		}
	}
	if a.topAgency == "" && m.passive {
		for i := k; i < len(ags) && ags[i].Span[0] < m.clause[1]; i++ {
			return ags[i].Code
		}
	}
	return a.topAgency
}

func (a *assembler) inHeading(sp casebook.Span) bool {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].span[1] > sp[0] })
	return i < len(a.sents) && a.sents[i].heading && within(sp, a.sents[i].span)
}

// moneyFor picks the sum an event involves: one in its clause, else in its
// sentence; a bribe prefers a sum whose role is a bribe.
func (a *assembler) moneyFor(m mention, s *sentence) (casebook.Money, bool) {
	for _, scope := range []casebook.Span{m.clause, s.span} {
		best := -1
		k := sort.Search(len(a.money), func(i int) bool { return a.money[i].Span[0] >= scope[0] })
		for i := k; i < len(a.money) && a.money[i].Span[0] < scope[1]; i++ {
			mo := a.money[i]
			// A rate is no event's sum, but a sum per head is what each
			// victim paid or was asked for ("1,000 dollars for each man").
			if !within(mo.Span, scope) || mo.Role == casebook.RoleRate && !money.PerHead(a.d.Text, mo.Span) {
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
	// "All the money was taken", 전액을 빼앗겼다: the sum last named before,
	// within the paragraphs just above.
	if m.typ == casebook.EventConfiscation && a.moneyWord(m.clause) {
		k := sort.Search(len(a.money), func(i int) bool { return a.money[i].Span[0] >= m.trig[0] }) - 1
		if k >= 0 && a.money[k].Role != casebook.RoleRate && m.trig[0]-a.money[k].Span[1] < 1500 {
			return a.money[k], true
		}
	}
	return casebook.Money{}, false
}

// moneyWord reports a clause that speaks of money taken without a sum.
func (a *assembler) moneyWord(cl casebook.Span) bool {
	c := a.lower[cl[0]:cl[1]]
	for _, w := range []string{"money", "cash", "savings", "paid it", "the sum", "돈", "전액", "현금"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

func roleFits(typ, role string) bool {
	switch typ {
	case casebook.EventBribeDemand:
		return role == casebook.RoleBribeDemand
	case casebook.EventBribePayment:
		return role == casebook.RoleBribePayment
	case casebook.EventPunishment:
		return role == casebook.RoleFine
	}
	return false
}

// dateFor picks when an event happened: the nearest date in its clause or
// sentence, else the nearest earlier one in its paragraph. An event of the
// lead, which summarises, may take its date from the paragraphs that tell
// the story next.
func (a *assembler) dateFor(m mention, s *sentence, para casebook.Span, lead int) (iv casebook.Interval, ok, weak bool) {
	for si, scope := range []casebook.Span{m.clause, s.span, {para[0], m.trig[0]}} {
		if scope[0] < 0 || scope[1] <= scope[0] {
			continue
		}
		if si == 2 && m.rest {
			break // "The other two were sent …": when the rest of their group was, not the sentence before
		}
		// A specific date beats a vague one ("recently") in the same scope.
		if i := nearest(a.dateSpans, scope, m.trig, a.vagueDate); i >= 0 {
			return a.dates[i].Interval, true, false
		}
		if i := nearest(a.dateSpans, scope, m.trig, nil); i >= 0 {
			return a.dates[i].Interval, true, false
		}
	}
	if s.para > lead+1 {
		return casebook.Interval{}, false, false
	}
	// The rest of the paragraph, then the next two body paragraphs.
	end := para[1]
	paras := 0
	for i := m.sent + 1; i < len(a.sents) && paras < 3; i++ {
		if a.sents[i].para != a.sents[i-1].para {
			paras++
			end = a.sents[i].span[1]
		} else if paras > 0 {
			end = a.sents[i].span[1]
		}
	}
	k := sort.Search(len(a.dates), func(i int) bool { return a.dates[i].Span[0] >= m.trig[1] })
	for _, d := range a.dates[k:] {
		if d.Span[0] >= end {
			break
		}
		if d.Span[1] <= end {
			return d.Interval, true, true
		}
	}
	return casebook.Interval{}, false, false
}

// recentDate is the report's default time: its first date that runs up to
// publication ("recently", "this month", 최근).
func (a *assembler) recentDate() *casebook.Interval {
	if a.d.Published.IsZero() {
		return nil
	}
	pub := dayString(a.d.Published)
	for _, d := range a.dates {
		if d.Interval.To == pub && d.Interval.From < pub {
			iv := d.Interval
			return &iv
		}
	}
	return nil
}

// dayString is t.Format("2006-01-02"), its digits written directly for
// years 1000–9999 (Format's general layout reading is most of its cost).
func dayString(t time.Time) string {
	y, m, d := t.Date()
	if y < 1000 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// bracketDay reports a date in brackets after the name of a day
// ("보안절(11월 19일)"): it dates the day, not an act. (The date of the
// reporting itself is date.Expr's Reporting mark.)
func bracketDay(text string, sp casebook.Span) bool {
	// The date of a named day in brackets ("보안절(11월 19일)", "Kim Il Sung's
	// birthday (April 15)") dates the day, not an act.
	if open := strings.LastIndexByte(text[max(0, sp[0]-16):sp[0]], '('); open >= 0 {
		open += max(0, sp[0]-16)
		inside := !strings.ContainsRune(text[open:sp[0]], ')') &&
			strings.HasPrefix(strings.TrimLeft(text[sp[1]:min(len(text), sp[1]+8)], " 경께쯤"), ")")
		if inside && namedDay(text[max(0, open-24):open]) {
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
	if pub.IsZero() {
		return // the sum's own conversion cannot be told from a default rate
	}
	if ev.Amount.USD > 0 {
		// A rate's value is rounded to the cent; anything else is the
		// text's own conversion, kept as written.
		atPub, ok := money.ToUSD(ev.Amount.Amount, ev.Amount.Currency, pub)
		if !ok || math.Abs(math.Round(atPub*100)/100-ev.Amount.USD) > 0.006 {
			return
		}
	}
	if u, ok := money.ToUSD(ev.Amount.Amount, ev.Amount.Currency, at); ok {
		ev.Amount.USD = math.Round(u*100) / 100
	}
}

// targetFor names the kind of person acted on: the first person noun after
// the trigger in its clause, else the nearest before it, else the nearest in
// the sentence.
func (a *assembler) targetFor(m mention, s *sentence) string {
	if a.ko {
		text := a.d.Text
		// A Korean object (…을/를) or subject (…이/가, 은/는) marks the person.
		lo, hi := max(s.span[0], m.trig[0]-400), min(s.span[1], m.trig[1]+400)
		clLo, clHi := max(lo, m.clause[0]), min(hi, m.clause[1])
		lo, hi = runeStart(text, lo), runeStart(text, hi)
		clLo, clHi = runeStart(text, clLo), runeStart(text, clHi)
		if t := koMarkedTarget(text[clLo:clHi]); t != "" {
			return t
		}
		if t := koLastTarget(text[lo:m.trig[0]]); t != "" {
			return t
		}
		return koFirstTarget(text[m.trig[0]:hi])
	}
	// A window around the clause bounds the cost in run-on sentences.
	lo, hi := max(s.span[0], m.clause[0]-300), min(s.span[1], m.clause[1]+300)
	for lo > s.span[0] && a.lower[lo-1] != ' ' {
		lo--
	}
	for hi < s.span[1] && a.lower[hi] != ' ' {
		hi++
	}
	toks := tokRange(a.toks, lo, hi)
	// trig is the first word from the trigger on; clHi is one past the last
	// word starting inside the clause, or len(toks) when none does.
	trig, clHi := firstFrom(toks, m.trig[0]), firstFrom(toks, m.clause[1])
	if clHi == 0 {
		clHi = len(toks)
	}
	for k := trig; k < clHi; k++ {
		// The officials a payment goes to are not its target: the payer is.
		if t := enTargetAt(toks, k); t != "" && !(t == "official" && m.typ == casebook.EventBribePayment) {
			return t
		}
	}
	// In a passive clause the subject is the person acted on ("the
	// resident gave the officers … and was released").
	if m.passive {
		for k := 0; k < trig; k++ {
			if toks[k].lo >= m.clause[0] {
				if t := enTargetAt(toks, k); t != "" {
					return t
				}
			}
		}
	}
	// Then the nearest before it, in the clause or the sentence ("two
	// brothers … were seized").
	for k := trig - 1; k >= 0; k-- {
		if t := enTargetAt(toks, k); t != "" {
			return t
		}
	}
	for k := clHi; k < len(toks); k++ {
		if t := enTargetAt(toks, k); t != "" {
			return t
		}
	}
	return ""
}

// firstFrom returns the index of the first of toks (sorted) starting at
// or after at, or len(toks).
func firstFrom(toks []token, at int) int {
	i, j := 0, len(toks)
	for i < j {
		if m := int(uint(i+j) >> 1); toks[m].lo < at {
			i = m + 1
		} else {
			j = m
		}
	}
	return i
}

// enTargetRules are person nouns (word sequences) and the canonical target
// each names.
var enTargetRules = []struct{ phrase, target string }{
	{"remittance broker|brokers", "remittance broker"}, {"broker|brokers", "remittance broker"},
	{"defector|defectors family|families|relatives", "defector family"},
	{"families|relatives|family of defectors|people|north", "defector family"},
	{"phone|mobile user|users|call|calls", "phone user"}, {"callers|caller", "phone user"},
	{"making|placed|made calls|call", "phone user"}, {"international calls", "phone user"},
	{"calling south|china", "phone user"}, {"chinese|smuggled|mobile phone|phones", "phone user"},
	{"smuggler|smugglers|smuggling", "smuggler"},
	{"trader|traders|vendor|vendors|merchant|merchants|stallholder|stallholders|businesspeople|pedlar|pedlars|seller|sellers|stall|stalls", "trader"},
	{"defector|defectors", "defector"},
	{"student|students", "student"},
	{"official|officials|officer|officers|cadre|cadres|director|chief|minister|policeman", "official"},
	{"family|families|household|households", "family"},
	{"resident|residents|villager|villagers|woman|man|people|person|individual|individuals|driver|brothers|farmers", "resident"},
}

var enTargetIndex = map[string][][]string{}
var enTargetNames = map[string][]string{}

// enTargetHeads filters the words enTargetIndex is asked for: most are in
// no phrase.
var enTargetHeads = wordSet()

func init() {
	for _, r := range enTargetRules {
		words := strings.Fields(r.phrase)
		for _, w := range strings.Split(words[0], "|") {
			enTargetIndex[w] = append(enTargetIndex[w], words[1:])
			enTargetNames[w] = append(enTargetNames[w], r.target)
			enTargetHeads.add(w)
		}
	}
}

// enTargetAt returns the target named by a phrase starting at token k.
func enTargetAt(toks []token, k int) string {
	if !enTargetHeads.mayHaveTok(&toks[k]) {
		return ""
	}
	rests, ok := enTargetIndex[toks[k].w]
	if !ok {
		return ""
	}
	for ri, rest := range rests {
		j := k + 1
		matched := true
		for _, alts := range rest {
			if j >= len(toks) || !containsWord(alts, toks[j].w) {
				matched = false
				break
			}
			j++
		}
		if matched {
			return enTargetNames[toks[k].w][ri]
		}
	}
	return ""
}

func containsWord(alts, w string) bool {
	for alts != "" {
		a := alts
		if i := strings.IndexByte(alts, '|'); i >= 0 {
			a, alts = alts[:i], alts[i+1:]
		} else {
			alts = ""
		}
		if a == w {
			return true
		}
	}
	return false
}

type targetWord struct{ word, target string }

// koFirstTarget returns the target of the earliest person noun of
// koTargets in s, the first in the table of those starting there: one
// walk over s, not a search per noun.
func koFirstTarget(s string) string {
	for i := 0; i+3 <= len(s); i++ {
		if c := s[i]; c < 0xEA || c > 0xED {
			continue // every noun starts with a Hangul syllable
		}
		r, _ := firstRune(s[i:])
		for _, k := range koTargetsByFirst[r] {
			if strings.HasPrefix(s[i:], koTargets[k].word) {
				return koTargets[k].target
			}
		}
	}
	return ""
}

// koTargetsByFirst indexes koTargets by first syllable, in table order.
var koTargetsByFirst = func() map[rune][]int {
	m := map[rune][]int{}
	for k, t := range koTargets {
		r, _ := firstRune(t.word)
		m[r] = append(m[r], k)
	}
	return m
}()

var koTargets = []targetWord{
	{"송금 브로커", "remittance broker"}, {"송금브로커", "remittance broker"}, {"브로커", "remittance broker"},
	{"탈북민 가족", "defector family"}, {"탈북자 가족", "defector family"}, {"탈북민의 가족", "defector family"},
	{"통화", "phone user"}, {"손전화", "phone user"}, {"휴대전화", "phone user"},
	{"밀수", "smuggler"},
	{"상인", "trader"}, {"장사꾼", "trader"}, {"장사", "trader"},
	{"탈북", "defector"},
	{"학생", "student"},
	{"간부", "official"},
	{"가족", "family"},
	{"주민", "resident"}, {"여성", "resident"}, {"남성", "resident"}, {"씨", "resident"}, {"사람", "resident"},
}

// koMarkedTarget finds a person noun carrying an object particle (…을/를),
// else a subject or topic particle (…이/가, 은/는), one word at a time.
func koMarkedTarget(s string) string {
	subject, prev := "", ""
	for len(s) > 0 {
		w := s
		if i := indexBlank(s); i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		before := prev
		prev = w
		last, n := lastRune(w)
		object := last == '을' || last == '를'
		if !object && !(subject == "" && (last == '이' || last == '가' || last == '은' || last == '는')) {
			continue
		}
		stem := strings.TrimSuffix(w[:len(w)-n], "들")
		if t := koTargetOf(stem); t != "" {
			// 탈북민 가족, 송금 브로커: the word before makes it precise.
			if pt := koPairTarget(before, stem); pt != "" {
				t = pt
			}
			if object {
				return t
			}
			subject = t
		}
	}
	return subject
}

// koTargetOf names the target a Korean noun ends with (송금브로커 → broker).
func koTargetOf(stem string) string {
	// Every suffix tried ends with stem's last character: most words end
	// with one no target word ends with.
	if last, _ := lastRune(stem); !koTargetEnds.has(last) {
		return ""
	}
	for k := len(stem); k > 0; {
		if t, ok := koTargetIndex[stem[len(stem)-k:]]; ok {
			return t
		}
		_, n := firstRune(stem[len(stem)-k:])
		k -= n
	}
	return ""
}

// koTargetEnds holds the last character of every koTargetIndex key.
var koTargetEnds = func() (set syllables) {
	for w := range koTargetIndex {
		r, _ := lastRune(w)
		set.add(r)
	}
	return set
}()

// syllables is a set of Hangul syllables (U+AC00–U+D7A3).
type syllables [(0xD7A4 - 0xAC00 + 63) / 64]uint64

func (s *syllables) add(r rune) {
	if r < 0xAC00 || r > 0xD7A3 {
		panic("event: not a Hangul syllable: " + string(r))
	}
	s[(r-0xAC00)>>6] |= 1 << ((r - 0xAC00) & 63)
}

func (s *syllables) has(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 && s[(r-0xAC00)>>6]&(1<<((r-0xAC00)&63)) != 0
}

// koPairs are the koTargets of two words (탈북민 가족): looked up by their
// two words, not by joining the words of the text into a new string.
var koPairs = func() (out []struct{ first, second, target string }) {
	for _, t := range koTargets {
		if first, second, ok := strings.Cut(t.word, " "); ok && koTargetIndex[t.word] == t.target {
			out = append(out, struct{ first, second, target string }{first, second, t.target})
		}
	}
	return out
}()

// koPairTarget is koTargetIndex[first+" "+second] for words without spaces.
func koPairTarget(first, second string) string {
	for _, p := range koPairs {
		if p.second == second && p.first == first {
			return p.target
		}
	}
	return ""
}

var koTargetIndex = func() map[string]string {
	m := map[string]string{}
	for _, t := range koTargets {
		if _, ok := m[t.word]; !ok {
			m[t.word] = t.target
		}
	}
	return m
}()

// placeList lists each place the report names once, with all its spans.
func (a *assembler) placeList() []casebook.Place {
	// First each place once with its count of spans (a report names few:
	// a list, not a map), then the spans, all in one array.
	type tally struct {
		id    string
		n, at int
	}
	var buf [16]tally
	counts := buf[:0]
	for _, m := range a.places {
		if k := slices.IndexFunc(counts, func(t tally) bool { return t.id == m.ID }); k >= 0 {
			counts[k].n++
			continue
		}
		if _, ok := place.ByID(m.ID); ok {
			counts = append(counts, tally{id: m.ID, n: 1})
		}
	}
	if len(counts) == 0 {
		return nil
	}
	out := make([]casebook.Place, len(counts))
	spans := make([]casebook.Span, 0, len(a.places))
	for k := range counts {
		out[k], _ = place.ByID(counts[k].id)
		counts[k].at = len(spans)
		spans = spans[:len(spans)+counts[k].n]
		out[k].Spans = spans[counts[k].at:counts[k].at:len(spans)]
	}
	for _, m := range a.places {
		if k := slices.IndexFunc(counts, func(t tally) bool { return t.id == m.ID }); k >= 0 {
			out[k].Spans = append(out[k].Spans, m.Span)
		}
	}
	return out
}

// agencyList lists each organ whose people act in the report once (as
// agency.Acting judges it), with the spans of all its mentions.
func (a *assembler) agencyList() []casebook.Agency {
	acting := agency.Acting(a.d.Text, a.d.Agencies)
	out := make([]casebook.Agency, 0, len(acting))
	for _, code := range acting {
		name, ok := casebook.AgencyNames[code]
		if !ok {
			continue
		}
		ag := casebook.Agency{ID: code, Name: name}
		n := 0
		for _, m := range a.d.Agencies {
			if m.Code == code && validSpan(m.Span, len(a.d.Text)) {
				n++
			}
		}
		if n > 0 {
			ag.Spans = make([]casebook.Span, 0, n)
		}
		for _, m := range a.d.Agencies {
			if m.Code == code && validSpan(m.Span, len(a.d.Text)) {
				ag.Spans = append(ag.Spans, m.Span)
			}
		}
		out = append(out, ag)
	}
	return out
}

// officialBefore reports an official named before the trigger in its clause
// ("a police officer … has ended up in a camp").
func (a *assembler) officialBefore(m mention) bool {
	toks := tokRange(a.toks, m.clause[0], m.trig[0])
	for k := len(toks) - 1; k >= 0; k-- {
		if t := enTargetAt(toks, k); t != "" {
			return t == "official"
		}
	}
	return false
}

// runeStart moves i back to the start of the UTF-8 character it falls in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// namedDay reports whether s ends with the name of a day (a holiday, a
// birthday, an anniversary) that a bracketed date would explain.
func namedDay(s string) bool {
	s = strings.TrimRight(strings.ToLower(s), " ")
	for _, w := range []string{"절", "날", "생일", "기념일", "명절", "day", "birthday", "anniversary", "holiday", "festival"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func (a *assembler) vagueDate(i int) bool { return a.dates[i].Vague }

// koLastTarget names the person noun nearest the end of s, word by word.
func koLastTarget(s string) string {
	for len(s) > 0 {
		w := s
		if i := lastIndexBlank(s); i >= 0 {
			w, s = s[i+1:], s[:i]
		} else {
			s = ""
		}
		w = trimClosers(w)
		if w == "" {
			continue
		}
		stem := w
		last, n := lastRune(w)
		if koCaseEndLast.has(last) { // else no ending below is w's
			for _, p := range koCaseEndings {
				if strings.HasSuffix(stem, p) && len(stem) > len(p) {
					stem = stem[:len(stem)-len(p)]
					break
				}
			}
		}
		if stem == w && koParticle.has(last) && n < len(w) {
			stem = w[:len(w)-n]
		}
		stem = strings.TrimSuffix(stem, "들")
		for _, cand := range [...]string{stem, w} {
			if t := koTargetOf(cand); t != "" {
				// 탈북민 가족, 송금 브로커: the word before makes it precise.
				if s != "" {
					if pt := koPairTarget(s[lastIndexBlank(s)+1:], cand); pt != "" {
						return pt
					}
				}
				return t
			}
		}
	}
	return ""
}

// koCaseEndings are the particles koLastTarget takes off a noun, longest
// first.
var koCaseEndings = [...]string{"에게서", "한테서", "에게", "한테", "에서", "으로", "까지", "부터", "에는", "로"}

// koCaseEndLast holds the last syllable of every koCaseEndings particle.
var koCaseEndLast = func() (set syllables) {
	for _, p := range koCaseEndings {
		r, _ := lastRune(p)
		set.add(r)
	}
	return set
}()

// koParticle are one-syllable particles that may close a Korean noun.
var koParticle = func() (set syllables) {
	for _, r := range "을를이가은는의에도만과와" {
		set.add(r)
	}
	return set
}()

// trimClosers is strings.TrimRight(s, ".,\"'”’)") on bytes.
func trimClosers(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == '.' || c == ',' || c == '"' || c == '\'' || c == ')':
			s = s[:len(s)-1]
			continue
		case strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’"):
			s = s[:len(s)-len("”")]
			continue
		}
		return s
	}
	return s
}
