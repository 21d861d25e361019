package date

import (
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
)

// A follow-on time ("the next day", "that evening", "two days later",
// 이튿날, 사흘 만에) is stated against the time told just before it, not
// against publication. The readers note each one with its shift; Find then
// resolves it from its anchor: the nearest expression before it that bounds
// a time closely (not Vague, at most a month wide), and for a shift forward
// not the date of a source's speaking ("told RFA on Monday … the next day"
// does not mean Tuesday). A follow-on whose anchor is itself a follow-on
// chains: "On May 3 … the next day … that evening".

// shift is how a follow-on time lies from its anchor.
type shift struct {
	days, months int
	slack        int  // days of uncertainty either side ("a week later": ± 1)
	spread       int  // extra days after ("a few days later": 1 to 7 days on)
	vague        bool // loosely bounded ("a few days later")
}

// pending is a follow-on expression waiting for its anchor. fallback, when
// set, is the reading against publication used when no anchor precedes
// ("the day before", 전날 with no other date in the text).
type pending struct {
	span     casebook.Span
	sh       shift
	fallback *Expr
}

// maxAnchorDays is the widest anchor a follow-on is resolved from: "two
// days later" after "in 2019" says nothing useful.
const maxAnchorDays = 31

// resolveFollowOns merges the follow-on expressions ps into out (both in
// text order), each resolved from its anchor, and drops those without one.
func resolveFollowOns(out []Expr, ps []pending, pub time.Time) []Expr {
	if len(ps) == 0 {
		return out
	}
	merged := make([]Expr, 0, len(out)+len(ps))
	i := 0
	for _, p := range ps {
		for i < len(out) && out[i].Span[0] < p.span[0] {
			merged = append(merged, out[i])
			i++
		}
		// an expression read over the same words wins over nothing, but the follow-on reading wins over it
		for i < len(out) && out[i].Span[0] < p.span[1] {
			i++
		}
		if e, ok := follow(merged, p, pub); ok {
			merged = append(merged, e)
		} else if p.fallback != nil {
			merged = append(merged, *p.fallback)
		}
	}
	return append(merged, out[i:]...)
}

// follow resolves p from the nearest fitting expression in before.
func follow(before []Expr, p pending, pub time.Time) (Expr, bool) {
	backward := p.sh.days < 0 || p.sh.months < 0
	for k := len(before) - 1; k >= 0; k-- {
		a := before[k]
		if a.Vague || a.Days > maxAnchorDays || a.Reporting && !backward {
			continue
		}
		from, err1 := time.Parse(time.DateOnly, a.Interval.From)
		to, err2 := time.Parse(time.DateOnly, a.Interval.To)
		if err1 != nil || err2 != nil {
			return Expr{}, false
		}
		from = from.AddDate(0, p.sh.months, p.sh.days-p.sh.slack)
		to = to.AddDate(0, p.sh.months, p.sh.days+p.sh.slack+p.sh.spread)
		if !pub.IsZero() {
			if from.After(pub) {
				return Expr{}, false // still to come at publication
			}
			if to.After(pub) {
				to = pub
			}
		}
		return Expr{
			Span:     p.span,
			Interval: mkInterval(from, to),
			Vague:    p.sh.vague,
			Days:     int(to.Sub(from).Hours()/24) + 1,
			FollowOn: true,
			Anchor:   a.Span,
		}, true
	}
	return Expr{}, false
}

// followOn reads an English follow-on time at token i: "the next day",
// "the following morning", "the same day", "that evening", "later that
// day", "two days later", "a week later", "a few days later", "minutes
// later", "the day before", "the previous night".
func (r *reader) followOn(i int) (shift, int, bool) {
	// most trigger words start no follow-on: look for its head words first
	if !r.followHead(i) {
		return shift{}, i, false
	}
	the := r.is(i, "the")
	switch {
	case !the:
	case r.isAny(i+1, "next", "following") && r.isAny(i+2, "day", "morning", "afternoon", "evening", "night"):
		return shift{days: 1}, i + 3, true
	case r.isAny(i+1, "next", "following") && r.is(i+2, "week"):
		return shift{days: 7, slack: 3}, i + 3, true
	case r.isAny(i+1, "next", "following") && r.is(i+2, "month"):
		return shift{months: 1, slack: 15}, i + 3, true
	case r.isAny(i+1, "day", "morning") && r.is(i+2, "after") && !r.isAny(i+3, "tomorrow"):
		if i+3 < len(r.toks) && r.toks[i+3].kind == tWord && !r.isAny(i+3, "that") {
			return shift{}, i, false // "the day after his arrest": anchored to the words after it
		}
		return shift{days: 1}, i + 3, true
	case r.is(i+1, "same") && r.isAny(i+2, "day", "morning", "afternoon", "evening", "night"):
		return shift{}, i + 3, true
	case r.isAny(i+1, "previous", "preceding") && r.isAny(i+2, "day", "night", "evening"),
		r.isAny(i+1, "day", "night") && r.is(i+2, "before") && !r.isAny(i+3, "the", "yesterday", "his", "her", "their"):
		return shift{days: -1}, i + 3, true
	}
	switch {
	case the:
	case r.is(i, "that") && r.isAny(i+1, "day", "morning", "afternoon", "evening", "night"):
		return shift{}, i + 2, true
	case r.is(i, "later") && r.is(i+1, "that") && r.isAny(i+2, "day", "morning", "afternoon", "evening", "night"):
		return shift{}, i + 3, true
	case r.is(i, "minutes") && r.is(i+1, "later"):
		return shift{}, i + 2, true
	}
	// "two days later", "a week later", "a few days later", "10 days later"
	n, j, few, ok := r.count(i)
	if !ok || !r.is(j+1, "later") {
		return shift{}, i, false
	}
	switch lowerString(r.tokText(j)) {
	case "day", "days":
		if few {
			return shift{days: 1, spread: 6, vague: true}, j + 2, true
		}
		return shift{days: n}, j + 2, true
	case "week", "weeks":
		if few {
			return shift{days: 7, spread: 21, vague: true}, j + 2, true
		}
		return shift{days: 7 * n, slack: 1}, j + 2, true
	case "month", "months":
		if few {
			return shift{}, i, false
		}
		return shift{months: n, slack: 7}, j + 2, true
	}
	return shift{}, i, false
}

// followHead reports cheaply whether a follow-on may start at token i: its
// word is the, that, later, hours or minutes, or "later" follows shortly.
func (r *reader) followHead(i int) bool {
	t := r.toks[i]
	if t.kind == tWord {
		switch c := lower(r.s[t.start]); t.end - t.start {
		case 3:
			if c == 't' && r.is(i, "the") {
				return true
			}
		case 4:
			if c == 't' && r.is(i, "that") {
				return true
			}
		case 5:
			if c == 'l' || c == 'h' {
				return true
			}
		case 7:
			if c == 'm' {
				return true
			}
		}
	}
	for k := i + 2; k <= i+3 && k < len(r.toks); k++ {
		if u := r.toks[k]; u.kind == tWord && u.end-u.start == 5 && lower(r.s[u.start]) == 'l' {
			return true
		}
	}
	return false
}

// afterThat reports whether the word after i makes "that" or "later" start
// a follow-on time: "that evening", "later that day".
func afterThat(s string, i int) bool {
	switch w, _ := wordAfter(s, i); w {
	case "day", "morning", "afternoon", "evening", "night", "that":
		return true
	}
	return false
}

// followLead reports whether s starts with a syllable that only a Korean
// follow-on time starts with: 익일, 당일, 같은 날 (the others are date leads).
func followLead(s string) bool {
	// 당 EB 8B B9, 같 EA B0 99, 익 EC 9D B5: two bytes rule out the other syllables
	if len(s) < 6 || !(s[0] == 0xEB && s[1] == 0x8B || s[0] == 0xEA && s[1] == 0xB0 || s[0] == 0xEC && s[1] == 0x9D) {
		return false
	}
	return strings.HasPrefix(s, "당일") || strings.HasPrefix(s, "같은 날") || strings.HasPrefix(s, "익일")
}

// koreanFollowOn reads a Korean follow-on time at i: 다음날, 이튿날, 그날,
// 당일, 같은 날, 그 다음 날, 전날; "사흘 만에", "3일 뒤", "일주일 만에",
// "한 달 후", "며칠 뒤".
func (r *kreader) followOn(i int) (shift, int, bool) {
	rn, sz := utf8.DecodeRuneInString(r.s[i:])
	next := r.s[i+sz:] // after the first syllable: most words fail here at once
	switch rn {
	case '그':
		for _, w := range []string{"날", " 날"} {
			if strings.HasPrefix(next, w) && r.dayEnd(i+sz+len(w)) {
				return shift{}, i + sz + len(w), true
			}
		}
		for _, w := range []string{" 다음날", " 다음 날", "다음 날", "다음날"} {
			if strings.HasPrefix(next, w) && r.dayEnd(i+sz+len(w)) {
				return shift{days: 1}, i + sz + len(w), true
			}
		}
		return shift{}, i, false
	case '다':
		if strings.HasPrefix(next, "음") {
			for _, w := range []string{"음날", "음 날"} {
				if strings.HasPrefix(next, w) && r.dayEnd(i+sz+len(w)) {
					return shift{days: 1}, i + sz + len(w), true
				}
			}
			return shift{}, i, false
		}
	case '이':
		for _, w := range []string{"튿날", "튿 날"} {
			if strings.HasPrefix(next, w) && r.dayEnd(i+sz+len(w)) {
				return shift{days: 1}, i + sz + len(w), true
			}
		}
	case '익':
		if strings.HasPrefix(next, "일") && r.dayEnd(i+sz+len("일")) {
			return shift{days: 1}, i + sz + len("일"), true
		}
		return shift{}, i, false
	case '당':
		if strings.HasPrefix(next, "일") && r.dayEnd(i+sz+len("일")) {
			return shift{}, i + sz + len("일"), true
		}
		return shift{}, i, false
	case '같':
		if strings.HasPrefix(next, "은 날") && r.dayEnd(i+sz+len("은 날")) {
			return shift{}, i + sz + len("은 날"), true
		}
		return shift{}, i, false
	case '전':
		if strings.HasPrefix(next, "날") && r.dayEnd(i+sz+len("날")) {
			return shift{days: -1}, i + sz + len("날"), true
		}
		return shift{}, i, false
	}
	if !countStart(rn, next) && !isDigit(r.s[i]) {
		return shift{}, i, false
	}
	// a count of days, weeks or months and 만에 / 뒤 / 후
	n, unit, j := r.span(i)
	if unit == "" {
		return shift{}, i, false
	}
	k := r.sp(j)
	w, ok := r.anyOf(k, "만에", "뒤", "후")
	if !ok || !r.agoEnd(k+len(w)) && w != "만에" {
		return shift{}, i, false
	}
	end := k + len(w)
	switch unit {
	case "day":
		if n == 0 { // 며칠
			return shift{days: 1, spread: 6, vague: true}, end, true
		}
		return shift{days: n}, end, true
	case "week":
		return shift{days: 7 * n, slack: 1}, end, true
	default:
		return shift{months: n, slack: 7}, end, true
	}
}

// countStart reports whether the syllable rn and the text after it start a
// length of time counted in words: 이틀, 사흘, 일주일, 한 달, 두 주, 며칠 ….
func countStart(rn rune, next string) bool {
	switch rn {
	case '이':
		return strings.HasPrefix(next, "틀")
	case '사', '나', '열':
		return strings.HasPrefix(next, "흘")
	case '닷', '엿':
		return strings.HasPrefix(next, "새")
	case '보':
		return strings.HasPrefix(next, "름")
	case '일':
		return strings.HasPrefix(next, "주일")
	case '며':
		return strings.HasPrefix(next, "칠")
	case '수':
		return strings.HasPrefix(next, "일")
	case '한', '두', '세', '석', '네', '넉':
		return strings.HasPrefix(next, " 달") || strings.HasPrefix(next, " 주") || strings.HasPrefix(next, "달") || strings.HasPrefix(next, "주")
	case '다', '여':
		return strings.HasPrefix(next, "섯 ")
	}
	return false
}

// dayEnd reports whether a day word ending at k stands alone: followed by a
// particle, a space or punctuation (그날 밤, 당일에), not run into another word.
func (r *kreader) dayEnd(k int) bool {
	if k >= len(r.s) {
		return true
	}
	if c := r.s[k]; c < 0x80 {
		return !isLetter(c) && !isDigit(c)
	}
	_, ok := r.anyOf(k, "에", "은", "는", "밤", "저녁", "새벽", "오후", "오전", "아침", "로", "까지", "부터", "도")
	return ok
}

// span reads a length of time at i: "3일", "사흘", "일주일", "2주", "한 달",
// "두 달", "3개월", "며칠" (n 0). unit is "day", "week" or "month", or ""
// when there is none.
func (r *kreader) span(i int) (n int, unit string, end int) {
	for _, x := range nativeDays {
		if r.has(i, x.w) {
			return x.n, "day", i + len(x.w)
		}
	}
	if w, ok := r.anyOf(i, "일주일", "한 주", "한주"); ok {
		return 1, "week", i + len(w)
	}
	if w, ok := r.anyOf(i, "며칠", "수일"); ok {
		return 0, "day", i + len(w)
	}
	if w, ok := r.anyOf(i, "한 달", "한달"); ok {
		return 1, "month", i + len(w)
	}
	for _, x := range nativeCounts {
		if r.has(i, x.w) {
			if u, ok := r.anyOf(i+len(x.w), "달", "주"); ok {
				unit := "month"
				if u == "주" {
					unit = "week"
				}
				return x.n, unit, i + len(x.w) + len(u)
			}
			return 0, "", i
		}
	}
	j, v := i, 0
	for j < len(r.s) && isDigit(r.s[j]) && j-i < 3 {
		v = v*10 + int(r.s[j]-'0')
		j++
	}
	if j == i || v == 0 {
		return 0, "", i
	}
	switch {
	case strings.HasPrefix(r.s[j:], "일"):
		return v, "day", j + len("일")
	case strings.HasPrefix(r.s[j:], "주"):
		return v, "week", j + len("주")
	case strings.HasPrefix(r.s[j:], "개월"):
		return v, "month", j + len("개월")
	}
	return 0, "", i
}
