package export

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"casebook"
)

// NameMark replaces every personal name Redact removes.
const NameMark = "[name]"

// Redact replaces the personal names in s, English or Korean, with "[name]".
// It errs on the side of removing too much: a redacted export is published,
// and a victim named in it can be hurt, while an over-redacted word costs a
// reader a little meaning. It removes
//
//   - names after a title: Mr. Kim, Ms. Ri Myong-hui, Dr. Pak;
//   - names after "named", "called", "surnamed", "known as", "alias" …;
//   - romanized Korean names: Kim Chol-su, Ri Myong Hui, a bare Kim or Pak,
//     and hyphenated given names (Chol-su, Myong-hui);
//   - capitalized names followed by an age: Chol (45), Sun-ok, 34,
//   - quoted capitalized names: "Crane", ‘Kim’;
//   - Korean names before 씨, 님, 여사, 선생 (김철수 씨, 김모 씨, 이○○ 씨), before
//     an age (김철수(45)), after a person noun (주민 김철수가), before
//     (이)라는 + a person noun, and after 이름은/가명/별명.
//
// Leaders and places that look like names (Kim Jong Un, Kim Il Sung,
// Kim Chaek, Hong Kong) are kept. Names written with no cue at all
// (a bare 철수가 in Korean) are beyond it: Korean reports rarely do so.
func Redact(s string) string {
	spans := NameSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteString(NameMark)
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// NameSpans returns the byte spans of s that Redact replaces, in order and
// not overlapping; a page that highlights facts by offset can use them to
// hide names without shifting its spans.
func NameSpans(s string) []casebook.Span {
	if s == "" {
		return nil
	}
	keep := keptSpans(s)
	var spans []casebook.Span
	add := func(start, end int) {
		if start < 0 || end <= start {
			return
		}
		for _, k := range keep {
			if start < k[1] && k[0] < end {
				return
			}
		}
		spans = append(spans, casebook.Span{start, end})
	}
	romanizedNames(s, add)
	namesBeforeAge(s, add)
	hangulAfterNoun(s, add)
	for _, r := range nameRules {
		if r.need != nil && !containsAny(s, r.need) {
			continue
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
			start, end := m[2*r.group], m[2*r.group+1]
			if r.check != nil && !r.check(s, m) {
				continue
			}
			add(start, end)
		}
	}
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var out []casebook.Span
	for i := 0; i < len(spans); {
		start, end := spans[i][0], spans[i][1]
		// Merge overlapping spans, and spans that only a space or hyphen
		// separates, so "Kim Chol-su" becomes one mark, not "[name] [name]".
		for i++; i < len(spans) && spans[i][0] <= end+1 && strings.Trim(s[end:max(end, spans[i][0])], " -") == ""; i++ {
			end = max(end, spans[i][1])
		}
		if n := len(out); n > 0 && start < out[n-1][1] {
			start = out[n-1][1]
		}
		if start < end {
			out = append(out, casebook.Span{start, end})
		}
	}
	return out
}

// nameRule is a pattern whose group holds a name.
type nameRule struct {
	re    *regexp.Regexp
	group int
	// check, when set, vets a match m (as from FindStringSubmatchIndex).
	check func(s string, m []int) bool
	// need, when set, lists strings of which s must hold one for the rule
	// to apply: a cheap test that spares most texts the regexp.
	need []string
}

const (
	// A capitalized word, hyphenated parts allowed: Kim, Chol-su, O'Brien.
	capWord = `[A-Z][a-z'’]*(?:-[A-Za-z][a-z'’]*)*`
	// Up to four capitalized words: Ri Myong Hui.
	capWords = capWord + `(?:\s+` + capWord + `){0,3}`
)

// Romanized Korean surnames (both South and North spellings). Short ones that
// are everyday English words (An, Do, No, So, To, Ha, Ma, U, Sun, Ok) are left
// out of the two-word rule: "So Far" is more common than the surname So.
var surnamesFull = `Kim|Gim|Lee|Ri|Rhee|Yi|Park|Pak|Bak|Choi|Choe|Chwe|Jung|Jeong|Jong|Chong|Chung|Kang|Gang|Cho|Jo|Yoon|Yun|Jang|Chang|Lim|Rim|Im|Han|Oh|O|Seo|Suh|Shin|Sin|Kwon|Gwon|Hwang|Ahn|Song|Ryu|Yu|Yoo|Hong|Jeon|Jon|Chon|Chun|Ko|Koh|Moon|Mun|Yang|Ryang|Son|Sohn|Bae|Pae|Baek|Paek|Paik|Heo|Hur|Ho|Nam|Noh|Roh|Ro|Kwak|Sung|Cha|Ju|Joo|Chu|Choo|Woo|Min|Jin|Chin|Ji|Chi|Um|Eom|Chae|Won|Pyon|Byun|Byeon|Pyun|Bang|Pang|Gong|Kong|Hyon|Hyun|Ham|Yom|Yeom|Tak|Kil|Gil|Kye|Gye|Yeo|Ryo|Ku|Koo|Gu|Sim|Shim|Pyo|Myong|Myeong|Maeng|Seok|Sok|Wang|Kum|Geum|Yuk|Ryom|Ra|Na`

// Surnames redacted even alone ("Kim told Daily NK …"): the common ones that
// are not everyday English words.
var surnamesAlone = `Kim|Lee|Ri|Rhee|Yi|Park|Pak|Choi|Choe|Jung|Jeong|Chong|Chung|Kang|Cho|Yoon|Yun|Jang|Chang|Lim|Rim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Ryu|Hong|Jeon|Jon|Moon|Mun|Yang|Ryang|Bae|Baek|Paek|Heo|Kwak|Hyon|Hyun|Pyon|Byun|Kye|Chae|Nam|Song|Jin|Ju|Min|Ko|Sohn`

// Hangul surnames: the first syllable of a Korean name.
const hangulSurnames = `김이리박최정강조윤장임림한오서신권황안송류유전홍고문양량손배백허남심노로하곽성차주우구민진지엄채원천방공현함변염려여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형계피두감음빈동온호범좌팽승간상갈단견당화창순독`

var nameRules = func() []nameRule {
	sur := `[` + hangulSurnames + `]`
	quotes := []string{`"`, "'", "“", "‘"}
	return []nameRule{
		// Mr. Kim, Ms Ri Myong-hui, Dr. Pak.
		{re: regexp.MustCompile(`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Madam|Mme|Mister|Madame)\.?\s+(` + capWords + `)`), group: 1,
			need: []string{"Mr", "Ms", "Miss", "Mx", "Dr", "Madam", "Mme", "Mister"}},
		// a man named Kim, surnamed Ri, known as "Crane".
		{re: regexp.MustCompile(`\b(?:[Nn]amed|[Cc]alled|[Ss]urnamed|[Nn]icknamed|[Aa]lias|[Ii]dentified as|[Kk]nown as|[Gg]oes by|[Nn]ame of|[Nn]ame is|[Nn]ame was|[Pp]seudonym)\s+["“‘']?(` + capWords + `)`), group: 1,
			need: []string{"amed", "alled", "lias", "dentified as", "nown as", "oes by", "ame of", "ame is", "ame was", "seudonym"}},
		// A hyphenated given name whose parts are Korean syllables: Chol-su.
		{re: regexp.MustCompile(`\b([A-Z][a-z]{1,6}-[a-z]{1,6})\b`), group: 1, check: func(s string, m []int) bool { return isGivenName(s[m[2]:m[3]]) },
			need: []string{"-"}},
		// A quoted capitalized name: "Crane", ‘Kim’.
		{re: regexp.MustCompile(`["“‘']((?:Mr\.?\s+|Ms\.?\s+)?` + capWord + `(?:\s+` + capWord + `){0,2})["”’']`), group: 1, need: quotes},

		// 김철수 씨, 김 씨, 김모 씨, 이○○ 씨, 박 여사.
		{re: regexp.MustCompile(`(` + sur + `(?:[가-힣]{1,3}|\s?(?:모|[○◯OＯ0ㅇ*×X]{1,3}))?)\s?(?:씨|氏|님|여사|선생|\(\d{1,3}\s*(?:세|살)?\)\s?(?:씨|氏)?)`), group: 1, check: hangulWord,
			need: []string{"씨", "氏", "님", "여사", "선생", "("}},
		// 철수라는 남성, '학'이라는 여성.
		{re: regexp.MustCompile(`(?:^|[^가-힣])['‘“"]?([가-힣]{1,4})['’”"]?\s?(?:이라는|라는|이라고 하는|라고 하는|(?:이)?라고 불리는|으로 불리는|로 불리는)\s?(?:이름의\s?|성의\s?)?(?:` + personNouns + `|사람|아이|소녀|소년)`), group: 1,
			need: []string{"라는", "라고 하는", "불리는"}},
		// 이름은 김철수, 가명 '학', 별명은 …
		{re: regexp.MustCompile(`(?:이름은|이름이|가명은|가명|별명은|별명|본명은|본명)\s*['‘“"]?([가-힣]{1,3})`), group: 1,
			need: []string{"이름", "가명", "별명", "본명"}},
		// A quoted short Hangul word followed by an honorific or a naming cue.
		{re: regexp.MustCompile(`['‘“"]([가-힣]{1,4})['’”"]\s?(?:씨|님|이라는|라는|으로|로|이라고|라고)`), group: 1, need: quotes},
	}
}()

// personNouns are words for a person that Korean reports put before a name
// (주민 김철수).
const personNouns = `주민|남성|여성|남자|여자|주부|상인|밀수꾼|밀수업자|브로커|노동자|학생|대학생|농민|군인|병사|탈북민|탈북자|청년|노인|간부|교원|교사|의사|운전수|운전사|피해자|소식통|아들|딸|남편|아내|부인|어머니|아버지|할머니|할아버지|동생|형|누나|언니|오빠|친구|이웃|씨`

var personNounSet = setOf(strings.Split(personNouns, "|"))

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

var (
	surnameFullSet  = setOf(strings.Split(surnamesFull, "|"))
	surnameAloneSet = setOf(strings.Split(surnamesAlone, "|"))
	// capTokenRe also takes words in capitals (KIM CHOL-SU in a headline).
	capTokenRe    = regexp.MustCompile(`[A-Z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*`)
	givenPartRe   = regexp.MustCompile(`^[A-Z][a-z]+(?:-[a-z]+)?$`)
	givenSimpleRe = regexp.MustCompile(`^[A-Z][a-z]+$`)
)

// romanizedNames finds romanized Korean names — Kim Chol-su, Ri Myong Hui —
// and bare common surnames (Kim told …), by looking capitalized words up in
// the surname lists: one pass, where an alternation of a hundred surnames in
// a regexp costs a millisecond per page.
func romanizedNames(s string, add func(start, end int)) {
	toks := capTokenRe.FindAllStringIndex(s, -1)
	// Keep whole words only (the regexp's \b, by hand), without a
	// possessive 's.
	words := toks[:0]
	for _, t := range toks {
		if t[0] > 0 && isWordByte(s[t[0]-1]) || t[1] < len(s) && isWordByte(s[t[1]]) {
			continue
		}
		w := s[t[0]:t[1]]
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(w, suf) {
				t[1] -= len(suf)
				break
			}
		}
		words = append(words, t)
	}
	spaced := func(a, b []int) bool {
		gap := s[a[1]:b[0]]
		return gap != "" && strings.TrimSpace(gap) == ""
	}
	word := func(t []int) string { return titleCase(s[t[0]:t[1]]) }
	for i := 0; i < len(words); i++ {
		w := word(words[i])
		if surnameFullSet[w] && i+1 < len(words) && spaced(words[i], words[i+1]) && givenPartRe.MatchString(word(words[i+1])) {
			end, next := words[i+1][1], i+1
			if !strings.Contains(word(words[i+1]), "-") && i+2 < len(words) && spaced(words[i+1], words[i+2]) &&
				givenSimpleRe.MatchString(word(words[i+2])) {
				end, next = words[i+2][1], i+2
			}
			add(words[i][0], end)
			i = next
			continue
		}
		if surnameAloneSet[w] {
			add(words[i][0], words[i][1])
		}
	}
}

var (
	ageRe  = regexp.MustCompile(`\(\s*(?:age[sd]?\s*)?\d{1,2}\s*\)|,\s*\d{1,2}\s*,`)
	wordRe = regexp.MustCompile(`^` + capWord + `$`)
)

// namesBeforeAge finds a capitalized word right before an age — Chol (45),
// Sun-ok, 34, — by finding the ages first: they are rare, words are not.
func namesBeforeAge(s string, add func(start, end int)) {
	for _, m := range ageRe.FindAllStringIndex(s, -1) {
		end := m[0]
		if s[m[0]] == '(' {
			end = len(strings.TrimRight(s[:m[0]], " \t\n"))
		}
		// Walk back over the word's letters, hyphens and apostrophes.
		start := end
		for start > 0 && end-start < 80 {
			c := s[start-1]
			if isWordByte(c) || c == '-' || c == '\'' {
				start--
				continue
			}
			if strings.HasSuffix(s[:start], "’") {
				start -= len("’")
				continue
			}
			break
		}
		if start < end && wordRe.MatchString(s[start:end]) {
			add(start, end)
		}
	}
}

// titleCase turns a word in capitals into the form the lists hold
// (CHOL-SU → Chol-su); other words are returned as they are.
func titleCase(w string) string {
	if len(w) < 2 || strings.ToUpper(w) != w {
		return w
	}
	return w[:1] + strings.ToLower(w[1:])
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// hangulAfterNoun finds a name right after a person noun (주민 김철수가): the
// noun is a whole Hangul word, the name the next word's first two or three
// syllables when it starts with a surname.
func hangulAfterNoun(s string, add func(start, end int)) {
	type run struct{ a, b int }
	var runs []run
	start := -1
	for i, r := range s {
		if isHangul(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			runs = append(runs, run{start, i})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, run{start, len(s)})
	}
	for i := 0; i+1 < len(runs); i++ {
		if !personNounSet[s[runs[i].a:runs[i].b]] {
			continue
		}
		next := runs[i+1]
		if gap := s[runs[i].b:next.a]; gap == "" || strings.TrimSpace(gap) != "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(s[next.a:])
		if !strings.ContainsRune(hangulSurnames, first) {
			continue
		}
		// Hangul syllables are 3 bytes each.
		n := (next.b - next.a) / 3
		if n < 2 {
			continue
		}
		add(next.a, next.a+3*min(n, 3))
	}
}

// keptNames are names of leaders and places that the name rules would
// otherwise hit; matched on capitalized words joined without spaces or
// hyphens, case folded.
var keptNames = setOf([]string{
	"kimilsung", "kimjongil", "kimjongun", "kimyojong", "kimjongsuk", "kimchaek", "kimhyongjik",
	"hongkong", "hanriver", "hanchinese", "parkgeunhye", "moonjaein", "yoonsukyeol", "leejaemyung",
	"kimdaejung", "rohmoohyun", "kimjuae",
})

// keptSpans returns where the kept names are in s: runs of one to four
// capitalized words, separated by spaces only, that spell a kept name.
func keptSpans(s string) [][2]int {
	toks := capTokenRe.FindAllStringIndex(s, -1)
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		key := ""
		for n := 0; n < 4 && i+n < len(toks); n++ {
			if n > 0 {
				if gap := s[toks[i+n-1][1]:toks[i+n][0]]; strings.TrimSpace(gap) != "" || len(gap) > 3 {
					break
				}
			}
			key += strings.ToLower(strings.ReplaceAll(s[toks[i+n][0]:toks[i+n][1]], "-", ""))
			if keptNames[key] {
				out = append(out, [2]int{toks[i][0], toks[i+n][1]})
				i += n
				break
			}
		}
	}
	return out
}

// hangulWord reports whether match m stands as a word: no Hangul right
// before it, and after it nothing or a particle (김 씨는, not 날씨 or 씨앗).
func hangulWord(s string, m []int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); isHangul(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[m[1]:])
	return !isHangul(r) || strings.ContainsRune("는가의를에와도께로은이님네들", r)
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// Korean administrative suffixes: "Musan-gun" is a county, not a given name.
var adminSuffix = map[string]bool{
	"gun": true, "si": true, "do": true, "ri": true, "dong": true, "gu": true, "up": true, "eup": true,
	"ku": true, "kun": true, "ni": true, "guyok": true, "myon": true, "myeon": true, "ga": true, "bukdo": true, "namdo": true,
}

// romSyllable is one romanized Korean syllable (Revised, McCune–Reischauer
// without breves, and common family spellings).
var romSyllables = regexp.MustCompile(`^(?:(?:kk|tt|pp|ss|jj|ch|ts|sh|[bcdghjklmnprstwy])?(?:w|y)?(?:ae|eo|eu|oe|ui|ou|oo|ee|ai|ei|a|e|i|o|u)(?:ng|n|l|k|m|p|t|r|g|b)?){1,2}$`)

// isGivenName reports whether a hyphenated word looks like a Korean given
// name: two parts, each one or two romanized syllables, and no
// administrative suffix.
func isGivenName(w string) bool {
	a, b, ok := strings.Cut(strings.ToLower(w), "-")
	if !ok || adminSuffix[b] {
		return false
	}
	switch a {
	case "anti", "non", "pro", "ex", "re", "co", "pre", "post", "self", "well", "semi", "sub", "mid", "de", "un":
		return false
	}
	return romSyllables.MatchString(a) && romSyllables.MatchString(b)
}

// MaskNames hides the names Redact finds but keeps every byte offset: each
// name becomes "[name]" padded with spaces, or asterisks when it is shorter
// than six bytes. Facts' spans into the text stay valid, so a page can
// highlight them in a text a viewer may read.
func MaskNames(s string) string {
	spans := NameSpans(s)
	if len(spans) == 0 {
		return s
	}
	b := []byte(s)
	for _, sp := range spans {
		n := sp.Len()
		fill := strings.Repeat("*", n)
		if n >= len(NameMark) {
			fill = NameMark + strings.Repeat(" ", n-len(NameMark))
		}
		copy(b[sp[0]:sp[1]], fill)
	}
	return string(b)
}
