package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/internal/ascii"
	"casebook/extract/money"
	"casebook/extract/place"
)

var testPublished = time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC)

// assemble runs the whole pipeline on one text, as extract.Extract does.
func assemble(text, lang string) casebook.Facts {
	d := &Doc{
		Text:          text,
		Language:      lang,
		Published:     testPublished,
		Places:        place.Find(text),
		Agencies:      agency.Find(text),
		Money:         money.Find(text, testPublished),
		MoneyMentions: money.FindAll(text, testPublished),
		Dates:         date.Find(text, testPublished),
	}
	return Assemble(d)
}

func types(f casebook.Facts) string {
	var ts []string
	for _, e := range f.Events {
		ts = append(ts, e.Type)
	}
	return strings.Join(ts, ",")
}

// A headline line comes first in every case, as in a report, so the
// sentence under test is body text.
func TestEventTypes(t *testing.T) {
	tests := []struct {
		name, lang, text, want string
	}{
		// English, one act each.
		{"arrest", "en", "Police in Hyesan arrested a vendor at the market last Tuesday.", "detention"},
		{"detained passive", "en", "Two smugglers were detained by border guards near Sinuiju on May 2.", "detention"},
		{"custody", "en", "State security agents took the farmer into custody at his home.", "detention"},
		{"demand", "en", "The agents demanded 3,000 yuan from the broker before they would close the case.", "bribe_demand"},
		{"payment", "en", "Her husband paid the police officers 2,000 yuan to drop the charge.", "bribe_payment"},
		{"release", "en", "The woman was released from the police station three days later.", "release"},
		{"crackdown", "en", "The Ministry of State Security launched a crackdown on illegal phone use in Musan this month.", "crackdown"},
		{"threat", "en", "Officials threatened the traders with banishment to the countryside.", "threat"},
		{"confiscation", "en", "Police in Hyesan confiscated the rice of a market trader.", "confiscation"},
		{"punishment", "en", "The broker was sentenced to five years in a labour camp in March.", "punishment"},
		{"surveillance", "en", "Agents have been monitoring the calls of defector families in Hoeryong.", "surveillance"},
		{"personnel", "en", "The head of the county security office was dismissed in April.", "personnel"},
		{"month may", "en", "The Ministry of Social Security launched the crackdown in early May.", "crackdown"},
		{"taken away", "en", "My neighbour was taken away by security agents last Tuesday.", "detention"},
		{"had to pay", "en", "Her family had to pay the police 5,000 yuan.", "bribe_payment"},
		{"took to station", "en", "Two officers searched her house and took her to the police station.", "detention"},
		{"told would", "en", "The police told her she would be sent to a prison camp if she was caught again.", "threat"},
		{"source would", "en", "A source told Daily NK that the price of rice would rise again.", ""},
		{"phones seized", "en", "Agents questioned dozens of neighbours and confiscated at least ten mobile phones.", "confiscation"},
		{"agents said would", "en", "The agents said they would send anyone who talks to China to a prison camp.", "threat"},
		{"let calls go", "en", "A police officer who had let such calls go on was arrested alongside them.", "detention"},
		{"stripped of post", "en", "The city's police chief was stripped of his post in June.", "personnel"},
		{"forced to pay", "en", "Some families were forced to pay the police up to 5,000 yuan.", "bribe_payment"},
		{"executed", "en", "Two of the dealers were publicly executed by firing squad on June 14.", "punishment"},
		{"under surveillance", "en", "State security agents have placed the families of recent defectors under round-the-clock surveillance.", "surveillance"},
		{"wiretapped", "en", "Agents wiretapped the phones of at least twenty households.", "surveillance"},
		{"public trial", "en", "The provincial court held a public trial of three smugglers in the market square last week.", "punishment"},
		{"order issued", "en", "The Ministry of State Security issued an order to confiscate all Chinese phones in the border area.", "crackdown"},
		{"question", "en", "Q: Were you ever arrested by the police in Hyesan?", ""},
		{"threat question", "en", "“Do you want to go to a prison camp?” the agent asked her.", "threat"},
		{"chinese police", "en", "Chinese police arrested two North Korean defectors in Shenyang last week.", ""},
		{"south korean police", "en", "South Korean police arrested a broker in Seoul on Monday.", ""},
		{"participle in subject", "en", "The number of people detained has doubled this year.", ""},
		{"taken in", "en", "He was taken in for questioning by the county police on Friday.", "detention"},
		{"two acts", "en", "Police arrested the driver and confiscated his cargo of copper wire.", "detention,confiscation"},

		{"took in", "en", "On Monday the police took in a man who repairs bicycles near the station.", "detention"},
		{"interrogated", "en", "The three drivers were interrogated by the county police for a week.", "detention"},
		{"raided", "en", "Security agents raided several houses in the village on May 3.", "crackdown"},
		{"tore down", "en", "The police tore down the kiosks outside the railway station last month.", "crackdown"},
		{"begun searches", "en", "Agents in the county have begun house searches for foreign films.", "crackdown"},
		{"inspection launched", "en", "Many traders closed their stalls during a residence inspection launched in March.", "crackdown"},
		{"campaign that declared", "en", "Traders feared a campaign against smuggling that the police declared in April.", "crackdown"},
		{"beat", "en", "The guards beat him with a belt during questioning.", "punishment"},
		{"public trial organised", "en", "The county party committee organized a public trial at the sports ground.", "punishment"},
		{"sent far", "en", "Officials sent the whole crew of the cargo ship to labor camps in March.", "punishment"},
		{"confiscating", "en", "Police have begun confiscating satellite dishes from households in Hyesan.", "confiscation"},
		{"fined", "en", "The county prosecutors fined four shop managers 500,000 won each last week.", "punishment"},
		{"or face trial", "en", "Officials told the farmers that each must hand over 100 kilograms of maize or face trial.", "threat"},
		{"paid the agents", "en", "Her brothers sold the family television and paid the agents.", "bribe_payment"},
		{"unless brought", "en", "The agents warned the wives that their husbands would be sent to a prison camp unless each brought 2,000 yuan.", "threat,bribe_demand"},
		{"they told", "en", "Border guards stopped a fisherman near the pier. They told his mother that he would be handed to the police unless she came at once.", "threat"},
		{"paid it", "en", "Her sister borrowed the money from a neighbour and paid it to the guards the same night.", "bribe_payment"},
		{"seized goods active", "en", "Police searched the bus station and seized phones from six travellers.", "confiscation"},
		{"dismissed and demoted", "en", "\"The factory's director was dismissed and the unit's party secretary was demoted,\" he said.", "personnel,personnel"},
		{"caught abroad", "en", "The family was banished to a remote village after a relative was caught in Shenyang.", "punishment"},
		{"still held", "en", "Two of the men are still being held at the county police station.", ""},
		{"gerund bribes", "en", "The police seem more interested in catching smugglers than in collecting bribes.", ""},
		{"accepting bribes", "en", "The officer had been accepting bribes from smugglers for years.", "bribe_payment"},
		{"removed from district", "en", "In 2019, several families were removed from Sosong district after a son defected.", "punishment"},
		{"removed from post", "en", "The county's police chief was removed from his post in June.", "personnel"},
		{"trend", "en", "Police in Hyesan are demanding ever larger bribes from traders who use Chinese phones.", ""},
		{"dismissed and replaced", "en", "The county's party secretary was dismissed in May and replaced by a cadre from the provincial committee.", "personnel,personnel"},
		{"replaced by", "en", "The city's police chief was replaced by his deputy in May.", "personnel"},
		{"lecture warning", "en", "The county party committee held a lecture on May 2 at which residents were told that guards would shoot anyone near the river.", "threat"},
		{"took in a relative", "en", "He took in his nephew after the boy's parents died.", ""},
		{"meeting held", "en", "Officials held a meeting with traders to discuss new market fees.", ""},
		{"rule told unless", "en", "Those who cannot pay are told they will be sent to a camp unless they pay 500 yuan.", ""},
		{"replaced by a company", "en", "The city's trade office was replaced by a new company last year.", ""},
		// English acts that are not events.
		{"negated", "en", "Police did not arrest anyone during the inspection of the market.", ""},
		{"never", "en", "The officials never released the two brothers.", ""},
		{"habit", "en", "Security agents regularly arrest people who make calls to China.", ""},
		{"rule", "en", "Those who cannot pay have their phones confiscated on the spot.", ""},
		{"present rule", "en", "Police seize the goods of anyone they catch selling on the street.", ""},
		{"future", "en", "Anyone caught using a Chinese phone will be arrested.", ""},
		{"plan", "en", "The authorities plan to arrest more brokers next month.", ""},
		{"conditional", "en", "If the family cannot pay, the officers would send the man to a labour camp.", ""},
		{"past habit", "en", "In the past, the police used to demand large bribes from traders.", ""},
		{"adjective", "en", "Recovering confiscated goods requires a hefty bribe these days.", ""},

		// Korean, one act each.
		{"ko arrest", "ko", "보안원들이 지난 5일 혜산시장에서 상인 3명을 체포했다.", "detention"},
		{"ko caught", "ko", "밀수를 하다 국경경비대에 붙잡힌 주민은 사흘째 조사를 받고 있다.", "detention"},
		{"ko demand", "ko", "보위원은 송금 브로커에게 2만 위안을 요구했다.", "bribe_demand"},
		{"ko payment", "ko", "그의 가족은 보위원에게 뇌물을 바쳤다.", "bribe_payment"},
		{"ko release", "ko", "이 여성은 구류된 지 사흘 만에 풀려났다.", "detention,release"},
		{"ko crackdown", "ko", "양강도 보위부가 국경 지역에서 손전화 단속을 벌이고 있다.", "crackdown"},
		{"ko confiscation", "ko", "안전원들이 장사꾼의 물건을 모두 압수했다.", "confiscation"},
		{"ko punishment", "ko", "그는 재판에서 노동교화 5년 형을 선고받았다.", "punishment"},
		{"ko surveillance", "ko", "보위부가 탈북민 가족의 통화를 도청하고 있다.", "surveillance"},
		{"ko threat", "ko", "보위원은 돈을 내지 않으면 추방하겠다고 가족을 위협했다.", "threat"},
		{"ko personnel", "ko", "회령시 보위부장이 지난달 해임됐다.", "personnel"},

		{"ko crackdown verb", "ko", "지난달 안전부가 장마당 입구에서 외화를 쓰는 상인들을 단속했다.", "crackdown"},
		{"ko dragged connective", "ko", "돈을 못 낸 주민은 보안서에 끌려가 닷새 동안 조사를 받았다.", "detention"},
		{"ko summoned", "ko", "청년 두 명이 지난 3일 보위부에 불려가 조사를 받았다.", "detention"},
		{"ko labour training", "ko", "이 주민은 열흘 동안 노동단련을 받았다.", "punishment"},
		{"ko fine", "ko", "안전원들은 장사꾼들에게 벌금을 물렸다.", "punishment"},
		{"ko fine rule", "ko", "허가 없이 장사하면 벌금을 물어야 한다.", ""},
		{"ko camp rule", "ko", "국경에서 붙잡히면 노동단련대에 가야 한다.", ""},
		{"ko slipped", "ko", "그는 보위원에게 20만 원을 찔러주고 풀려났다.", "bribe_payment,release"},
		{"ko kickbacks", "ko", "경비대 중대장이 밀수꾼들에게서 뒷돈을 받아온 사실이 드러났다.", "bribe_payment"},
		{"ko inspecting", "ko", "도 검열단이 시 보안서를 검열하면서 서류를 모두 가져갔다.", "crackdown"},
		{"ko relieved of post", "ko", "검열단은 보안원 2명을 직위에서 해제했다.", "personnel"},
		{"ko threat said", "ko", "새 보위부장은 밀수꾼을 모두 엄벌하겠다고 말했다.", "threat"},
		{"ko watch team", "ko", "보위부는 국경 마을을 감시하는 전담조를 새로 꾸렸다.", "surveillance"},
		{"ko informants", "ko", "보위부는 올해 들어 마을마다 정보원을 늘렸다.", "surveillance"},
		{"ko decree", "ko", "시 인민위원회가 지난달 외화 사용을 금지하는 포고를 내렸다.", "crackdown"},
		{"ko demand in threat", "ko", "보위원은 가족에게 3천 위안을 내지 않으면 교화소에 보내겠다고 협박했다.", "bribe_demand,threat"},
		{"ko dragged habit", "ko", "돈이 없는 주민은 보안서로 끌려가 매를 맞는다.", ""},
		{"ko fine and labour", "ko", "보안원들은 상인 10명에게 벌금을 물렸다. 돈을 못 낸 상인들은 닷새 동안 노동단련을 받았다.", "punishment,punishment"},
		{"ko news progressive", "ko", "앵커: 북한 보안원들이 장마당 상인들에게 벌금을 물리고 있다는 소식입니다.", "punishment"},
		{"ko hearsay habit", "ko", "초소의 군인들이 지나가는 주민에게 20위안을 요구한다는 말도 있다.", ""},
		{"ko dismissed and appointed", "ko", "회령시 보위부장이 지난달 해임되고 그 자리에 도 보위국 간부가 임명됐다.", "personnel,personnel"},
		{"ko failed attempt", "ko", "가족들이 보위원에게 뇌물을 주고 그를 빼내려 했지만 손을 쓸 수 없었다.", ""},
		{"ko arrested's family", "ko", "체포된 상인의 가족들은 매일 보안서 앞을 찾고 있다.", ""},
		{"ko received", "ko", "보위원들이 지켜보는 가운데 그는 브로커에게서 3천 위안을 건네받았다.", ""},
		{"ko handed after demand", "ko", "보안원은 처음에 2천 달러를 요구했다. 가족이 돈을 꾸어 5백 달러를 건네자 그를 풀어줬다.", "bribe_demand,bribe_payment,release"},
		{"ko came back after detention", "ko", "청년 두 명이 지난 3일 보위부에 불려가 조사를 받았다. 이들은 닷새 만에 돌아왔지만 휴대전화는 빼앗겼다.", "detention,release,confiscation"},
		{"ko came back", "ko", "그는 중국에서 장사를 하다 보름 만에 돌아왔다.", ""},
		{"ko fine then free", "ko", "그는 벌금을 내고 풀려났다.", "punishment,release"},
		{"ko threat arrest said", "ko", "보위원이 돈을 내지 않으면 체포하겠다고 말했다.", "threat"},
		{"ko cracking officer", "ko", "단속하던 보안원이 뇌물을 받고 눈감아줬다.", "bribe_payment"},
		{"ko must pay fine", "ko", "벌금을 내야 풀려날 수 있다.", ""},
		{"ko present release", "ko", "벌금을 내면 풀어준다.", ""},
		{"beat detainees", "en", "Interrogators at the detention center beat detainees with sticks in 2019, a former inmate said.", "punishment"},
		{"ko caught in act", "ko", "밀수꾼 2명이 지난 5일 국경경비대에 적발됐다.", "detention"},
		{"ko whoever caught", "ko", "적발된 주민에게서 받아 낼 돈의 액수도 정해 두었다.", ""},
		{"nabbed", "en", "Two smugglers were nabbed by border guards near Musan on May 1.", "detention"},
		{"paid off", "en", "The family paid off the guards with 2,000 yuan.", "bribe_payment"},
		{"pocketed", "en", "The county police chief pocketed 5,000 yuan from the traders.", "bribe_payment"},
		{"ko give me", "ko", "보위원은 그의 아내에게 3천 위안을 달라고 했다.", "bribe_demand"},
		{"asked for a bribe", "en", "A police officer at the checkpoint asked the driver for a bribe on May 4.", "bribe_demand"},
		{"ko two in one present connective", "ko", "이 가운데 3명은 지난달 총살되고 나머지는 교화소로 보내졌다.", "punishment,punishment"},
		// Korean acts that are not events.
		{"ko negated", "ko", "보안원들은 그를 체포하지 않았다.", ""},
		{"ko conditional", "ko", "중국과 통화하다 걸리면 벌금을 내야 한다.", ""},
		{"ko habit", "ko", "보안원들은 장마당에서 평소 상인들을 단속한다.", ""},
		{"ko handed", "ko", "친척은 보위원에게 중국 돈 1만 위안을 건네며 선처를 부탁했다.", "bribe_payment"},
		{"ko announced plan", "ko", "시 당위원회는 이달 말 공개재판을 열어 본보기로 삼겠다고 예고했다.", ""},
		{"ko negated release", "ko", "보위원은 돈만 챙기고 그를 풀어주지 않았다.", "bribe_payment"},
		{"ko two in one", "ko", "이 가운데 2명은 지난 14일 공개처형됐고, 나머지는 교화소로 보내졌다.", "punishment,punishment"},
		{"ko extorted", "ko", "일부 가족은 안전원들에게 5천 위안을 뜯겼다.", "bribe_payment"},
		{"ko formal past", "ko", "보위부는 지난달 주민 3명을 체포했습니다.", "detention"},
		{"ko formal progressive", "ko", "보안원들이 장마당에서 단속을 벌이고 있습니다.", "crackdown"},
		{"ko formal present", "ko", "보위부는 중국과 통화하는 주민을 체포합니다.", ""},
		{"ko count", "ko", "체포된 주민의 수가 지난해보다 두 배로 늘었다.", ""},
		{"ko at times", "ko", "간부들은 검열을 피하려고 뇌물을 바치기도 한다.", ""},
		{"ko future", "ko", "이들은 노동교화형을 받을 것으로 보인다.", ""},
		{"ko present", "ko", "돈을 내지 못하는 주민은 손전화를 빼앗기는 것이 보통이다.", ""},
		// Word sense, rumours and unconfirmed words.
		{"report released", "en", "A study released on Monday by a Tokyo institute counted forty camps.", ""},
		{"released a video", "en", "The aid group released a new video of the border fence last month.", ""},
		{"released a person", "en", "Police released the fisherman after four days.", "release"},
		{"ko rumour", "ko", "단속원들이 압수한 담배를 시장에 도로 팔 것이라는 소문이 돈다.", ""},
		{"ko unconfirmed", "ko", "교원 한 명이 안전부에 잡혀갔다는 말도 있지만 확인되지 않았다.", ""},
		// Orders and harsher control without a "crack down" verb.
		{"told by organ", "en", "Bus drivers in Chongjin have been told by the Ministry of Social Security to log every passenger.", "crackdown"},
		{"announced review", "en", "The Central Committee announced a review of border cadres' households in March.", "crackdown"},
		{"ko order came down", "ko", "도 당위원회에서 중국 물건 판매를 막는 지시가 내려왔다.", "crackdown"},
		{"ko control harsher", "ko", "올해 들어 국경 단속이 한층 엄해졌다.", "crackdown"},
		{"purpose ing", "en", "The new rules are aimed at monitoring traders who deal in yuan.", ""},
		{"ko elaborated seizure", "ko", "보안원들은 상인들의 물건을 모두 압수했는데, 어떤 사람은 쌀 20킬로그램을 빼앗겼다.", "confiscation"},
		{"ko two seizures", "ko", "보안원들은 상인들의 물건을 압수했고, 다음날 또 다른 상인의 쌀을 빼앗았다.", "confiscation,confiscation"},
		{"two acts one clause", "en", "The court executed a smuggler and sent three of his helpers to a prison camp.", "punishment,punishment"},
		{"one act two verbs", "en", "Police arrested and detained the broker.", "detention"},
		{"have been told to", "en", "Traders in Hyesan have been told to register every mobile phone by June.", "crackdown"},
		{"ko quoted order habit", "ko", "안전원들은 길에서 담배를 파는 노인들을 붙잡아 2만 원씩 내라고 한다.", ""},
		{"ko hearsay past", "ko", "안전원들은 지난주 담배를 팔던 노인들을 붙잡아 보안서에 넘겼다고 한다.", "detention"},
		{"ko quoted habit reported", "ko", "소식통은 \"안전원들이 장마당 입구에서 상인들을 붙잡아 돈을 내라고 한다\"고 전했다.", ""},
		{"ko quoted past reported", "ko", "소식통은 \"안전원들이 어제 상인 두 명을 붙잡아 갔다\"고 전했다.", "detention"},
		{"in a sweep", "en", "Guards in Musan have seized dozens of radios since March in a sweep targeting listeners of foreign broadcasts.", "confiscation,crackdown"},
		{"made report", "en", "After his release, the police made him report to the station every month.", "surveillance"},
		{"reports every week", "en", "He reports to the police station every week.", ""},
		{"holder removed", "en", "The county party secretary was quietly removed last spring.", "personnel"},
		{"goods removed", "en", "The stalls were removed last spring.", ""},
		{"kickbacks", "en", "The customs chief had taken kickbacks from coal exporters for years before his arrest in May.", "bribe_payment"},
		{"audit by organ", "en", "The mayor was dismissed in June after an audit by the provincial party committee.", "personnel,crackdown"},
		{"under investigation by", "en", "The two cashiers are under investigation by the prosecutors' office.", ""},
		{"cause of a trend", "en", "Radios cost twice as much this year because so many were being confiscated at the border.", ""},
		{"ko pretext", "ko", "보안원들이 요즘 밀수를 단속한다며 국경 마을 주민들의 집을 뒤지고 있다.", "crackdown"},
		{"ko plain habit with 며", "ko", "보안원들은 밀수를 단속한다며 늘 큰소리친다.", ""},
		// Custody acts.
		{"handed over", "en", "A Chinese broker handed the two women over to the border guards.", "detention"},
		{"handed over by foreign police", "en", "Russian police stopped him at a checkpoint near Khasan and handed him over to North Korean agents.", "detention"},
		{"foreign police alone", "en", "Russian police stopped him at a checkpoint and arrested him.", ""},
		{"made kneel", "en", "The guard slapped me and made me kneel on the concrete floor.", "punishment"},
		{"given years in camp", "en", "Her brother was given three years in a labour camp.", "punishment"},
		{"ko handed over", "ko", "교원 세 명은 이달 초 보위부에 넘겨졌습니다.", "detention"},
		{"ko paid and freed", "ko", "그중 한 사람은 5천 위안을 주고 열흘 만에 석방됐다.", "bribe_payment,release"},
		{"ko fine and freed", "ko", "그는 벌금을 내고 사흘 만에 석방됐다.", "punishment,release"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline\n\n" + tt.text
			if tt.lang == "ko" {
				text = "제목\n\n" + tt.text
			}
			f := assemble(text, tt.lang)
			if got := types(f); got != tt.want {
				t.Errorf("events = %q, want %q", got, tt.want)
			}
			for _, e := range f.Events {
				if e.Span[0] < len(text)-len(tt.text) || e.Span[1] > len(text) {
					t.Errorf("%s span %v outside the body sentence", e.Type, e.Span)
				}
			}
		})
	}
}

func TestQuotedHeadlineIsNoEvent(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"ko", "회령 보안원들, 장마당서 외화 단속…\"빼앗은 돈은 안 돌려줘\"\n\n요즘 회령 장마당은 조용하다고 한다."},
		{"ko", "보위부 \"탈북자 가족 모두 추방하겠다\"\n\n요즘 회령 장마당은 조용하다고 한다."},
		{"en", "Police raid Hyesan market: \"They took everything\"\n\nMarket life in the city has been quiet this spring."},
	}
	for _, tt := range tests {
		if got := types(assemble(tt.text, tt.lang)); got != "" {
			t.Errorf("%s: events from a quoted headline: %q", tt.lang, got)
		}
	}
}

func TestHeadlineIsNoEvent(t *testing.T) {
	text := "Police arrest five traders in Hyesan\n\nMarket life in the city has been quiet this spring."
	if got := types(assemble(text, "en")); got != "" {
		t.Errorf("events from a headline: %q", got)
	}
}

func TestRestatedActIsOneEvent(t *testing.T) {
	text := "Hyesan vendor held\n\n" +
		"Police in Hyesan arrested a vendor at the train station market on April 30, a source told Daily NK.\n\n" +
		"\"The vendor was arrested while selling South Korean rice cookers,\" the source said.\n\n" +
		"A campaign against South Korean goods was launched in the city in April. The campaign has since widened."
	f := assemble(text, "en")
	if got, want := types(f), "detention,crackdown"; got != want {
		t.Fatalf("events = %q, want %q", got, want)
	}
	first := strings.Index(text, "Police in Hyesan arrested")
	if f.Events[0].Span[0] != first {
		t.Errorf("detention evidence starts at %d, want the first mention at %d", f.Events[0].Span[0], first)
	}
}

func TestAttributes(t *testing.T) {
	text := "Broker held in Hoeryong\n\n" +
		"Ministry of State Security agents in Hoeryong, North Hamgyong Province, demanded 5,000 yuan from a remittance broker in mid-April, a source told Daily NK on Monday."
	f := assemble(text, "en")
	if len(f.Events) != 1 {
		t.Fatalf("events = %q, want one bribe_demand", types(f))
	}
	e := f.Events[0]
	if e.Type != casebook.EventBribeDemand {
		t.Errorf("type = %s", e.Type)
	}
	if e.Place == nil || e.Place.ID != "hoeryong" {
		t.Errorf("place = %+v, want hoeryong (the city, not its province)", e.Place)
	}
	if e.Agency != casebook.AgencyMSS {
		t.Errorf("agency = %q, want MSS", e.Agency)
	}
	if e.Target != "remittance broker" {
		t.Errorf("target = %q, want remittance broker", e.Target)
	}
	if e.Amount == nil || e.Amount.Amount != 5000 || e.Amount.Currency != "CNY" {
		t.Errorf("amount = %+v, want 5000 CNY", e.Amount)
	}
	if e.Date == nil || e.Date.From != "2023-04-11" || e.Date.To != "2023-04-20" {
		t.Errorf("date = %+v, want mid-April (the reporting Monday is not the act's date)", e.Date)
	}
}

func TestSourcePlaceIsNotEventPlace(t *testing.T) {
	text := "Arrests in Musan\n\n" +
		"A source in Ryanggang Province said police arrested three smugglers in Musan last week."
	f := assemble(text, "en")
	if len(f.Events) != 1 || f.Events[0].Place == nil || f.Events[0].Place.ID != "musan" {
		t.Fatalf("events = %+v, want one detention in Musan", f.Events)
	}
}

func TestSegmentAbbreviations(t *testing.T) {
	text := "On Nov. 24 a source in N. Hamgyong said U.S. dollars were scarce. Police arrested him. “Why?” he asked."
	sents := segment(text, ascii.Lower(text), false)
	var got []string
	for _, s := range sents {
		got = append(got, text[s.span[0]:s.span[1]])
	}
	want := []string{
		"On Nov. 24 a source in N. Hamgyong said U.S. dollars were scarce.",
		"Police arrested him.",
		"“Why?” he asked.",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestSegmentKorean(t *testing.T) {
	text := "보위부가 주민을 체포했다. 소식통은 \"돈을 요구했다\"고 전했다.\n둘째 문단이요. 끝"
	sents := segment(text, text, true)
	if len(sents) != 3 {
		var got []string
		for _, s := range sents {
			got = append(got, text[s.span[0]:s.span[1]])
		}
		t.Fatalf("sentences = %q, want 3 (the last line is a heading-like fragment kept whole)", got)
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	for _, text := range []string{"", "\n\n\n", "...", "“", "체포", "arrested", "\"\"\"", "a. b. c."} {
		f := assemble(text, "en")
		for _, e := range f.Events {
			if e.Span[0] < 0 || e.Span[1] > len(text) || e.Span[0] > e.Span[1] {
				t.Errorf("%q: span %v out of range", text, e.Span)
			}
		}
	}
}

// Text from PDFs and e-mails comes hard-wrapped: a paragraph runs on over
// its line breaks, and multi-word triggers still match across them.
func TestHardWrappedText(t *testing.T) {
	en := "Hyesan police detain vendor\n\n" +
		"Officers of the Ministry of Social Security in Hyesan arrested a vendor\n" +
		"at the station market on April 30 and confiscated her stock of South\n" +
		"Korean cosmetics, a source told Daily NK.\n"
	if got, want := types(assemble(en, "en")), "detention,confiscation"; got != want {
		t.Errorf("English: events = %q, want %q", got, want)
	}
	ko := "제목\n\n양강도 혜산시 안전원들이 지난달부터 장마당에서 상인들을 상대로 단속에 열을\n올리고 있다고 소식통이 전했다.\n"
	if got, want := types(assemble(ko, "ko")), "crackdown"; got != want {
		t.Errorf("Korean: events = %q, want %q", got, want)
	}
	// A label line after a long line is not its continuation.
	text := "INCIDENT NOTE\nSubject: a long subject line that goes on for well over sixty bytes in all\nBasis: one contact\n\nPolice arrested a trader."
	sents := segment(text, ascii.Lower(text), false)
	heads := 0
	for _, s := range sents {
		if s.heading {
			heads++
		}
	}
	if heads != 3 {
		t.Errorf("%d heading lines, want 3 (title, subject, basis)", heads)
	}
}

func TestHeadlineWithoutBlankLine(t *testing.T) {
	text := "Security agents arrest a travelling family in Bukchong and demand a bribe of USD 300\n" +
		"Market prices in the city have been stable this spring, a source said.\n"
	if got := types(assemble(text, "en")); got != "" {
		t.Errorf("events from a headline run into the body: %q", got)
	}
}

// An event's sum is valued at the month of the act unless the text gave
// its own conversion.
func TestAmountValuedAtEventMonth(t *testing.T) {
	text := "Bribes\n\nIn March 2019 state security agents in Hyesan demanded 10,000 yuan from a broker."
	f := assemble(text, "en")
	if len(f.Events) != 1 || f.Events[0].Amount == nil {
		t.Fatalf("events = %+v, want one demand with its sum", f.Events)
	}
	at, ok := money.ToUSD(10000, "CNY", time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC))
	if !ok {
		t.Skip("no CNY rate for 2019-03")
	}
	if got := f.Events[0].Amount.USD; got < at*0.99 || got > at*1.01 {
		t.Errorf("usd = %.2f, want the March 2019 value %.2f", got, at)
	}
	text = "Bribes\n\nIn March 2019 state security agents in Hyesan demanded 10,000 yuan (US $1,500) from a broker."
	f = assemble(text, "en")
	if len(f.Events) != 1 || f.Events[0].Amount == nil || f.Events[0].Amount.USD != 1500 {
		t.Errorf("events = %+v, want the text's own $1,500 kept", f.Events)
	}
}

func TestPresentPerfectIsRecent(t *testing.T) {
	text := "Exiles\n\nDozens of households in Hyesan have been sent into internal exile."
	f := assemble(text, "en")
	if len(f.Events) != 1 || f.Events[0].Date == nil {
		t.Fatalf("events = %+v, want one dated punishment", f.Events)
	}
	if d := f.Events[0].Date; d.From != "2023-04-10" || d.To != "2023-05-10" {
		t.Errorf("date = %+v, want the 30 days before publication", d)
	}
	text = "Exiles\n\nIn the 1990s, dozens of households in Hyesan were sent into internal exile."
	f = assemble(text, "en")
	if len(f.Events) == 1 && f.Events[0].Date != nil && f.Events[0].Date.To == "2023-05-10" {
		t.Errorf("a simple past act got the recent default: %+v", f.Events[0].Date)
	}
}

func TestEventPlace(t *testing.T) {
	tests := []struct {
		name, lang, text, typ, want string
	}{
		{"source's district", "en", "Trader executed in Kaesong\n\nPolice in Kaesong arrested a trader last month. A source in Kaesong's Kaepung district said the trader was sent to a labour camp.", "punishment", "kaesong"},
		{"destination", "ko", "혜산 보안서\n\n양강도 혜산시에서 청진으로 가려던 남성이 보안원들에게 체포됐다.", "detention", "hyesan"},
		{"former post", "ko", "회령 보위부장 교체\n\n회령시 보위부장이 해임되고 그 자리에 무산군 보위부 부부장 출신 간부가 임명됐다.", "personnel", "hoeryong"},
		{"provincial organ", "ko", "평성 외화 단속\n\n평안남도 평성시 장마당에서 외화를 쓰던 상인 두 명이 보안원들에게 붙잡혔다. 도 인민위원회가 지난달 외화 사용을 금지하는 포고를 내렸다.", "crackdown", "south-pyongan"},
		{"side district", "ko", "개성 보안원 체포\n\n개성시 보안원들이 지난달 밀수꾼 3명을 체포했다.\n\n한편 판문구역 일대에서는 쌀값이 올랐다.", "detention", "kaesong"},
		{"two districts", "en", "Families expelled\n\nAuthorities expelled 20 families from Pyongyang's Sosong and Moranbong districts in March.", "punishment", "pyongyang"},
		{"province-wide campaign", "en", "Hoeryong roundup\n\nAuthorities have launched a campaign against Chinese phones, and traders in North Hamgyong Province are worried.\n\nIn Hoeryong, police seized phones from two traders on May 3. A trader in Hoeryong said prices fell.", "crackdown", "north-hamgyong"},
		{"lead district", "en", "Family banished\n\nA family living in Pyongyang's Sosong District was ordered out of the capital in March.\n\nThe order came from Pyongyang city authorities.", "punishment", "sosong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := assemble(tt.text, tt.lang)
			n := 0
			for _, e := range f.Events {
				if e.Type != tt.typ {
					continue
				}
				n++
				got := ""
				if e.Place != nil {
					got = e.Place.ID
				}
				if got != tt.want {
					t.Errorf("%s place = %q, want %q", e.Type, got, tt.want)
				}
			}
			if n == 0 {
				t.Errorf("no %s event in %q (got %q)", tt.typ, tt.text, types(f))
			}
		})
	}
}

func TestReleaseByDetainer(t *testing.T) {
	text := "Headline\n\nSoldiers of the border guard caught a fisherman near the river on May 2 and held him at their post. His wife borrowed the money and paid it the next day. He was released that evening."
	f := assemble(text, "en")
	if got := types(f); got != "detention,bribe_payment,release" {
		t.Fatalf("events = %q", got)
	}
	for _, e := range f.Events[1:] {
		if e.Agency != casebook.AgencyKPA {
			t.Errorf("%s agency = %q, want the detaining organ %q", e.Type, e.Agency, casebook.AgencyKPA)
		}
	}
}

func TestFineAmount(t *testing.T) {
	f := assemble("Headline\n\nThe county prosecutors fined the farm manager 300,000 won in April.", "en")
	if len(f.Events) != 1 || f.Events[0].Amount == nil || f.Events[0].Amount.Amount != 300000 {
		t.Fatalf("events = %+v, want one punishment of 300,000 won", f.Events)
	}
}

func TestRestatedDetention(t *testing.T) {
	text := "제목\n\n함흥시에서 한국과 통화하던 주민이 보안서에 붙잡혔다.\n\n협력자에 따르면 지난달 중순 보안원들은 전파탐지기로 통화를 추적해 40대 여성을 현장에서 체포했다."
	if got := types(assemble(text, "ko")); got != "detention,surveillance" {
		t.Errorf("events = %q, want the later arrest merged into the lead's", got)
	}
}

func TestLeadWithGuessedOrgan(t *testing.T) {
	text := "Headline\n\nAuthorities in Hyesan have begun confiscating U.S. dollars from vendors, a source said.\n\n\"The county party committee issued a notice on May 2, and the party committee put it up at every market gate,\" the source said.\n\nOn Monday, police searched the market and seized dollars from a dozen vendors, the source added."
	f := assemble(text, "en")
	n := 0
	for _, e := range f.Events {
		if e.Type == casebook.EventConfiscation {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d confiscations (%+v), want the lead's and the market raid's as one", n, f.Events)
	}
}

func TestEarlierYearIsAnotherAct(t *testing.T) {
	text := "Headline\n\nPolice banished a dozen families from Hyesan in March, a source said.\n\nSuch banishments are not new. In 2016, several families were banished from the city after relatives fled."
	f := assemble(text, "en")
	if got := types(f); got != "punishment,punishment" {
		t.Errorf("events = %q, want the 2016 banishment apart from this year's", got)
	}
}

func TestPaymentOfTheSumDemanded(t *testing.T) {
	text := "Headline\n\nThe police told the family that the man would be sent to a labour camp unless they brought 3,000 yuan. His wife borrowed the money from a neighbour and paid the police."
	f := assemble(text, "en")
	for _, e := range f.Events {
		if e.Type != casebook.EventBribePayment {
			continue
		}
		if e.Amount == nil || e.Amount.Amount != 3000 {
			t.Errorf("payment amount = %+v, want the 3,000 yuan demanded", e.Amount)
		}
		return
	}
	t.Errorf("no payment in %q", types(f))
}

func TestListRestatesAct(t *testing.T) {
	text := "NOTE | Chagang\n\nSummary: an inspection of the province's mines ended last month.\n\n\"Many managers got severe reprimands, and a few were sent to a labour camp,\" a source in Kanggye said on Monday.\n\nOutcome:\n- About 30 officials received severe reprimands.\n- A few were sent to a labour camp."
	f := assemble(text, "en")
	n := 0
	for _, e := range f.Events {
		if e.Type == casebook.EventPunishment && strings.Contains(text[e.Span[0]:e.Span[1]], "reprimands") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d reprimand events (%s), want the list item merged into the quote's", n, types(f))
	}
}

func TestPlaceNotFromSubordinateClause(t *testing.T) {
	text := "Headline\n\nThe police chief in Hyesan was dismissed after inspectors found he had sold coal to traders in Musan."
	f := assemble(text, "en")
	for _, e := range f.Events {
		if e.Type == "personnel" {
			if e.Place == nil || e.Place.ID != "hyesan" {
				t.Errorf("personnel place = %+v, want hyesan", e.Place)
			}
			return
		}
	}
	t.Errorf("no personnel event in %q", types(f))
}

func TestSuccessorTakesThePost(t *testing.T) {
	text := "Headline\n\nIn May the police chief in Hyesan was dismissed after inspectors found he had sold coal to traders in Musan. His successor, a former officer from Kanggye, was appointed in June."
	f := assemble(text, "en")
	n := 0
	for _, e := range f.Events {
		if e.Type == "personnel" {
			n++
			if e.Place == nil || e.Place.ID != "hyesan" {
				t.Errorf("personnel place = %+v, want hyesan", e.Place)
			}
		}
	}
	if n != 2 {
		t.Errorf("personnel events = %d in %q, want 2", n, types(f))
	}
}

func TestPlaceOfTheCampBefore(t *testing.T) {
	text := "Headline\n\nI grew up in Hoeryong. In 2015 I was sent to a labour camp in Kaechon for a year.\n\nIn the camp, guards warned us that anyone who escaped would be shot.\n\nAfter I was released in 2016, I went home."
	f := assemble(text, "en")
	for _, e := range f.Events {
		if e.Type == "threat" || e.Type == "release" {
			if e.Place == nil || e.Place.ID != "kaechon" {
				t.Errorf("%s place = %+v, want kaechon", e.Type, e.Place)
			}
		}
	}
	if got := types(f); !strings.Contains(got, "threat") || !strings.Contains(got, "release") {
		t.Errorf("events = %q, want a threat and a release", got)
	}
}

func TestRestOfGroupDate(t *testing.T) {
	text := "Headline\n\nThree drivers were sentenced to ten years in a labour camp in early April.\n\nPolice had arrested them in January. The other two drivers were sent to a re-education camp."
	f := assemble(text, "en")
	n := 0
	for _, e := range f.Events {
		if e.Type != "punishment" {
			continue
		}
		n++
		if e.Date == nil || e.Date.From != "2023-04-01" {
			t.Errorf("punishment date = %+v, want early April 2023", e.Date)
		}
	}
	if n != 2 {
		t.Errorf("punishments = %d in %q, want 2", n, types(f))
	}
}

func TestProvincialOrganActsForProvince(t *testing.T) {
	text := "Headline\n\nA factory in Hyesan lost its manager this spring.\n\nIn April an informant told the provincial security bureau about his trips to China."
	f := assemble(text, "en")
	for _, e := range f.Events {
		if e.Type == "surveillance" {
			if e.Place == nil || e.Place.ID != "ryanggang" {
				t.Errorf("surveillance place = %+v, want ryanggang", e.Place)
			}
			return
		}
	}
	t.Errorf("no surveillance in %q", types(f))
}

func TestDatelineIsNotEventDate(t *testing.T) {
	text := "Headline\n\nHYESAN, May 9 (Wire) -- Police detained a tailor at the station last week, his neighbour said on Tuesday."
	f := assemble(text, "en")
	if len(f.Events) != 1 || f.Events[0].Date == nil {
		t.Fatalf("events = %+v, want one dated detention", f.Events)
	}
	// Published 2023-05-10: last week is May 1–7; the dateline's May 9 is the filing.
	if d := f.Events[0].Date; d.From != "2023-05-01" || d.To != "2023-05-07" {
		t.Errorf("date = %+v, want last week (2023-05-01..2023-05-07)", d)
	}
}

func TestDateAfterNamedAct(t *testing.T) {
	tests := []struct{ name, lang, text, typ, want string }{
		{"ko", "ko", "제목\n\n한 남성이 2021년 8월 초 혜산에서 공개 총살됐다.\n\n그는 그해 3월 보안서에 체포됐다.\n\n총살 직후 보안서는 주민들에게 '밀수하다 걸리면 똑같이 된다'고 경고했다.", "threat", "2021-08-01"},
		{"en", "en", "Headline\n\nA driver was executed in Hyesan in early August 2021.\n\nPolice had arrested him in March 2021.\n\nShortly after the execution, police warned residents they would be shot if caught smuggling.", "threat", "2021-08-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := assemble(tt.text, tt.lang)
			for _, e := range f.Events {
				if e.Type != tt.typ {
					continue
				}
				if e.Date == nil || e.Date.From != tt.want {
					t.Errorf("%s date = %+v, want from %s", e.Type, e.Date, tt.want)
				}
				return
			}
			t.Errorf("no %s in %q", tt.typ, types(f))
		})
	}
}

func TestStoryYearCarriedForward(t *testing.T) {
	text := "Interview summary\n\nThe man was arrested by the county police in August 2015 and held for two months.\n\nIn October, the provincial court sentenced him to five years in a labour camp."
	f := assemble(text, "en")
	for _, e := range f.Events {
		if e.Type != casebook.EventPunishment {
			continue
		}
		if e.Date == nil || e.Date.From != "2015-10-01" {
			t.Errorf("punishment date = %+v, want October 2015", e.Date)
		}
		return
	}
	t.Errorf("no punishment in %q", types(f))
}

func FuzzQuoteMarks(f *testing.F) {
	f.Add("그는 “단속이 심하다”고 \"말했다\" \xe2\x80\x9c\x9c \xe2\xe2\x80\x9d")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastQuoteMark(s), strings.LastIndexAny(s, "\"“”"); got != want {
			t.Fatalf("lastQuoteMark(%q) = %d, want %d", s, got, want)
		}
		if got, want := closingQuoteMark(s), strings.IndexAny(s, "\"”"); got != want {
			t.Fatalf("closingQuoteMark(%q) = %d, want %d", s, got, want)
		}
	})
}

func FuzzSyllableSet(f *testing.F) {
	f.Add("보위원들이 주민을 단속하고 늘 돈을 뜯어낸다")
	f.Add("체포하려고 했지만 못했다 ㄹ 것 할 계획 않았")
	f.Add("\xed\xa0\x80보위 \xea늘 \xeb\x80평소 \xec\xb0\xff려 했지만")
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			set   *syllableSet
			words []string
		}{{koHabitSet, koHabit}, {koOfficerSet, koOfficer}, {koRumourSet, koRumour}, {koNegSet, koNeg}, {koPlanSet, koPlan}, {koFutureSet, koFuture}, {koTriedSet, koTried}} {
			if got, want := c.set.in(s), containsAny(s, c.words); got != want {
				t.Fatalf("in(%q) = %v, want %v (%q)", s, got, want, c.words)
			}
		}
	})
}

// sentenceBytes and sentenceMarks mark sentenceEnds, for nextMarked.
var (
	sentenceBytes = func() (t [256]bool) {
		for _, c := range sentenceEnds {
			t[c] = true
		}
		return t
	}()
	sentenceMarks = marksOf(sentenceEnds[:]...)
)

func FuzzNextMarked(f *testing.F) {
	f.Add("He said: “they came”; then, at 3 a.m. — nothing! Why? \"Yes\"", 3)
	f.Fuzz(func(t *testing.T, s string, from int) {
		if from < 0 || from > len(s) {
			return
		}
		for _, c := range []struct {
			table *[256]bool
			marks *byteMarks
		}{{&sentenceBytes, sentenceMarks}, {&clauseBytes, clauseMarks}} {
			if got, want := nextMarked(s, from, len(s), c.table, c.marks), nextMarked(s, from, len(s), c.table, nil); got != want {
				t.Fatalf("nextMarked(%q, %d) = %d, want %d", s, from, got, want)
			}
		}
	})
}

// TestRuneDecoders checks firstRune and lastRune against the utf8 functions
// they stand in for, over every three-byte sequence with a lead byte of
// three-byte characters (valid or not), alone and after other bytes.
func TestRuneDecoders(t *testing.T) {
	for _, prefix := range []string{"", "a", "\xe0", "\x80", "가"} {
		for b0 := 0xE0; b0 <= 0xEF; b0++ {
			for b1 := 0; b1 < 256; b1++ {
				for b2 := 0; b2 < 256; b2++ {
					s := prefix + string([]byte{byte(b0), byte(b1), byte(b2)})
					r, n := firstRune(s[len(prefix):])
					wr, wn := utf8.DecodeRuneInString(s[len(prefix):])
					if r != wr || n != wn {
						t.Fatalf("firstRune(%q) = %q, %d; want %q, %d", s[len(prefix):], r, n, wr, wn)
					}
					r, n = lastRune(s)
					wr, wn = utf8.DecodeLastRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("lastRune(%q) = %q, %d; want %q, %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
	for _, s := range []string{"", "a", "가나", "\x80\x80", "é"} {
		r, n := firstRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		lr, ln := lastRune(s)
		wlr, wln := utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn || lr != wlr || ln != wln {
			t.Errorf("%q: firstRune %q,%d lastRune %q,%d; want %q,%d %q,%d", s, r, n, lr, ln, wr, wn, wlr, wln)
		}
	}
}

func FuzzMarkFinder(f *testing.F) {
	f.Add("He said: “they came”; then, at 3 a.m. — nothing! Why? \"Yes\"…", 3, 2)
	f.Fuzz(func(t *testing.T, s string, from, step int) {
		if from < 0 || from > len(s) || step <= 0 {
			return
		}
		m := markFinder{text: s, hi: len(s), bytes: sentenceEnds, next: [4]int{-1, -1, -1, -1}}
		for i := from; i <= len(s); i += step {
			if got, want := m.from(i), nextMarked(s, i, len(s), &sentenceBytes, nil); got != want {
				t.Fatalf("markFinder(%q).from(%d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// FuzzMarkTokens checks each sentence's word range against tokRange.
func FuzzMarkTokens(f *testing.F) {
	f.Add("Police arrested him. Then...\n\nHe was released! ... ?")
	f.Add("A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P.")
	f.Fuzz(func(t *testing.T, s string) {
		lower := ascii.Lower(s)
		sents := segment(s, lower, false)
		var heads []hit
		toks := tokenize(lower, 0, len(lower), nil, &heads)
		markTokens(sents, toks)
		for i, st := range sents {
			want := tokRange(toks, st.span[0], st.span[1])
			got := toks[st.toks[0]:st.toks[1]]
			if len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
				t.Fatalf("sentence %d %q: words %d..%d, want %d", i, s[st.span[0]:st.span[1]], st.toks[0], st.toks[1], len(want))
			}
		}
	})
}

// FuzzKoStems checks koStems against the strings.Fields reading it spares.
func FuzzKoStems(f *testing.F) {
	for _, s := range []string{
		"보안원들이 \"기름을 빼앗았다\" 고 말했다",
		"“주민들은\u3000(「장마당」에서 『단속』을 [보위부]\u00a0당했다 ‘이날’ 가",
		"a 가나 \xea\xb0 가\xff나다 \u2003 라마바\u0085사아",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, w := range strings.Fields(s) {
			w = strings.TrimLeft(w, "\"'“‘(「『[")
			n, k := 0, 0
			for i, r := range w {
				if r < 0xAC00 || r > 0xD7A3 {
					break
				}
				n++
				k = i + len(string(r))
				if n == 2 {
					break
				}
			}
			if n == 2 && !koStop[w[:k]] {
				want = append(want, w[:k])
			}
		}
		if got := koStems(s, nil); !slices.Equal(got, want) {
			t.Fatalf("koStems(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzTokRange checks tokRange's and firstFrom's binary searches against
// reading the words one by one, and the hash tokenize gives each word.
func FuzzTokRange(f *testing.F) {
	f.Add("Police arrested him, didn't they? Yes—twice.", 3, 20)
	f.Fuzz(func(t *testing.T, s string, lo, hi int) {
		lower := ascii.Lower(s)
		var heads []hit
		toks := tokenize(lower, 0, len(lower), nil, &heads)
		var want []token
		for _, tk := range toks {
			if uint32(tk.h) != wordFilterHash(tk.w) {
				t.Fatalf("%q: word %q has hash %d, want %d", s, tk.w, tk.h, wordFilterHash(tk.w))
			}
			if tk.lo >= lo && tk.hi <= hi {
				want = append(want, tk)
			}
		}
		if got := tokRange(toks, lo, hi); !slices.Equal(got, want) {
			t.Fatalf("tokRange(%q, %d, %d) = %v, want %v", s, lo, hi, got, want)
		}
		first := len(toks)
		for k := len(toks) - 1; k >= 0 && toks[k].lo >= lo; k-- {
			first = k
		}
		if got := firstFrom(toks, lo); got != first {
			t.Fatalf("firstFrom(%q, %d) = %d, want %d", s, lo, got, first)
		}
	})
}

// FuzzSaidBefore checks saidBefore's one pass against finding each verb
// as a whole word.
func FuzzSaidBefore(f *testing.F) {
	f.Add("he said, and was told that", 0, 26)
	f.Add("unsaid: resaid says2 Said", 0, 25)
	f.Fuzz(func(t *testing.T, s string, lo, i int) {
		if lo < 0 || i < lo || i > len(s) {
			return
		}
		want := false
		win := s[max(lo, i-40):i]
		for _, v := range []string{"said", "told", "says", "reported", "learned", "added", "explained", "claimed", "believes", "noted", "revealed", "confirmed", "say"} {
			for off := 0; off < len(win); {
				k := strings.Index(win[off:], v)
				if k < 0 {
					break
				}
				k += off
				if (k == 0 || !isASCIILetter(win[k-1])) && (k+len(v) == len(win) || !isASCIILetter(win[k+len(v)])) {
					want = true
				}
				off = k + 1
			}
		}
		if got := saidBefore(s, lo, i); got != want {
			t.Fatalf("saidBefore(%q, %d, %d) = %v, want %v", s, lo, i, got, want)
		}
	})
}

// FuzzDayString checks dayString against time.Format.
func FuzzDayString(f *testing.F) {
	f.Add(int64(1591000000))
	f.Add(int64(-62135596800))
	f.Add(int64(253402300799))
	f.Fuzz(func(t *testing.T, sec int64) {
		tm := time.Unix(sec, 0).UTC()
		if got, want := dayString(tm), tm.Format("2006-01-02"); got != want {
			t.Fatalf("dayString(%v) = %q, want %q", tm, got, want)
		}
	})
}
