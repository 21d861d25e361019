// Package event finds incident-level acts by or against state organs and
// assembles a report's facts from the mentions the other extractors found.
//
// The text is cut into paragraphs, sentences and clauses; trigger words of
// the ten event types (English and Korean) are matched in body clauses, and a
// trigger counts only when its clause narrates an act: habits ("regularly"),
// rules ("those who cannot pay have their phones taken"), negations and
// hypotheses are dropped. Repeated mentions of one act merge into its first.
// Place, agency, target, amount and date come from the clause, then the
// sentence, then the paragraph, then the report as a whole.
package event

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"casebook"
	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/internal/ascii"
	"casebook/extract/place"
)

// Doc is a report with every mention found in it.
type Doc struct {
	Text string
	// Lower is Text with ASCII capitals lower-cased (ascii.Lower), when the
	// caller made it already; "" to have it made here.
	Lower     string
	Language  string
	Published time.Time
	Places    []place.Mention
	Agencies  []agency.Mention
	Money     []casebook.Money // distinct sums, as the report lists them
	// MoneyMentions holds every mention of a sum, repeats included, so an
	// event can take the sum stated in its own clause; nil means Money.
	MoneyMentions []casebook.Money
	Dates         []date.Expr
}

// Assemble returns the report's facts: its events, and the places, agencies
// and sums the guide asks to list.
func Assemble(d *Doc) casebook.Facts {
	if d == nil || d.Text == "" {
		return casebook.Facts{}
	}
	a := newAssembler(d)
	defer a.release()
	f := casebook.Facts{
		Places: a.placeList(),
		Money:  d.Money,
	}
	f.Events = a.events()
	f.Agencies = a.agencyList()
	return f
}

// scratch is the per-report working storage that is reused across reports:
// the assembler, its words, sentences and clauses, its sorted copies of the
// mentions and the events' drafts would otherwise be allocated anew for
// every report.
type scratch struct {
	asm              assembler
	toks             []token
	heads            []hit
	sents            []sentence
	clauses          []casebook.Span // the sentences' clauses, end to end
	places           []place.Mention
	money            []casebook.Money
	dates            []date.Expr
	agencies, acting []agency.Mention
	placeMarks       []bool          // placeAside, placeOrigin and placeSeat, end to end
	spans            []casebook.Span // placeSpans, dateSpans, actingSpans and agencySpans, end to end
	paras            []casebook.Span
	ms               []mention
	drafts           []draft
	kept             []int
	hits             []hit
	official         []int8
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// reuse returns s emptied, with room for n elements.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// release hands the assembler's working storage back for the next report.
// Nothing returned from Assemble refers to it.
func (a *assembler) release() {
	sc := a.scratch
	if sc == nil {
		return
	}
	for i := range a.sents {
		a.sents[i].clauses = nil
	}
	// A Korean report has no English words: the storage of the last
	// English one's stays for the next.
	if a.toks != nil {
		sc.toks, sc.heads = a.toks[:0], a.heads[:0]
	}
	sc.sents = a.sents[:0]
	sc.clauses = sc.clauses[:0]
	sc.places, sc.money, sc.dates = a.places[:0], a.money[:0], a.dates[:0]
	sc.agencies, sc.acting, sc.paras = a.agencies[:0], a.acting[:0], a.paras[:0]
	sc.asm = assembler{}
	scratchPool.Put(sc)
}

// assembler holds one report's segmentation and mentions while its facts
// are put together.
type assembler struct {
	d      *Doc
	ko     bool
	lower  string
	sents  []sentence
	places []place.Mention // without uses that stand for the government
	money  []casebook.Money
	dates  []date.Expr // without the dates of the reporting itself
	main   string      // id of the report's main place, "" when none
	// placeAside marks places named as where a source is or where someone
	// was heading: never an act's place.
	placeAside  []bool
	placeOrigin []bool // places named as where someone comes from
	// placeSeat marks places named only as an organ's seat ("the Hungnam
	// district State Security Department", 사포구역 보안서).
	placeSeat []bool
	lead      int // paragraph index of the lead (first body paragraph)
	// acting holds the agency mentions of organs acting, not acted on,
	// formerly employing someone or named in passing; agencies holds them all.
	acting, agencies []agency.Mention
	topAgency        string          // the organ named acting most often
	paras            []casebook.Span // paragraph spans by index
	toks             []token         // English words of the whole text, in order
	heads            []hit           // the words of toks that head a trigger pattern
	// The spans of places, dates, acting organs and all organs, for nearest.
	placeSpans, dateSpans, actingSpans, agencySpans []casebook.Span
	refs                                            eventRefs // storage of the events' places and dates
	scratch                                         *scratch  // pooled storage behind toks and sents
}

func newAssembler(d *Doc) *assembler {
	sc := scratchPool.Get().(*scratch)
	a := &sc.asm
	*a = assembler{d: d, ko: d.Language == "ko", scratch: sc}
	a.lower = d.Text
	if !a.ko {
		a.lower = d.Lower
		if len(a.lower) != len(d.Text) {
			a.lower = ascii.Lower(d.Text)
		}
	}
	a.sents = segmentInto(d.Text, a.lower, a.ko, a.scratch.sents)
	if !a.ko {
		a.heads = a.scratch.heads
		a.toks = tokenize(a.lower, 0, len(a.lower), a.scratch.toks, &a.heads)
		markTokens(a.sents, a.toks)
	}
	a.places = reuse(sc.places, len(d.Places))
	for _, p := range d.Places {
		if !p.Government && validSpan(p.Span, len(d.Text)) {
			a.places = append(a.places, p)
		}
	}
	slices.SortStableFunc(a.places, func(x, y place.Mention) int { return x.Span[0] - y.Span[0] })
	src := d.MoneyMentions
	if src == nil {
		src = d.Money
	}
	a.money = reuse(sc.money, len(src))
	for _, m := range src {
		if validSpan(m.Span, len(d.Text)) {
			a.money = append(a.money, m)
		}
	}
	slices.SortStableFunc(a.money, func(x, y casebook.Money) int { return x.Span[0] - y.Span[0] })
	a.dates = reuse(sc.dates, len(d.Dates))
	for _, e := range d.Dates {
		if validSpan(e.Span, len(d.Text)) && e.Interval.From != "" && e.Interval.From <= e.Interval.To && !e.Reporting && !bracketDay(d.Text, e.Span) && !datelineDate(d.Text, e.Span) {
			a.dates = append(a.dates, e)
		}
	}
	slices.SortStableFunc(a.dates, func(x, y date.Expr) int { return x.Span[0] - y.Span[0] })
	n := len(a.places)
	marks := reuse(sc.placeMarks, 3*n)[:3*n]
	clear(marks)
	sc.placeMarks = marks
	a.placeAside, a.placeOrigin, a.placeSeat = marks[:n:n], marks[n:2*n:2*n], marks[2*n:]
	for i, p := range a.places {
		a.placeAside[i] = asidePlace(d.Text, a.lower, p.Span, a.ko)
		a.placeOrigin[i] = originPlace(d.Text, a.lower, p.Span, a.ko)
		// "from Chongjin City and Musan County": both are origins.
		if i > 0 && !a.placeOrigin[i] && a.placeOrigin[i-1] && p.Span[0] > a.places[i-1].Span[1] && joinGap(d.Text[a.places[i-1].Span[1]:p.Span[0]]) {
			gap := strings.TrimSpace(strings.ToLower(d.Text[a.places[i-1].Span[1]:p.Span[0]]))
			gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(gap, "city"), "county"))
			a.placeOrigin[i] = gap == "and" || gap == "," || gap == "or"
		}
	}
	a.agencies = reuse(sc.agencies, len(d.Agencies))
	a.acting = reuse(sc.acting, len(d.Agencies))
	for _, g := range d.Agencies {
		if !validSpan(g.Span, len(d.Text)) {
			continue
		}
		a.agencies = append(a.agencies, g)
		if !g.Former && !g.Target && !g.Passing {
			a.acting = append(a.acting, g)
		}
	}
	slices.SortStableFunc(a.agencies, func(x, y agency.Mention) int { return x.Span[0] - y.Span[0] })
	for i, p := range a.places {
		// "a source in Kaesong's Kaepung district": the district is where
		// the source is too.
		if i > 0 && !a.placeAside[i] && a.placeAside[i-1] && p.Span[0] > a.places[i-1].Span[1] && sourceBefore(a.lower, a.places[i-1].Span[0]) {
			switch strings.TrimSpace(d.Text[a.places[i-1].Span[1]:p.Span[0]]) {
			case "'s", "’s", "", ",":
				a.placeAside[i] = true
			}
		}
		a.placeSeat[i] = a.seat(p.Span)
	}
	a.main = a.mainPlace()
	slices.SortStableFunc(a.acting, func(x, y agency.Mention) int { return x.Span[0] - y.Span[0] })
	// The organ acting most often, the first to reach the highest count:
	// a report names few, so a list beats a map.
	type tally struct {
		code string
		n    int
	}
	var buf [16]tally
	counts, topN := buf[:0], 0
	for _, g := range a.acting {
		k := slices.IndexFunc(counts, func(t tally) bool { return t.code == g.Code })
		if k < 0 {
			k = len(counts)
			counts = append(counts, tally{code: g.Code})
		}
		if counts[k].n++; counts[k].n > topN {
			a.topAgency, topN = g.Code, counts[k].n
		}
	}
	a.paras = sc.paras[:0]
	if n := len(a.sents); n > 0 {
		a.paras = reuse(sc.paras, a.sents[n-1].para+1)
	}
	for _, s := range a.sents {
		for len(a.paras) <= s.para {
			a.paras = append(a.paras, casebook.Span{s.span[0], s.span[1]})
		}
		a.paras[s.para][1] = s.span[1]
	}
	a.setSpans()
	a.lead = -1
	for i := range a.sents {
		if !a.sents[i].heading {
			a.lead = a.sents[i].para
			break
		}
	}
	a.carryYear()
	return a
}

// setSpans copies the spans of the places, dates and organs, in their
// order, for nearest to read without a call per span.
func (a *assembler) setSpans() {
	sc := a.scratch
	n := len(a.places) + len(a.dates) + len(a.acting) + len(a.agencies)
	spans := reuse(sc.spans, n)
	sc.spans = spans
	add := func(sp casebook.Span) { spans = append(spans, sp) }
	for _, p := range a.places {
		add(p.Span)
	}
	for _, e := range a.dates {
		add(e.Span)
	}
	for _, g := range a.acting {
		add(g.Span)
	}
	for _, g := range a.agencies {
		add(g.Span)
	}
	i, j, k := len(a.places), len(a.places)+len(a.dates), len(a.places)+len(a.dates)+len(a.acting)
	a.placeSpans, a.dateSpans, a.actingSpans, a.agencySpans = spans[:i:i], spans[i:j:j], spans[j:k:k], spans[k:]
}

// joinGap reports a gap between two places that may read, lower-cased, as
// [city|county] and/or/",": it starts with c, a, o or a comma and ends with
// d, r or a comma (in either case), so a long gap is not lower-cased to
// find it is none (no other character lower-cases to these letters).
func joinGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	if gap == "" {
		return false
	}
	switch gap[0] {
	case 'c', 'C', 'a', 'A', 'o', 'O', ',':
	default:
		return false
	}
	switch gap[len(gap)-1] {
	case 'd', 'D', 'r', 'R', ',':
		return true
	}
	return false
}

// carryYear dates a month told without a year ("In October, the party
// committee organised a public trial") in the year the story has just set
// ("I was arrested in 2013 …"), when that year is earlier than the
// publication's and was named in the same paragraph or the one before:
// the date package resolves a bare month against publication.
func (a *assembler) carryYear() {
	year, yearPara := "", -1
	for i := range a.dates {
		e := &a.dates[i]
		txt := a.d.Text[e.Span[0]:e.Span[1]]
		para := a.paraOf(e.Span[0])
		if y := yearIn(txt); y != "" {
			if e.Days <= 366 {
				year, yearPara = y, para
			}
			continue
		}
		if year == "" || para < 0 || para > yearPara+1 || e.FollowOn || e.Vague || e.Days > 31 || len(e.Interval.From) != 10 || !bareMonth(txt) {
			continue
		}
		if year >= e.Interval.From[:4] || e.Interval.From[:4] != e.Interval.To[:4] {
			continue
		}
		from, to := year+e.Interval.From[4:], year+e.Interval.To[4:]
		if to[5:] == "02-29" || from[5:] == "02-29" {
			continue // not every year has one
		}
		e.Interval = casebook.Interval{From: from, To: to}
		yearPara = para
	}
}

// paraOf returns the paragraph index holding byte offset at, or -1.
func (a *assembler) paraOf(at int) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].span[1] > at })
	if i < len(a.sents) && a.sents[i].span[0] <= at {
		return a.sents[i].para
	}
	return -1
}

// yearIn returns a four-digit year (1950–2099) written in s, or "".
func yearIn(s string) string {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return s[i : i+4]
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// bareMonth reports a date told by its month (and day) alone, not relative
// to publication ("In October", "on March 5", "10월 중순"; not "last month",
// 지난달, "this March").
func bareMonth(s string) bool {
	l := strings.ToLower(s)
	for _, w := range [...]string{"last", "this", "next", "ago", "past", "지난", "이번", "이달", "올해", "지난해", "작년", "올", "내년", "recent", "week", "today", "yesterday"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	if strings.Contains(s, "월") {
		return true
	}
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// datelineDate reports the date of a wire dateline ("SEOUL, March 3 (AP)
// --"): when the story was filed, not when anything in it happened.
func datelineDate(text string, sp casebook.Span) bool {
	// The line must start at most 40 bytes before: only those are read.
	from := max(0, sp[0]-41)
	line := strings.LastIndexByte(text[from:sp[0]], '\n') + 1 + from
	if line == from && from > 0 || sp[0]-line > 40 || strings.ContainsAny(text[line:sp[0]], ".!?\"") {
		return false
	}
	after := strings.TrimLeft(text[sp[1]:min(len(text), sp[1]+60)], " ,")
	if strings.HasPrefix(after, "(") {
		close := strings.IndexByte(after, ')')
		if close < 0 {
			return false
		}
		after = strings.TrimLeft(after[close+1:], " ")
	}
	return strings.HasPrefix(after, "--") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–")
}

// sourceBefore reports a source or contact named just before position at
// ("a source in", 소식통 is after the place and needs no such check).
func sourceBefore(lower string, at int) bool {
	b := lower[max(0, at-24):at]
	return strings.Contains(b, "source") || strings.Contains(b, "informant") || strings.Contains(b, "contact")
}

// listItem reports a paragraph set as a list item (- • * ▲ ·).
func (a *assembler) listItem(para int) bool {
	sp := a.paraSpan(para)
	if sp[0] < 0 {
		return false
	}
	r, _ := firstRune(a.d.Text[sp[0]:sp[1]])
	switch r {
	case '-', '•', '*', '▲', '·', '–', '○', '■':
		return true
	}
	return false
}

// agencyIn reports an organ named within sp, acting or not.
func (a *assembler) agencyIn(sp casebook.Span) bool {
	k := sort.Search(len(a.agencies), func(i int) bool { return a.agencies[i].Span[0] >= sp[0] })
	return k < len(a.agencies) && a.agencies[k].Span[1] <= sp[1]
}

// actingIn reports an acting organ named within sp.
func (a *assembler) actingIn(sp casebook.Span) bool {
	k := sort.Search(len(a.acting), func(i int) bool { return a.acting[i].Span[0] >= sp[0] })
	return k < len(a.acting) && a.acting[k].Span[1] <= sp[1]
}

func validSpan(s casebook.Span, n int) bool { return s[0] >= 0 && s[0] < s[1] && s[1] <= n }

// events finds, filters, merges and fills the report's events.
func (a *assembler) events() []casebook.Event {
	sc := a.scratch
	var ms []mention
	if a.ko {
		ms = findKorean(a.d.Text, a.sents, a.money, sc, sc.ms[:0])
	} else {
		ms = findEnglish(a.d.Text, a.lower, a.sents, a.toks, a.heads, a.money, sc, sc.ms[:0])
	}
	sc.ms = ms[:0]
	if len(ms) == 0 {
		return nil
	}
	slices.SortStableFunc(ms, func(x, y mention) int { return x.trig[0] - y.trig[0] })

	a.refs = eventRefs{places: make([]casebook.PlaceRef, 0, len(ms)), dates: make([]casebook.Interval, 0, len(ms))}
	drafts := reuse(sc.drafts, len(ms))
	defer func() { sc.drafts = drafts[:0] }()
	var quotes quoteCount
	for _, m := range ms {
		s := &a.sents[m.sent]
		m.rest = a.restOfGroup(m)
		ev, weak := a.fill(m)
		// Only a lead, which summarises, has its organ guessed.
		m.agLocal = a.agencyIn(s.span) || s.para != a.lead
		from := max(a.paraSpan(s.para)[0], m.trig[0]-4000) // quotes are shorter than this
		drafts = append(drafts, draft{ev: ev, m: m, weak: weak, quoted: quotes.inQuote(a.d.Text, from, m.trig[0]), para: s.para})
	}
	// A release is the detaining organ's act, and a payment after a
	// detention goes to it: with no organ of its own sentence acting ("He
	// was released that evening", "She … paid it the next day"), such an
	// event takes the organ of the detention before it.
	detainer := ""
	for k := range drafts {
		dr := &drafts[k]
		switch dr.ev.Type {
		case casebook.EventDetention:
			detainer = dr.ev.Agency
		case casebook.EventRelease, casebook.EventBribePayment:
			// A payment by an official ("the officer had been accepting
			// bribes") is not one made to get someone out.
			if detainer != "" && !a.actingIn(a.sents[dr.m.sent].span) && dr.ev.Target != "official" {
				dr.ev.Agency = detainer
			}
		}
	}
	lead := a.lead
	kept := sc.kept[:0]
	defer func() { sc.kept = kept[:0] }()
	for i := range drafts {
		dr := &drafts[i]
		merged := false
		// "The other two", "the rest", 나머지: other people than any told before.
		rest := dr.m.rest
		// Compare with the latest kept events only: an act is restated near
		// where it was told, and this keeps long texts linear.
		for j := len(kept) - 1; j >= max(0, len(kept)-48); j-- {
			kd := &drafts[kept[j]]
			if kd.ev.Type != dr.ev.Type {
				continue
			}
			// A later mention restates an act when it is in the same sentence,
			// quotes the source on it, or follows the lead that announced it.
			// Two triggers of one type in one sentence are two acts ("two
			// were executed and the rest sent to camps") unless they are
			// the same words again.
			// A payment told from both sides ("handed them 1만 위안 … they
			// pocketed the money") stays one act; sums tell payments apart.
			// ("the manager was dismissed and the officer was demoted": one
			// rule, two words, two acts).
			twoInOne := kd.m.sent == dr.m.sent && kd.m.clause != dr.m.clause &&
				(kd.m.rule != dr.m.rule || !a.ko && nextWord(a.lower, kd.m.trig[0], kd.m.trig[1]) != nextWord(a.lower, dr.m.trig[0], dr.m.trig[1])) &&
				kd.ev.Type != casebook.EventBribePayment &&
				!a.elaborates(kd.m, dr.m)
			// A list item that repeats an act's words ("- Around 70
			// officials received stern warnings") sums up what was told.
			listed := a.listItem(dr.para) && kd.m.rule == dr.m.rule &&
				a.lower[kd.m.trig[0]:kd.m.trig[1]] == a.lower[dr.m.trig[0]:dr.m.trig[1]]
			// "executed an official and sent several officers to a camp":
			// two verbs, each with its own people, are two acts; "the other
			// two were sent …", 나머지는: another group than the one told.
			if rest || a.otherGroup(kd.m, dr.m) {
				continue
			}
			restates := kd.m.clause == dr.m.clause || listed ||
				dr.quoted && (kd.m.sent < dr.m.sent || kd.m.rule == dr.m.rule && !twoInOne) || kd.ev.Type == casebook.EventCrackdown ||
				kd.para <= lead+2 && !twoInOne && a.shareWords(kd.m, dr.m)
			// An act of an earlier year told as background ("Such expulsions
			// are not new. In 2017, …") is another act.
			if !kd.weak && !dr.weak && kd.ev.Date != nil && dr.ev.Date != nil && len(dr.ev.Date.To) >= 4 && len(kd.ev.Date.From) >= 4 &&
				dr.ev.Date.To[:4] < kd.ev.Date.From[:4] {
				continue
			}
			// Told again in detail, the act may name its people more narrowly.
			if restates && sameAct(&kd.ev, &dr.ev, kd.m, dr.m, dr.quoted || a.elaborates(kd.m, dr.m)) {
				if kd.weak && dr.ev.Date != nil && !dr.weak {
					kd.ev.Date, kd.weak = dr.ev.Date, false
				}
				mergeInto(&kd.ev, &dr.ev)
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		kept = append(kept, i)
	}
	// "… unless each family brought 1,000 dollars. Two families … raised
	// the money and paid the agents": a payment of "the money", "it", 돈
	// with no sum of its own pays the sum demanded just before.
	var demand *casebook.Amount
	demandPara := -1
	for _, k := range kept {
		dr := &drafts[k]
		switch {
		case dr.ev.Type == casebook.EventBribeDemand && dr.ev.Amount != nil:
			demand, demandPara = dr.ev.Amount, dr.para
		case dr.ev.Type == casebook.EventBribePayment && dr.ev.Amount == nil && demand != nil && dr.para-demandPara <= 1 && a.moneyWord(dr.m.clause):
			am := *demand
			dr.ev.Amount = &am
		}
	}
	out := make([]casebook.Event, 0, len(kept))
	var prevDate *casebook.Interval
	recent := a.recentDate()
	campSent, camp := -1, false // definiteCamp of the last sentence asked
	for _, k := range kept {
		ev := drafts[k].ev
		// "His successor … was appointed": the post is where the one
		// removed held it, unless the sentence names a place of its own.
		// A release with no place of its own is from where the person was
		// held; an act "in the camp" is in the camp named before.
		own := a.ownPlace(drafts[k].m)
		if m := drafts[k].m; !own && ev.Type != casebook.EventRelease && m.sent != campSent {
			campSent, camp = m.sent, a.definiteCamp(m)
		}
		if !own && (ev.Type == casebook.EventRelease || camp) {
			for j := len(out) - 1; j >= max(0, len(out)-48); j-- { // recent acts only: linear in long texts
				if (out[j].Type == casebook.EventPunishment || out[j].Type == casebook.EventDetention && ev.Type == casebook.EventRelease) && out[j].Place != nil {
					p := *out[j].Place
					ev.Place = &p
					break
				}
			}
		}
		if ev.Type == casebook.EventPersonnel && drafts[k].m.appoint && a.successor(drafts[k].m) {
			for j := len(out) - 1; j >= max(0, len(out)-48); j-- { // recent acts only: linear in long texts
				if out[j].Type == casebook.EventPersonnel && out[j].Place != nil {
					p := *out[j].Place
					ev.Place = &p
					break
				}
			}
		}
		if ev.Date == nil {
			// "처형 직후 … 경고했다", "after the arrest": the time of the act
			// named, not of whatever was told last.
			typ, ok := a.afterAct(drafts[k].m)
			if !ok && drafts[k].m.rest {
				// "The other two were sent to a camp": dealt with when the
				// rest of their group was.
				typ, ok = ev.Type, true
			}
			if ok {
				for j := len(out) - 1; j >= max(0, len(out)-48); j-- { // recent acts only: linear in long texts
					if out[j].Type == typ && out[j].Date != nil {
						d := *out[j].Date
						ev.Date = &d
						break
					}
				}
				if ev.Date == nil {
					prevDate = nil
				}
			}
		}
		if ev.Date == nil && prevDate != nil {
			d := *prevDate
			ev.Date = &d
		}
		if ev.Date == nil && recent != nil {
			d := *recent
			ev.Date = &d
		}
		if ev.Date == nil && drafts[k].m.perfect && !a.d.Published.IsZero() {
			// "Dozens of households have been sent into exile": news tells
			// a present perfect of the weeks before publication.
			d := casebook.Interval{From: dayString(a.d.Published.AddDate(0, 0, -30)), To: dayString(a.d.Published)}
			ev.Date = &d
		}
		if ev.Date != nil {
			prevDate = ev.Date
		}
		out = append(out, ev)
	}
	for i := range out {
		a.convertAmount(&out[i])
	}
	return out
}

// eventRefs holds the places and dates events point to, a report's in a
// few allocations rather than one each.
type eventRefs struct {
	places []casebook.PlaceRef
	dates  []casebook.Interval
}

func (r *eventRefs) place(p casebook.PlaceRef) *casebook.PlaceRef {
	if len(r.places) == cap(r.places) {
		r.places = make([]casebook.PlaceRef, 0, 16)
	}
	r.places = append(r.places, p)
	return &r.places[len(r.places)-1]
}

func (r *eventRefs) date(iv casebook.Interval) *casebook.Interval {
	if len(r.dates) == cap(r.dates) {
		r.dates = make([]casebook.Interval, 0, 16)
	}
	r.dates = append(r.dates, iv)
	return &r.dates[len(r.dates)-1]
}

// draft is an event as its mention reads, before restatements merge.
type draft struct {
	ev     casebook.Event
	m      mention
	quoted bool
	para   int
	weak   bool // the date came from a later paragraph, not the act's own words
}

// enAfterNoun maps the acts a sentence may date itself by ("after the
// execution") to their event types.
var enAfterNoun = map[string]string{
	"execution": casebook.EventPunishment, "executions": casebook.EventPunishment, "trial": casebook.EventPunishment,
	"sentencing": casebook.EventPunishment, "arrest": casebook.EventDetention, "arrests": casebook.EventDetention,
	"detention": casebook.EventDetention, "release": casebook.EventRelease, "raid": casebook.EventCrackdown,
	"raids": casebook.EventCrackdown, "crackdown": casebook.EventCrackdown, "inspection": casebook.EventCrackdown,
}

// koAfterNoun is the Korean counterpart, keyed by the noun before 직후/이후/뒤.
var koAfterNoun = map[string]string{
	"처형": casebook.EventPunishment, "총살": casebook.EventPunishment, "공개재판": casebook.EventPunishment, "재판": casebook.EventPunishment,
	"체포": casebook.EventDetention, "구속": casebook.EventDetention, "연행": casebook.EventDetention,
	"석방": casebook.EventRelease, "단속": casebook.EventCrackdown, "검열": casebook.EventCrackdown,
}

// afterAct reports an act named as the time of m's own, before m's trigger
// in its sentence ("처형 직후", "shortly after the execution"), and its type.
func (a *assembler) afterAct(m mention) (string, bool) {
	sp := a.sents[m.sent].span
	if m.trig[0] <= sp[0] || m.trig[0] > sp[1] {
		return "", false
	}
	if a.ko {
		before := a.d.Text[sp[0]:m.trig[0]]
		for _, mk := range [...]string{" 직후", " 이후", " 뒤", " 후"} {
			i := strings.Index(before, mk)
			if i < 0 {
				continue
			}
			w := before[strings.LastIndexAny(before[:i], " \"'“")+1 : i]
			if typ, ok := koAfterNoun[w]; ok {
				return typ, true
			}
		}
		return "", false
	}
	toks := tokRange(a.toks, sp[0], m.trig[0])
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].w != "after" && toks[k].w != "following" {
			continue
		}
		j := k + 1
		if j < len(toks) && (toks[j].w == "the" || toks[j].w == "his" || toks[j].w == "her" || toks[j].w == "their") {
			j++
		}
		if j < len(toks) {
			if typ, ok := enAfterNoun[toks[j].w]; ok {
				return typ, true
			}
		}
	}
	return "", false
}

// successor reports an appointment told of a successor ("his successor",
// 후임) whose sentence names no place but where the appointee came from.
func (a *assembler) successor(m mention) bool {
	sp := a.sents[m.sent].span
	low := a.lower[sp[0]:sp[1]]
	if !strings.Contains(low, "successor") && !strings.Contains(low, "replacement") && !strings.Contains(low, "후임") {
		return false
	}
	return !a.ownPlace(m)
}

// ownPlace reports a place of the act named in m's sentence (not where a
// source is or someone came from).
func (a *assembler) ownPlace(m mention) bool {
	sp := a.sents[m.sent].span
	i := sort.Search(len(a.places), func(i int) bool { return a.places[i].Span[0] >= sp[0] })
	for ; i < len(a.places) && a.places[i].Span[0] < sp[1]; i++ {
		if within(a.places[i].Span, sp) && !a.placeOrigin[i] && !a.placeAside[i] {
			return true
		}
	}
	return false
}

// definiteCamp reports "the camp" in m's sentence: the camp told of before.
func (a *assembler) definiteCamp(m mention) bool {
	if a.ko {
		return false
	}
	sp := a.sents[m.sent].span
	low := a.lower[sp[0]:sp[1]]
	// "camp" first: it is rarer than the t both phrases start with.
	return strings.Contains(low, "camp") && (strings.Contains(low, "the camp") || strings.Contains(low, "that camp"))
}

// otherGroup reports, in one English clause, a second verb joined by "and"
// to a first with its own object: acts on other people.
func (a *assembler) otherGroup(x, y mention) bool {
	// A campaign is one however many of its measures are named.
	if a.ko || x.typ == casebook.EventCrackdown || x.sent != y.sent || x.clause != y.clause || x.rule == y.rule || x.trig[1] >= y.trig[0] {
		return false
	}
	between := tokRange(a.toks, x.trig[1], y.trig[0])
	return len(between) >= 3 && between[len(between)-1].w == "and" && !enAdverb.hasTok(&between[0])
}

// restOfGroup reports "the other two", "the rest", 나머지 before m's
// trigger: people set against a group whose act was just told.
func (a *assembler) restOfGroup(m mention) bool {
	sp := a.sents[m.sent].span
	if m.trig[0] < sp[0] || m.trig[0] > sp[1] {
		return false
	}
	low := a.lower[sp[0]:m.trig[0]]
	// "the other " or "the rest": each "the " looked at once.
	for i := strings.Index(low, "the "); i >= 0; {
		rest := low[i+len("the "):]
		if strings.HasPrefix(rest, "other ") || strings.HasPrefix(rest, "rest") {
			return true
		}
		k := strings.Index(rest, "the ")
		if k < 0 {
			break
		}
		i += len("the ") + k
	}
	return strings.Contains(low, "나머지")
}

// elaborates reports a Korean clause ending in …는데 (background for
// what follows) before a second trigger of the same sentence: "몰수했는데,
// 많은 사람은 … 빼앗겼다" tells the one seizure again in detail.
func (a *assembler) elaborates(x, y mention) bool {
	if !a.ko || x.sent != y.sent || x.trig[0] >= y.trig[0] {
		return false
	}
	between := a.d.Text[x.trig[0]:y.trig[0]]
	return strings.Contains(between, "는데") || strings.Contains(between, "은데")
}

// sameAct reports whether a later mention b restates the act of a.
func sameAct(a, b *casebook.Event, ma, mb mention, quoted bool) bool {
	// A dismissal and an appointment (해임되고 … 임명된), a fine and a
	// sentence, are two acts even in one clause.
	if ma.appoint != mb.appoint || ma.fine != mb.fine {
		return false
	}
	if ma.clause == mb.clause {
		return true
	}
	if a.Type == casebook.EventCrackdown {
		// A campaign is one event however often it is named; one aimed at
		// other people is another.
		if a.Target != "" && b.Target != "" && a.Target != b.Target && a.Target != "resident" && b.Target != "resident" {
			return false
		}
		return a.Agency == "" || b.Agency == "" || a.Agency == b.Agency || !ma.agLocal
	}
	// "resident" is what a lead calls anyone it reports arrested; a
	// later, closer look may name the same person a phone user or a trader.
	generic := a.Type == casebook.EventDetention && (a.Target == "resident" || b.Target == "resident")
	if a.Target != "" && b.Target != "" && a.Target != b.Target && !quoted && !generic {
		return false
	}
	if a.Place != nil && b.Place != nil && a.Place.ID != b.Place.ID {
		return false
	}
	// An organ guessed from elsewhere in the report for a first mention
	// ("Authorities … have begun confiscating") does not tell it apart
	// from the act told in detail later.
	if a.Agency != "" && b.Agency != "" && a.Agency != b.Agency && ma.agLocal {
		return false
	}
	switch a.Type {
	case casebook.EventBribeDemand, casebook.EventBribePayment:
		if a.Amount != nil && b.Amount != nil {
			return a.Amount.Currency == b.Amount.Currency && a.Amount.Amount == b.Amount.Amount
		}
		if (a.Amount == nil) != (b.Amount == nil) {
			return quoted || ma.sent == mb.sent || ma.sent+1 == mb.sent
		}
	}
	return true
}

// mergeInto fills what a lacks from b, a later mention of the same act.
func mergeInto(a, b *casebook.Event) {
	if a.Place == nil {
		a.Place = b.Place
	}
	if a.Agency == "" {
		a.Agency = b.Agency
	}
	if a.Target == "" {
		a.Target = b.Target
	}
	if a.Amount == nil {
		a.Amount = b.Amount
	}
	if a.Date == nil {
		a.Date = b.Date
	}
}

// quoteCount is inQuote for positions in increasing order: the marks
// counted up to the last position are counted on from there while the
// scan starts where it did (the mentions of one paragraph).
type quoteCount struct {
	from, at, straight, curly int
}

func (q *quoteCount) inQuote(text string, from, at int) bool {
	if from < 0 || from > at {
		return false
	}
	if from != q.from || at < q.at || q.at == 0 {
		*q = quoteCount{from: from, at: from}
	}
	for i := q.at; i < at; i++ {
		if i = nextMarked(text, i, at, &quoteBytes, quoteMarks); i >= at {
			break
		}
		switch c := text[i]; {
		case c == '"':
			q.straight++
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80:
			switch text[i+2] {
			case 0x9C: // “
				q.curly++
			case 0x9D: // ”
				if q.curly > 0 {
					q.curly--
				}
			}
		}
	}
	q.at = at
	return q.straight%2 == 1 || q.curly > 0
}

// inQuote reports whether position at lies inside quotation marks opened
// in the same paragraph.
func inQuote(text string, paraStart, at int) bool {
	if paraStart < 0 || paraStart > at {
		return false
	}
	straight, curly := 0, 0
	for i := paraStart; i < at; i++ {
		switch c := text[i]; {
		case c == '"':
			straight++
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80:
			switch text[i+2] {
			case 0x9C: // “
				curly++
			case 0x9D: // ”
				if curly > 0 {
					curly--
				}
			}
		}
	}
	return straight%2 == 1 || curly > 0
}

// shareWords reports whether two mentions' clauses share a content word
// ("family", "director", 기름): a later mention of an act from the lead
// names the same people or things.
func (a *assembler) shareWords(x, y mention) bool {
	if a.ko {
		sx, sy := a.sents[x.sent].span, a.sents[y.sent].span
		sx = casebook.Span{runeStart(a.d.Text, max(sx[0], x.trig[0]-400)), runeStart(a.d.Text, min(sx[1], x.trig[1]+400))}
		sy = casebook.Span{runeStart(a.d.Text, max(sy[0], y.trig[0]-400)), runeStart(a.d.Text, min(sy[1], y.trig[1]+400))}
		var bx, by [64]string
		wx := koStems(a.d.Text[sx[0]:sx[1]], bx[:0])
		for _, w := range koStems(a.d.Text[sy[0]:sy[1]], by[:0]) {
			for _, v := range wx {
				if v == w {
					return true
				}
			}
		}
		return false
	}
	sx, sy := a.extClause(x), a.extClause(y)
	tx, ty := tokRange(a.toks, sx[0], sx[1]), tokRange(a.toks, sy[0], sy[1])
	// The trigger's own words ("arrested", "took … into custody") do not
	// count; the words a gap spans ("the whole family") do.
	isTrig := func(t token, m mention) bool { return t.lo == m.trig[0] || t.hi == m.trig[1] }
	for k := range tx {
		t := &tx[k]
		if len(t.w) < 4 || enStop.hasTok(t) || isTrig(*t, x) {
			continue
		}
		for k := range ty {
			// Length and first letter before the bytes: most pairs differ there.
			if u := &ty[k]; len(u.w) == len(t.w) && u.w[0] == t.w[0] && u.w == t.w && !isTrig(*u, y) {
				return true
			}
		}
	}
	return false
}

// koStems returns the first two syllables of each Korean word of s, a
// rough stem that survives particles (기름을, 기름).
// Words are split as strings.Fields splits them, read byte by byte: only
// a rune led by C2, E1, E2 or E3 may be a non-ASCII space.
func koStems(s string, out []string) []string {
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		j := i + 1
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && !asciiSpace[c] || c >= 0xE4 || c >= 0x80 && c < 0xC2 {
				j++ // no space starts with c: the usual case, tested inline
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			j++
		}
		w := trimOpeners(s[i:j])
		i = j
		// The first two runes, when both are syllables (three bytes each).
		if len(w) < 6 {
			continue
		}
		r1, n1 := firstRune(w)
		r2, n2 := firstRune(w[n1:])
		if n1 == 3 && n2 == 3 && r1 >= 0xAC00 && r1 <= 0xD7A3 && r2 >= 0xAC00 && r2 <= 0xD7A3 && !koStop[w[:6]] {
			out = append(out, w[:6])
		}
	}
	return out
}

// spaceAt returns the length of the space rune (unicode.IsSpace) starting
// at s[i], or 0 when none does there.
func spaceAt(s string, i int) int {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		if asciiSpace[c] {
			return 1
		}
	case c == 0xC2 || c >= 0xE1 && c <= 0xE3:
		if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// trimOpeners is strings.TrimLeft(w, "\"'“‘(「『[") on bytes.
func trimOpeners(w string) string {
	for len(w) > 0 {
		switch c := w[0]; {
		case c == '"' || c == '\'' || c == '(' || c == '[':
			w = w[1:]
		case strings.HasPrefix(w, "“") || strings.HasPrefix(w, "‘") || strings.HasPrefix(w, "「") || strings.HasPrefix(w, "『"):
			w = w[3:]
		default:
			return w
		}
	}
	return w
}

var koStop = map[string]bool{"보위": true, "안전": true, "보안": true, "소식": true, "데일": true, "이날": true, "지난": true, "그러": true, "하지": true, "이후": true, "당시": true, "최근": true, "요즘": true, "이번": true, "것으": true, "있다": true, "했다": true, "됐다": true}

var enStop = wordSet("that", "this", "with", "from", "have", "been", "were", "they", "their", "them", "said", "says", "source", "sources", "also", "after", "before", "when", "which", "would", "into", "daily", "province", "north", "korea", "korean", "officials", "official", "agents", "agent", "security", "state", "ministry", "other", "there", "then", "than", "what", "where", "while", "some", "more", "most", "only", "even", "just", "over", "under", "about", "because", "since", "told", "learned", "according", "local", "people", "last", "month", "year", "week", "days", "recently", "being", "will", "could", "should", "these", "those", "such", "very", "much", "many", "each", "every")

// extClause is a mention's clause, reaching back over the clause before it
// when it is a relative clause ("a police officer | who … was arrested"), so
// the person it is about is included.
func (a *assembler) extClause(m mention) casebook.Span {
	cl := casebook.Span{max(m.clause[0], m.trig[0]-400), min(m.clause[1], m.trig[1]+400)}
	if cl[0] != m.clause[0] {
		return cl
	}
	switch nextWord(a.lower, cl[0], cl[1]) {
	case "who", "which", "whose", "whom", "after", "before", "because", "when", "while", "until":
	default:
		return cl
	}
	s := &a.sents[m.sent]
	for i, c := range s.clauses {
		if c == cl && i > 0 {
			return casebook.Span{s.clauses[i-1][0], cl[1]}
		}
	}
	return cl
}
