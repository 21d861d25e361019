package date

import (
	"strings"
	"unicode/utf8"
)

// A date that modifies a verb of saying dates the source's speaking, not an
// act: "a source told RFA on Monday", "the source said in a telephone
// conversation on Thursday", "reported on November 3 that …", 소식통은 14일
// 데일리NK에 "…", 취재협력자가 11월 3일 전해왔다. A date before an
// attribution tail ("… on April 17, the source said") is the act's.

// sayingVerbs are the English verbs of saying a reporting date follows.
var sayingVerbs = []string{"said", "says", "told", "tells", "reported", "reports", "added", "explained", "confirmed",
	"spoke", "speaking", "wrote", "revealed", "noted", "stated", "interviewed", "contacted", "met", "informed"}

// betweenSaying are the words that may stand between a verb of saying and
// its date: "told RFA's Korean Service on", "said in a telephone conversation on".
var betweenSaying = []string{"on", "in", "at", "during", "a", "an", "the", "by", "via", "over", "through", "with", "to",
	"telephone", "phone", "call", "conversation", "interview", "message", "messenger", "messaging", "app", "s",
	"korean", "service", "news", "media", "us", "reporters", "reporter", "this", "outlet", "partner"}

// reportingEnglish reports whether the English expression s[a:b] dates a
// source's speaking.
func reportingEnglish(s string, a, b int) bool {
	return saidBefore(s, a) || sourceSaidAfter(s, a, b)
}

// sourceSaidAfter reads a date that opens its sentence and a source's
// saying after it: "On Monday, a source in the province told RFA …".
func sourceSaidAfter(s string, a, b int) bool {
	p := a
	for p > 0 && s[p-1] == ' ' {
		p--
	}
	if p >= 2 && hasFold(s, p-2, "on") {
		p -= 2
		for p > 0 && s[p-1] == ' ' {
			p--
		}
	}
	if p > 0 && s[p-1] != '\n' && s[p-1] != '"' && !(p >= 2 && (s[p-2] == '.' || s[p-2] == '"') && s[p-1] == ' ') {
		return false
	}
	k := b
	if k < len(s) && s[k] == ',' {
		k++
	}
	source := false
	for n := 0; n < 8; n++ {
		w, e := wordAfter(s, k)
		if w == "" {
			return false
		}
		switch w {
		case "source", "sources", "resident", "residents", "partner", "official", "informant", "defector", "trader":
			source = true
		}
		if _, ok := sayingVerbSet[w]; ok {
			return source
		}
		k = e
	}
	return false
}

// saidBefore reads a verb of saying before the date at a, with only an
// outlet, a preposition or the call between: "told RFA's Korean Service on".
func saidBefore(s string, a int) bool {
	// walk back over the words between the expression and a verb of saying
	p := a
	for n := 0; n < 8; n++ {
		for p > 0 && (s[p-1] == ' ' || s[p-1] == '\'') {
			p--
		}
		if strings.HasSuffix(s[:p], "’") {
			p -= len("’")
			continue
		}
		if p == 0 || !isLetter(s[p-1]) {
			return false // punctuation, a quote, the start of the sentence
		}
		w := p
		for w > 0 && isLetter(s[w-1]) {
			w--
		}
		word := s[w:p]
		if _, ok := sayingVerbSetTable.lookup(s, w, p); ok {
			return true
		}
		capital := 'A' <= word[0] && word[0] <= 'Z'
		if _, known := betweenSayingSetTable.lookup(s, w, p); !known && !(capital && n > 0) {
			return false
		}
		p = w
	}
	return false
}

var sayingVerbSet, betweenSayingSet = set(sayingVerbs), set(betweenSaying)

func set(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// koreanSources are the words for a source as the subject of a report.
var koreanSources = []string{"소식통은", "소식통이", "소식통도", "협력자는", "협력자가", "협력자도", "관계자는", "관계자가",
	"통신원은", "통신원이", "주민은", "주민이", "기자는", "기자가", "탈북민은", "탈북민이"}

// koreanSayingAfter start the words after a reporting date: a verb of
// saying, the outlet told, the call it was told in.
var koreanSayingAfter = []string{"전했다", "전했습니다", "전해왔다", "전해 왔다", "전해왔습니다", "말했다", "말했습니다", "밝혔다",
	"밝혔습니다", "알려왔다", "알려 왔다", "알려왔습니다", "알렸다", "데일리NK", "자유아시아방송", "RFA", "아시아프레스", "본지", "본사",
	"통화", "전화", "이같이", "이렇게", "다음과 같이"}

// reportingKorean reports whether the Korean expression s[a:b] dates a
// source's speaking: a source as subject right before it, or a verb of
// saying, the outlet or the call right after it.
func reportingKorean(s string, a, b int) bool {
	before := strings.TrimRight(s[max(0, a-24):a], " ")
	if r, _ := utf8.DecodeLastRuneInString(before); r == '은' || r == '는' || r == '이' || r == '가' || r == '도' {
		for _, w := range koreanSources {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
	}
	k := b
	for k < len(s) && s[k] == ' ' {
		k++
	}
	// a particle on the date itself: "14일에", "14일께"
	if r, sz := utf8.DecodeRuneInString(s[k:]); r == '에' || r == '께' {
		k += sz
		for k < len(s) && s[k] == ' ' {
			k++
		}
	}
	if k >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	for _, w := range sayingAfterByRune[r] {
		if strings.HasPrefix(s[k:], w) {
			return true
		}
	}
	return false
}

// sayingAfterByRune indexes koreanSayingAfter by first rune.
var sayingAfterByRune = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range koreanSayingAfter {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// markReporting sets Reporting on the expressions of text that date a
// source's speaking.
func markReporting(text string, es []Expr) {
	for i := range es {
		if es[i].Days > 2 {
			continue // a source speaks on a day ("on Monday", 14일), not over a month
		}
		a, b := es[i].Span[0], es[i].Span[1]
		if text[a] >= 0x80 || isDigit(text[a]) && hangulNear(text, b) {
			es[i].Reporting = reportingKorean(text, a, b)
		} else {
			es[i].Reporting = reportingEnglish(text, a, b)
		}
	}
}

// hangulNear reports whether the expression ending at b is Korean: Hangul
// right after it ("14일", "11월 3일").
func hangulNear(s string, b int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:b])
	return isHangul(r)
}
