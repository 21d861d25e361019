package money

import "strings"

// suffix is a currency word written after the number.
type suffix struct {
	word string // lower case
	cur  string
}

// englishSuffixes are tried in order, longer first.
var englishSuffixes = []suffix{
	{"north korean won", "KPW"}, {"n. korean won", "KPW"}, {"nk won", "KPW"},
	{"south korean won", "KRW"}, {"korean won", "KPW"},
	{"chinese yuan", "CNY"}, {"chinese renminbi", "CNY"}, {"chinese rmb", "CNY"},
	{"us dollars", "USD"}, {"us dollar", "USD"}, {"u.s. dollars", "USD"}, {"u.s. dollar", "USD"},
	{"american dollars", "USD"}, {"japanese yen", "JPY"},
	{"yuan", "CNY"}, {"renminbi", "CNY"}, {"rmb", "CNY"}, {"cny", "CNY"},
	{"won", "KPW"}, {"kpw", "KPW"}, {"nkw", "KPW"}, {"krw", "KRW"},
	{"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"},
	{"yen", "JPY"}, {"jpy", "JPY"},
	{"euros", "EUR"}, {"euro", "EUR"}, {"eur", "EUR"},
}

// englishSuffixesBy holds englishSuffixes by their first letter (a–z as
// 0–25), in the same order: a word is tried only against those it may be.
var englishSuffixesBy = func() (t [26][]suffix) {
	for _, x := range englishSuffixes {
		t[x.word[0]-'a'] = append(t[x.word[0]-'a'], x)
	}
	return t
}()

// koreanSuffixes are the Korean currency words; 원 is resolved by the words
// before the number (중국 돈, 한화, 북한 돈).
var koreanSuffixes = []suffix{
	{"위안화", "CNY"}, {"위안", "CNY"}, {"달러화", "USD"}, {"달러", "USD"}, {"불", "USD"},
	{"엔화", "JPY"}, {"엔", "JPY"}, {"유로화", "EUR"}, {"유로", "EUR"}, {"원", "KPW"},
}

// notWon lists words that start with 원 and are no currency.
var notWon = []string{"원칙", "원인", "원래", "원산", "원수", "원장", "원정", "원자", "원조", "원룸", "원으로부터"}

// currencyAfter reads a currency word at i (after optional spaces or a hyphen:
// "20,000-yuan"). It returns the ISO code and the end of the word.
func currencyAfter(s string, i int) (string, int, bool) {
	j := i
	if at(s, j) == '-' {
		j++
	} else {
		j = skipSpace(s, j)
	}
	if j >= len(s) {
		return "", 0, false
	}
	if isLetter(s[j]) {
		for _, x := range englishSuffixesBy[lower(s[j])-'a'] {
			if wordAt(s, j, x.word) {
				return x.cur, j + len(x.word), true
			}
		}
		return "", 0, false
	}
	if s[j] < 0x80 || (j > i && s[j-1] == '-') {
		return "", 0, false
	}
	for _, x := range koreanSuffixes {
		if strings.HasPrefix(s[j:], x.word) {
			if x.word == "원" {
				for _, w := range notWon {
					if strings.HasPrefix(s[j:], w) {
						return "", 0, false
					}
				}
			}
			if x.word == "불" && j > i {
				return "", 0, false // 100불 only attached
			}
			return x.cur, j + len(x.word), true
		}
	}
	return "", 0, false
}

// prefix is a currency sign or code written before the number.
type prefix struct {
	word string
	cur  string
}

var prefixes = []prefix{
	{"us$", "USD"}, {"us $", "USD"}, {"u.s.$", "USD"}, {"u.s. $", "USD"}, {"$", "USD"},
	{"usd", "USD"}, {"rmb", "CNY"}, {"cny", "CNY"}, {"kpw", "KPW"}, {"krw", "KRW"},
	{"jpy", "JPY"}, {"eur", "EUR"}, {"nkw", "KPW"},
	{"€", "EUR"}, {"¥", "CNY"}, {"₩", "KPW"}, {"￥", "CNY"},
}

// prefixFirst marks the first bytes of prefixes.
var prefixFirst = func() (t [256]bool) {
	for _, p := range prefixes {
		t[p.word[0]] = true
	}
	return t
}()

// currencyBefore reads a currency sign or code at i followed by a number
// ("RMB 20,000", "US$300", "$1,500"). It returns the code and where the number starts.
func currencyBefore(s string, i int) (string, int, bool) {
	if i >= len(s) || !prefixFirst[lower(s[i])] {
		return "", 0, false // digits and most letters start no sign or code
	}
	for _, p := range prefixes {
		if !hasFold(s, i, p.word) {
			continue
		}
		j := i + len(p.word)
		if isLetter(p.word[len(p.word)-1]) && j < len(s) && isLetter(s[j]) {
			continue
		}
		k := skipSpace(s, j)
		if k < len(s) && isDigit(s[k]) {
			return p.cur, k, true
		}
	}
	return "", 0, false
}

// koreanModifiers say whose money a following "원" is.
var koreanModifiers = []suffix{
	{"중국돈", "CNY"}, {"중국 돈", "CNY"}, {"중국 화폐", "CNY"}, {"중국 돈으로", "CNY"}, {"중국돈으로", "CNY"},
	{"인민폐", "CNY"}, {"중국", "CNY"},
	{"한화", "KRW"}, {"한국 돈", "KRW"}, {"한국돈", "KRW"}, {"남한 돈", "KRW"}, {"남한돈", "KRW"}, {"한국", "KRW"},
	{"북한 돈으로", "KPW"}, {"북한돈으로", "KPW"}, {"북한 돈", "KPW"}, {"북한돈", "KPW"}, {"내화로", "KPW"}, {"내화", "KPW"}, {"북한", "KPW"},
	{"한화로", "KRW"}, {"한국 돈으로", "KRW"},
	{"미화", "USD"},
}

// wonOwner looks at the words right before a number (skipping 약, 무려, 단돈)
// for whose money its "원" is.
func wonOwner(s string, i int) (string, int, bool) {
	j := backSpace(s, i)
	for _, h := range []string{"약", "무려", "단돈", "대략", "총", "무려"} {
		if strings.HasSuffix(s[:j], h) {
			j = backSpace(s, j-len(h))
			break
		}
	}
	for _, m := range koreanModifiers {
		if strings.HasSuffix(s[:j], m.word) {
			return m.cur, j - len(m.word), true
		}
	}
	return "", 0, false
}
