package date

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/internal/ascii"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// friday is the publication date of most cases: Friday 6 December 2019.
var friday = d("2019-12-06")

type dateCase struct {
	name  string
	text  string
	pub   time.Time
	span  string // the expression's text; "" when none may be found
	from  string
	to    string
	vague bool
}

func runCases(t *testing.T, tests []dateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, tt.pub)
			if tt.span == "" {
				if len(got) != 0 {
					t.Fatalf("Find(%q) = %+v, want nothing", tt.text, got)
				}
				return
			}
			for _, e := range got {
				if tt.text[e.Span[0]:e.Span[1]] != tt.span {
					continue
				}
				if e.Interval.From != tt.from || e.Interval.To != tt.to {
					t.Errorf("%q = %s..%s, want %s..%s", tt.span, e.Interval.From, e.Interval.To, tt.from, tt.to)
				}
				if e.Vague != tt.vague {
					t.Errorf("%q vague = %v, want %v", tt.span, e.Vague, tt.vague)
				}
				return
			}
			var spans []string
			for _, e := range got {
				spans = append(spans, tt.text[e.Span[0]:e.Span[1]]+"="+e.Interval.From+".."+e.Interval.To)
			}
			t.Fatalf("Find(%q): no expression %q among %q", tt.text, tt.span, spans)
		})
	}
}

func TestFindEnglish(t *testing.T) {
	runCases(t, []dateCase{
		{"middle of month", "In the middle of October, a trader was arrested.", friday, "the middle of October", "2019-10-11", "2019-10-20", false},
		{"mid-month", "He was detained in mid-October.", friday, "mid-October", "2019-10-11", "2019-10-20", false},
		{"early month", "The campaign began in early October.", friday, "early October", "2019-10-01", "2019-10-10", false},
		{"late month", "Agents raided the house in late October.", friday, "late October", "2019-10-21", "2019-10-31", false},
		{"on Friday published on a Friday", "A source told Daily NK on Friday that the raids go on.", friday, "Friday", "2019-12-06", "2019-12-06", false},
		{"on Monday", "The broker was arrested on Monday.", friday, "Monday", "2019-12-02", "2019-12-02", false},
		{"last Friday", "He was released last Friday.", friday, "last Friday", "2019-11-29", "2019-11-29", false},
		{"last week", "Security officials visited him last week.", friday, "last week", "2019-11-25", "2019-12-01", false},
		{"this week", "The order arrived this week.", friday, "this week", "2019-12-02", "2019-12-06", false},
		{"earlier this month", "Earlier this month the ministry declared a cleanup.", friday, "Earlier this month", "2019-12-01", "2019-12-06", false},
		{"this month", "Inspections began this month.", friday, "this month", "2019-12-01", "2019-12-06", false},
		{"last month", "The family was stopped last month.", friday, "last month", "2019-11-01", "2019-11-30", false},
		{"early last month", "They were seized early last month.", friday, "early last month", "2019-11-01", "2019-11-10", false},
		{"late last year", "Late last year investigators were sent to the border.", friday, "Late last year", "2018-09-01", "2018-12-31", false},
		{"early year", "The rule dates from early 2014.", friday, "from early 2014", "2014-01-01", "2019-12-06", true},
		{"mid year", "Prices rose in mid-2014.", friday, "mid-2014", "2014-05-01", "2014-08-31", false},
		{"late year", "The camp closed in late 2014.", friday, "late 2014", "2014-09-01", "2014-12-31", false},
		{"on November 24", "The trial was held on November 24.", friday, "November 24", "2019-11-24", "2019-11-24", false},
		{"full date", "He fled on November 24, 2018, with his son.", friday, "November 24, 2018", "2018-11-24", "2018-11-24", false},
		{"day month", "The order came on 24 November.", friday, "24 November", "2019-11-24", "2019-11-24", false},
		{"abbreviated month", "Vendors were picked up on Oct. 11 in the market.", friday, "Oct. 11", "2019-10-11", "2019-10-11", false},
		{"Sept.", "On Sept. 4 he was moved to a camp.", friday, "Sept. 4", "2019-09-04", "2019-09-04", false},
		{"month earlier this year", "The minister was dismissed in February earlier this year.", friday, "February earlier this year", "2019-02-01", "2019-02-28", false},
		{"month last year", "She crossed the river in March last year.", friday, "March last year", "2018-03-01", "2018-03-31", false},
		{"whole month", "The crackdown started in February.", friday, "February", "2019-02-01", "2019-02-28", false},
		{"recently", "Agents recently asked a broker for money.", friday, "recently", "2019-11-06", "2019-12-06", true},
		{"in recent days", "In recent days patrol boats have been cruising the river.", friday, "recent days", "2019-11-06", "2019-12-06", true},
		{"earlier this year", "Earlier this year the border was sealed.", friday, "Earlier this year", "2019-01-01", "2019-12-06", true},
		{"since early month", "Since early July the police have been waging a campaign.", friday, "Since early July", "2019-07-01", "2019-12-06", true},
		{"since month", "Since April the police have been busy.", friday, "Since April", "2019-04-01", "2019-12-06", true},
		{"since beginning of year", "Since the beginning of this year controls have tightened.", friday, "Since the beginning of this year", "2019-01-01", "2019-12-06", true},
		{"from around the middle", "A: From around the middle of April.", friday, "From around the middle of April", "2019-04-11", "2019-12-06", true},
		{"a week ago", "He was taken a week ago.", friday, "a week ago", "2019-11-28", "2019-11-30", false},
		{"a few days ago", "A family was sent away a few days ago.", friday, "a few days ago", "2019-11-29", "2019-12-06", false},
		{"days ago", "She was freed 3 days ago.", friday, "3 days ago", "2019-12-03", "2019-12-03", false},
		{"yesterday", "The source said yesterday that two men were shot.", friday, "yesterday", "2019-12-05", "2019-12-05", false},
		{"the day before", "They had been warned the day before.", friday, "the day before", "2019-12-05", "2019-12-05", false},
		{"last year", "Until last year public trials were common.", friday, "last year", "2018-01-01", "2018-12-31", false},
		{"in year", "A relative defected in 2017.", friday, "2017", "2017-01-01", "2017-12-31", false},
		{"two months ago", "The order was issued two months ago.", friday, "two months ago", "2019-09-29", "2019-10-13", false},
		{"end of last year", "At the end of last year the unit was disbanded.", friday, "the end of last year", "2018-12-01", "2018-12-31", false},
		{"fourth of last month", "On or around the fourth of last month, agents burst in.", friday, "the fourth of last month", "2019-11-04", "2019-11-04", false},
		{"month after publication falls in previous year", "Arrests began in late December.", friday, "late December", "2018-12-21", "2018-12-31", false},
		{"day after publication falls in previous year", "The order came on December 20.", friday, "December 20", "2018-12-20", "2018-12-20", false},
		{"same month is cut at publication", "Agents arrived in early December.", d("2019-12-05"), "early December", "2019-12-01", "2019-12-05", false},
		{"last week across a year boundary", "Arrests were made last week.", d("2020-01-02"), "last week", "2019-12-23", "2019-12-29", false},
		{"last month in January", "The order came last month.", d("2020-01-15"), "last month", "2019-12-01", "2019-12-31", false},
		{"recently across a year boundary", "Police recently raided the market.", d("2020-01-10"), "recently", "2019-12-11", "2020-01-10", true},
		{"no publication date, own year", "He fled on November 24, 2018.", time.Time{}, "November 24, 2018", "2018-11-24", "2018-11-24", false},
		{"no publication date, relative", "He was arrested last week.", time.Time{}, "", "", "", false},
		{"no publication date, no year", "He was arrested in mid-October.", time.Time{}, "", "", "", false},
		{"first half", "Exports fell in the first half of this year.", friday, "the first half of this year", "2019-01-01", "2019-06-30", false},
		{"second half of month", "Prices jumped in the second half of October.", friday, "the second half of October", "2019-10-16", "2019-10-31", false},
		{"last weekend", "Police raided the market last weekend.", friday, "last weekend", "2019-11-30", "2019-12-01", false},
		{"on the 15th", "He was detained on the 15th, the source said.", d("2019-12-20"), "the 15th", "2019-12-15", "2019-12-15", false},
		{"on the 25th is last month", "He was detained on the 25th, the source said.", friday, "the 25th", "2019-11-25", "2019-11-25", false},
		{"from to", "The campaign ran from March to May.", friday, "from March to May", "2019-03-01", "2019-05-31", false},
		{"between years", "He was held between 2015 and 2017.", friday, "between 2015 and 2017", "2015-01-01", "2017-12-31", false},
		{"between sums", "Bribes run between 2000 and 2500 yuan.", friday, "", "", "", false},
		{"summer of year", "Prices doubled by the summer of 2018.", friday, "summer of 2018", "2018-06-01", "2018-08-31", false},
		{"last winter", "The river froze last winter.", friday, "last winter", "2018-12-01", "2019-02-28", false},
		{"last summer", "He fled last summer.", friday, "last summer", "2019-06-01", "2019-08-31", false},
		{"first week of", "Arrests began in the first week of November.", friday, "the first week of November", "2019-11-01", "2019-11-07", false},
		{"last week of", "He fled in the last week of September.", friday, "the last week of September", "2019-09-24", "2019-09-30", false},
		{"a year ago", "A year ago she crossed the river.", friday, "A year ago", "2018-11-06", "2019-01-05", false},
		{"vague winter", "In winter the river freezes.", friday, "", "", "", false},
		{"vague years ago", "He fled years ago.", friday, "", "", "", false},
		{"no date in money", "She paid 2000 RMB to the guards.", friday, "", "", "", false},
		{"may is a verb", "Residents may be punished.", friday, "", "", "", false},
		{"mid-to-late", "The checks ran in mid-to-late October.", friday, "mid-to-late October", "2019-10-11", "2019-10-31", false},
		{"early-to-mid year", "Prices fell in early-to-mid 2018.", friday, "early-to-mid 2018", "2018-01-01", "2018-08-31", false},
		{"last days of", "The order came in the last days of September.", friday, "the last days of September", "2019-09-21", "2019-09-30", false},
	})
}

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		ok       bool
	}{
		{"mid-October", "2019-10-11", "2019-10-20", true},
		{"2019-11-24", "2019-11-24", "2019-11-24", true},
		{"2019-11", "2019-11-01", "2019-11-30", true},
		{"2014", "2014-01-01", "2014-12-31", true},
		{"2019-11-01..2019-11-10", "2019-11-01", "2019-11-10", true},
		{"지난달 24일", "2019-11-24", "2019-11-24", true},
		{"last week", "2019-11-25", "2019-12-01", true},
		{"whenever", "", "", false},
		{"2019-11-10..2019-11-01", "", "", false},
	}
	for _, tt := range tests {
		iv, ok := Parse(tt.in, friday)
		if ok != tt.ok || iv.From != tt.from || iv.To != tt.to {
			t.Errorf("Parse(%q) = %v %v, want %s..%s %v", tt.in, iv, ok, tt.from, tt.to, tt.ok)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"in the middle of October", "last week", "지난달 24일", "2019년 11월 24일",
		"since early July", "the fourth of last month", "Sept. 4", "a few days ago", "10월 중순", "31일", "2월 30일", "February 30",
		"On May 3 he was held; the next day he was freed that evening", "지난 3일 체포됐다가 사흘 만에 풀려났다", "told RFA on Monday"} {
		f.Add(s, int64(0))
		f.Add(s, friday.Unix())
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		pub := time.Unix(sec%(200*365*86400), 0).UTC()
		if sec == 0 {
			pub = time.Time{}
		}
		for _, e := range Find(s, pub) {
			if e.Span[0] < 0 || e.Span[1] > len(s) || e.Span[0] >= e.Span[1] {
				t.Fatalf("span %v of %d bytes", e.Span, len(s))
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[e.Span[0]]) || (e.Span[1] < len(s) && !utf8.RuneStart(s[e.Span[1]]))) {
				t.Fatalf("span %v splits a rune in %q", e.Span, s)
			}
			if e.Interval.From > e.Interval.To {
				t.Fatalf("%q: from %s after to %s", s[e.Span[0]:e.Span[1]], e.Interval.From, e.Interval.To)
			}
			if e.FollowOn && (e.Anchor[0] < 0 || e.Anchor[1] > e.Span[0] || e.Anchor[0] >= e.Anchor[1]) {
				t.Fatalf("follow-on %v anchored at %v", e.Span, e.Anchor)
			}
			if !pub.IsZero() && e.Interval.To > pub.Format(time.DateOnly) {
				t.Fatalf("%q: to %s after publication %s", s[e.Span[0]:e.Span[1]], e.Interval.To, pub.Format(time.DateOnly))
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	en := `Security agents in the border city recently stepped up their hunt for people making calls to China, a source in the province told Daily NK on Friday. In the middle of October, a resident was arrested and held for two weeks; he was released last week after his family paid a bribe. The campaign, which began in early September, is expected to continue until the end of the year, the source said, adding that the provincial security bureau had sent extra agents to the region last month.
`
	ko := `양강도 혜산시에서 지난달 중순부터 보위부의 단속이 강화됐다고 소식통이 24일 전했다. 소식통은 "지난 20일 시장에서 장사하던 주민 3명이 체포됐다"며 "최근 들어 이런 일이 부쩍 늘었다"고 말했다.
`
	text := strings.Repeat(en, 30) + strings.Repeat(ko, 10)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, friday)
	}
}

func TestFindKorean(t *testing.T) {
	runCases(t, []dateCase{
		{"지난달", "보위부는 지난달 대대적인 단속을 벌였다.", friday, "지난달", "2019-11-01", "2019-11-30", false},
		{"지난주", "안전원들이 지난주 시장을 덮쳤다.", friday, "지난주", "2019-11-25", "2019-12-01", false},
		{"이달 초", "이달 초 40대 여성이 체포됐다.", d("2019-12-08"), "이달 초", "2019-12-01", "2019-12-08", false},
		{"이달 중순", "이달 중순 검열이 시작됐다.", d("2019-12-25"), "이달 중순", "2019-12-11", "2019-12-20", false},
		{"이달 말 cut at publication", "이달 말 회의가 열렸다.", d("2019-12-25"), "이달 말", "2019-12-21", "2019-12-25", false},
		{"10월 중순", "10월 중순 한 주민이 체포됐다.", friday, "10월 중순", "2019-10-11", "2019-10-20", false},
		{"10월 초", "10월 초 단속이 시작됐다.", friday, "10월 초", "2019-10-01", "2019-10-10", false},
		{"10월 말", "그는 10월 말에 풀려났다.", friday, "10월 말", "2019-10-21", "2019-10-31", false},
		{"24일 alone", "소식통은 24일 이같이 전했다.", d("2019-12-26"), "24일", "2019-12-24", "2019-12-24", false},
		{"day after publication day is last month", "소식통은 24일 이같이 전했다.", friday, "24일", "2019-11-24", "2019-11-24", false},
		{"지난 24일", "지난 24일 회령시에서 김 모 씨가 체포됐다.", friday, "지난 24일", "2019-11-24", "2019-11-24", false},
		{"지난달 24일", "그는 지난달 24일 보위부에 끌려갔다.", friday, "지난달 24일", "2019-11-24", "2019-11-24", false},
		{"올해 2월", "올해 2월 국경이 봉쇄됐다.", friday, "올해 2월", "2019-02-01", "2019-02-28", false},
		{"지난해 말", "지난해 말 검열 그루빠가 파견됐다.", friday, "지난해 말", "2018-09-01", "2018-12-31", false},
		{"작년", "작년에 처형이 있었다.", friday, "작년", "2018-01-01", "2018-12-31", false},
		{"최근", "최근 보위부가 통화 단속을 강화했다.", friday, "최근", "2019-11-06", "2019-12-06", true},
		{"요즘", "요즘 혜산에서 걸린 사람이 많다.", friday, "요즘", "2019-11-06", "2019-12-06", true},
		{"최근 몇 년 is no date", "최근 몇 년 사이 탈북이 줄었다.", friday, "", "", "", false},
		{"연말", "연말을 맞아 단속이 강화됐다.", d("2019-12-28"), "연말", "2019-12-01", "2019-12-28", false},
		{"연말 before December is last year's", "연말에 대대적인 검열이 있었다.", d("2020-02-10"), "연말", "2019-12-01", "2019-12-31", false},
		{"지난 10월", "지난 10월 그는 체포됐다.", friday, "지난 10월", "2019-10-01", "2019-10-31", false},
		{"3일 전", "그는 3일 전 풀려났다.", friday, "3일 전", "2019-12-03", "2019-12-03", false},
		{"며칠 전", "며칠 전 한 가족이 추방됐다.", friday, "며칠 전", "2019-11-29", "2019-12-06", false},
		{"full date", "2019년 11월 24일 공개재판이 열렸다.", friday, "2019년 11월 24일", "2019-11-24", "2019-11-24", false},
		{"full date without publication", "2019년 11월 24일 공개재판이 열렸다.", time.Time{}, "2019년 11월 24일", "2019-11-24", "2019-11-24", false},
		{"month after publication is last year", "12월 중순 단속이 있었다.", friday, "12월 중순", "2018-12-11", "2018-12-20", false},
		{"since", "지난달 중순부터 단속이 강화됐다.", friday, "지난달 중순부터", "2019-11-11", "2019-12-06", true},
		{"duration is no date", "그는 3일간 조사를 받았다.", friday, "", "", "", false},
		{"relative without publication", "지난달 체포됐다.", time.Time{}, "", "", "", false},
		{"year boundary 지난주", "지난주 체포됐다.", d("2020-01-01"), "지난주", "2019-12-23", "2019-12-29", false},
		{"올해 상반기", "올해 상반기 단속이 계속됐다.", friday, "올해 상반기", "2019-01-01", "2019-06-30", false},
		{"올 초", "올 초 국경 경비가 강화됐다.", friday, "올 초", "2019-01-01", "2019-04-30", false},
		{"오는 is the future", "회의는 오는 10일 열린다.", friday, "", "", "", false},
		{"전했다 is no ago", "소식통이 7일 전했다.", d("2019-12-10"), "7일", "2019-12-07", "2019-12-07", false},
		{"며칠 전에", "며칠 전에 체포됐다.", friday, "며칠 전", "2019-11-29", "2019-12-06", false},
		{"지난해 여름", "지난해 여름 홍수가 났다.", friday, "지난해 여름", "2018-06-01", "2018-08-31", false},
		{"지난겨울", "지난겨울 강이 얼었다.", friday, "지난겨울", "2018-12-01", "2019-02-28", false},
		{"2개월 전", "그는 2개월 전 체포됐다.", friday, "2개월 전", "2019-09-29", "2019-10-13", false},
		{"decade", "1990년대 고난의 행군 시기였다.", friday, "1990년대", "1990-01-01", "1999-12-31", false},
		{"지난 수요일", "지난 수요일 회의가 취소됐다.", friday, "지난 수요일", "2019-12-04", "2019-12-04", false},
		{"금요일 on a Friday", "금요일 회의가 열렸다.", friday, "금요일", "2019-12-06", "2019-12-06", false},
		{"석 달 전", "석 달 전 시작된 조사가 진행 중이다.", friday, "석 달 전", "2019-08-30", "2019-09-13", false},
		{"이틀 전", "이틀 전 체포됐다.", friday, "이틀 전", "2019-12-04", "2019-12-04", false},
		{"이후 with a space", "1월 중순 이후 단속이 계속되고 있다.", friday, "1월 중순 이후", "2019-01-11", "2019-12-06", true},
		{"지난 주말 is the weekend", "지난 주말 시장 단속이 있었다.", friday, "지난 주말", "2019-11-30", "2019-12-01", false},
		{"말했다 is no part", "10월 그는 말했다.", friday, "10월", "2019-10-01", "2019-10-31", false},
	})
}

// BenchmarkFindCorpus runs Find over the shared development corpus: typical
// report text (skipped when the corpus is absent).
func BenchmarkFindCorpus(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/*.txt")
	if len(files) == 0 {
		b.Skip("no development corpus")
	}
	var texts []string
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		n += len(raw)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Find(t, friday)
		}
	}
}

// followCase is a follow-on or reporting case: the expression span, its
// interval, whether it is a follow-on (and the text of its anchor) and
// whether it dates a source's speaking.
type followCase struct {
	name      string
	text      string
	pub       time.Time
	span      string
	from, to  string // "" when the span must not be found
	anchor    string // "" when it is no follow-on
	reporting bool
}

func runFollowCases(t *testing.T, tests []followCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, tt.pub)
			var spans []string
			for _, e := range got {
				span := tt.text[e.Span[0]:e.Span[1]]
				spans = append(spans, span+"="+e.Interval.From+".."+e.Interval.To)
				if span != tt.span {
					continue
				}
				if tt.from == "" {
					t.Fatalf("%q found as %s..%s, want nothing", span, e.Interval.From, e.Interval.To)
				}
				if e.Interval.From != tt.from || e.Interval.To != tt.to {
					t.Errorf("%q = %s..%s, want %s..%s", span, e.Interval.From, e.Interval.To, tt.from, tt.to)
				}
				if e.FollowOn != (tt.anchor != "") {
					t.Errorf("%q FollowOn = %v, want %v", span, e.FollowOn, tt.anchor != "")
				}
				if tt.anchor != "" && tt.text[e.Anchor[0]:e.Anchor[1]] != tt.anchor {
					t.Errorf("%q anchored at %q, want %q", span, tt.text[e.Anchor[0]:e.Anchor[1]], tt.anchor)
				}
				if e.Reporting != tt.reporting {
					t.Errorf("%q Reporting = %v, want %v", span, e.Reporting, tt.reporting)
				}
				if e.Days <= 0 {
					t.Errorf("%q Days = %d", span, e.Days)
				}
				return
			}
			if tt.from != "" {
				t.Fatalf("Find(%q): no expression %q among %q", tt.text, tt.span, spans)
			}
		})
	}
}

func TestFollowOn(t *testing.T) {
	runFollowCases(t, []followCase{
		{"the next day", "Agents stopped her at the bridge on November 20. Her brother paid them the next day.", friday,
			"the next day", "2019-11-21", "2019-11-21", "November 20", false},
		{"chained: that evening after the next day", "Agents stopped her on November 20. Her brother paid them the next day, and she was let go that evening.", friday,
			"that evening", "2019-11-21", "2019-11-21", "the next day", false},
		{"two days later", "He was held in mid-October and freed two days later.", friday,
			"two days later", "2019-10-13", "2019-10-22", "mid-October", false},
		{"a week later has a day's slack", "Police took him on 3 November; a week later he was sent to a camp.", friday,
			"a week later", "2019-11-09", "2019-11-11", "3 November", false},
		{"a few days later is vague", "The market was raided on November 12. A few days later the stalls were gone.", friday,
			"A few days later", "2019-11-13", "2019-11-19", "November 12", false},
		{"the same day", "Two traders were caught on Monday. On the same day the police sealed their homes.", friday,
			"the same day", "2019-12-02", "2019-12-02", "Monday", false},
		{"later that day", "The order came on November 5 and later that day agents began searching homes.", friday,
			"later that day", "2019-11-05", "2019-11-05", "November 5", false},
		{"the following week", "Inspectors arrived on November 4. The following week they searched the dormitories.", friday,
			"The following week", "2019-11-08", "2019-11-14", "November 4", false},
		{"the speaking is no anchor for a later time", "On November 30 police detained a vendor. A source told RFA on Wednesday that the vendor was freed the next day.", friday,
			"the next day", "2019-12-01", "2019-12-01", "November 30", false},
		{"a vague time is no anchor", "He was arrested on November 28. These days many are caught. He came home two days later.", friday,
			"two days later", "2019-11-30", "2019-11-30", "November 28", false},
		{"no anchor: nothing", "She was freed two days later.", friday, "two days later", "", "", "", false},
		{"a wide anchor is none", "In 2018 he was caught. He was freed two days later.", friday, "two days later", "", "", "", false},
		{"still to come is nothing", "The trial was held on December 5. The verdict comes two days later.", friday, "two days later", "", "", "", false},
		{"the day before with an anchor", "The stalls were torn down on November 18. The day before, vendors had been warned.", friday,
			"The day before", "2019-11-17", "2019-11-17", "November 18", false},
		{"the day after a noun is no follow-on", "He was questioned the day after his arrest on November 2.", friday, "the day after", "", "", "", false},
		{"that evening without an anchor is nothing", "He was let go that evening.", friday, "that evening", "", "", "", false},

		// Korean
		{"다음날", "보안원들은 지난달 12일 그를 체포했고 가족은 다음날 돈을 건넸다.", friday,
			"다음날", "2019-11-13", "2019-11-13", "지난달 12일", false},
		{"이튿날", "그는 11월 2일 붙잡혔다가 이튿날 풀려났다.", friday,
			"이튿날", "2019-11-03", "2019-11-03", "11월 2일", false},
		{"사흘 만에", "청년 두 명이 지난 25일 보위부에 끌려갔다가 사흘 만에 돌아왔다.", friday,
			"사흘 만에", "2019-11-28", "2019-11-28", "지난 25일", false},
		{"일주일 만에", "11월 중순 체포된 주민은 일주일 만에 풀려났다.", friday,
			"일주일 만에", "2019-11-17", "2019-11-28", "11월 중순", false},
		{"3일 뒤", "그는 11월 20일 잡혔고 3일 뒤 교화소로 보내졌다.", friday,
			"3일 뒤", "2019-11-23", "2019-11-23", "11월 20일", false},
		{"그날 밤", "단속은 지난 3일 시작됐고 그날 밤 10여 명이 붙잡혔다.", friday,
			"그날", "2019-12-03", "2019-12-03", "지난 3일", false},
		{"a reporting date is no anchor for 만에", "지난달 20일 한 주민이 체포됐다. 소식통은 4일 데일리NK에 \"그는 열흘 만에 풀려났다\"고 말했다.", friday,
			"열흘 만에", "2019-11-30", "2019-11-30", "지난달 20일", false},
		{"이틀 뒤 after a loose anchor", "며칠 전 체포됐다가 이틀 뒤 풀려났다.", friday,
			"이틀 뒤", "2019-12-01", "2019-12-06", "며칠 전", false},
		{"10년 만에 is no follow-on", "그는 2009년 탈북했다가 10년 만에 고향 소식을 들었다.", friday, "10년 만에", "", "", "", false},
		{"전날 without an anchor counts from publication", "보안원들은 전날 시장을 덮쳤다.", friday,
			"전날", "2019-12-05", "2019-12-05", "", false},
	})
}

func TestReporting(t *testing.T) {
	runFollowCases(t, []followCase{
		{"told an outlet on a weekday", "Police raided the market, a trader told Daily NK on Tuesday.", friday,
			"Tuesday", "2019-12-03", "2019-12-03", "", true},
		{"told an outlet's service", "Arrests continue, a resident told RFA's Korean Service on Monday.", friday,
			"Monday", "2019-12-02", "2019-12-02", "", true},
		{"said in a phone call", "Agents came again, the source said in a telephone conversation on Thursday.", friday,
			"Thursday", "2019-12-05", "2019-12-05", "", true},
		{"reported on a date that", "A reporting partner reported on November 30 that the police had sealed the market.", friday,
			"November 30", "2019-11-30", "2019-11-30", "", true},
		{"said with no preposition", "Ten people were arrested, a source said Wednesday.", friday,
			"Wednesday", "2019-12-04", "2019-12-04", "", true},
		{"a sentence opened by the date of a source's telling", "Markets were closed.\nOn Tuesday, a source in the province told Daily NK that arrests go on.", friday,
			"Tuesday", "2019-12-03", "2019-12-03", "", true},
		{"a sentence opened by the date of an act", "On Tuesday, police and inspectors entered the market, a source said.", friday,
			"Tuesday", "2019-12-03", "2019-12-03", "", false},
		{"an attribution tail is the act's", "The police launched an inspection of the dormitories on November 14, the source said.", friday,
			"November 14", "2019-11-14", "2019-11-14", "", false},
		{"telling someone is an act", "Agents told her on Monday that her husband would be sent away.", friday,
			"Monday", "2019-12-02", "2019-12-02", "", false},
		{"an act after a name", "The court sentenced Kim on November 4.", friday,
			"November 4", "2019-11-04", "2019-11-04", "", false},
		{"전해왔다", "주민 2명이 보안서에 붙잡혔다고 현지 협력자가 12월 2일 전해왔다.", friday,
			"12월 2일", "2019-12-02", "2019-12-02", "", true},
		{"소식통은 N일 데일리NK에", "양강도 소식통은 3일 데일리NK에 \"단속이 심해졌다\"고 말했다.", friday,
			"3일", "2019-12-03", "2019-12-03", "", true},
		{"소식통은 N일 quote", "한 소식통은 4일 \"지난달 말 검열이 시작됐다\"고 했다.", friday,
			"4일", "2019-12-04", "2019-12-04", "", true},
		{"an act date in the quote", "한 소식통은 4일 \"지난달 28일 보위원들이 집을 뒤졌다\"고 했다.", friday,
			"지난달 28일", "2019-11-28", "2019-11-28", "", false},
		{"N일 통화에서", "소식통은 5일 통화에서 이같이 밝혔다.", friday,
			"5일", "2019-12-05", "2019-12-05", "", true},
	})
}

// TestPublicationBound checks the guide's rule that no interval runs past
// publication, for parts of the publication's own month: one that has
// begun is cut at publication; one wholly after it is read as last year's,
// as a day after publication is ("on March 25" published March 20).
func TestPublicationBound(t *testing.T) {
	runCases(t, []dateCase{
		{"late month begun", "Arrests began in late March.", d("2020-03-25"), "late March", "2020-03-21", "2020-03-25", false},
		{"late month not begun is last year's", "Arrests began in late March.", d("2020-03-20"), "late March", "2019-03-21", "2019-03-31", false},
		{"a day after publication is last year's", "He was caught on March 25.", d("2020-03-20"), "March 25", "2019-03-25", "2019-03-25", false},
		{"mid month on its first day", "Arrests began in mid-March.", d("2020-03-11"), "mid-March", "2020-03-11", "2020-03-11", false},
		{"이달 말 not begun is nothing", "이달 말 검열이 있었다.", d("2020-03-20"), "", "", "", false},
		{"3월 하순 not begun is last year's", "3월 하순 검열이 있었다.", d("2020-03-20"), "3월 하순", "2019-03-21", "2019-03-31", false},
		{"this week on a Monday", "Police raided homes this week.", d("2019-12-02"), "this week", "2019-12-02", "2019-12-02", false},
	})
}

// TestTriggerTri checks that every word of three letters or more trigger
// passes has its first three letters in triggerTri, over the triggers and
// the words they read on from, each before a word that may follow it.
func TestTriggerTri(t *testing.T) {
	words := []string{"that", "later", "minutes", "the", "That", "LATER", "Minutes", "The"}
	for w := range triggers {
		words = append(words, w, strings.ToUpper(w))
	}
	for _, w := range words {
		for _, next := range []string{"", " evening", " day", " that day", " later", " first week", " 24th", " 3", " summer", " month"} {
			s := w + next
			r := reader{s: s, pub: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
			e := 0
			for e < len(w) && isLetter(w[e]) {
				e++
			}
			if e < 3 || !r.trigger(0, e) {
				continue
			}
			l := strings.ToLower(w)
			if !triggerTri[(int(l[0]-'a')*26+int(l[1]-'a'))*26+int(l[2]-'a')] {
				t.Errorf("trigger passes %q but triggerTri turns it away", s)
			}
		}
	}
}

// TestKeywordStarts checks that keyword turns away no position where it
// reads a time: at every byte of Korean phrases holding each of its words.
func TestKeywordStarts(t *testing.T) {
	var ws []string
	ws = append(ws, weekendWords...)
	ws = append(ws, keywordWords...)
	ws = append(ws, koreanWeekdays...)
	for _, x := range nativeDays {
		ws = append(ws, x.w+" 전에", x.w+" 전")
	}
	for _, x := range nativeCounts {
		ws = append(ws, x.w+"달 전", x.w+"주 전", x.w+"해 전")
	}
	for name := range seasons {
		ws = append(ws, "지난 "+name, "지난"+name)
	}
	for _, w := range koreanWeekdays {
		ws = append(ws, "지난 "+w, "지난"+w)
	}
	pub := time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, w := range ws {
		s := "그는 " + w + "에 잡혔다"
		r := kreader{s: s, pub: pub}
		for i := range len(s) {
			if _, _, ok := r.readKeyword(i); ok && !(isDigit(s[i]) || keywordStarts.holds(s[i:])) {
				t.Errorf("keyword reads %q at %d, which keywordStarts turns away", s, i)
			}
		}
	}
}

// TestMatchStarts checks that findKorean passes every syllable where match
// reads a date to it (it calls match on digits and syllables only).
func TestMatchStarts(t *testing.T) {
	var ws []string
	for _, w := range append(append([]string{}, yearWords...), monthWords...) {
		ws = append(ws, w+"에", w+" 3월", w+" 24일", w+"  초", w+"봄")
	}
	ws = append(ws, "지난 24일", "지난 10월", "올 상반기", "올 2월", "최근 들어", "지난해 여름", "이번 달 초")
	ws = append(ws, keywordWords...)
	pub := time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, w := range ws {
		s := "그는 " + w + "에 잡혔다"
		r := kreader{s: s, pub: pub}
		for i := range len(s) {
			if s[i] < 0x80 {
				continue
			}
			if _, _, ok := r.match(i); ok && !matchStarts.holds(s[i:]) {
				t.Errorf("match reads %q at %d, which matchStarts turns away", s, i)
			}
		}
	}
}

// findKoreanByChar is findKorean visiting every character: the reference
// the skipping of a word's later syllables is checked against.
func findKoreanByChar(text string, pub time.Time) ([]Expr, []pending) {
	r := kreader{s: text, pub: pub}
	var out []Expr
	var ps []pending
	for i := 0; i < len(text); {
		c := text[i]
		lead := isDigit(c) || koreanLead(text[i:])
		if (lead || followLead(text[i:])) && r.wordStart(i) {
			if sh, end, ok := r.followOn(i); ok {
				pd := pending{span: casebook.Span{i, end}, sh: sh}
				if e, _, ok := r.match(i); ok && sh.days < 0 {
					pd.fallback = &e
				}
				ps = append(ps, pd)
				i = end
				continue
			}
			if lead {
				if e, end, ok := r.match(i); ok {
					out = append(out, e)
					i = end
					continue
				}
			}
		}
		i++
		for i < len(text) && text[i]&0xC0 == 0x80 {
			i++
		}
	}
	return out, ps
}

// TestFindKoreanSkips checks findKorean against findKoreanByChar on Korean
// sentences cut and spliced with stray bytes at random.
func TestFindKoreanSkips(t *testing.T) {
	base := "소식통은 14일 \"지난달 24일 혜산시에서 보위원이 주민을 체포했다\"며 \"이틀 전에도, 사흘 만에 풀려났다\"고 전했다. 올해 3월 중순 2019년 11월, 지난주 수요일 그날 이튿날 ŏ가\x80나\xed\x9f다"
	pub := time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 3000 {
		b := []byte(base)
		if n > 0 {
			for range 1 + rng.IntN(4) {
				b[rng.IntN(len(b))] = []byte{0x80, 0xEA, ' ', '1', 'a', 0xB0, 0xED}[rng.IntN(7)]
			}
			b = b[rng.IntN(20):]
		}
		s := string(b)
		got, gotp := findKorean(s, pub)
		want, wantp := findKoreanByChar(s, pub)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotp, wantp) {
			t.Fatalf("findKorean(%q) = %v %v, want %v %v", s, got, gotp, want, wantp)
		}
	}
}

// TestNumberMayStart checks that numberMayStart turns away no number the
// reader reads a date or a follow-on from, over numbers followed by every
// word the reader looks for after one, and others.
func TestNumberMayStart(t *testing.T) {
	var nexts []string
	nexts = append(nexts, months...)
	nexts = append(nexts, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Oct.",
		"day", "days", "week", "weeks", "month", "months", "year", "years", "of", "Of", "ago", "later", "people", "yuan", "a", "x", "")
	for _, w := range append([]string{}, nexts...) {
		nexts = append(nexts, strings.ToUpper(w))
	}
	tails := []string{"", " ago", " later", " 11", " 2019", " of October", " of last month", ", 2019", " this year", "-11-24"}
	pubs := []time.Time{{}, time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)}
	n := 0
	for _, before := range []string{"", "in ", "since ", "on the ", "the ", "x"} {
		for _, num := range []string{"0", "1", "3", "24", "31", "100", "999", "2019", "1950", "2100", "1949", "2101", "1000", "5000", "1900", "12345"} {
			for _, suf := range []string{"", "th", "st", "nd", "rd", "TH", "thx"} {
				for _, sep := range []string{"", " ", "  ", "\t", "\r", "\n", "-", ","} {
					for _, next := range nexts {
						for _, tail := range tails {
							s := before + num + suf + sep + next + tail
							a, e := len(before), len(before)+len(num)
							if numberMayStart(s, a, e) {
								continue
							}
							n++
							checkReadsNothing(t, s, a, pubs, "numberMayStart")
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("numberMayStart turned nothing away")
	}
}

// checkReadsNothing fails when the reader reads a date or a follow-on from
// the word at a of s, which the named filter turned away.
func checkReadsNothing(t *testing.T, s string, a int, pubs []time.Time, filter string) {
	t.Helper()
	for _, pub := range pubs {
		r := reader{s: s, pub: pub}
		var buf [12]token
		q, idx := prevToken(s, a)
		r.toks = tokenizeFrom(s, q, len(buf), buf[:0])
		if len(r.toks) <= idx || r.toks[idx].start != a {
			continue // inside a word: FindRuns reads nothing there
		}
		if _, _, ok := r.followOn(idx); ok {
			t.Errorf("followOn reads %q at %d, which %s turns away", s, a, filter)
		}
		if _, _, ok := r.match(idx); ok {
			t.Errorf("match reads %q at %d, which %s turns away", s, a, filter)
		}
	}
}

// TestLeadMayStart checks that leadMayStart turns away no "from", "since",
// "between" or count the reader reads a date or a follow-on from, over every
// word a date may start with after them, and others.
func TestLeadMayStart(t *testing.T) {
	var heads, nexts []string
	for w := range counts {
		heads = append(heads, w)
	}
	for w := range ordinals {
		heads = append(heads, w)
	}
	heads = append(heads, "from", "since", "between", "several", "few")
	for w := range triggers {
		nexts = append(nexts, w)
	}
	// The words core and part read first, written out rather than taken
	// from leadOn so that a word missing there shows.
	nexts = append(nexts, "the", "first", "second", "third", "fourth", "last", "final", "middle", "end", "beginning",
		"start", "early", "mid", "late", "this", "past", "previous", "earlier", "later", "recently", "lately",
		"nowadays", "these", "recent", "yesterday", "today", "around", "about", "roughly", "between", "since", "from")
	nexts = append(nexts, "Jan", "Sept", "Oct.", "day", "days", "week", "weeks", "month", "months", "year", "years",
		"weekend", "night", "morning", "half", "of", "ago", "later", "people", "yuan", "x", "", "24", "24th", "2019", "3", "-", ",")
	for _, w := range append([]string{}, heads...) {
		heads = append(heads, strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range append([]string{}, nexts...) {
		nexts = append(nexts, strings.ToUpper(w))
	}
	var tails []string
	for _, w := range []string{"", "ago", "later", "of", "week", "weeks", "days", "month", "year", "2019", "October", "24", "of October", "of the year",
		"of last month", "to 2020", "and 2020", "until October", "weekend", "half of 2019", "week of May", "days of June", "before yesterday",
		"final week of May", "first week of May", "middle of May", "24th of May", "previous day", "day before yesterday", "few days ago",
		"couple of weeks ago", "summer of 2019", "the 24th of May"} {
		tails = append(tails, " "+w, "\t"+w, " "+w+" ago", " "+w+" later")
	}
	pubs := []time.Time{{}, time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)}
	n := 0
	for _, before := range []string{"", "x"} {
		for _, head := range heads {
			for _, sep := range []string{" ", "\t", "\n", ""} {
				for _, next := range nexts {
					for _, tail := range tails {
						s := before + head + sep + next + tail
						a, e := len(before), len(before)+len(head)
						if leadMayStart(s, a, e) {
							continue
						}
						n++
						checkReadsNothing(t, s, a, pubs, "leadMayStart")
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("leadMayStart turned nothing away")
	}
}

// TestArticleMayLead checks that articleMayLead turns away no word after an
// article that afterArticle or theFollow reads on from, over the words of
// the reader's tables and the words theFollow reads, written out.
func TestArticleMayLead(t *testing.T) {
	var words []string
	for _, m := range []map[string]bool{triggers, afterArticle, leadOn} {
		for w := range m {
			words = append(words, w)
		}
	}
	for _, m := range []map[string]int{ordinals, counts, seasons} {
		for w := range m {
			words = append(words, w)
		}
	}
	words = append(words, "night", "morning", "next", "following", "same", "previous", "preceding", "twenty", "thirty",
		"day", "days", "week", "month", "year", "24", "24th", "3", "x", "ab", "", "-", ",")
	for _, w := range append([]string{}, words...) {
		words = append(words, strings.ToUpper(w), strings.ToUpper(w[:min(1, len(w))])+w[min(1, len(w)):])
	}
	n := 0
	for _, sep := range []string{" ", "  ", "", "\t"} {
		for _, w := range words {
			for _, tail := range []string{"", " day", " before", " after", " of 2019", "s"} {
				s := "the" + sep + w + tail
				if articleMayLead(s, 3) {
					continue
				}
				n++
				r := reader{s: s}
				if r.afterArticle(3) || theFollow(s, 3) {
					t.Errorf("articleMayLead turns away %q, which afterArticle or theFollow reads on from", s)
				}
			}
		}
	}
	if n == 0 {
		t.Error("articleMayLead turned nothing away")
	}
}

// TestPartFirst checks that part turns away with partFirst no word partAt
// reads a part from, over the words of the reader's tables and the words
// partAt reads, written out, each before the words that may follow them.
func TestPartFirst(t *testing.T) {
	var words []string
	for _, m := range []map[string]bool{triggers, afterArticle, leadOn} {
		for w := range m {
			words = append(words, w)
		}
	}
	words = append(words, "first", "second", "third", "fourth", "last", "final", "middle", "end", "beginning", "start",
		"early", "mid", "late", "x", "of", "week", "24")
	for _, w := range append([]string{}, words...) {
		words = append(words, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	n := 0
	for _, the := range []string{"", "the "} {
		for _, w := range words {
			for _, tail := range []string{" week of May", " half of 2019", " of May", " days of June", "-to-late May", "-May", " 2019"} {
				s := the + w + tail
				r := reader{s: s}
				var buf [12]token
				r.toks = tokenizeFrom(s, 0, len(buf), buf[:0])
				j := 0
				if the != "" {
					j = 1
				}
				if r.toks[j].kind == tWord && partFirst[lower(s[r.toks[j].start])] {
					continue
				}
				n++
				if p, k := r.partAt(0, j); p != whole || k != 0 {
					t.Errorf("partFirst turns away %q, which partAt reads as part %d", s, p)
				}
			}
		}
	}
	if n == 0 {
		t.Error("partFirst turned nothing away")
	}
}

// TestNextCandidate checks that nextCandidate turns away no word of one or
// two letters or "the" trigger passes, over every such word before words
// that may follow it (other words of three letters or more are
// TestTriggerTri's).
func TestNextCandidate(t *testing.T) {
	letters := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var words []string
	for _, a := range letters {
		words = append(words, string(a))
		for _, b := range letters {
			words = append(words, string(a)+string(b))
		}
	}
	words = append(words, "the", "The", "THE", "tHe")
	passed := 0
	for _, w := range words {
		for _, next := range []string{"", " week", " day", " few days", " 24th", " 3", " summer", " month", " first",
			"  next day", "\tnext week", " following morning", " same day", " night before", " previous day", " x", " one"} {
			s := w + next
			r := reader{s: s, pub: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
			if !r.trigger(0, len(w)) {
				continue
			}
			passed++
			if nextCandidate(s, ascii.Runs(s), 0) != 0 {
				t.Errorf("trigger passes %q but nextCandidate turns it away", s)
			}
		}
	}
	if passed == 0 {
		t.Error("trigger passed no word")
	}
}

// TestIsTrigger checks isTrigger against triggersTable.lookup over the
// triggers in every case, their beginnings and longer words, and every
// word of three letters.
func TestIsTrigger(t *testing.T) {
	var words []string
	for w := range triggers {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[:len(w)-1], w+"x"+w)
	}
	letters := "abcdefghijklmnopqrstuvwxyzAZ"
	for _, a := range letters {
		for _, b := range letters {
			for _, c := range letters {
				words = append(words, string([]rune{a, b, c}))
			}
		}
	}
	for _, w := range words {
		if len(w) < 3 {
			continue
		}
		_, want := triggersTable.lookup(w, 0, len(w))
		if got := isTrigger(w, 0, len(w)); got != want {
			t.Errorf("isTrigger(%q) = %v, triggersTable.lookup %v", w, got, want)
		}
	}
}
