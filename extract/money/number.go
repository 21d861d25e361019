package money

import (
	"strings"
)

// amount is one number as written: its value, its byte range, and the scale
// word that ended it ("million", 만), so "5 to 10 million" can scale its low end.
type amount struct {
	v          float64
	start, end int
	scale      float64 // the last scale applied, 1 when none
	words      bool    // spelt out in words
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// lower returns c in lower case when it is an ASCII letter.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 32
	}
	return c
}

// hasFold reports whether s[i:] starts with the lower-case ASCII word w,
// ignoring case.
func hasFold(s string, i int, w string) bool {
	if len(s)-i < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lower(s[i+k]) != w[k] {
			return false
		}
	}
	return true
}

// wordAt reports whether s[i:] starts with w (lower case, ASCII, case
// ignored) as a whole word: no ASCII letter right after it.
func wordAt(s string, i int, w string) bool {
	if !hasFold(s, i, w) {
		return false
	}
	j := i + len(w)
	return j >= len(s) || !isLetter(s[j]) || !isLetter(w[len(w)-1])
}

// skipSpace returns the first index at or after i that is not a space or tab
// (line breaks end the search: sums never run across lines).
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if strings.HasPrefix(s[i:], "\u00a0") {
		return skipSpace(s, i+2)
	}
	return i
}

// backSpace returns the smallest j ≤ i such that s[j:i] is all spaces.
func backSpace(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// englishNumbers maps number words to their value; scales are flagged by
// their value ≥ 100.
var englishNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}

// numberStart marks the first two letters of the number words, a cheap
// filter before the map.
var numberStart [26 * 26]bool

// numberTri marks the first three letters of the number words: "the",
// "that", "this" pass numberStart ("th" of three, thirty) but not this.
var numberTri [26 * 26 * 26]bool

// triggerTri marks the first three letters of the words of three letters
// or more triggerWord may pass: the number words and the currency codes.
var triggerTri [26 * 26 * 26]bool

func init() {
	for w := range englishNumbers {
		numberStart[int(w[0]-'a')*26+int(w[1]-'a')] = true
		numberTri[(int(w[0]-'a')*26+int(w[1]-'a'))*26+int(w[2]-'a')] = true
	}
	triggerTri = numberTri
	for _, w := range []string{"rmb", "usd", "cny", "kpw", "krw", "jpy", "eur", "nkw"} {
		triggerTri[(int(w[0]-'a')*26+int(w[1]-'a'))*26+int(w[2]-'a')] = true
	}
}

// numberWord returns the value of the ASCII word s[i:j] when it is a number word.
func numberWord(s string, i, j int) (float64, bool) {
	if j-i < 3 || j-i > 9 || !numberStart[int(lower(s[i])-'a')*26+int(lower(s[i+1])-'a')] {
		return 0, false
	}
	if c := lower(s[i+2]); 'a' <= c && c <= 'z' && !numberTri[(int(lower(s[i])-'a')*26+int(lower(s[i+1])-'a'))*26+int(c-'a')] {
		return 0, false
	}
	for _, x := range numbersBy[lower(s[i])-'a'] {
		if len(x.word) == j-i && hasFold(s, i, x.word) {
			return x.v, true
		}
	}
	return 0, false
}

// numberEntry is one of englishNumbers.
type numberEntry struct {
	word string
	v    float64
}

// numbersBy holds englishNumbers by first letter (a–z as 0–25): a word is
// compared with the few it may be, without hashing it.
var numbersBy = func() (t [26][]numberEntry) {
	for w, v := range englishNumbers {
		t[w[0]-'a'] = append(t[w[0]-'a'], numberEntry{w, v})
	}
	return t
}()

// wordEnd returns the end of the ASCII-letter run starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// parseWords reads a number spelt in English words at i ("ten thousand",
// "a hundred thousand", "twenty-five", "one hundred and fifty"). A bare scale
// ("thousand", "thousands") is not a number: only "a"/"one" may stand for it.
func parseWords(s string, i int) (amount, bool) {
	a := amount{start: i, scale: 1, words: true}
	var total, cur float64
	j := i
	first := true
	for {
		k := j
		if first && (wordAt(s, k, "a") || wordAt(s, k, "an")) {
			// "a hundred", "a thousand", "a million": only before a scale word
			k2 := skipSpace(s, wordEnd(s, k))
			e := wordEnd(s, k2)
			v, ok := numberWord(s, k2, e)
			if !ok || v < 100 {
				return a, false
			}
			cur = 1
			k = k2
		}
		e := wordEnd(s, k)
		v, ok := numberWord(s, k, e)
		if !ok {
			break
		}
		switch {
		case v == 100:
			if cur == 0 {
				if first {
					return a, false
				}
				cur = 1
			}
			cur *= 100
			a.scale = 100
		case v >= 1000:
			if cur == 0 && total == 0 {
				return a, false
			}
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
			a.scale = v
		default:
			if cur != 0 && cur < 100 && !(cur >= 20 && v < 10 && int(cur)%10 == 0) {
				// "five ten": two numbers, not one
				if first {
					return a, false
				}
				goto done
			}
			cur += v
		}
		first = false
		a.end = e
		j = e
		// continue over "-", " ", " and "
		n := j
		if n < len(s) && s[n] == '-' {
			n++
		} else {
			n = skipSpace(s, n)
			if wordAt(s, n, "and") {
				n2 := skipSpace(s, n+3)
				if _, ok := numberWord(s, n2, wordEnd(s, n2)); ok && cur >= 100 {
					n = n2
				}
			}
		}
		if n == j || n >= len(s) || !isLetter(s[n]) {
			break
		}
		j = n
	}
done:
	a.v = total + cur
	return a, a.v > 0 && !first
}

// koreanUnit returns the value of the Korean number unit at s[i:] (만, 천, 백,
// 억) and its length.
func koreanUnit(s string, i int) (float64, int) {
	switch {
	case strings.HasPrefix(s[i:], "만"):
		return 1e4, len("만")
	case strings.HasPrefix(s[i:], "천"):
		return 1e3, len("천")
	case strings.HasPrefix(s[i:], "백"):
		return 100, len("백")
	case strings.HasPrefix(s[i:], "억"):
		return 1e8, len("억")
	}
	return 0, 0
}

// parseDigits reads digits at i: "10,000", "1.5", "6,000".
func parseDigits(s string, i int) (float64, int) {
	var v float64
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			v = v*10 + float64(c-'0')
			j++
			continue
		case c == ',' && isDigit(at(s, j+1)) && isDigit(at(s, j+2)) && isDigit(at(s, j+3)) && !isDigit(at(s, j+4)):
			j++
			continue
		case c == '.' && isDigit(at(s, j+1)):
			frac, scale := 0.0, 1.0
			k := j + 1
			for k < len(s) && isDigit(s[k]) {
				frac = frac*10 + float64(s[k]-'0')
				scale *= 10
				k++
			}
			return v + frac/scale, k
		}
		break
	}
	return v, j
}

func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// parseNumber reads an amount at i written in digits, possibly with English
// scale words ("1.5 million") or Korean units ("1만5000", "5천", "2억 3천만").
func parseNumber(s string, i int) (amount, bool) {
	a, ok := parseNumber1(s, i)
	// no report states a sum of a thousand trillion; longer digit runs are ids or noise
	return a, ok && a.v > 0 && a.v < 1e15
}

func parseNumber1(s string, i int) (amount, bool) {
	if i >= len(s) {
		return amount{}, false
	}
	if !isDigit(s[i]) {
		return parseWords(s, i)
	}
	a := amount{start: i, scale: 1}
	v, j := parseDigits(s, i)
	// Korean units: total += (section + n) × 만/억; section += n × 천/백.
	if _, n := koreanUnit(s, j); n > 0 {
		var total, section float64
		cur := v
		for {
			u, n := koreanUnit(s, j)
			if n == 0 {
				break
			}
			j += n
			if u >= 1e4 {
				total += (section + cur) * u
				section = 0
			} else {
				section += cur * u
			}
			cur = 0
			a.scale = u
			if _, n := koreanUnit(s, j); n > 0 {
				continue // 3천만
			}
			k := j
			if at(s, k) == ' ' {
				k++
			}
			if !isDigit(at(s, k)) {
				break
			}
			v2, k2 := parseDigits(s, k)
			u2, n2 := koreanUnit(s, k2)
			if n2 == 0 {
				// 1만5000; "3만 5000원" with a space only when a currency follows
				if k == j || (v2 < u && currencyNext(s, k2)) {
					section += v2
					j = k2
				}
				break
			}
			if u2 >= u || (u2 >= 1e4 && u >= 1e4) {
				break // "1만 2만", "5천 3천": two numbers
			}
			cur, j = v2, k2
		}
		a.v = total + section + cur
		a.end = j
		return a, a.v > 0
	}
	a.v, a.end = v, j
	// English scales: "3 million", "1.5 billion", "5 thousand"; attached "1.5m", "10k", "2bn".
	k := skipSpace(s, j)
	e := wordEnd(s, k)
	if w, ok := numberWord(s, k, e); ok && w >= 100 {
		a.v *= w
		a.scale = w
		a.end = e
		return a, a.v > 0
	}
	if k == j && e > k && e-k <= 2 {
		switch strings.ToLower(s[k:e]) {
		case "k":
			a.v *= 1e3
			a.scale = 1e3
			a.end = e
		case "m", "mn":
			a.v *= 1e6
			a.scale = 1e6
			a.end = e
		case "bn":
			a.v *= 1e9
			a.scale = 1e9
			a.end = e
		}
	}
	return a, a.v > 0
}

// containsFold reports whether s contains the lower-case ASCII sub, ignoring case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if lower(s[i]) == sub[0] && hasFold(s, i, sub) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with the lower-case ASCII suffix, ignoring case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasFold(s, len(s)-len(suffix), suffix)
}

// currencyNext reports whether a Korean currency word follows i directly or
// after one space.
func currencyNext(s string, i int) bool {
	if at(s, i) == ' ' {
		i++
	}
	for _, x := range koreanSuffixes {
		if strings.HasPrefix(s[i:], x.word) {
			return true
		}
	}
	return false
}
