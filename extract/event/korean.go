package event

import (
	"slices"
	"strings"

	"casebook"
)

// Flags of a Korean trigger.
const (
	kMoney    = 1 << iota // needs a sum of money in the clause
	kBribe                // needs money or 뇌물/돈 in the clause
	kHypo                 // a threat: the conditional belongs to it
	kVerb                 // a noun that needs a verb of doing right after (체포했다, 단속을 벌이고)
	kAgent                // needs an officer in the clause
	kThreat               // a threat in the clause: …겠다, 협박, 위협
	kDetained             // only after a detention told in this paragraph or the one before
	kControl              // 단속, 검열 or 통제 just before: 단속이 훨씬 엄해졌다
	kOngoing              // only with a progressive later in the sentence (…한다며 … 뜯어내고 있다)
	kFreed                // a release right after: 2천 달러를 내고 보름 만에 석방됐다
)

// koRules are the Korean triggers. A stem is matched anywhere in a body
// sentence; its ending then decides: a past, a past adnominal (붙잡힌) or a
// progressive (하고 있다) narrates an act, while a conditional (걸리면), a
// present habit (단속한다, 빼앗기는), a negation or a plan does not.
var koRules = []struct {
	typ, stem string
	flags     int
}{
	{casebook.EventDetention, "체포", kVerb},
	{casebook.EventDetention, "검거", kVerb},
	{casebook.EventDetention, "연행", kVerb},
	{casebook.EventDetention, "구속", kVerb},
	{casebook.EventDetention, "구금", kVerb},
	{casebook.EventDetention, "붙잡", 0},
	{casebook.EventDetention, "잡혀", 0},
	{casebook.EventDetention, "잡혔", 0},
	{casebook.EventDetention, "잡아들였", 0},
	{casebook.EventDetention, "걸린 ", 0},
	{casebook.EventDetention, "걸렸", 0},
	{casebook.EventDetention, "갇혀", 0},
	{casebook.EventDetention, "갇혔", 0},
	{casebook.EventDetention, "갇힌", 0},
	{casebook.EventDetention, "가뒀", 0},
	{casebook.EventDetention, "가두었", 0},
	{casebook.EventDetention, "로 데려가", kAgent},
	{casebook.EventDetention, "로 데려갔", kAgent},
	{casebook.EventDetention, "끌려갔", 0},
	{casebook.EventDetention, "끌고 갔", 0},
	{casebook.EventDetention, "구류", kVerb},
	// 적발됐다 (caught in the act); not 적발된 주민에게서 (a rule's "whoever
	// is caught").
	{casebook.EventDetention, "적발됐", 0},
	{casebook.EventDetention, "적발돼", 0},
	{casebook.EventDetention, "적발되었", 0},
	{casebook.EventDetention, "압송됐", 0},
	// 보위부에 넘겨졌다: handed over into an organ's custody.
	{casebook.EventDetention, "넘겨졌", kAgent},
	{casebook.EventDetention, "넘겨져", kAgent},
	{casebook.EventDetention, "압송돼", 0},
	{casebook.EventDetention, "끌려가", 0},
	{casebook.EventDetention, "끌려간 ", 0},
	{casebook.EventDetention, "끌려왔", 0},
	{casebook.EventDetention, "끌려와", 0},
	{casebook.EventDetention, "불려가", kAgent},
	{casebook.EventDetention, "불려갔", kAgent},
	{casebook.EventDetention, "소환돼", kAgent},
	{casebook.EventDetention, "소환됐", kAgent},

	{casebook.EventBribeDemand, "요구", kBribe | kVerb},
	{casebook.EventBribeDemand, "마련해 오라", kMoney},
	{casebook.EventBribeDemand, "내라", kMoney},
	{casebook.EventBribeDemand, "달라고", kMoney | kAgent},
	{casebook.EventBribeDemand, "달라며", kMoney | kAgent},
	{casebook.EventBribeDemand, "내놓으라", kMoney},
	{casebook.EventBribeDemand, "가져오라", kMoney},
	{casebook.EventBribeDemand, "바치라", kMoney},
	{casebook.EventBribeDemand, "뜯어냈", 0},
	{casebook.EventBribeDemand, "뜯어내", 0},
	{casebook.EventBribeDemand, "갈취", kVerb},
	// A threat's condition of paying (5천 위안을 내지 않으면 … 보내겠다고
	// 협박했다) is a demand too.
	{casebook.EventBribeDemand, "내지 않으면", kMoney | kHypo | kThreat},
	{casebook.EventBribeDemand, "주지 않으면", kMoney | kHypo | kThreat},
	{casebook.EventBribeDemand, "바치지 않으면", kMoney | kHypo | kThreat},
	{casebook.EventBribeDemand, "가져오지 않으면", kMoney | kHypo | kThreat},

	{casebook.EventBribePayment, "뇌물을 바치", 0},
	{casebook.EventBribePayment, "뇌물을 바쳤", 0},
	{casebook.EventBribePayment, "에 바친 ", kBribe},
	{casebook.EventBribePayment, "을 바친 ", kBribe},
	{casebook.EventBribePayment, "를 바친 ", kBribe},
	{casebook.EventBribePayment, "뇌물을 주", 0},
	{casebook.EventBribePayment, "뇌물을 건", 0},
	{casebook.EventBribePayment, "뇌물을 받", 0},
	{casebook.EventBribePayment, "뇌물을 고", 0},
	{casebook.EventBribePayment, "고여", kBribe},
	{casebook.EventBribePayment, "고였", kBribe},
	{casebook.EventBribePayment, "바쳤", kBribe},
	{casebook.EventBribePayment, "건넸", kBribe | kAgent},
	{casebook.EventBribePayment, "건네", kMoney | kAgent},
	{casebook.EventBribePayment, "돈만 챙기", kAgent},
	{casebook.EventBribePayment, "돈을 챙기", kAgent},
	{casebook.EventBribePayment, "뇌물을 챙기", 0},
	{casebook.EventBribePayment, "뜯겼", kMoney},
	{casebook.EventBribePayment, "찔러주", 0},
	{casebook.EventBribePayment, "찔러줬", 0},
	{casebook.EventBribePayment, "찔러 주", 0},
	{casebook.EventBribePayment, "찔러 줬", 0},
	{casebook.EventBribePayment, "뒷돈을 받", 0},
	{casebook.EventBribePayment, "뒷돈을 주", 0},
	{casebook.EventBribePayment, "뒷돈을 챙", 0},
	{casebook.EventBribePayment, "뒷돈을 건", 0},
	{casebook.EventBribePayment, "뒷돈을 바", 0},
	{casebook.EventBribePayment, "받고서야", kMoney},
	{casebook.EventBribePayment, "을 받고 ", kMoney | kAgent},
	{casebook.EventBribePayment, "를 받고 ", kMoney | kAgent},
	{casebook.EventBribePayment, "주고 풀려", 0},
	{casebook.EventBribePayment, "내고 풀려", 0},
	// 2천 달러를 내고 석방됐다: the sum bought the release (told as its own act too).
	{casebook.EventBribePayment, "내고 ", kMoney | kFreed},
	{casebook.EventBribePayment, "주고 ", kMoney | kFreed},

	{casebook.EventRelease, "석방", kVerb},
	{casebook.EventRelease, "풀려나", 0},
	{casebook.EventRelease, "풀려났", 0},
	{casebook.EventRelease, "풀려난", 0},
	{casebook.EventRelease, "풀어줬", 0},
	{casebook.EventRelease, "풀어 줬", 0},
	{casebook.EventRelease, "풀어주었", 0},
	{casebook.EventRelease, "풀어준", 0},
	{casebook.EventRelease, "내보냈", 0},
	// 불려가 조사를 받았다 … 사흘 만에 돌아왔지만: back home after a detention.
	{casebook.EventRelease, "만에 돌아왔", kDetained},
	{casebook.EventRelease, "만에 집으로 돌아왔", kDetained},
	{casebook.EventRelease, "만에 돌아온", kDetained},

	{casebook.EventThreat, "위협", kVerb},
	{casebook.EventThreat, "협박", kVerb},
	{casebook.EventThreat, "경고", kVerb},
	{casebook.EventThreat, "교화소에 가기 싫", kHypo},
	{casebook.EventThreat, "교화소에 보내", kHypo},
	{casebook.EventThreat, "관리소에 보내", kHypo},
	{casebook.EventThreat, "추방하겠", kHypo},
	{casebook.EventThreat, "엄벌하겠", kHypo},
	{casebook.EventThreat, "엄벌에 처하겠", kHypo},
	{casebook.EventThreat, "처벌하겠", kHypo},
	{casebook.EventThreat, "체포하겠", kHypo},
	{casebook.EventThreat, "잡아가겠", kHypo},
	{casebook.EventThreat, "넘기겠", kHypo},
	{casebook.EventThreat, "가두겠", kHypo},

	{casebook.EventConfiscation, "압수", kVerb},
	{casebook.EventConfiscation, "몰수", kVerb},
	{casebook.EventConfiscation, "빼앗", 0},
	{casebook.EventConfiscation, "뺏", 0},
	{casebook.EventConfiscation, "실어 갔", 0},
	{casebook.EventConfiscation, "실어갔", 0},
	{casebook.EventConfiscation, "회수", kVerb},

	{casebook.EventPunishment, "추방", kVerb},
	{casebook.EventPunishment, "공개재판", 0},
	{casebook.EventPunishment, "공개 재판", 0},
	{casebook.EventPunishment, "처형", kVerb},
	{casebook.EventPunishment, "총살", kVerb},
	{casebook.EventPunishment, "노동교화", 0},
	{casebook.EventPunishment, "교화형", 0},
	{casebook.EventPunishment, "교화소로 보내", 0},
	{casebook.EventPunishment, "관리소로 보내", 0},
	{casebook.EventPunishment, "단련대에 보내", 0},
	{casebook.EventPunishment, "매를 맞", 0},
	{casebook.EventPunishment, "구타", kVerb},
	{casebook.EventPunishment, "폭행", kVerb},
	{casebook.EventPunishment, "고문", kVerb},
	{casebook.EventPunishment, "선고", kVerb},
	{casebook.EventPunishment, "노동단련", 0},
	{casebook.EventPunishment, "단련대로 보내", 0},
	// An imposed fine is a penalty like a sentence.
	{casebook.EventPunishment, "벌금을 물", 0},
	{casebook.EventPunishment, "벌금을 내", 0},
	{casebook.EventPunishment, "벌금을 부과", 0},
	{casebook.EventPunishment, "벌금을 매", 0},
	{casebook.EventPunishment, "벌금을 받아", kAgent},
	{casebook.EventPunishment, "벌금형", 0},

	{casebook.EventSurveillance, "도청", kVerb},
	{casebook.EventSurveillance, "감시", kVerb},
	{casebook.EventSurveillance, "추적", kVerb},
	{casebook.EventSurveillance, "미행", kVerb},
	{casebook.EventSurveillance, "밀고", 0},
	{casebook.EventSurveillance, "뒤를 밟", 0},
	{casebook.EventSurveillance, "행적을 몰래 쫓", 0},
	{casebook.EventSurveillance, "행적을 쫓", 0},
	{casebook.EventSurveillance, "잠복", kVerb},
	{casebook.EventSurveillance, "감시하는 전담", 0},
	{casebook.EventSurveillance, "감시 전담", 0},
	{casebook.EventSurveillance, "감시조를", 0},
	{casebook.EventSurveillance, "감시반을", 0},
	{casebook.EventSurveillance, "정보원을 늘", 0},
	{casebook.EventSurveillance, "정보원을 배치", 0},
	{casebook.EventSurveillance, "정보원을 심", 0},
	{casebook.EventSurveillance, "정보원을 포섭", 0},
	{casebook.EventSurveillance, "정보원들을 늘", 0},
	{casebook.EventSurveillance, "정보원 수를 늘", 0},

	{casebook.EventPersonnel, "해임", kVerb},
	{casebook.EventPersonnel, "철직", kVerb},
	{casebook.EventPersonnel, "숙청", kVerb},
	{casebook.EventPersonnel, "경질", kVerb},
	{casebook.EventPersonnel, "면직", kVerb},
	{casebook.EventPersonnel, "좌천", kVerb},
	{casebook.EventPersonnel, "임명", kVerb},
	{casebook.EventPersonnel, "교체", kVerb},
	{casebook.EventPersonnel, "출당", kVerb},
	{casebook.EventPersonnel, "직위에서 해제", 0},
	{casebook.EventPersonnel, "직위 해제", 0},
	{casebook.EventPersonnel, "직무에서 해제", 0},
	{casebook.EventPersonnel, "해직", kVerb},

	{casebook.EventCrackdown, "단속을 벌", 0},
	{casebook.EventCrackdown, "단속에 나", 0},
	{casebook.EventCrackdown, "단속에 열을 올리", 0},
	{casebook.EventCrackdown, "단속을 강화", 0},
	{casebook.EventCrackdown, "단속이 강화", 0},
	{casebook.EventCrackdown, "단속에 돌입", 0},
	{casebook.EventCrackdown, "단속을 시작", 0},
	{casebook.EventCrackdown, "단속을 진행", 0},
	{casebook.EventCrackdown, "단속을 펼", 0},
	{casebook.EventCrackdown, "단속을 실시", 0},
	{casebook.EventCrackdown, "단속이 벌어", 0},
	{casebook.EventCrackdown, "단속이 시작", 0},
	{casebook.EventCrackdown, "단속이 진행", 0},
	{casebook.EventCrackdown, "단속이 눈에 띄게 늘", 0},
	{casebook.EventCrackdown, "검열을 벌", 0},
	{casebook.EventCrackdown, "검열을 진행", 0},
	{casebook.EventCrackdown, "검열을 실시", 0},
	{casebook.EventCrackdown, "검열에 착수", 0},
	{casebook.EventCrackdown, "검열에 나", 0},
	{casebook.EventCrackdown, "검열이 진행", 0},
	{casebook.EventCrackdown, "검열이 시작", 0},
	{casebook.EventCrackdown, "소탕", kVerb},
	// 단속한다며 돈을 뜯어내고 있다: a crackdown claimed as the pretext of
	// what officers are doing now.
	{casebook.EventCrackdown, "단속한다며", kOngoing},
	{casebook.EventCrackdown, "단속한다면서", kOngoing},
	{casebook.EventCrackdown, "단속했", 0},
	{casebook.EventCrackdown, "단속해", 0},
	{casebook.EventCrackdown, "단속하", 0},
	{casebook.EventCrackdown, "검열했", 0},
	{casebook.EventCrackdown, "검열해", 0},
	{casebook.EventCrackdown, "검열하", 0},
	{casebook.EventCrackdown, "포고를 내", 0},
	{casebook.EventCrackdown, "포고를 발", 0},
	{casebook.EventCrackdown, "포고문을", 0},
	{casebook.EventCrackdown, "색출에 나", 0},
	{casebook.EventCrackdown, "지시를 내렸", 0},
	{casebook.EventCrackdown, "명령을 내렸", 0},
	{casebook.EventCrackdown, "지시했", 0},
	{casebook.EventCrackdown, "명령했", 0},
	{casebook.EventCrackdown, "포치했", 0},
	{casebook.EventCrackdown, "금지했", 0},
	{casebook.EventCrackdown, "금지령", 0},
	// An order passed down from above: 지시가 내려왔다, 명령이 떨어졌다.
	{casebook.EventCrackdown, "지시가 내려왔", 0},
	{casebook.EventCrackdown, "지시가 내려졌", 0},
	{casebook.EventCrackdown, "지시가 떨어졌", 0},
	{casebook.EventCrackdown, "명령이 내려왔", 0},
	{casebook.EventCrackdown, "명령이 떨어졌", 0},
	// Control grown harsher, with an adverb between: 단속이 훨씬 엄해졌다.
	{casebook.EventCrackdown, "엄해졌", kControl},
	{casebook.EventCrackdown, "심해졌", kControl},
	{casebook.EventCrackdown, "강화되고", kControl},
	{casebook.EventCrackdown, "강화됐", kControl},
}

// koDoing are syllables that may follow a Korean action noun as its verb:
// 체포했다, 체포된, 체포당해, 추방돼.
var koDoing = map[rune]bool{'했': true, '하': true, '한': true, '해': true, '됐': true, '되': true, '된': true, '돼': true, '당': true, '시': true, '를': true, '을': true, '에': true, '이': true}

var koHabit = []string{"평소", "대개", "보통", "흔히", "항상", "매년", "해마다", "기 마련", "일쑤", "되풀이", "늘 ", "으레", "종종", "자주"}
var koNeg = []string{"지 않", "지 못", "지 말", "않았", "않은", "않는", "못했", "못한"}
var koPlan = []string{"려고", "려는", "겠", "기로", "할 계획", "예정", "ㄹ 것", "을 것", "할 것", "위해"}
var koTried = []string{"려 했지만", "려고 했지만", "려 했으나", "려고 했으나", "려 애썼지만", "려고 애썼지만"}
var koRumour = []string{"소문", "다는 말도", "라는 말도", "확인되지 않", "확인되지 못", "확인할 수 없"}
var koFuture = []string{"을 것", "ㄹ 것", "할 것", "될 것", "받을 것", "갈 것", "예정", "계획"}
var koForeign = []string{"중국 공안", "중국 당국", "중국 경찰", "한국 경찰", "변방대"}
var koOfficer = []string{"보위", "안전원", "안전부", "보안원", "보안서", "경비대", "경비", "검찰", "재판", "당국", "간부", "단속원", "규찰", "위원회", "기관", "경찰"}

// koFirst maps a character of U+A000–U+DFFF (c-0xA000; Hangul syllables
// are U+AC00–U+D7A3) to the rules whose stem starts with it (an index into
// koGroups), so a sentence is scanned once whatever the number of rules. Foreign markers (중국 공안) are rules of type "" that void their
// sentence.
var (
	koFirst  [0x4000]uint16
	koGroups = [][]int{nil}
)

var koAllRules = func() []struct {
	typ, stem string
	flags     int
} {
	all := append([]struct {
		typ, stem string
		flags     int
	}{}, koRules...)
	for _, f := range koForeign {
		all = append(all, struct {
			typ, stem string
			flags     int
		}{"", f, 0})
	}
	return all
}()

func init() {
	for i, r := range koAllRules {
		c, _ := firstRune(r.stem)
		if c < 0xAC00 || c > 0xD7A3 {
			panic("event: Korean rule must start with a syllable: " + r.stem)
		}
		g := koFirst[c-0xA000]
		if g == 0 {
			g = uint16(len(koGroups))
			koGroups = append(koGroups, nil)
			koFirst[c-0xA000] = g
		}
		koGroups[g] = append(koGroups[g], i)
	}
}

// findKorean returns the Korean trigger mentions of the body sentences.
func findKorean(text string, sents []sentence, money []casebook.Money, sc *scratch, out []mention) []mention {
	for si := range sents {
		s := &sents[si]
		if s.heading {
			continue
		}
		st := text[s.span[0]:s.span[1]]
		before := len(out)
		foreign := false
		for k := 0; k < len(st); {
			c0 := st[k]
			if c0 < 0x80 {
				k++
				continue // no rule starts with an ASCII byte
			}
			// A syllable's three bytes index koFirst as they are. A lead byte
			// whose next two bytes do not continue it is passed alone; its
			// bytes decode as they would one by one (no rule starts with a
			// continuation byte, so a surrogate's three are passed at once).
			if c0-0xEA >= 4 || k+2 >= len(st) || (st[k+1]^0x80)|(st[k+2]^0x80) >= 0x40 {
				_, n := firstRune(st[k:])
				k += n
				continue
			}
			g := koFirst[uint(c0-0xEA)<<12|uint(st[k+1]&0x3F)<<6|uint(st[k+2]&0x3F)]
			if g == 0 {
				k += 3
				continue
			}
			for _, ri := range koGroups[g] {
				r := &koAllRules[ri]
				// The stem's first syllable is the one just read (three bytes).
				if !hasPrefixWrapped(st[k+3:], r.stem[3:]) {
					continue
				}
				if r.typ == "" {
					foreign = true
					continue
				}
				at := s.span[0] + k
				s.ensureClauses(text, text, true, nil, &sc.clauses)
				cl := clauseAt(s, at)
				if !koAccept(text, at, at+len(r.stem), cl, r.flags, money) {
					continue
				}
				if r.flags&kDetained != 0 && !detainedBefore(out, sents, s.para) {
					continue
				}
				end := eojeolEnd(text, at+len(r.stem), cl[1])
				out = append(out, mention{typ: r.typ, clause: cl, trig: casebook.Span{at, end}, sent: si, evidence: koEvidence(text, cl, at+len(r.stem), end), rule: -1 - ri, fine: strings.HasPrefix(r.stem, "벌금"), appoint: r.stem == "임명"})
			}
			k += 3
			// Only a syllable's rules add mentions: the bound is checked after them.
			if len(out)-before >= maxPerSentence {
				break
			}
		}
		if foreign {
			out = out[:before]
		}
	}
	return out
}

// detainedBefore reports a detention among the mentions found so far in
// paragraph para or the one before it.
func detainedBefore(ms []mention, sents []sentence, para int) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		p := sents[ms[i].sent].para
		if p < para-1 {
			return false
		}
		if ms[i].typ == casebook.EventDetention {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func clauseAt(s *sentence, at int) casebook.Span {
	for _, c := range s.clauses {
		if at >= c[0] && at < c[1] {
			return c
		}
	}
	return s.span
}

// eojeolEnd returns the end of the space-delimited word running on from i.
func eojeolEnd(text string, i, hi int) int {
	for i < hi && text[i] != ' ' && text[i] != '\n' {
		i++
	}
	return i
}

// koAccept decides from the ending after a stem whether it narrates an act.
func koAccept(text string, lo, hi int, cl casebook.Span, flags int, money []casebook.Money) bool {
	// A stem that runs on past a connective (내고 ) ends past its clause.
	cl[1] = max(cl[1], hi)
	// A window of the clause around the trigger bounds the cost.
	cl = casebook.Span{runeStart(text, max(cl[0], lo-150)), runeStart(text, min(cl[1], hi+150))}
	clause := text[cl[0]:cl[1]]
	// The stem's own word and the next one carry its ending.
	w1 := eojeolEnd(text, hi, cl[1])
	rest := text[hi:w1]
	next, next2 := "", ""
	if w1 < cl[1] {
		w2 := eojeolEnd(text, w1+1, cl[1])
		next = text[w1+1 : w2]
		if w2 < cl[1] {
			next2 = text[w2+1 : eojeolEnd(text, w2+1, cl[1])]
		}
	}
	if flags&kVerb != 0 {
		r, _ := firstRune(rest)
		if rest == "" || !koDoing[r] {
			return false
		}
		// 체포를, 단속에: the object or place of a further verb; need that verb to act.
		if r == '를' || r == '을' || r == '에' || r == '이' {
			rest = next
		}
	}
	// 벌금을 내고 풀려났다: a fine paid, not a bribe.
	if strings.Contains(text[lo:hi], "고 ") && strings.HasSuffix(text[max(cl[0], lo-10):lo], "벌금을 ") {
		return false
	}
	// 건네받았다 is receiving, not handing over.
	if strings.HasPrefix(rest, "받") && strings.HasSuffix(text[lo:hi], "건네") {
		return false
	}
	// Negation: 못 체포했다, 체포하지 않았다.
	// The adverb stands alone: 동안 (during) and 이미 안 are not 안.
	before := text[max(cl[0], lo-8):lo]
	if before == "못 " || before == "안 " || strings.HasSuffix(before, " 못 ") || strings.HasSuffix(before, " 안 ") || strings.HasSuffix(before, "\n못 ") || strings.HasSuffix(before, "\n안 ") {
		return false
	}
	if koNegSet.in(rest + " " + next) {
		return false
	}
	if flags&kHypo == 0 {
		// 벌금을 내야 한다: an obligation, a rule.
		// (뒤에야 풀려났다 tells a time, not a must.)
		if strings.HasSuffix(rest, "야") && !strings.HasSuffix(rest, "에야") || strings.HasSuffix(next, "야") && mustVerb(next2) {
			return false
		}
		if strings.Contains(rest, "면") && !strings.Contains(rest, "면서") || koPlanSet.in(rest) || koPlanSet.in(next) && !strings.HasPrefix(next, "있") {
			return false
		}
		// 체포된 주민의 수가 늘었다: a count, not an act.
		if w := rest + " " + next + " " + next2; strings.Contains(w, "의 수") || strings.Contains(w, " 수가") || strings.Contains(w, "숫자") {
			return false
		}
		// "노동교화형을 받을 것으로 보인다": a future the next words tell;
		// "공개재판을 열어 본보기로 삼겠다고 예고했다": a plan announced.
		if koFutureSet.in(rest + " " + next + " " + next2) {
			return false
		}
		if after := text[hi:runeStart(text, min(cl[1], hi+60))]; strings.Contains(after, "겠다") || strings.Contains(after, "예고") {
			return false
		}
		if koHabitSet.in(clause) {
			return false
		}
		// 회수한 전화를 되팔 것이라는 소문, 넘겨졌다는 말도 있지만 확인되지
		// 않았다: a rumour or an unconfirmed word, not an act told.
		if after := text[hi:max(hi, runeStart(text, min(cl[1], hi+90)))]; koRumourSet.in(after) {
			return false
		}
		// 단속하던 보안원이: the act names who someone is, it is not told.
		if strings.HasSuffix(rest, "던") && strings.HasPrefix(text[lo:hi], "단속") || strings.HasSuffix(rest, "던") && strings.HasPrefix(text[lo:hi], "검열") {
			if r, _ := lastRune(next); r == '이' || r == '가' || r == '은' || r == '는' || r == '을' || r == '를' || r == '들' {
				return false
			}
		}
		// 체포된 직원의 가족들: the act named to say whose family; told
		// before, not told here.
		if r, _ := lastRune(rest); rest != "" && (r == '된' || r == '힌' || r == '린') && strings.HasSuffix(next, "의") {
			return false
		}
		// 뇌물을 주고 빼내려 했지만 … 손을 쓸 수 없었다: an attempt that
		// failed is told as not done.
		// Every attempt word starts with 려.
		if after := text[hi:runeStart(text, min(len(text), hi+90))]; koTriedSet.in(after) {
			return false
		}
		if presentHabit(rest, next, text[lo:hi], text, quotedPart(text, cl, hi)) && !(flags&kOngoing != 0 && ongoingAfter(text, hi)) {
			return false
		}
	}
	if flags&(kMoney|kBribe) != 0 {
		ok := hasMoney(money, cl)
		if !ok && flags&kBribe != 0 {
			ok = strings.Contains(clause, "뇌물") || strings.Contains(clause, "돈") || strings.Contains(clause, "위안") || strings.Contains(clause, "달러")
		}
		if !ok {
			return false
		}
	}
	if flags&kOngoing != 0 && !ongoingAfter(text, hi) {
		return false
	}
	if flags&kFreed != 0 {
		// The release is the next clause's verb: look on to the sentence's end.
		after := text[hi:runeStart(text, min(len(text), hi+40))]
		if i := strings.IndexAny(after, ".\n"); i >= 0 {
			after = after[:i]
		}
		if strings.HasPrefix(after, "풀려") || !strings.Contains(after, "석방") && !strings.Contains(after, "풀려") {
			return false
		}
	}
	if flags&kControl != 0 && !koControlled(text[runeStart(text, max(cl[0], lo-24)):lo]) {
		return false
	}
	if flags&kThreat != 0 && !strings.Contains(clause, "겠") && !strings.Contains(clause, "협박") && !strings.Contains(clause, "위협") {
		return false
	}
	// The officer may be named in the sentence before ("보안서는 … 요구했다.
	// 가족이 … 1천 달러를 건네자"): about sixty syllables back.
	if flags&kAgent != 0 && !koOfficerSet.in(text[runeStart(text, max(0, cl[0]-180)):cl[1]]) {
		return false
	}
	return true
}

// koControlled reports a control noun as the subject just before a verb of
// growing harsher (단속이 훨씬 엄해졌다), but not one the narrower rules
// already read (단속이 강화됐다).
func koControlled(before string) bool {
	for _, n := range [...]string{"단속이 ", "검열이 ", "통제가 ", "감시가 "} {
		if i := strings.LastIndex(before, n); i >= 0 {
			return !(n == "단속이 " && i+len(n) == len(before))
		}
	}
	return false
}

// quotedPart narrows a clause to the quotation holding position at
// ("…붙잡아 5천 원씩 내라고 한다"고 전했다): the quoted verb, not the
// reporter's 전했다, tells the tense of what was said.
func quotedPart(text string, cl casebook.Span, at int) casebook.Span {
	if at >= cl[1] {
		return cl
	}
	// The quotation may open clauses before this one: the last quote mark
	// before at must open one (“, or " after a space).
	back := text[runeStart(text, max(0, at-300)):at]
	o := lastQuoteMark(back)
	if o < 0 || strings.HasPrefix(back[o:], "”") || back[o] == '"' && o > 0 && back[o-1] != ' ' && back[o-1] != '\n' {
		return cl
	}
	if q := closingQuoteMark(text[at:cl[1]]); q >= 0 {
		return casebook.Span{cl[0], at + q}
	}
	return cl
}

// lastQuoteMark is strings.LastIndexAny(s, "\"“”") on bytes: a quote mark
// is '"' or E2 80 9C/9D, which no other character's bytes hold, so the
// rune decoding the general search does on Korean text is left out.
func lastQuoteMark(s string) int {
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case '"':
			return k
		case 0x9C, 0x9D:
			if k >= 2 && s[k-1] == 0x80 && s[k-2] == 0xE2 {
				return k - 2
			}
		}
	}
	return -1
}

// closingQuoteMark is strings.IndexAny(s, "\"”") on bytes, as lastQuoteMark.
func closingQuoteMark(s string) int {
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '"':
			return k
		case 0xE2:
			if k+2 < len(s) && s[k+1] == 0x80 && s[k+2] == 0x9D {
				return k
			}
		}
	}
	return -1
}

// ongoingAfter reports a progressive (…고 있다) later in the sentence.
func ongoingAfter(text string, at int) bool {
	after := text[at:runeStart(text, min(len(text), at+120))]
	if i := strings.IndexAny(after, ".\n"); i >= 0 {
		after = after[:i]
	}
	return strings.Contains(after, "고 있")
}

// mustVerb reports the verb after …야 that makes an obligation (물어야
// 한다, 가야 했다), not a time (뒤에야 풀려났다).
func mustVerb(w string) bool {
	for _, p := range [...]string{"한", "했", "된", "할", "하", "됐"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// presentHabit reports a present-tense ending: 걸리는 사람 (adnominal),
// 단속한다 (declarative), or a connective (끌려가 매를 맞는다) whose clause
// ends in one.
func presentHabit(rest, next, stem, text string, cl casebook.Span) bool {
	// 바치기도 한다, 잡곤 했다: "does at times", "used to".
	if strings.HasSuffix(rest, "기도") || strings.HasSuffix(rest, "곤") {
		return true
	}

	// 풀어준다: the stem's own final ㄴ makes the present with 다.
	if strings.HasPrefix(rest, "다") && !strings.HasPrefix(rest, "다가") {
		if r, _ := lastRune(stem); r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 4 {
			return true
		}
	}
	// 요구한다는 말도 있다: hearsay of a present habit.
	if strings.HasSuffix(rest, "다는") && finalN(strings.TrimSuffix(rest, "는")) {
		return true
	}
	// 물리고 있다는: a progressive, told as news.
	if strings.HasSuffix(rest, "고") && strings.HasPrefix(next, "있") {
		return false
	}
	if strings.HasSuffix(rest, "는") && !strings.HasSuffix(rest, "다는") && next != "" {
		// 하고 있는 is a progressive, kept.
		return !strings.HasSuffix(rest, "있는")
	}
	if strings.HasPrefix(rest, "습니다") {
		// 넘겨졌습니다: the tense sits in the stem's own last syllable.
		r, _ := lastRune(stem)
		return finalN(string(r) + rest)
	}
	if finalN(rest) {
		return true
	}
	last, _ := lastRune(rest)
	if rest == "" {
		// The stem ends the word (끌려가 매를 맞는다): its own last syllable
		// is the ending.
		last, _ = lastRune(stem)
	}
	switch last {
	case '아', '어', '여', '가', '서', '며', '고', '해', '와', '워', '져', '겨', '려', '혀', '쳐', '켜':
		// A connective: the clause's last verb decides.
		clause := strings.TrimRight(text[cl[0]:cl[1]], ".\"”' ")
		i := strings.LastIndexByte(clause, ' ')
		lastWord := clause[i+1:]
		if lastWord == "한다" || lastWord == "된다" {
			// 붙잡아 … 내라고 한다: an order quoted in the present, a habit;
			// "…다고 한다", "…이라고 한다" are hearsay of a verb judged already.
			prev := strings.TrimRight(clause[:max(0, i)], " ")
			if j := strings.LastIndexByte(prev, ' '); strings.HasSuffix(prev, "라고") && !strings.HasSuffix(prev, "이라고") && j >= 0 {
				return true
			}
			return false
		}
		return finalN(lastWord)
	}
	return false
}

// finalN reports a declarative present ending: a syllable with final ㄴ
// before the closing 다 (한다, 된다, 맞는다, 간다).
func finalN(w string) bool {
	w = strings.TrimRight(w, ".\"”' ")
	// The formal style: 단속합니다, 받습니다 are present; 했습니다 is past.
	if strings.HasSuffix(w, "니다") {
		stem := strings.TrimSuffix(w, "니다")
		r, _ := lastRune(stem)
		if r == '습' {
			p, _ := lastRune(strings.TrimSuffix(stem, "습"))
			return !isKoPastSyllable(p) && p != '있' && p != '없'
		}
		return r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 17 // final ㅂ: 합니다, 됩니다
	}
	if !strings.HasSuffix(w, "다") {
		return false
	}
	w = strings.TrimSuffix(w, "다")
	r, _ := lastRune(w)
	if r < 0xAC00 || r > 0xD7A3 {
		return false
	}
	return (r-0xAC00)%28 == 4
}

// koEvidence ends a Korean clause's evidence with the word that states the
// act (and the verb after it when that word is a noun with its particle):
// what follows is mostly reporting ("…붙잡힌 사실이 알려졌다", "…고 전했다").
func koEvidence(text string, cl casebook.Span, stemEnd, trigEnd int) casebook.Span {
	end := trigEnd
	// A noun and its particle (단속을, 체포에): the verb is the next word.
	if r, n := firstRune(text[stemEnd:trigEnd]); n == trigEnd-stemEnd {
		switch r {
		case '을', '를', '에', '이', '가', '은', '는', '로':
			if end < cl[1] {
				end = eojeolEnd(text, end+1, cl[1])
			}
		}
	}
	// A bare noun (노동교화 10년 형을 선고받았다): run on to its verb, a
	// few words on at most.
	if trigEnd == stemEnd && koBareNoun(text[:stemEnd]) {
		for k := 0; k < 3 && end < cl[1]; k++ {
			end = eojeolEnd(text, end+1, cl[1])
			last, _ := lastRune(text[cl[0]:end])
			if koVerbEnd[last] {
				break
			}
		}
	}
	// Keep a closing quote or bracket the word carries.
	end = min(end, cl[1])
	if end <= cl[0] {
		return cl
	}
	return casebook.Span{cl[0], end}
}

// hasPrefixWrapped is strings.HasPrefix where a space in the prefix also
// matches a line break (hard-wrapped text).
func hasPrefixWrapped(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i] != prefix[i] && !(prefix[i] == ' ' && s[i] == '\n') {
			return false
		}
	}
	return true
}

// koVerbEnd are syllables that end a Korean verb form.
var koVerbEnd = map[rune]bool{'다': true, '고': true, '며': true, '서': true, '해': true, '져': true, '어': true, '아': true, '여': true, '데': true, '만': true}

// koBareNoun reports a trigger that is a noun standing alone before its
// verb (공개재판, 노동교화), not a verb form (풀려난).
func koBareNoun(upToStemEnd string) bool {
	for _, n := range [...]string{"공개재판", "공개 재판", "노동교화", "교화형", "노동단련", "벌금형"} {
		if strings.HasSuffix(upToStemEnd, n) {
			return true
		}
	}
	return false
}

// syllableSet finds any of a few Korean words in a text in one pass: words
// are grouped by their first syllable, and only positions holding such a
// syllable are compared. Words starting otherwise (ㄹ 것) are searched for
// one by one, so in is containsAny.
type syllableSet struct {
	// first marks the first runes in U+A000–U+DFFF (all Hangul syllables)
	// of the words, so most syllables are passed over without a lookup.
	first [0x4000 / 64]uint64
	runes []rune     // the distinct first syllables (a few: a list, not a map)
	words [][]string // words[k] start with runes[k]
	other []string   // words starting with anything else
}

func newSyllableSet(words []string) *syllableSet {
	s := &syllableSet{}
	for _, w := range words {
		r, _ := firstRune(w)
		x := r - 0xA000
		if x < 0 || x >= 0x4000 {
			s.other = append(s.other, w)
			continue
		}
		s.first[x>>6] |= 1 << (x & 63)
		k := slices.Index(s.runes, r)
		if k < 0 {
			k = len(s.runes)
			s.runes = append(s.runes, r)
			s.words = append(s.words, nil)
		}
		s.words[k] = append(s.words[k], w)
	}
	return s
}

// in reports whether text contains one of the set's words.
func (s *syllableSet) in(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		// Only a Hangul syllable (U+A000–U+DFFF, decoded inline) can
		// start a word; any other byte, or a broken sequence, is passed.
		// (A surrogate's three bytes are passed at once: the two after its
		// lead continue it, and no word starts with such a byte.)
		if c-0xEA >= 4 || i+2 >= len(text) || (text[i+1]^0x80)|(text[i+2]^0x80) >= 0x40 {
			i++
			continue
		}
		x := rune(c-0xEA)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		if s.first[x>>6]&(1<<(x&63)) == 0 {
			i += 3
			continue
		}
		r := x + 0xA000
		if k := slices.Index(s.runes, r); k >= 0 {
			for _, w := range s.words[k] {
				if strings.HasPrefix(text[i:], w) {
					return true
				}
			}
		}
		i += 3
	}
	return containsAny(text, s.other)
}

var (
	koHabitSet   = newSyllableSet(koHabit)
	koRumourSet  = newSyllableSet(koRumour)
	koNegSet     = newSyllableSet(koNeg)
	koPlanSet    = newSyllableSet(koPlan)
	koFutureSet  = newSyllableSet(koFuture)
	koTriedSet   = newSyllableSet(koTried)
	koOfficerSet = newSyllableSet(koOfficer)
)
