package money

import (
	"strings"
	"unicode/utf8"

	"casebook"
)

// Frames are the sentence shapes that settle a sum's role whatever cue words
// stand nearby: an exchange statement ("one dollar bought 8,100 won"), a
// price per unit of measure ("a kilogram of rice costs 4,700 won"), the old
// value of a comparison ("up from 4,000 won"), the price of one item ("a
// used phone is 1.2 million won"), and a sum paid for a purpose ("500 yuan
// to avoid being sent to the MSS"). They run only at the sums found, so they
// cost nothing on text without money.

// koreanRateUnit reports whether a Korean sum of one unit ending at i is the
// unit of an exchange statement: "1달러는 8000원", "1위안이 1,200원",
// "1달러가 북한 돈 8천 원": a particle, then (after at most two short words)
// a sum in another currency. The rate is that other sum.
func koreanRateUnit(s string, i int, cur string) bool {
	k := i
	p, ok := hasAnyPrefix(s[k:], "에는", "는", "은", "이", "가")
	if !ok {
		return false
	}
	k += len(p)
	for w := 0; w < 3; w++ {
		k = skipSpace(s, k)
		if k >= len(s) || s[k] == '\n' {
			return false
		}
		if isDigit(s[k]) {
			x, ok := parseExpr(s, k)
			return ok && x.cur != cur
		}
		// one short Hangul word ("북한 돈", "약", "시장에서")
		e := k
		for e < len(s) && s[e] >= 0x80 && e-k <= 15 {
			_, sz := utf8.DecodeRuneInString(s[e:])
			e += sz
		}
		if e == k || at(s, e) != ' ' {
			return false
		}
		k = e
	}
	return false
}

// hasAnyPrefix returns the first of ws that s starts with.
func hasAnyPrefix(s string, ws ...string) (string, bool) {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// exchangeVerbs stand between the unit of an exchange rate and the rate:
// "one dollar bought 8,100 won", "the yuan fetched 1,200 won".
var exchangeVerbs = []string{"bought", "buys", "buy", "fetched", "fetches", "fetch", "gets", "got", "is worth", "was worth",
	"equals", "equalled", "equaled", "traded for", "trades for", "trading for", "exchanged for", "went for", "goes for",
	"sold for", "sells for", "stood at", "stands at", "traded at", "trades at", "was", "is", "="}

// rateCurrencies are the currency words an exchange rate is quoted against.
var rateCurrencies = []string{"us dollar", "u.s. dollar", "dollar", "yuan", "renminbi", "rmb", "usd", "cny", "달러", "위안", "미화"}

// exchangeBefore reports whether the words before a sum starting at i make
// it an exchange rate: one unit of a currency and a verb of exchange ("one
// US dollar bought", "the yuan fetched"), or in Korean the unit and a
// particle ("1달러는", "1위안에", "1달러=").
func exchangeBefore(s string, lo, i int) bool {
	j := trimHedge(s, lo, backTo(s, lo, i))
	// Korean: 1달러는 8000원
	if p, ok := suffixAny(s[lo:j], "에는", "는", "은", "이", "가", "에", "당", "="); ok {
		k := backTo(s, lo, j-len(p))
		for _, c := range []string{"달러", "위안", "달러화", "위안화"} {
			if strings.HasSuffix(s[lo:k], c) {
				n := backTo(s, lo, k-len(c))
				return unitOne(s, lo, n)
			}
		}
	}
	verbFound := false
	for _, v := range exchangeVerbs {
		if hasSuffixFold(s[lo:j], v) && (j-len(v) == lo || !isLetter(s[j-len(v)-1])) {
			j = backTo(s, lo, j-len(v))
			verbFound = true
			break
		}
	}
	if !verbFound {
		return false
	}
	// "one dollar now fetches": an adverb may stand before the verb
	for _, adv := range []string{"now", "still", "currently", "then", "recently", "already"} {
		if hasSuffixFold(s[lo:j], adv) && (j-len(adv) == lo || !isLetter(s[j-len(adv)-1])) {
			j = backTo(s, lo, j-len(adv))
			break
		}
	}
	for _, c := range rateCurrencies {
		if hasSuffixFold(s[lo:j], c) {
			n := backTo(s, lo, j-len(c))
			if strings.HasSuffix(s[lo:j], c) && c[0] >= 0x80 {
				return unitOne(s, lo, n)
			}
			if j-len(c) > lo && isLetter(s[j-len(c)-1]) {
				return false
			}
			// "one US dollar", "the yuan", "a dollar", "1 dollar"
			w := n
			for w > lo && isLetter(s[w-1]) {
				w--
			}
			word := strings.ToLower(s[w:n])
			switch word {
			case "one", "a", "the", "each", "every":
				return true
			}
			return unitOne(s, lo, n)
		}
	}
	return false
}

// unitOne reports whether the number 1 ends at i (after lo): "1", "one".
func unitOne(s string, lo, i int) bool {
	return i > lo && s[i-1] == '1' && (i-1 == lo || !isDigit(s[i-2]) && s[i-2] != '.' && s[i-2] != ',') ||
		hasSuffixFold(s[lo:i], "one") && (i-3 == lo || !isLetter(s[i-4]))
}

// suffixAny returns the first of ws that s ends with.
func suffixAny(s string, ws ...string) (string, bool) {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}

// trimHedge returns j moved back over a hedge word ending there: "around",
// "about", 약.
func trimHedge(s string, lo, j int) int {
	for _, h := range []string{"roughly", "about", "around", "approximately", "some", "nearly", "almost", "약", "just"} {
		if j-len(h) >= lo && hasSuffixFold(s[lo:j], h) && (j-len(h) == lo || !isLetter(s[j-len(h)-1])) {
			return backTo(s, lo, j-len(h))
		}
	}
	return j
}

// measureUnits are the units of measure a price per unit is quoted for
// (English, whole words; Korean, right after the number). A price for one
// item ("a phone", "한 대") is a price, not a rate.
var measureUnits = []string{"kilograms", "kilogram", "kilos", "kilo", "kg", "grams", "gram", "g", "tons", "ton", "tonnes", "tonne",
	"litres", "litre", "liters", "liter", "sacks", "sack", "bags", "bag", "pounds", "pound", "metres", "metre", "meters", "meter", "ounce"}

var koreanMeasureUnits = []string{"kg", "㎏", "g", "킬로그램", "킬로", "그램", "톤", "리터", "포대", "마대", "자루", "근"}

// perUnitBefore reports whether the clause s[lo:i] before a sum names one
// unit of measure as what the sum buys: "a kilogram of rice costs", "moving
// a 20-kilogram sack across the river costs", "쌀 1kg이", "금 1g에". The last
// quantity named decides: "30g이면 150만 원" is a total.
func perUnitBefore(s string, lo, i int) bool {
	// the last measure word in the clause
	for p := i - 1; p >= lo; p-- {
		c := s[p]
		if c == ';' || c == ':' || c == ',' && clauseJoin(s, p+1) {
			return false // "for every sack …, and smugglers say he made …"
		}
		if c < 0x80 {
			if !isLetter(c) || (p > lo && isLetter(s[p-1])) {
				continue
			}
			e := wordEnd(s, p)
			for _, u := range measureUnits {
				if e-p == len(u) && hasFold(s, p, u) {
					if u == "g" && (p == lo || !isDigit(s[p-1])) {
						break // "g" only attached to a number: "1g"
					}
					return oneBefore(s, lo, p)
				}
			}
			continue
		}
		if !utf8.RuneStart(c) {
			continue
		}
		for _, u := range koreanMeasureUnits {
			if strings.HasPrefix(s[p:], u) && p > lo && (isDigit(s[p-1]) || s[p-1] == ' ') {
				return oneBefore(s, lo, p)
			}
		}
	}
	return false
}

// oneBefore reports whether the quantity before the unit at p is one: "a
// kilogram", "one kilo", "1kg", "1 kg", "한 포대", "a 20-kilogram sack" (one
// sack), "per kilogram".
func oneBefore(s string, lo, p int) bool {
	j := backTo(s, lo, p)
	// "a 30-kilogram sack": skip the measure that qualifies the unit
	if w := wordStartBefore(s, lo, j); w < j && w-1 > lo && s[w-1] == '-' && isDigit(s[w-2]) {
		k := w - 1
		for k > lo && isDigit(s[k-1]) {
			k--
		}
		j = backTo(s, lo, k)
	}
	if j > lo && s[j-1] == '-' {
		// "a 20-kilogram sack": the unit is the sack after it; "a 20-kilogram" alone is 20 kg
		k := j - 1
		for k > lo && isDigit(s[k-1]) {
			k--
		}
		e := wordEnd(s, p)
		nxt := skipSpace(s, e)
		ne := wordEnd(s, nxt)
		if ne == nxt {
			return false
		}
		j = backTo(s, lo, k)
	}
	if unitOne(s, lo, j) {
		return true
	}
	if strings.HasSuffix(s[lo:j], "한") {
		return true
	}
	w := j
	for w > lo && isLetter(s[w-1]) {
		w--
	}
	switch strings.ToLower(s[w:j]) {
	case "a", "an", "one", "per", "each", "every":
		return true
	}
	return false
}

// itemBefore reports whether one counted item is named right before a sum,
// as its subject: "손전화 한 대는 120만 원", "한 개에", "1대 값이". That is a
// price, not a rate or someone's income.
func itemBefore(s string, lo, i int) bool {
	j := trimHedge(s, lo, backTo(s, lo, i))
	if j <= lo {
		return false // nothing before the sum inside the window
	}
	if p, ok := suffixAny(s[lo:j], "값은", "값이", "값", "가격은", "가격이", "에는", "는", "은", "이", "가", "에"); ok {
		j = backTo(s, lo, j-len(p))
	} else {
		return false
	}
	if j < lo {
		return false
	}
	for _, c := range []string{"대", "개", "벌", "켤레", "채", "필", "장"} {
		if strings.HasSuffix(s[lo:j], c) {
			n := j - len(c)
			if strings.HasSuffix(s[lo:n], "한 ") || strings.HasSuffix(s[lo:n], "한") || n > lo && s[n-1] == '1' && (n-1 == lo || !isDigit(s[n-2])) {
				return true
			}
		}
	}
	return false
}

// comparedFrom reports whether a sum at i is the earlier value of a
// comparison: "rose to 1,150 won, from 1,080 won", "up from around 4,000
// won", "higher than 3,000 won". It takes the role of the sum it is compared with.
func comparedFrom(s string, lo, i int) bool {
	j := trimHedge(s, lo, backTo(s, lo, i))
	for _, w := range []string{"from", "than", "compared with", "compared to"} {
		if hasSuffixFold(s[lo:j], w) && (j-len(w) == lo || !isLetter(s[j-len(w)-1])) {
			if w != "than" {
				return true
			}
			// "more than 30,000 yuan" is a hedge, "higher than" a comparison
			k := backTo(s, lo, j-len(w))
			for _, h := range []string{"more", "less", "fewer", "no", "rather", "other", "over", "under"} {
				if hasSuffixFold(s[lo:k], h) && (k-len(h) == lo || !isLetter(s[k-len(h)-1])) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// purposes after a sum say it buys officials' leniency: "500 yuan to avoid
// being sent to the MSS", "100 dollars to drop such a case".
var purposes = []string{"to avoid", "to escape", "to get out", "to get off", "to get him", "to get her", "to get them",
	"to get a release", "to stay", "to drop", "to look away", "to look the other way", "to turn a blind eye", "to be released",
	"to be let", "to be freed", "to free", "to release", "to hush", "to cover up", "to keep the case", "to close the case",
	"to settle the case", "to make the case", "to have the case", "to have the charges", "to spare", "to secure his release",
	"to secure her release", "to secure their release", "to win his release", "to win her release"}

// purposeAfter reports whether a sum ending at i is paid for a favour.
func purposeAfter(s string, i int) bool {
	k := skipSpace(s, i)
	if at(s, k) != 't' && at(s, k) != 'T' {
		return false
	}
	for _, p := range purposes {
		if wordAt(s, k, p) {
			return true
		}
	}
	return false
}

// eachBefore reports whether "each" or "every" stands shortly before a sum in
// its clause ("each must pay 1.2 million won", "fined every vendor 5,000
// won"): a sum per head.
func eachBefore(s string, lo, i int) bool {
	for p := max(lo, i-32); p+4 <= i; p++ {
		if (p == 0 || !isLetter(s[p-1])) && (wordAt(s, p, "each") || wordAt(s, p, "every")) {
			// not "each other"; "each of them", "every month" are per head or per unit
			if wordAt(s, skipSpace(s, wordEnd(s, p)), "other") {
				continue
			}
			return true
		}
	}
	return false
}

// receivedFrom reports whether a Korean sum is money an official received
// from people: "밀수꾼들로부터 … 2만 달러가 넘는 돈을 받은": "로부터" or "에게서"
// before it and a form of 받다 after it in the sentence, not a remittance.
func receivedFrom(s string, sa, sb int, m mention) bool {
	before := s[sa:m.start]
	if !strings.Contains(before, "로부터") && !strings.Contains(before, "에게서") {
		return false
	}
	after := s[m.end:min(sb, m.end+48)]
	if !strings.Contains(after, "받") {
		return false
	}
	sent := s[sa:sb]
	for _, w := range []string{"송금", "가족", "친척", "부모", "형제", "월급", "임금"} {
		if strings.Contains(sent, w) {
			return false
		}
	}
	return true
}

// wordStartBefore returns where the ASCII word ending at j starts (j when none).
func wordStartBefore(s string, lo, j int) int {
	w := j
	for w > lo && isLetter(s[w-1]) {
		w--
	}
	return w
}

// clauseJoin reports whether a conjunction that opens a new clause follows
// a comma at i: ", and", ", but", ", while".
func clauseJoin(s string, i int) bool {
	k := skipSpace(s, i)
	for _, w := range []string{"and", "but", "while", "whereas", "so", "though", "although"} {
		if wordAt(s, k, w) {
			return true
		}
	}
	return false
}

// headWords after a sum make it a sum per person or per occasion.
var headWords = []string{"each", "apiece", "a head", "per head", "per person", "a person", "per family", "a family",
	"per household", "a household", "from each", "from every", "for each", "for every", "per man", "per woman",
	"each time", "every time", "a time", "per time", "per case", "a case", "씩"}

// PerHead reports whether the sum at span sp of text is a sum per person or
// per occasion: "1,000 dollars for each man's release", "each must pay 1.2
// million won", "한 사람당 1만 원씩", "3 million won from each family". Find
// gives these the role "rate", as the annotation guide counts them, but
// unlike an exchange rate or a price per kilogram they are what each victim
// paid or was asked for, so an assembler may take one as an event's amount.
func PerHead(text string, sp casebook.Span) bool {
	if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] {
		return false
	}
	sa, sb := sentence(text, sp[0], sp[1])
	// after the number and its currency, within the span (a bracketed or comma conversion) or right after it
	for p := sp[0]; p < min(sb, sp[1]+2); p++ {
		if p > sp[0] && (isLetter(text[p-1]) || text[p-1] >= 0x80 && text[p] >= 0x80 && !utf8.RuneStart(text[p])) {
			continue
		}
		for _, w := range headWords {
			if w[0] >= 0x80 {
				if strings.HasPrefix(text[p:], w) {
					return true
				}
				continue
			}
			if wordAt(text, p, w) && p >= sp[0] {
				return true
			}
		}
	}
	if eachBefore(text, sa, sp[0]) {
		return true
	}
	// 인당, 1인당, 한 사람당, 가구당, 집당
	j := backSpace(text, sp[0])
	before := text[max(sa, j-24):j]
	for _, w := range []string{"인당", "사람당", "명당", "가구당", "집당", "세대당", "가족당", "한 번에", "번에"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// backTo is backSpace kept inside the window that starts at lo: the frames
// above slice s[lo:j], so j must never fall below lo (text that is nothing
// but spaces before a sum would take it there).
func backTo(s string, lo, i int) int {
	return max(lo, backSpace(s, i))
}
