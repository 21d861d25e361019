package date

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
		"since early July", "the fourth of last month", "Sept. 4", "a few days ago", "10월 중순", "31일", "2월 30일", "February 30"} {
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
