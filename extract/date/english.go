package date

import (
	"time"

	"casebook"
)

// reader reads English date expressions from a token list.
type reader struct {
	s    string
	toks []token
	pub  time.Time
}

// is reports whether token i is the word w (lower case), case ignored.
func (r *reader) is(i int, w string) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := &r.toks[i]
	return t.kind == tWord && t.end-t.start == len(w) && hasFold(r.s, t.start, w)
}

// isAny reports whether token i is one of ws.
func (r *reader) isAny(i int, ws ...string) bool {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != tWord {
		return false
	}
	t := &r.toks[i]
	n := t.end - t.start
	for _, w := range ws {
		if len(w) == n && hasFold(r.s, t.start, w) {
			return true
		}
	}
	return false
}

// punct reports whether token i is the punctuation byte c.
func (r *reader) punct(i int, c byte) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == tPunct && r.s[r.toks[i].start] == c
}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// month reads a month name or its abbreviation ("Sept.", "Oct") at i.
func (r *reader) month(i int) (int, int, bool) {
	if i >= len(r.toks) || r.toks[i].kind != tWord {
		return 0, i, false
	}
	t := r.toks[i]
	w := r.s[t.start:t.end]
	for m, name := range months {
		if len(w) == len(name) && hasFold(w, 0, name) {
			if m == 4 && w == "may" {
				return 0, i, false // the verb; the month is capitalised
			}
			if m == 2 && w == "march" {
				return 0, i, false
			}
			return m + 1, i + 1, true
		}
	}
	// abbreviations, capitalised: "Oct. 11", "Sept 4"
	if len(w) >= 3 && len(w) <= 4 && 'A' <= w[0] && w[0] <= 'Z' {
		for m, name := range months {
			if hasFold(name, 0, lowerString(w)) && (len(w) == 3 || w == "Sept") {
				j := i + 1
				if r.punct(j, '.') {
					j++
				}
				// an abbreviation needs a day after it
				if j < len(r.toks) && r.toks[j].kind == tNum && r.toks[j].num >= 1 && r.toks[j].num <= 31 {
					return m + 1, j, true
				}
			}
		}
	}
	return 0, i, false
}

func lowerString(w string) string {
	b := []byte(w)
	for i := range b {
		b[i] = lower(b[i])
	}
	return string(b)
}

var weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func (r *reader) weekday(i int) (time.Weekday, bool) {
	for d, name := range weekdays {
		if r.is(i, name) {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30}

var counts = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// dayNum reads a day of the month at i: "24", "24th", "fourth", "twenty-first".
func (r *reader) dayNum(i int) (int, int, bool) {
	if i >= len(r.toks) {
		return 0, i, false
	}
	t := r.toks[i]
	if t.kind == tNum && t.digits <= 2 && t.num >= 1 && t.num <= 31 {
		return t.num, i + 1, true
	}
	if t.kind == tWord {
		if d, ok := ordinalsTable.lookup(r.s, t.start, t.end); ok {
			return d, i + 1, true
		}
		if r.isAny(i, "twenty", "thirty") && r.punct(i+1, '-') && i+2 < len(r.toks) {
			if d, ok := ordinalsTable.lookup(r.s, r.toks[i+2].start, r.toks[i+2].end); ok && d < 10 {
				base := 20
				if r.is(i, "thirty") {
					base = 30
				}
				return base + d, i + 3, true
			}
		}
	}
	return 0, i, false
}

func (r *reader) tokText(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.s[r.toks[i].start:r.toks[i].end]
}

// year reads a four-digit year 1950–2100 at i.
func (r *reader) year(i int) (int, bool) {
	if i >= len(r.toks) {
		return 0, false
	}
	t := r.toks[i]
	if t.kind != tNum || t.digits != 4 || t.ordinal || t.num < 1950 || t.num > 2100 {
		return 0, false
	}
	// "2000 RMB", "2000 and 2500 yuan", "2019-20" are no years here
	for k := i + 1; k < len(r.toks) && k <= i+3; k++ {
		if r.isAny(k, "yuan", "won", "rmb", "dollars", "usd", "kpw", "people", "residents", "households", "families", "kg", "tons", "km") {
			return 0, false
		}
		if !(r.toks[k].kind == tNum || r.isAny(k, "and", "to", "or") || r.punct(k, '-') || r.punct(k, ',')) {
			break
		}
	}
	if i+1 < len(r.toks) {
		n := r.toks[i+1]
		if n.kind == tPunct && (r.s[n.start] == ',' || r.s[n.start] == '.') && n.end < len(r.s) && isDigit(r.s[n.end]) {
			return 0, false
		}
	}
	return t.num, true
}

// part reads "early", "mid", "mid-", "late", "the middle of", "the end of",
// "the beginning of", "the start of" at i.
func (r *reader) part(i int) (int, int) {
	j := i
	if r.is(j, "the") {
		j++
	}
	// Every case of partAt reads a word at j first: most words start none.
	if j >= len(r.toks) || r.toks[j].kind != tWord || !partFirst[lower(r.s[r.toks[j].start])] {
		return whole, i
	}
	return r.partAt(i, j)
}

// partAt is part after any "the": j is i or the token after "the". The
// word after j is compared first: it rules most cases out.
func (r *reader) partAt(i, j int) (int, int) {
	switch {
	case r.is(j+1, "week") && r.isAny(j, "first", "second", "third", "fourth", "last", "final") && r.is(j+2, "of"):
		p := map[string]int{"first": week1, "second": week2, "third": week3}[lowerString(r.tokText(j))]
		if p == 0 {
			p = week4
		}
		k := j + 3
		if r.is(k, "the") && !r.isAny(k+1, "year", "month") {
			k++
		}
		return p, k
	case r.is(j+1, "half") && r.isAny(j, "first", "second") && r.is(j+2, "of"):
		p := firstHalf
		if r.is(j, "second") {
			p = secondHalf
		}
		k := j + 3
		if r.is(k, "the") && !r.isAny(k+1, "year", "month") {
			k++
		}
		return p, k
	case r.is(j+1, "of") && r.isAny(j, "middle", "end", "beginning", "start"):
		p := map[bool]int{true: mid}[r.is(j, "middle")]
		if r.is(j, "end") {
			p = end
		}
		if r.isAny(j, "beginning", "start") {
			p = beginning
		}
		k := j + 2
		if r.is(k, "the") && !r.isAny(k+1, "year", "month") {
			k++
		}
		return p, k
	case r.is(j+1, "days") && r.isAny(j, "first", "last", "final") && r.is(j+2, "of"):
		// "the last days of October": its late part
		p := late
		if r.is(j, "first") {
			p = early
		}
		k := j + 3
		if r.is(k, "the") && !r.isAny(k+1, "year", "month") {
			k++
		}
		return p, k
	case j == i && r.isAny(j, "early", "mid") && r.punct(j+1, '-') && r.is(j+2, "to") && r.punct(j+3, '-') && r.isAny(j+4, "mid", "late"):
		// "mid-to-late October", "early-to-mid 2019"
		p := midLate
		if r.is(j, "early") {
			p = earlyMid
		}
		k := j + 5
		if r.punct(k, '-') {
			k++
		}
		return p, k
	case j == i && r.is(j, "early"):
		return early, j + 1
	case j == i && r.is(j, "mid"):
		if r.punct(j+1, '-') {
			return mid, j + 2
		}
		return mid, j + 1
	case j == i && r.is(j, "late"):
		return late, j + 1
	}
	return whole, i
}

// partFirst marks the first letters of the words part reads first.
var partFirst = func() (t [256]bool) {
	for _, w := range []string{"first", "second", "third", "fourth", "last", "final", "middle", "end", "beginning", "start", "early", "mid", "late"} {
		t[w[0]] = true
	}
	return t
}()

// triggers are the words a date expression may start with; other words are
// passed over without a look.
var triggers = map[string]bool{}

var triggersTable *wordTable[bool] // built with triggers, in init

// triggerStart marks the first two letters of the triggers, a filter cheaper
// than the map.
var triggerStart [26 * 26]bool

// triggerTri marks the first three letters (ascii.Run.Tri) of the words of
// three letters or more trigger may pass: the triggers and the words it
// reads on from ("that evening", "later that day", "minutes later", "the
// first week").
var triggerTri [26 * 26 * 26]bool

// triggerTwo marks the two-letter words trigger may pass: the triggers of
// two letters ("an"). Of one letter it passes only "a".
var triggerTwo [26 * 26]bool

func init() {
	defer func() {
		for w := range triggers {
			if len(w) >= 2 {
				triggerStart[int(w[0]-'a')*26+int(w[1]-'a')] = true
			}
		}
		for w := range triggers {
			markTri(w)
		}
		for _, w := range []string{"that", "later", "minutes", "the"} {
			markTri(w)
		}
		for w := range triggers {
			if len(w) == 2 {
				triggerTwo[int(w[0]-'a')*26+int(w[1]-'a')] = true
			}
			if len(w) >= 3 {
				t := (int(w[0]-'a')*26+int(w[1]-'a'))*26 + int(w[2]-'a')
				if triggerGroup[t] == 0 {
					triggerGroups = append(triggerGroups, nil)
					triggerGroup[t] = uint8(len(triggerGroups))
				}
				triggerGroups[triggerGroup[t]-1] = append(triggerGroups[triggerGroup[t]-1], w)
			}
		}
		triggersTable = newWordTable(triggers)
	}()
	for _, w := range []string{"spring", "summer", "autumn", "fall", "winter", "since", "from", "between", "the", "early", "mid", "late", "last", "past", "previous",
		"this", "earlier", "recently", "lately", "nowadays", "these", "recent", "yesterday", "today",
		"a", "an", "several", "few", "twenty", "thirty", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec"} {
		triggers[w] = true
	}
	for _, ws := range [][]string{months, weekdays} {
		for _, w := range ws {
			triggers[w] = true
		}
	}
	for w := range ordinals {
		triggers[w] = true
	}
	for w := range counts {
		triggers[w] = true
	}
}

// trigger reports whether the word s[a:b] may start a date expression.
// "the", "a" and "an" are frequent, so the word after them is looked at too.
func (r *reader) trigger(a, b int) bool {
	if b-a == 1 {
		return r.s[a]|0x20 == 'a' && articleMayLead(r.s, b) && r.afterArticle(b)
	}
	if !triggerStart[int(lower(r.s[a])-'a')*26+int(lower(r.s[a+1])-'a')] {
		return false
	}
	switch b - a {
	case 4:
		if hasFold(r.s, a, "that") {
			return afterThat(r.s, b) // "that evening"
		}
	case 5:
		if hasFold(r.s, a, "later") {
			return afterThat(r.s, b) // "later that day"
		}
	case 7:
		if hasFold(r.s, a, "minutes") {
			return nextWord(r.s, b, "later")
		}
	}
	if b-a == 2 && hasFold(r.s, a, "an") {
		return articleMayLead(r.s, b) && r.afterArticle(b)
	}
	if b-a == 3 && hasFold(r.s, a, "the") {
		return articleMayLead(r.s, b) && (r.afterArticle(b) || theFollow(r.s, b))
	}
	return isTrigger(r.s, a, b)
}

// isTrigger reports whether the word s[a:b] is one of triggers, as
// triggersTable.lookup does; a word of three letters or more is compared
// with the triggers of its first three letters, without hashing it.
func isTrigger(s string, a, b int) bool {
	if b-a < 3 {
		_, ok := triggersTable.lookup(s, a, b)
		return ok
	}
	g := triggerGroup[(int(lower(s[a])-'a')*26+int(lower(s[a+1])-'a'))*26+int(lower(s[a+2])-'a')]
	if g == 0 {
		return false
	}
	for _, w := range triggerGroups[g-1] {
		if len(w) == b-a && hasFold(s, a, w) {
			return true
		}
	}
	return false
}

// triggerGroup numbers (from 1) the group in triggerGroups of the triggers
// of three letters or more that start with each three letters.
var triggerGroup [26 * 26 * 26]uint8

var triggerGroups [][]string

// markTri marks the first three letters of w in triggerTri.
func markTri(w string) { markTriIn(triggerTri[:], w) }

// markTriIn marks the first three letters of w in t.
func markTriIn(t []bool, w string) {
	if len(w) < 3 || !isLower(w[0]) || !isLower(w[1]) || !isLower(w[2]) {
		return
	}
	t[(int(w[0]-'a')*26+int(w[1]-'a'))*26+int(w[2]-'a')] = true
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// afterArticle lists the words that may follow "the" or "a" in a date.
var afterArticle = map[string]bool{"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "first": true, "second": true, "weekend": true, "middle": true, "end": true, "beginning": true, "start": true, "day": true,
	"previous": true, "preceding": true, "past": true, "last": true, "month": true, "year": true, "few": true,
	"couple": true, "week": true}

// articleTri marks the first three letters of the words afterArticle and
// theFollow read after an article: all have three letters or more.
var articleTri = func() (t [26 * 26 * 26]bool) {
	for w := range afterArticle {
		markTriIn(t[:], w)
	}
	for w := range ordinals {
		markTriIn(t[:], w)
	}
	// "final" for part after "from the" (leadMayStart).
	for _, w := range append([]string{"twenty", "thirty", "final"}, theFollowFirst...) {
		markTriIn(t[:], w)
	}
	return t
}()

// articleMayLead reports cheaply whether the word after the spaces at i (as
// tokenizeFrom drops them) may follow "the", "a" or "an" in a date: a
// number, or a word whose first three letters are in articleTri. Most words
// after an article are neither.
func articleMayLead(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	if i < len(s) && isDigit(s[i]) {
		return true
	}
	return i+3 <= len(s) && isLetter(s[i]) && isLetter(s[i+1]) && isLetter(s[i+2]) &&
		articleTri[(int(lower(s[i])-'a')*26+int(lower(s[i+1])-'a'))*26+int(lower(s[i+2])-'a')]
}

// afterArticle reports whether the word after i may continue a date: one of
// afterArticle, an ordinal or a number.
func (r *reader) afterArticle(i int) bool {
	for i < len(r.s) && r.s[i] == ' ' {
		i++
	}
	if i < len(r.s) && isDigit(r.s[i]) {
		return true
	}
	e := i
	for e < len(r.s) && isLetter(r.s[e]) {
		e++
	}
	if _, ok := afterArticleTable.lookup(r.s, i, e); ok {
		return true
	}
	_, ok := ordinalsTable.lookup(r.s, i, e)
	return ok || e-i == 6 && (hasFold(r.s, i, "twenty") || hasFold(r.s, i, "thirty"))
}

// match reads one date expression starting at token i.
func (r *reader) match(i int) (Expr, int, bool) {
	t := r.toks[i]
	if t.kind != tWord && t.kind != tNum {
		return Expr{}, i, false
	}
	start := i
	j := i
	since := false
	if r.isAny(j, "since", "from") {
		since = true
		j++
		if r.isAny(j, "around", "about", "roughly") {
			j++
		}
	}
	between := false
	if r.is(j, "between") {
		between = true
		j++
	}
	from, to, next, vague, ok := r.core(j)
	if !ok {
		return Expr{}, i, false
	}
	// "from March to May", "between 2017 and 2019", "since July until October"
	ranged := false
	if (since || between) && (r.isAny(next, "to", "until", "till", "through") || between && r.is(next, "and")) {
		if _, to2, next2, _, ok := r.core(next + 1); ok && !to2.Before(from) {
			to, next, since, ranged = to2, next2, false, true
		}
	}
	if between && !ranged {
		return Expr{}, i, false // "between 2000 and 2500 yuan" is no date
	}
	if since {
		if r.pub.IsZero() {
			return Expr{}, i, false
		}
		to = r.pub
	}
	if !r.pub.IsZero() && to.After(r.pub) {
		to = r.pub
	}
	if to.Before(from) {
		return Expr{}, i, false
	}
	e := Expr{
		Span:     casebook.Span{r.toks[start].start, r.toks[next-1].end},
		Interval: mkInterval(from, to),
		Vague:    vague || since,
		Days:     int(to.Sub(from).Hours()/24) + 1,
	}
	return e, next, true
}

// core reads the expression proper at i, after any "since".
func (r *reader) core(i int) (from, to time.Time, next int, vague, ok bool) {
	pub := r.pub
	hasPub := !pub.IsZero()
	part, j := r.part(i)

	// relative words that need the publication date
	if hasPub {
		if f, t, n, v, ok := r.relative(j, part); ok {
			return f, t, n, v, true
		}
	}
	if part != whole && j == i {
		return from, to, i, false, false
	}

	// "the fourth of last month", "the 24th of October"
	k := j
	if r.is(k, "the") {
		k++
	}
	if d, k2, ok := r.dayNum(k); ok && r.is(k2, "of") {
		if m, k3, ok := r.month(k2 + 1); ok {
			w := when{month: m, day: d}
			k3 = r.yearAfter(k3, &w)
			if f, t, ok := resolve(w, pub); ok {
				return f, t, k3, false, true
			}
			return from, to, i, false, false
		}
		if hasPub && r.isAny(k2+1, "last", "this") && r.is(k2+2, "month") {
			m := pub
			if r.is(k2+1, "last") {
				m = day(pub.Year(), int(pub.Month())-1, 1)
			}
			w := when{year: m.Year(), yearGiven: true, month: int(m.Month()), day: d}
			if f, t, ok := resolve(w, pub); ok {
				return f, t, k2 + 3, false, true
			}
		}
	}

	// "on the 15th": a day of this month, or of the last when it is still to come
	if hasPub && part == whole && r.is(j, "the") && r.isAny(j-1, "on", "since", "by", "until") && j+1 < len(r.toks) &&
		r.toks[j+1].kind == tNum && r.toks[j+1].ordinal && !r.is(j+2, "of") && r.toks[j+1].num >= 1 && r.toks[j+1].num <= 31 {
		d := r.toks[j+1].num
		m := day(pub.Year(), int(pub.Month()), 1)
		if d > pub.Day() {
			m = m.AddDate(0, -1, 0)
		}
		w := when{year: m.Year(), yearGiven: true, month: int(m.Month()), day: d}
		if f, t, ok := resolve(w, pub); ok {
			return f, t, j + 2, false, true
		}
	}

	// Month [day][, year] | Month year
	if m, k2, ok := r.month(j); ok {
		w := when{month: m, part: part}
		n := k2
		if part == whole {
			if d, k3, ok := r.dayNum(k2); ok {
				w.day, n = d, k3
			}
		}
		n = r.yearAfter(n, &w)
		if f, t, ok := resolve(w, pub); ok {
			return f, t, n, false, true
		}
		return from, to, i, false, false
	}
	// day Month [year]: "24 November 2019"
	if part == whole {
		if d, k2, ok := r.dayNum(j); ok && r.toks[j].kind == tNum {
			if m, k3, ok := r.month(k2); ok {
				w := when{month: m, day: d}
				k3 = r.yearAfter(k3, &w)
				if f, t, ok := resolve(w, pub); ok {
					return f, t, k3, false, true
				}
				return from, to, i, false, false
			}
		}
	}
	// "the summer of 2024", "winter 2023"
	if part == whole && j < len(r.toks) && r.toks[j].kind == tWord {
		if first, ok := seasonsTable.lookup(r.s, r.toks[j].start, r.toks[j].end); ok {
			k := j + 1
			if r.is(k, "of") {
				k++
			}
			if y, ok := r.year(k); ok {
				f, t := season(y, first)
				if !pub.IsZero() && f.After(pub) {
					return from, to, i, false, false
				}
				return f, t, k + 1, false, true
			}
			return from, to, i, false, false
		}
	}
	// a year, after a part or a preposition: "early 2014", "in 2017", "since 2005"
	if y, ok := r.year(j); ok {
		ctx := part != whole || r.isAny(i-1, "in", "since", "from", "during", "of", "until", "by", "before", "after", "throughout", "between", "to", "and", "till", "through")
		if !ctx {
			return from, to, i, false, false
		}
		w := when{year: y, yearGiven: true, part: part}
		if f, t, ok := resolve(w, pub); ok {
			return f, t, j + 1, false, true
		}
		return from, to, i, false, false
	}
	// ISO dates in text: 2019-11-24
	if j+4 < len(r.toks) && r.toks[j].kind == tNum && r.toks[j].digits == 4 && r.punct(j+1, '-') &&
		r.toks[j+2].kind == tNum && r.toks[j+2].digits == 2 && r.punct(j+3, '-') && r.toks[j+4].kind == tNum && r.toks[j+4].digits == 2 {
		w := when{year: r.toks[j].num, yearGiven: true, month: r.toks[j+2].num, day: r.toks[j+4].num}
		if w.month >= 1 && w.month <= 12 && w.day >= 1 {
			if f, t, ok := resolve(w, pub); ok {
				return f, t, j + 5, false, true
			}
		}
	}
	return from, to, i, false, false
}

// yearAfter reads a year stated after a month: ", 2019", " 2019", "of
// 2019", "this year", "earlier this year", "of last year", "last year".
func (r *reader) yearAfter(i int, w *when) int {
	j := i
	if r.punct(j, ',') {
		j++
	}
	if r.is(j, "of") {
		j++
	}
	if y, ok := r.year(j); ok {
		w.year, w.yearGiven = y, true
		return j + 1
	}
	if r.pub.IsZero() {
		return i
	}
	k := i
	if r.is(k, "of") {
		k++
	}
	if r.isAny(k, "earlier", "later") && r.is(k+1, "this") && r.is(k+2, "year") {
		w.year, w.yearGiven = r.pub.Year(), true
		return k + 3
	}
	if r.is(k, "this") && r.is(k+1, "year") {
		w.year, w.yearGiven = r.pub.Year(), true
		return k + 2
	}
	if r.isAny(k, "last", "previous") && r.is(k+1, "year") {
		w.year, w.yearGiven = r.pub.Year()-1, true
		return k + 2
	}
	return i
}

// relative reads expressions resolved from the publication date.
func (r *reader) relative(i, part int) (from, to time.Time, next int, vague, ok bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != tWord {
		// Every case below and weekday read a word at i: only ago is left.
		if part != whole {
			return
		}
		return r.ago(i)
	}
	pub := r.pub
	// Each case reads a word at i first: its first letter rules most out
	// at once.
	c := lower(r.s[r.toks[i].start])
	switch {
	case (c == 'l' || c == 't') && r.isAny(i, "last", "this", "the") && r.is(i+1, "weekend") && part == whole:
		// the last Saturday and Sunday on or before publication
		sun := pub.AddDate(0, 0, -int(pub.Weekday()))
		if pub.Weekday() == time.Saturday {
			return pub, pub, i + 2, false, true
		}
		return sun.AddDate(0, 0, -1), sun, i + 2, false, true
	// last/this/next week, month, year; last Friday; last October
	case (c == 'l' || c == 'p' || c == 't' || c == 'e') && r.isAny(i, "last", "past", "previous", "this", "earlier", "later"):
		earlier := r.is(i, "earlier")
		var unit int
		switch {
		case r.is(i, "later"):
			return // the future
		case earlier && r.is(i+1, "this"):
			unit = i + 2
		case earlier && r.is(i+1, "in") && r.is(i+2, "the"):
			unit = i + 3
		case earlier:
			return
		case r.is(i, "past"):
			return r.pastSpan(i + 1)
		default:
			unit = i + 1
		}
		last := r.isAny(i, "last", "previous")
		if _, _, _, ok := r.count(unit); ok && last && !r.is(unit, "a") {
			return r.pastSpan(unit) // "the last few days", "the last two weeks"
		}
		switch {
		case r.is(unit, "week"):
			if part != whole && !earlier {
				return
			}
			m := monday(pub)
			if last {
				return m.AddDate(0, 0, -7), m.AddDate(0, 0, -1), unit + 1, false, true
			}
			return m, pub, unit + 1, earlier, true
		case r.is(unit, "month"):
			som := day(pub.Year(), int(pub.Month()), 1) // start of this month
			if last {
				p := som.AddDate(0, -1, 0)
				f, t := monthPart(p.Year(), int(p.Month()), part)
				return f, t, unit + 1, false, true
			}
			if earlier {
				return som, pub, unit + 1, false, true
			}
			f, t := monthPart(pub.Year(), int(pub.Month()), part)
			if f.After(pub) {
				return
			}
			return f, t, unit + 1, false, true
		case r.is(unit, "year"):
			if last {
				f, t := yearPart(pub.Year()-1, part)
				return f, t, unit + 1, false, true
			}
			if earlier || part == whole {
				return day(pub.Year(), 1, 1), pub, unit + 1, true, true
			}
			f, t := yearPart(pub.Year(), part)
			if f.After(pub) {
				return
			}
			return f, t, unit + 1, false, true
		}
		if earlier || part != whole {
			return
		}
		if unit < len(r.toks) && r.toks[unit].kind == tWord {
			if first, isSeason := seasonsTable.lookup(r.s, r.toks[unit].start, r.toks[unit].end); isSeason {
				if last {
					f, t := lastSeason(pub, first)
					return f, t, unit + 1, false, true
				}
				f, t := season(pub.Year(), first)
				if first == 12 && pub.Month() <= 2 {
					f, t = season(pub.Year()-1, first)
				}
				if f.After(pub) {
					return
				}
				return f, t, unit + 1, false, true
			}
		}
		if d, ok := r.weekday(unit); ok {
			t := pub
			back := (int(t.Weekday()) - int(d) + 7) % 7
			if last && back == 0 {
				back = 7
			}
			t = t.AddDate(0, 0, -back)
			return t, t, unit + 1, false, true
		}
		if m, n, isMonth := r.month(unit); isMonth && (last || r.is(i, "this")) {
			y := pub.Year()
			if last && m >= int(pub.Month()) {
				y--
			}
			f, t := monthPart(y, m, whole)
			if f.After(pub) {
				return
			}
			return f, t, n, false, true
		}
		return
	case (c == 'r' || c == 'l' || c == 'n') && (r.is(i, "recently") || r.is(i, "lately") || r.is(i, "nowadays")):
		if part != whole {
			return
		}
		return pub.AddDate(0, 0, -30), pub, i + 1, true, true
	case c == 't' && r.is(i, "these") && r.is(i+1, "days"):
		return pub.AddDate(0, 0, -30), pub, i + 2, true, true
	case c == 'r' && r.is(i, "recent") && r.isAny(i+1, "days", "weeks"):
		return pub.AddDate(0, 0, -30), pub, i + 2, true, true
	case c == 'r' && r.is(i, "recent") && r.is(i+1, "months"):
		return pub.AddDate(0, -3, 0), pub, i + 2, true, true
	case c == 'y' && r.is(i, "yesterday"):
		t := pub.AddDate(0, 0, -1)
		return t, t, i + 1, false, true
	case c == 't' && (r.is(i, "today") || (r.is(i, "this") && r.isAny(i+1, "morning", "afternoon"))):
		return pub, pub, i + 1 + b2i(r.is(i, "this")), false, true
	case c == 'l' && r.is(i, "last") && r.is(i+1, "night"):
		t := pub.AddDate(0, 0, -1)
		return t, pub, i + 2, false, true
	case c == 't' && r.is(i, "the") && r.is(i+1, "day") && r.is(i+2, "before") && r.is(i+3, "yesterday"):
		t := pub.AddDate(0, 0, -2)
		return t, t, i + 4, false, true
	case c == 't' && r.is(i, "the") && r.isAny(i+1, "previous", "preceding") && r.is(i+2, "day"),
		c == 't' && r.is(i, "the") && r.is(i+1, "day") && r.is(i+2, "before") && !r.is(i+3, "the"):
		t := pub.AddDate(0, 0, -1)
		return t, t, i + 3, false, true
	case c == 't' && r.is(i, "the") && r.isAny(i+1, "month", "year") && part != whole:
		// "the end of the year", "the middle of the month": this year or month
		if r.is(i+1, "month") {
			f, t := monthPart(pub.Year(), int(pub.Month()), part)
			if f.After(pub) {
				return
			}
			return f, t, i + 2, false, true
		}
		f, t := yearPart(pub.Year(), part)
		if f.After(pub) {
			return
		}
		return f, t, i + 2, false, true
	}
	if part != whole {
		return
	}
	// "on Friday", "Friday": the last such day on or before publication
	if weekdayFirst[c] {
		if d, ok := r.weekday(i); ok {
			back := (int(pub.Weekday()) - int(d) + 7) % 7
			t := pub.AddDate(0, 0, -back)
			return t, t, i + 1, false, true
		}
	}
	// "two months ago", "a week ago", "a few days ago", "3 days ago"
	return r.ago(i)
}

// weekdayFirst marks the first letters of the weekdays.
var weekdayFirst = func() (t [256]bool) {
	for _, w := range weekdays {
		t[w[0]] = true
	}
	return t
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// count reads a small count at i: "a", "two", "3", "a few", "several", "a couple of".
// few is set for the vague counts.
func (r *reader) count(i int) (n, next int, few, ok bool) {
	if i >= len(r.toks) {
		return 0, i, false, false
	}
	t := r.toks[i]
	if t.kind == tNum && !t.ordinal && t.digits <= 3 {
		return t.num, i + 1, false, true
	}
	if r.is(i, "a") && r.is(i+1, "few") {
		return 3, i + 2, true, true
	}
	if r.is(i, "a") && r.is(i+1, "couple") && r.is(i+2, "of") {
		return 2, i + 3, true, true
	}
	if r.isAny(i, "several", "few") {
		return 3, i + 1, true, true
	}
	if t.kind == tWord {
		if c, ok := countsTable.lookup(r.s, t.start, t.end); ok {
			return c, i + 1, false, true
		}
	}
	return 0, i, false, false
}

// ago reads "N days/weeks/months/years ago".
func (r *reader) ago(i int) (from, to time.Time, next int, vague, ok bool) {
	pub := r.pub
	n, j, few, counted := r.count(i)
	if !counted || !r.is(j+1, "ago") {
		return
	}
	u := lowerString(r.tokText(j))
	switch u {
	case "day", "days":
		if few {
			return pub.AddDate(0, 0, -7), pub, j + 2, false, true
		}
		t := pub.AddDate(0, 0, -n)
		return t, t, j + 2, false, true
	case "week", "weeks":
		if few {
			return pub.AddDate(0, 0, -7*4), pub.AddDate(0, 0, -7), j + 2, true, true
		}
		t := pub.AddDate(0, 0, -7*n)
		return t.AddDate(0, 0, -1), t.AddDate(0, 0, 1), j + 2, false, true
	case "month", "months":
		if few {
			return
		}
		// like "a week ago" (± 1 day): the day so many months back, ± a week
		t := pub.AddDate(0, -n, 0)
		return t.AddDate(0, 0, -7), t.AddDate(0, 0, 7), j + 2, false, true
	case "year", "years":
		if few {
			return // "a few years ago": too vague
		}
		// the day so many years back, ± a month (as "a week ago" is ± a day)
		t := pub.AddDate(-n, 0, 0)
		return t.AddDate(0, 0, -30), t.AddDate(0, 0, 30), j + 2, false, true
	}
	return
}

// pastSpan reads "the past few days", "the past two weeks", "the past month".
func (r *reader) pastSpan(i int) (from, to time.Time, next int, vague, ok bool) {
	pub := r.pub
	n, j, few, counted := r.count(i)
	if !counted {
		n, j, few = 1, i, false
	}
	switch lowerString(r.tokText(j)) {
	case "days", "day":
		if few {
			n = 7
		}
		return pub.AddDate(0, 0, -n), pub, j + 1, true, true
	case "weeks", "week":
		return pub.AddDate(0, 0, -7*n), pub, j + 1, true, true
	case "months", "month":
		return pub.AddDate(0, -n, 0), pub, j + 1, true, true
	}
	return
}

// nextWord reports whether the word after i is w (lower case).
func nextWord(s string, i int, w string) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return hasFold(s, i, w) && (i+len(w) == len(s) || !isLetter(s[i+len(w)]))
}

// theFollow reports whether the words after "the" at i make a follow-on
// time: "the next day", "the same evening", "the following week", "the
// night before", "the morning after". Read over bytes, as "the" is frequent.
func theFollow(s string, i int) bool {
	if k := i + 1; k >= len(s) || s[i] != ' ' {
		return false
	} else if c := s[k] | 0x20; c != 'n' && c != 'm' && c != 'f' && c != 's' && c != 'p' {
		return false
	}
	w1, e1 := wordAfter(s, i)
	switch w1 { // theFollowFirst
	case "night", "morning":
		w2, _ := wordAfter(s, e1)
		return w2 == "before" || w2 == "after"
	case "next", "following", "same", "previous", "preceding":
		w2, _ := wordAfter(s, e1)
		switch w2 {
		case "day", "morning", "afternoon", "evening", "night", "week", "month":
			return true
		}
	}
	return false
}

// theFollowFirst are the words theFollow reads first after "the".
var theFollowFirst = []string{"night", "morning", "next", "following", "same", "previous", "preceding"}

// wordAfter returns the ASCII word after the spaces at i, in lower case when
// it is short, and its end.
func wordAfter(s string, i int) (string, int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	e := i
	for e < len(s) && isLetter(s[e]) {
		e++
	}
	if e-i > 9 {
		return "", e
	}
	w := s[i:e]
	for k := 0; k < len(w); k++ {
		if 'A' <= w[k] && w[k] <= 'Z' {
			return lowerString(w), e
		}
	}
	return w, e
}
