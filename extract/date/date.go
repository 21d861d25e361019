// Package date finds date expressions in news text and resolves them against
// the publication date into intervals, following the annotation guide:
// "in the middle of October" → the 11th to the 20th, "last week" → Monday to
// Sunday of the week before publication, "recently" → the 30 days before
// publication, "early/mid/late 2014" → January–April / May–August /
// September–December, and so on. A month or day later than publication with
// no year falls in the previous year, and no interval runs past publication:
// a part of the publication's month that has begun is cut at publication
// ("late March" published March 25 → 21–25 March), one wholly after it is
// read as last year's, as a day after publication is ("late March" or "March
// 25" published March 20 → March of the year before); "this month"/이달 with
// a part still to come is no date.
//
// Times told against an earlier time ("the next day", 사흘 만에) are
// resolved from it and marked FollowOn; dates of a source's speaking ("told
// RFA on Monday", 소식통은 14일) are marked Reporting (see Expr).
//
// No date library knows this news vocabulary (see DEPENDENCIES.md), so the
// rules are a small hand-written reader: an English one over ASCII tokens and
// a Korean one over the raw text.
package date

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"casebook"
	"casebook/extract/internal/ascii"
)

// Expr is one date expression and the interval it denotes.
type Expr struct {
	Span     casebook.Span
	Interval casebook.Interval
	// Vague marks expressions that bound a time only loosely ("recently",
	// "these days", 최근, "this year"): an assembler should prefer a specific
	// date in the same clause.
	Vague bool
	// Days is the interval's width in days, so a caller can prefer the
	// narrowest of several candidates without parsing the dates.
	Days int
	// Reporting marks the date of a source's speaking or an outlet's
	// reporting, not of an act: the expression modifies a verb of saying
	// ("a source told RFA on Monday", "said in a phone call on Thursday",
	// "reported on November 3 that …", 소식통은 14일 데일리NK에, 협력자가
	// 11월 3일 전해왔다). A date before an attribution tail ("raided the
	// market on April 17, the source said") is not one. Only expressions a
	// day or two wide are marked: a source speaks on a day. An assembler
	// should date acts by the other expressions.
	Reporting bool
	// FollowOn marks a time told against an earlier one ("the next day",
	// "that evening", "two days later", 이튿날, 사흘 만에): Interval is
	// resolved from the expression at Anchor, the nearest one before it that
	// is not Vague, at most a month wide, and (for a time after it) not
	// Reporting. Follow-ons chain. One with no such anchor is left out,
	// except "the day before"/전날, which then count back from publication
	// (FollowOn false).
	FollowOn bool
	// Anchor is the span of the expression a FollowOn time was resolved from.
	Anchor casebook.Span
}

// Find returns the date expressions of text in text order, resolved against
// published. With a zero published, only expressions that carry their own
// year resolve ("November 24, 2019", "in 2017", "2019년 11월").
func Find(text string, published time.Time) []Expr {
	return FindRuns(text, published, nil)
}

// FindRuns is Find given the text's runs (ascii.Runs), when the caller has
// them; nil means not made yet.
func FindRuns(text string, published time.Time, runs []ascii.Run) []Expr {
	if runs == nil {
		runs = ascii.Runs(text)
	}
	var pub time.Time
	if !published.IsZero() {
		pub = time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, time.UTC)
	}
	r := reader{s: text, pub: pub}
	var out []Expr
	var ps []pending
	var buf [12]token
	// Words are read one by one; only a word that may start a date (or a
	// number) gets a short window of tokens, with the token before it.
	p := 0 // where reading goes on after a match
	for k := nextCandidate(text, runs, 0); k < len(runs); k = nextCandidate(text, runs, k+1) {
		run := runs[k]
		a, e := int(run.Start), int(run.End)
		if a < p || a > 0 && class[text[a-1]] != 0 {
			continue // inside a word ("AB12") or a date read already
		}
		if run.Kind == ascii.Letters && (!r.trigger(a, e) || !leadMayStart(text, a, e)) {
			continue
		}
		q, idx := prevToken(text, a)
		r.toks = tokenizeFrom(text, q, len(buf), buf[:0])
		if len(r.toks) > idx && r.toks[idx].start == a {
			if sh, next, ok := r.followOn(idx); ok {
				pd := pending{span: casebook.Span{a, r.toks[next-1].end}, sh: sh}
				if x, _, ok := r.match(idx); ok && sh.days < 0 {
					pd.fallback = &x
				}
				ps = append(ps, pd)
				p = r.toks[next-1].end
				continue
			}
			if x, next, ok := r.match(idx); ok {
				out = append(out, x)
				p = r.toks[next-1].end
			}
		}
	}
	// Every Korean expression holds a Hangul syllable: a text with none
	// needs no Korean reading (most English reports).
	var kps []pending
	if mayHoldHangul(text, runs) {
		var ko []Expr
		ko, kps = findKorean(text, pub)
		out = append(out, ko...)
	}
	slices.SortFunc(out, func(a, b Expr) int { return a.Span[0] - b.Span[0] })
	markReporting(text, out)
	if len(kps) > 0 {
		ps = append(ps, kps...)
		slices.SortFunc(ps, func(a, b pending) int { return a.span[0] - b.span[0] })
	}
	for _, p := range ps {
		if p.fallback != nil {
			p.fallback.Reporting = false
		}
	}
	return resolveFollowOns(out, ps, pub)
}

// nextCandidate returns the index of the first run of text from k on that
// is a number numberMayStart passes or a word trigger may pass by its first
// letters (see triggerTri and triggerTwo), and if an article, by the word
// after it (articleMayLead); len(runs) if none is. Most words are turned away here,
// in a loop of their own that keeps its variables in registers.
func nextCandidate(text string, runs []ascii.Run, k int) int {
	for ; k < len(runs); k++ {
		r := &runs[k]
		if tri := r.Tri; tri != ascii.NoTri { // a word of three letters or more
			if triggerTri[tri] && (tri != theTri || r.End-r.Start != 3 || articleMayLead(text, int(r.End))) {
				return k
			}
			continue
		}
		switch {
		case r.Kind == ascii.Digits:
			if numberMayStart(text, int(r.Start), int(r.End)) {
				return k
			}
		case r.Kind != ascii.Letters:
		case r.End-r.Start == 1:
			if text[r.Start]|0x20 == 'a' && articleMayLead(text, int(r.End)) {
				return k
			}
		default:
			pair := int(text[r.Start]|0x20-'a')*26 + int(text[r.Start+1]|0x20-'a')
			if triggerTwo[pair] && (pair != anPair || articleMayLead(text, int(r.End))) {
				return k
			}
		}
	}
	return k
}

// theTri and anPair number "the" as ascii.Run.Tri does and "an" as
// triggerTwo does.
const (
	theTri = ('t'-'a')*26*26 + ('h'-'a')*26 + 'e' - 'a'
	anPair = ('a'-'a')*26 + 'n' - 'a'
)

// numberMayStart reports whether the number s[a:e] may start a date, as
// the reader would read it: a year (1950–2100) or an ISO date has four
// digits; every
// other date starting with a number ("24 November", "24th of October", "3
// days ago", "10 days later") has at most three and, after it and any
// ordinal suffix, a word starting as of, a unit of time or a month does.
// (Most numbers in reports are sums and counts of people.)
func numberMayStart(s string, a, e int) bool {
	n := e - a
	if n > 4 {
		return false
	}
	if n == 4 {
		if v := int(s[a]-'0')*1000 + int(s[a+1]-'0')*100 + int(s[a+2]-'0')*10 + int(s[a+3]-'0'); v >= 1950 && v <= 2100 {
			return true
		}
	}
	// The ordinal suffix as tokenizeFrom reads it, then the spaces it drops.
	if e+2 <= len(s) && (hasFold(s, e, "st") || hasFold(s, e, "nd") || hasFold(s, e, "rd") || hasFold(s, e, "th")) &&
		(e+2 == len(s) || !isLetter(s[e+2])) {
		e += 2
	}
	for e < len(s) && (s[e] == ' ' || s[e] == '\t' || s[e] == '\r') {
		e++
	}
	if n == 4 {
		return e < len(s) && s[e] == '-' // an ISO date of another year
	}
	if e+1 >= len(s) || !isLetter(s[e]) || !isLetter(s[e+1]) {
		return false
	}
	switch uint16(lower(s[e]))<<8 | uint16(lower(s[e+1])) {
	case 'o'<<8 | 'f', // of
		'd'<<8 | 'a', 'w'<<8 | 'e', 'm'<<8 | 'o', 'y'<<8 | 'e', // day, week, month, year
		'j'<<8 | 'a', 'f'<<8 | 'e', 'm'<<8 | 'a', 'a'<<8 | 'p', 'j'<<8 | 'u', 'a'<<8 | 'u',
		's'<<8 | 'e', 'o'<<8 | 'c', 'n'<<8 | 'o', 'd'<<8 | 'e': // months and their abbreviations
		return true
	}
	return false
}

// leadMayStart reports whether the trigger s[a:e] may start a date given
// the word after it. "from", "since" and "between" lead into a date, so the
// word after them must be a number or a word one may start with (or
// around, about, roughly, between), and after an article one that may
// follow it (articleMayLead); a count ("two", "several") starts only "two
// weeks ago" or "two days later", so a unit of time must follow it; an
// ordinal starts only "fourth of October", "first week of", "second half
// of" or "last days of". Other triggers pass. In reports most of these
// words lead to no date.
func leadMayStart(s string, a, e int) bool {
	lead := e-a == 4 && hasFold(s, a, "from") || e-a == 5 && hasFold(s, a, "since") || e-a == 7 && hasFold(s, a, "between")
	count, ordinal := false, false
	if !lead && e-a >= 3 { // "a" and "an" are read on from as articles
		_, count = countsTable.lookup(s, a, e)
		count = count || e-a == 7 && hasFold(s, a, "several") || e-a == 3 && hasFold(s, a, "few")
		if !count && e-a >= 5 {
			_, ordinal = ordinalsTable.lookup(s, a, e)
		}
	}
	if !lead && !count && !ordinal {
		return true
	}
	// The next token as tokenizeFrom reads it.
	i := e
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	if i < len(s) && isDigit(s[i]) {
		return lead
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if count || ordinal {
		if j-i < 2 {
			return false
		}
		switch uint16(lower(s[i]))<<8 | uint16(lower(s[i+1])) {
		case 'd'<<8 | 'a', 'w'<<8 | 'e': // day, week
			return true
		case 'm'<<8 | 'o', 'y'<<8 | 'e': // month, year
			return count
		case 'o'<<8 | 'f', 'h'<<8 | 'a': // of, half
			return ordinal
		}
		return false
	}
	// After an article the reader reads on as trigger does after one.
	if j-i == 3 && hasFold(s, i, "the") || j-i == 1 && s[i]|0x20 == 'a' || j-i == 2 && hasFold(s, i, "an") {
		return articleMayLead(s, j)
	}
	if _, ok := triggersTable.lookup(s, i, j); ok {
		return true
	}
	_, ok := leadOnTable.lookup(s, i, j)
	return ok
}

// leadOn are the words other than triggers that the reader reads a date
// from after "from" or "since": parts ("the final week of", "middle of"),
// "later", and the words it steps over.
var leadOn = map[string]bool{"final": true, "middle": true, "end": true, "beginning": true, "start": true,
	"later": true, "around": true, "about": true, "roughly": true, "between": true}

// class sorts bytes into ASCII letters (1), digits (2) and the rest (0).
var class = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-32] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	return t
}()

// prevToken returns where the token before p starts (p itself when there is
// none on the line) and the index p's token will have in a window from there.
func prevToken(s string, p int) (int, int) {
	q := p
	for q > 0 && (s[q-1] == ' ' || s[q-1] == '\t') {
		q--
	}
	if q == 0 || s[q-1] == '\n' || s[q-1] >= 0x80 {
		return p, 0
	}
	c := s[q-1]
	switch {
	case isLetter(c):
		for q > 0 && isLetter(s[q-1]) {
			q--
		}
	case isDigit(c):
		for q > 0 && isDigit(s[q-1]) {
			q--
		}
	default:
		q--
	}
	return q, 1
}

// Parse resolves one phrase an analyst typed — "mid-October", "지난달 24일",
// "2019-11-24", "2019-11", "2019-11-01..2019-11-30" — against published. It
// reports false when the phrase holds no date it can resolve.
func Parse(phrase string, published time.Time) (casebook.Interval, bool) {
	p := strings.TrimSpace(phrase)
	if a, b, ok := strings.Cut(p, ".."); ok {
		x, ok1 := Parse(a, published)
		y, ok2 := Parse(b, published)
		if ok1 && ok2 && x.From <= y.To {
			return casebook.Interval{From: x.From, To: y.To}, true
		}
		return casebook.Interval{}, false
	}
	if iv, ok := isoInterval(p); ok {
		return iv, true
	}
	es := Find(p, published)
	if len(es) == 0 {
		return casebook.Interval{}, false
	}
	// the expression covering most of the phrase
	best := es[0]
	for _, e := range es[1:] {
		if e.Span.Len() > best.Span.Len() {
			best = e
		}
	}
	return best.Interval, true
}

// isoInterval reads "2019-11-24", "2019-11" and "2019".
func isoInterval(p string) (casebook.Interval, bool) {
	if t, err := time.Parse(time.DateOnly, p); err == nil {
		d := t.Format(time.DateOnly)
		return casebook.Interval{From: d, To: d}, true
	}
	if t, err := time.Parse("2006-01", p); err == nil {
		return mkInterval(t, t.AddDate(0, 1, -1)), true
	}
	if len(p) == 4 {
		if y, err := strconv.Atoi(p); err == nil && y >= 1900 && y <= 2100 {
			return mkInterval(day(y, 1, 1), day(y, 12, 31)), true
		}
	}
	return casebook.Interval{}, false
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// lastDay returns the number of days in month m of year y.
func lastDay(y, m int) int { return day(y, m+1, 0).Day() }

func mkInterval(from, to time.Time) casebook.Interval {
	var b [20]byte
	if !isoInto(b[:10], from) {
		return casebook.Interval{From: from.Format(time.DateOnly), To: iso(to)}
	}
	if to.Equal(from) {
		f := string(b[:10])
		return casebook.Interval{From: f, To: f} // a single day: one string
	}
	if !isoInto(b[10:], to) {
		return casebook.Interval{From: string(b[:10]), To: to.Format(time.DateOnly)}
	}
	both := string(b[:]) // one allocation for the two
	return casebook.Interval{From: both[:10], To: both[10:]}
}

// iso formats t as YYYY-MM-DD, faster than time.Format.
func iso(t time.Time) string {
	var b [10]byte
	if !isoInto(b[:], t) {
		return t.Format(time.DateOnly)
	}
	return string(b[:])
}

// isoInto writes t as YYYY-MM-DD into b (ten bytes), unless its year has
// other than four digits.
func isoInto(b []byte, t time.Time) bool {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return false
	}
	_ = b[9]
	b[0], b[1], b[2], b[3], b[4] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-'
	b[5], b[6], b[7], b[8], b[9] = byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10)
	return true
}

// Parts of a month or year.
const (
	whole      = iota
	early      // 1st–10th; January–April
	mid        // 11th–20th; May–August
	late       // 21st–end; September–December
	beginning  // "the beginning of": the first part, narrowly (1st–10th; January)
	end        // "the end of": the last part, narrowly (21st–end; December)
	firstHalf  // 1st–15th; January–June
	week1      // "the first week of": 1st–7th
	week2      // 8th–14th
	week3      // 15th–21st
	week4      // "the last week of": the last seven days
	secondHalf // 16th–end; July–December
	earlyMid   // "early-to-mid": 1st–20th; January–August
	midLate    // "mid-to-late": 11th–end; May–December
)

// monthPart returns the days of part of month m of year y.
func monthPart(y, m, part int) (time.Time, time.Time) {
	switch part {
	case early, beginning:
		return day(y, m, 1), day(y, m, 10)
	case mid:
		return day(y, m, 11), day(y, m, 20)
	case late, end:
		return day(y, m, 21), day(y, m, lastDay(y, m))
	case firstHalf:
		return day(y, m, 1), day(y, m, 15)
	case week1, week2, week3:
		k := 7 * (part - week1)
		return day(y, m, 1+k), day(y, m, 7+k)
	case week4:
		n := lastDay(y, m)
		return day(y, m, n-6), day(y, m, n)
	case secondHalf:
		return day(y, m, 16), day(y, m, lastDay(y, m))
	case earlyMid:
		return day(y, m, 1), day(y, m, 20)
	case midLate:
		return day(y, m, 11), day(y, m, lastDay(y, m))
	}
	return day(y, m, 1), day(y, m, lastDay(y, m))
}

// yearPart returns the days of part of year y.
func yearPart(y, part int) (time.Time, time.Time) {
	switch part {
	case early:
		return day(y, 1, 1), day(y, 4, 30)
	case mid:
		return day(y, 5, 1), day(y, 8, 31)
	case late:
		return day(y, 9, 1), day(y, 12, 31)
	case beginning:
		return day(y, 1, 1), day(y, 1, 31)
	case end:
		return day(y, 12, 1), day(y, 12, 31)
	case firstHalf:
		return day(y, 1, 1), day(y, 6, 30)
	case week1, week2, week3:
		return monthPart(y, 1, part)
	case week4:
		return monthPart(y, 12, part)
	case secondHalf:
		return day(y, 7, 1), day(y, 12, 31)
	case earlyMid:
		return day(y, 1, 1), day(y, 8, 31)
	case midLate:
		return day(y, 5, 1), day(y, 12, 31)
	}
	return day(y, 1, 1), day(y, 12, 31)
}

// monday returns the Monday of t's week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// when is a calendar reference before it becomes an interval: a year
// (explicit or relative), perhaps a month, perhaps a day, perhaps a part.
type when struct {
	year      int
	yearGiven bool // the text fixes the year (2019, last year, this year)
	month     int
	day       int
	part      int
}

// resolve turns w into an interval against pub: a month or day with no year
// that would lie after publication falls in the previous year; the interval
// is cut at publication. ok is false for a date wholly after publication, or
// a relative one without a publication date.
func resolve(w when, pub time.Time) (from, to time.Time, ok bool) {
	if !w.yearGiven {
		if pub.IsZero() {
			return from, to, false
		}
		w.year = pub.Year()
	}
	for try := 0; try < 2; try++ {
		switch {
		case w.day > 0:
			if w.day > lastDay(w.year, w.month) {
				return from, to, false
			}
			from = day(w.year, w.month, w.day)
			to = from
		case w.month > 0:
			from, to = monthPart(w.year, w.month, w.part)
		default:
			from, to = yearPart(w.year, w.part)
		}
		if pub.IsZero() || !from.After(pub) {
			break
		}
		if w.yearGiven || w.month == 0 {
			return from, to, false
		}
		w.year--
	}
	if !pub.IsZero() && to.After(pub) {
		to = pub
	}
	return from, to, !pub.IsZero() && !from.After(pub) || pub.IsZero()
}

// Seasons, by their first month.
var seasons = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
	"봄": 3, "여름": 6, "가을": 9, "겨울": 12}

// season returns the three months from month first of year y (winter runs
// into the next year).
func season(y, first int) (time.Time, time.Time) {
	return day(y, first, 1), day(y, first+3, 0)
}

// lastSeason returns the latest season starting in month first that ended
// before pub.
func lastSeason(pub time.Time, first int) (time.Time, time.Time) {
	for y := pub.Year(); ; y-- {
		f, t := season(y, first)
		if t.Before(pub) {
			return f, t
		}
	}
}

// mayHoldHangul reports whether a run of bytes above ASCII holds one that
// may lead a Hangul syllable (they are encoded from 0xEA to 0xED).
func mayHoldHangul(text string, runs []ascii.Run) bool {
	for _, r := range runs {
		if r.Kind != ascii.NonASCII {
			continue
		}
		for i := r.Start; i < r.End; i++ {
			if text[i]-0xEA < 4 {
				return true
			}
		}
	}
	return false
}
