// Package storegen generates realistic synthetic reports for store
// benchmarks and crash tests: English and Korean reports of detentions,
// bribes, crackdowns and confiscations across North Korean places, with sums
// in yuan, dollars and won and dates in the ways reports write them. Output
// is deterministic for a seed, and every report is distinct.
package storegen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Report is one generated report, in the fields of the JSONL ingest format.
type Report struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

type placeName struct{ en, ko, province string }

var places = []placeName{
	{"Hoeryong", "회령시", "North Hamgyong"}, {"Musan County", "무산군", "North Hamgyong"}, {"Onsong County", "온성군", "North Hamgyong"},
	{"Chongjin", "청진시", "North Hamgyong"}, {"Kimchaek", "김책시", "North Hamgyong"}, {"Hyesan", "혜산시", "Ryanggang"},
	{"Samjiyon", "삼지연시", "Ryanggang"}, {"Pochon County", "보천군", "Ryanggang"}, {"Sinuiju", "신의주시", "North Pyongan"},
	{"Uiju County", "의주군", "North Pyongan"}, {"Hamhung", "함흥시", "South Hamgyong"}, {"Tanchon", "단천시", "South Hamgyong"},
	{"Pyongsong", "평성시", "South Pyongan"}, {"Nampo", "남포시", "Nampo"}, {"Haeju", "해주시", "South Hwanghae"},
	{"Sariwon", "사리원시", "North Hwanghae"}, {"Kanggye", "강계시", "Chagang"}, {"Manpo", "만포시", "Chagang"},
	{"Wonsan", "원산시", "Kangwon"}, {"Pyongyang", "평양시", "Pyongyang"},
	{"Hwaryong", "화령군", "North Hamgyong"}, {"Kyongsong County", "경성군", "North Hamgyong"}, {"Rason", "라선시", "Rason"},
	{"Kapsan County", "갑산군", "Ryanggang"}, {"Taehongdan County", "대홍단군", "Ryanggang"}, {"Kimjongsuk County", "김정숙군", "Ryanggang"},
	{"Junggang County", "중강군", "Chagang"}, {"Huichon", "희천시", "Chagang"}, {"Sakju County", "삭주군", "North Pyongan"},
	{"Chongsu", "청수", "North Pyongan"}, {"Kusong", "구성시", "North Pyongan"}, {"Anju", "안주시", "South Pyongan"},
	{"Sunchon", "순천시", "South Pyongan"}, {"Kaechon", "개천시", "South Pyongan"}, {"Tokchon", "덕천시", "South Pyongan"},
	{"Hamhung Hungnam", "흥남", "South Hamgyong"}, {"Sinpo", "신포시", "South Hamgyong"}, {"Kowon County", "고원군", "South Hamgyong"},
	{"Kaesong", "개성시", "North Hwanghae"}, {"Songnim", "송림시", "North Hwanghae"}, {"Ongjin County", "옹진군", "South Hwanghae"},
	{"Anak County", "안악군", "South Hwanghae"}, {"Munchon", "문천시", "Kangwon"}, {"Kosong County", "고성군", "Kangwon"},
}

var provincesKo = map[string]string{
	"North Hamgyong": "함경북도", "Ryanggang": "량강도", "North Pyongan": "평안북도", "South Hamgyong": "함경남도",
	"South Pyongan": "평안남도", "Nampo": "남포시", "South Hwanghae": "황해남도", "North Hwanghae": "황해북도",
	"Chagang": "자강도", "Kangwon": "강원도", "Pyongyang": "평양시", "Rason": "라선시",
}

type agencyName struct{ en, ko string }

var agencies = []agencyName{
	{"the Ministry of State Security", "국가보위성"}, {"state security agents", "보위부"}, {"MSS officers", "보위원들"},
	{"the Ministry of Social Security", "사회안전성"}, {"local police", "안전원들"}, {"border guards", "국경경비대"},
	{"a Workers' Party inspection team", "당 검열 그루빠"}, {"prosecutors", "검찰소"}, {"a military unit", "군부대"},
}

var targetsEn = []string{"a remittance broker", "a smuggler", "a phone user", "a market trader", "a woman who had returned from China", "a farmer", "a student", "a factory worker", "two traders", "the family of a defector"}
var targetsKo = []string{"송금 브로커", "밀수꾼", "휴대전화 사용자", "장사꾼", "중국에서 돌아온 여성", "농민", "대학생", "공장 노동자", "탈북자 가족"}

var outlets = []string{"Daily Example", "Border Wire", "Radio Sample Asia", "Northern Notes", "Peninsula Desk"}

// moneyEn returns a sum as English reports write it and its rough USD value.
func moneyEn(r *rand.Rand) (string, float64) {
	switch r.IntN(4) {
	case 0:
		n := (r.IntN(50) + 1) * 1000
		return fmt.Sprintf("%s yuan", comma(n)), float64(n) * 0.14
	case 1:
		n := (r.IntN(40) + 1) * 50
		return fmt.Sprintf("$%s", comma(n)), float64(n)
	case 2:
		n := (r.IntN(30) + 1) * 100000
		return fmt.Sprintf("%s North Korean won", comma(n)), float64(n) / 8000
	default:
		n := (r.IntN(20) + 1) * 100
		return fmt.Sprintf("%d US dollars", n), float64(n)
	}
}

func moneyKo(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("%d위안", (r.IntN(50)+1)*1000)
	case 1:
		return fmt.Sprintf("%d달러", (r.IntN(40)+1)*50)
	default:
		return fmt.Sprintf("%d만원", (r.IntN(300)+1)*10)
	}
}

func comma(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

var leadEn = []string{"detained", "arrested", "fined", "searched the home of", "questioned", "interrogated", "put under surveillance", "confiscated the goods of", "publicly criticised", "sent to a labour camp"}

var leadKo = []string{"체포했다", "단속했다", "구류했다", "조사했다", "감시했다", "벌금을 물렸다", "가택수색했다"}

var monthsEn = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

var fillerEn = []string{
	"The harvest in the cooperative farms was poorer than last year because of the drought.",
	"Schools have asked students to bring firewood and scrap metal to class.",
	"Construction of new apartment blocks in the city centre has stalled for lack of cement.",
	"Fishermen complain that fuel prices make it hard to go out to sea.",
	"A new directive requires households to register every visitor overnight.",
	"Trains on the northern line run only twice a week, travellers said.",
	"Several factories have stopped operating since the start of the year.",
	"Women in their fifties are allowed to trade in the market only in the afternoon.",
	"The price of a used Chinese bicycle has doubled over the past two years.",
	"Officials are preparing for a national holiday and have ordered clean-up campaigns.",
	"Medicine is scarce in local hospitals and patients buy drugs in the market.",
	"Soldiers have been mobilised to help with rice planting in the area.",
	"Residents were told to attend lectures on socialist morality every Saturday.",
	"Smuggling across the river has fallen sharply since new fences were built.",
	"The local party committee held a meeting to criticise officials for corruption.",
	"Young people are increasingly watching foreign dramas on USB sticks, the source said.",
	"The state has begun selling grain at state-run shops at lower prices than the market.",
	"Heavy rain damaged roads and bridges in the county last summer.",
	"Prices of rice and corn in the local market rose again this week, traders said.",
	"Residents say the exchange rate has been unstable since the border was closed.",
	"Electricity is supplied only a few hours a day, and many households use solar panels.",
	"The source asked not to be named for fear of punishment.",
	"Authorities have repeatedly ordered residents to report anyone using foreign phones.",
	"Such cases have become more common in border areas over the past year, the source added.",
	"Families with relatives abroad are under closer watch than before.",
	"Local officials have been told to meet quotas for the spring mobilisation campaign.",
	"A kilogram of rice sold for about 5,000 won, while corn cost roughly half as much.",
	"Many residents depend on money sent by relatives in South Korea through brokers.",
}

var fillerKo = []string{
	"가뭄 때문에 협동농장의 수확이 지난해보다 나빴다.",
	"학교들은 학생들에게 땔감과 파철을 가져오라고 했다.",
	"시멘트가 모자라 시내 살림집 건설이 멈췄다.",
	"어부들은 연유 값이 비싸 바다에 나가기 어렵다고 말한다.",
	"새 지시에 따라 세대마다 밤에 찾아온 손님을 모두 등록해야 한다.",
	"북부 철길의 열차는 일주일에 두 번만 다닌다고 여행자들이 말했다.",
	"올해 초부터 여러 공장이 가동을 멈췄다.",
	"지방 병원에는 약이 모자라 환자들이 장마당에서 약을 산다.",
	"군인들이 이 지역 모내기에 동원됐다.",
	"주민들은 토요일마다 사회주의 도덕 강연에 참가하라는 지시를 받았다.",
	"새 울타리가 세워진 뒤 강을 건너는 밀수가 크게 줄었다.",
	"젊은이들이 USB로 외국 드라마를 점점 더 많이 본다고 소식통은 말했다.",
	"이번 주 장마당에서 쌀과 강냉이 가격이 다시 올랐다고 장사꾼들이 전했다.",
	"국경이 봉쇄된 이후 환율이 불안정하다고 주민들은 말했다.",
	"전기는 하루에 몇 시간만 공급되고 많은 세대가 태양열 판을 쓰고 있다.",
	"소식통은 처벌을 우려해 이름을 밝히지 말아 달라고 했다.",
	"당국은 외국 휴대전화를 쓰는 사람을 신고하라고 주민들에게 거듭 지시했다.",
	"지난 1년 동안 국경 지역에서 이런 일이 더 잦아졌다고 소식통은 덧붙였다.",
	"해외에 친척이 있는 가족들은 예전보다 더 심한 감시를 받고 있다.",
	"한국에 있는 친척이 브로커를 통해 보내주는 돈에 의지하는 주민이 많다.",
}

// Generate returns report i of the series for seed: the same arguments
// always give the same report, and different i give different reports.
func Generate(seed uint64, i int) Report {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365*10))
	p := places[r.IntN(len(places))]
	a := agencies[r.IntN(len(agencies))]
	rep := Report{
		ID:        fmt.Sprintf("gen-%d-%d", seed, i),
		Published: pub.Format("2006-01-02"),
		Outlet:    outlets[r.IntN(len(outlets))],
		URL:       fmt.Sprintf("https://news.example.org/%d/%d", pub.Year(), i),
	}
	var b strings.Builder
	if r.IntN(3) == 0 {
		rep.Language = "ko"
		prov := provincesKo[p.province]
		target := targetsKo[r.IntN(len(targetsKo))]
		sum := moneyKo(r)
		rep.Title = fmt.Sprintf("%s %s, %s 단속", strings.TrimRight(p.ko, "시군"), a.ko, target)
		fmt.Fprintf(&b, "%s %s에서 %s가 지난달 %s를 %s고 소식통이 %d일 전했다. ", prov, p.ko, a.ko, target, leadKo[r.IntN(len(leadKo))], pub.Day())
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "%s는 석방 조건으로 %s를 요구했다고 한다. ", a.ko, sum)
		case 1:
			fmt.Fprintf(&b, "가족들은 뇌물로 %s를 주고 풀려났다. ", sum)
		case 2:
			fmt.Fprintf(&b, "단속 과정에서 %s 상당의 물품이 몰수됐다. ", sum)
		default:
			fmt.Fprintf(&b, "체포된 사람은 노동단련대 6개월 처벌을 받았다고 한다. ")
		}
		for range 3 + r.IntN(6) {
			b.WriteString(fillerKo[r.IntN(len(fillerKo))] + " ")
		}
		fmt.Fprintf(&b, "(사건 번호 %d)", i)
	} else {
		rep.Language = "en"
		target := targetsEn[r.IntN(len(targetsEn))]
		sum, _ := moneyEn(r)
		month := monthsEn[(int(pub.Month())+10)%12]
		verb := leadEn[r.IntN(len(leadEn))]
		rep.Title = fmt.Sprintf("%s %s %s in %s", capitalize(a.en), verb, target, p.en)
		fmt.Fprintf(&b, "%s %s %s in %s, %s province, in %s, a source in the area told %s. ", capitalize(a.en), verb, target, p.en, p.province, month, rep.Outlet)
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "The officers demanded %s for the release, the source said. ", sum)
		case 1:
			fmt.Fprintf(&b, "The family paid a bribe of %s and the detainee was released a week later. ", sum)
		case 2:
			fmt.Fprintf(&b, "Goods worth %s were confiscated during the crackdown. ", sum)
		default:
			b.WriteString("The detainee was sent to a labour training camp for six months. ")
		}
		for range 4 + r.IntN(8) {
			b.WriteString(fillerEn[r.IntN(len(fillerEn))] + " ")
		}
		fmt.Fprintf(&b, "(Case %d.)", i)
	}
	rep.Text = b.String()
	return rep
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// WriteJSONL writes reports from..to-1 of the series as JSONL lines.
func WriteJSONL(w io.Writer, seed uint64, from, to int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := from; i < to; i++ {
		if err := enc.Encode(Generate(seed, i)); err != nil {
			return err
		}
	}
	return nil
}
