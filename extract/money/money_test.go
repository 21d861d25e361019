package money

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/internal/devcorpus"
)

var pub = time.Date(2019, 12, 6, 0, 0, 0, 0, time.UTC)

// want is one expected sum: its text (the span), amount, max, currency, role,
// and usd when the text gives it (0: only checked to be positive).
type want struct {
	span     string
	amount   float64
	max      float64
	currency string
	role     string
	usd      float64
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"bracketed dollars", "The family gave the agents 10,000 yuan (US $1,500) and he was let go.",
			[]want{{"10,000 yuan (US $1,500)", 10000, 0, "CNY", "bribe_payment", 1500}}},
		{"prefix code with conversion", "Two agents asked a trader in Musan for RMB 20,000 (around USD 2,800) last week.",
			[]want{{"RMB 20,000 (around USD 2,800)", 20000, 0, "CNY", "bribe_demand", 2800}}},
		{"conversion into won folds without usd", "She paid 2000 RMB (about 390,000 KPW) to get her phone back.",
			[]want{{"2000 RMB (about 390,000 KPW)", 2000, 0, "CNY", "bribe_payment", 0}}},
		{"range", "Traders caught at the bridge are fined 500 to 1000 yuan.",
			[]want{{"500 to 1000 yuan", 500, 1000, "CNY", "fine", 0}}},
		{"range between", "Getting a relative out of a holding centre costs between 3,000 and 8,000 yuan.",
			[]want{{"3,000 and 8,000 yuan", 3000, 8000, "CNY", "price", 0}}},
		{"range with scale on the upper end", "A house in the town sells for 5 to 10 million won.",
			[]want{{"5 to 10 million won", 5e6, 10e6, "KPW", "price", 0}}},
		{"chinese yuan", "Police found 5,000 Chinese yuan sewn into her coat.",
			[]want{{"5,000 Chinese yuan", 5000, 0, "CNY", "other", 0}}},
		{"dollar sign", "He handed over $1,500 to the county security chief.",
			[]want{{"$1,500", 1500, 0, "USD", "bribe_payment", 1500}}},
		{"US$", "The officer demanded US$300 from the driver.",
			[]want{{"US$300", 300, 0, "USD", "bribe_demand", 300}}},
		{"million won", "A smuggler can earn 3 million won in a good month.",
			[]want{{"3 million won", 3e6, 0, "KPW", "income", 0}}},
		{"decimal million", "The fine was set at 1.5 million won.",
			[]want{{"1.5 million won", 1.5e6, 0, "KPW", "fine", 0}}},
		{"per minute in words", "Calls through the broker cost two yuan per minute.",
			[]want{{"two yuan", 2, 0, "CNY", "rate", 0}}},
		{"hyphenated adjective", "A guard took a 20,000-yuan bribe from the crew.",
			[]want{{"20,000-yuan", 20000, 0, "CNY", "bribe_payment", 0}}},
		{"north korean won", "Market vendors were made to pay 20,000 North Korean won each month.",
			[]want{{"20,000 North Korean won", 20000, 0, "KPW", "rate", 0}}},
		{"north korean won once", "The vendor paid 20,000 North Korean won to the inspector.",
			[]want{{"20,000 North Korean won", 20000, 0, "KPW", "bribe_payment", 0}}},
		{"exchange rate", "In the border towns the dollar goes for 8,000 won to the dollar these days.",
			[]want{{"8,000 won", 8000, 0, "KPW", "rate", 0}}},
		{"thousands is no number", "Agents demand thousands of yuan from every broker they catch.", nil},
		{"several thousand is no number", "He lost several thousand dollars on the deal.", nil},
		{"words", "She had saved ten thousand yuan, and fifty dollars went on the train ticket.",
			[]want{{"ten thousand yuan", 10000, 0, "CNY", "other", 0}, {"fifty dollars", 50, 0, "USD", "other", 50}}},
		{"a hundred thousand", "If a trader earns a hundred thousand won, seventy thousand goes to the officers.",
			[]want{{"a hundred thousand won", 100000, 0, "KPW", "income", 0}, {"seventy thousand", 70000, 0, "KPW", "bribe_payment", 0}}},
		{"south korean won", "The broker charges 30 percent, about 500,000 South Korean won.",
			[]want{{"500,000 South Korean won", 500000, 0, "KRW", "price", 0}}},
		{"per day", "A porter makes up to RMB 300 a day in the season.",
			[]want{{"RMB 300", 300, 0, "CNY", "rate", 0}}},
		{"per head after bracket", "Guides now take RMB 8,000 [about USD 1,150] a head for the crossing.",
			[]want{{"RMB 8,000 [about USD 1,150]", 8000, 0, "CNY", "rate", 1150}}},
		{"conditional payment is a demand", "They refused to release him until his wife paid 4,000 yuan.",
			[]want{{"4,000 yuan", 4000, 0, "CNY", "bribe_demand", 0}}},
		{"told to pay", "The interrogator told her to pay 2,000 yuan or face a labour camp.",
			[]want{{"2,000 yuan", 2000, 0, "CNY", "bribe_demand", 0}}},
		{"fine noun before bracket", "Agents impose a 5,000 RMB fine [roughly 4 million KPW] on each caller.",
			[]want{{"5,000 RMB fine [roughly 4 million KPW]", 5000, 0, "CNY", "fine", 0}}},
		{"comma conversion", "The bribe came to 7,000 yuan, or about $1,000, the source said.",
			[]want{{"7,000 yuan, or about $1,000", 7000, 0, "CNY", "bribe_payment", 1000}}},
		{"repeat is one item", "She paid 3,000 yuan. Three thousand yuan is a year's income for a farmer; 3,000 yuan was all she had.",
			[]want{{"3,000 yuan", 3000, 0, "CNY", "bribe_payment", 0}}},
		{"euro and yen", "Aid worth 2 million euros and 500,000 yen arrived.",
			[]want{{"2 million euros", 2e6, 0, "EUR", "price", 0}, {"500,000 yen", 500000, 0, "JPY", "price", 0}}},
		{"bribe of after demand", "The agents demanded a bribe of 5,000 yuan from the family.",
			[]want{{"5,000 yuan", 5000, 0, "CNY", "bribe_demand", 0}}},
		{"bribe of after pay", "The family paid a bribe of 5,000 yuan.",
			[]want{{"5,000 yuan", 5000, 0, "CNY", "bribe_payment", 0}}},
		{"fine of", "Each caller had to pay a fine of 500,000 won.",
			[]want{{"500,000 won", 500000, 0, "KPW", "fine", 0}}},
		{"prefix range", "Brokers charge $300-$500 for a call.",
			[]want{{"$300-$500", 300, 500, "USD", "price", 300}}},
		{"range in hyphen, paid for a favour", "Guards take 1,000-2,000 yuan to look away.",
			[]want{{"1,000-2,000 yuan", 1000, 2000, "CNY", "bribe_payment", 0}}},
		{"exchange unit", "At the market 1 yuan = 1,200 won, and one dollar fetches 8,300 won.",
			[]want{{"1,200 won", 1200, 0, "KPW", "rate", 0}, {"8,300 won", 8300, 0, "KPW", "rate", 0}}},
		{"per kg", "A kilogram of rice sells for 5,000 won.",
			[]want{{"5,000 won", 5000, 0, "KPW", "rate", 0}}},
		{"won conversion to dollars", "He earned 30,000 won (about $3.60) that week.",
			[]want{{"30,000 won (about $3.60)", 30000, 0, "KPW", "income", 3.6}}},
		{"USD after the number", "The fee is 5,000 yuan (approximately 700 USD).",
			[]want{{"5,000 yuan (approximately 700 USD)", 5000, 0, "CNY", "price", 700}}},
		{"far dollar conversion; from each family is per head", "Police demanded 3 million won from each family, about $375 at market rates.",
			[]want{{"3 million won from each family, about $375", 3e6, 0, "KPW", "rate", 375}}},
		{"exchange unit with adverb", "One dollar now fetches 40,000 won.",
			[]want{{"40,000 won", 40000, 0, "KPW", "rate", 0}}},
		{"kg당", "요즘 쌀값은 kg당 6500원 수준이다.", []want{{"6500원", 6500, 0, "KPW", "rate", 0}}},
		{"만 space digits", "환율은 1달러당 3만 5000원이다.", []want{{"3만 5000원", 35000, 0, "KPW", "rate", 0}}},
		{"traded for", "One yuan traded for 3,100 won in Hyesan.", []want{{"3,100 won", 3100, 0, "KPW", "rate", 0}}},
		{"worth of goods", "Agents seized $2 million worth of goods.", []want{{"$2 million", 2e6, 0, "USD", "other", 2e6}}},
		{"씩 is each", "보안원들은 주민들에게서 5000원씩 걷었다.", []want{{"5000원", 5000, 0, "KPW", "rate", 0}}},
		{"1달러=", "장마당 환율은 1달러=8000원 수준이다.", []want{{"8000원", 8000, 0, "KPW", "rate", 0}}},
		{"sold for, then pay", "The family sold their house for 5,000 dollars to pay the bribe.",
			[]want{{"5,000 dollars", 5000, 0, "USD", "price", 5000}}},
		{"bribe worth", "He handed over a bribe worth 500 dollars.", []want{{"500 dollars", 500, 0, "USD", "bribe_payment", 500}}},
		{"pocketed", "The inspector pocketed 3,000 yuan.", []want{{"3,000 yuan", 3000, 0, "CNY", "bribe_payment", 0}}},
		{"asked whether he could pay", "They asked whether he could pay 1,000 yuan.", []want{{"1,000 yuan", 1000, 0, "CNY", "bribe_demand", 0}}},
		{"year before a list", "In 2019, 5,000 yuan was the going bribe.", []want{{"5,000 yuan", 5000, 0, "CNY", "bribe_payment", 0}}},
		{"list shares its currency and its unit", "Guards take 5,000 or 6,000 yuan from each smuggler.",
			[]want{{"5,000", 5000, 0, "CNY", "rate", 0}, {"6,000 yuan", 6000, 0, "CNY", "rate", 0}}},
		{"list without a unit", "Guards took 5,000 or 6,000 yuan from the smuggler.",
			[]want{{"5,000", 5000, 0, "CNY", "other", 0}, {"6,000 yuan", 6000, 0, "CNY", "other", 0}}},
		{"bare rate", "The won hit 9,000 per dollar on 5 November.", []want{{"9,000", 9000, 0, "KPW", "rate", 0}}},
		{"no currency", "Around 30 residents of 2 villages were taken in on October 11.", nil},
		{"name Won", "Kim Won Hong was dismissed in 2017.", nil},

		// Korean
		{"만 위안", "보위원은 1만 위안을 요구했다.", []want{{"1만 위안", 10000, 0, "CNY", "bribe_demand", 0}}},
		{"천 위안", "그는 5천 위안을 뇌물로 바쳤다.", []want{{"5천 위안", 5000, 0, "CNY", "bribe_payment", 0}}},
		{"만 원 is KPW; a price per sack is a rate", "장마당에서 쌀 한 포대 가격은 2만 원이다.", []want{{"2만 원", 20000, 0, "KPW", "rate", 0}}},
		{"price per kg is a rate", "장마당에서 쌀 1kg 가격은 6천 원이다.", []want{{"6천 원", 6000, 0, "KPW", "rate", 0}}},
		{"북한 돈으로", "그는 북한 돈으로 50만 원을 벌었다.", []want{{"북한 돈으로 50만 원", 500000, 0, "KPW", "income", 0}}},
		{"환율", "요즘 환율은 1달러에 8000원 정도다.", []want{{"8000원", 8000, 0, "KPW", "rate", 0}}},
		{"50만 원 income", "그는 한 번에 50만 원의 수입을 올렸다.", []want{{"50만 원", 500000, 0, "KPW", "income", 0}}},
		{"천 달러", "가족은 1천 달러를 보위부에 건넸다.", []want{{"1천 달러", 1000, 0, "USD", "bribe_payment", 1000}}},
		{"attached", "안전원들은 3000위안을 받고서야 그를 풀어줬다.", []want{{"3000위안", 3000, 0, "CNY", "bribe_payment", 0}}},
		{"만천 compound", "벌금으로 1만5000위안을 냈다.", []want{{"1만5000위안", 15000, 0, "CNY", "fine", 0}}},
		{"중국 돈 원 is yuan", "그는 중국 돈 3천 원을 벌금으로 냈다.", []want{{"중국 돈 3천 원", 3000, 0, "CNY", "fine", 0}}},
		{"북한 돈", "단속원은 북한 돈 30만 원을 내라고 했다.", []want{{"북한 돈 30만 원", 300000, 0, "KPW", "bribe_demand", 0}}},
		{"미화", "그는 미화 100달러를 주고 풀려났다.", []want{{"100달러", 100, 0, "USD", "bribe_payment", 100}}},
		{"range tilde", "밀수꾼들은 500~1000위안의 벌금을 문다.", []want{{"500~1000위안", 500, 1000, "CNY", "fine", 0}}},
		{"KRW conversion folds", "적발되면 5000위안(한화 약 85만 원)을 벌금으로 내야 한다.",
			[]want{{"5000위안(한화 약 85만 원)", 5000, 0, "CNY", "fine", 0}}},
		{"per head", "브로커는 1인당 2만 위안을 받는다.", []want{{"2만 위안", 20000, 0, "CNY", "rate", 0}}},
		{"per day", "짐꾼은 하루 3만 원을 번다.", []want{{"3만 원", 30000, 0, "KPW", "rate", 0}}},
		{"한화 원 is KRW", "그 돈은 한화 200만 원에 해당한다.", []want{{"한화 200만 원", 2e6, 0, "KRW", "other", 0}}},
		{"억 천만", "그 집은 2억 3천만 원에 팔렸다.", []want{{"2억 3천만 원", 2.3e8, 0, "KPW", "price", 0}}},
		{"팔린다", "장마당에서 휴대폰은 1500위안에 팔린다.", []want{{"1500위안", 1500, 0, "CNY", "price", 0}}},
		{"charging", "Officials are now charging 500 yuan to issue a travel permit.", []want{{"500 yuan", 500, 0, "CNY", "price", 0}}},
		{"in exchange for", "In exchange for 10,000 yuan, the agent destroyed the file.", []want{{"10,000 yuan", 10000, 0, "CNY", "bribe_payment", 0}}},
		{"원칙 is no won", "보위부는 5원칙을 세웠다.", nil},

		// frames: exchange statements, prices per unit of measure, comparisons, items, purposes
		{"one US dollar bought", "At the Hyesan market last week one US dollar bought 7,900 won.",
			[]want{{"7,900 won", 7900, 0, "KPW", "rate", 0}}},
		{"the yuan fetched", "By autumn the yuan fetched about 1,300 won in Musan.",
			[]want{{"1,300 won", 1300, 0, "KPW", "rate", 0}}},
		{"1위안은 is the unit of a rate", "요즘 회령에서 1위안은 1,250원 정도에 바꿀 수 있다.",
			[]want{{"1,250원", 1250, 0, "KPW", "rate", 0}}},
		{"1달러가 북한 돈", "장마당에서 1달러가 북한 돈 9천 원까지 치솟았다.",
			[]want{{"북한 돈 9천 원", 9000, 0, "KPW", "rate", 0}}},
		{"1달러를 주고 is a sum", "그는 경비대에 1달러를 주고 지나갔다.",
			[]want{{"1달러", 1, 0, "USD", "bribe_payment", 1}}},
		{"a kilogram far before the sum", "A kilogram of dried squid in the Chongjin market has nearly doubled in price to 42,000 won.",
			[]want{{"42,000 won", 42000, 0, "KPW", "rate", 0}}},
		{"per sack of a carrying fee", "Carrying a 30-kilogram sack over the ridge now costs about 600 yuan.",
			[]want{{"600 yuan", 600, 0, "CNY", "rate", 0}}},
		{"a total is no rate", "He sold 40 kilograms of copper for 900 yuan.",
			[]want{{"900 yuan", 900, 0, "CNY", "price", 0}}},
		{"1g은 per unit, 20g이면 a total", "은 1g이 3만 원에 팔리니 20g이면 60만 원이다.",
			[]want{{"3만 원", 30000, 0, "KPW", "rate", 0}, {"60만 원", 600000, 0, "KPW", "price", 0}}},
		{"a unit in an earlier clause", "He collected 20 yuan for every sack hauled across the river, and traders say he earned over 9,000 yuan that winter.",
			[]want{{"20 yuan", 20, 0, "CNY", "rate", 0}, {"9,000 yuan", 9000, 0, "CNY", "income", 0}}},
		{"a bribe beside a sack keeps its role", "He carried a sack of herbs and paid the guard 200 yuan.",
			[]want{{"200 yuan", 200, 0, "CNY", "bribe_payment", 0}}},
		{"up from", "Corn now costs 3,100 won per kilogram, up from roughly 2,400 won in the spring.",
			[]want{{"3,100 won", 3100, 0, "KPW", "rate", 0}, {"2,400 won", 2400, 0, "KPW", "rate", 0}}},
		{"rose to, from", "The price of a bus ticket rose to 9,000 won after the order, from 6,000 won before it.",
			[]want{{"9,000 won", 9000, 0, "KPW", "price", 0}, {"6,000 won", 6000, 0, "KPW", "price", 0}}},
		{"more than is no comparison", "Guards took 30 yuan for every crossing, and one of them made more than 4,000 yuan that winter.",
			[]want{{"30 yuan", 30, 0, "CNY", "rate", 0}, {"4,000 yuan", 4000, 0, "CNY", "income", 0}}},
		{"higher than is a comparison", "A kilogram of pork now sells at 21,000 won, higher than 16,000 won last spring.",
			[]want{{"21,000 won", 21000, 0, "KPW", "rate", 0}, {"16,000 won", 16000, 0, "KPW", "rate", 0}}},
		{"a sale is a price beside a bribe", "They paid the officers off; their flat went for 7 million won.",
			[]want{{"7 million won", 7e6, 0, "KPW", "price", 0}}},
		{"one item is a price, not income", "소식통은 \"중국산 자전거 한 대는 80만 원 정도\"라며 \"노동자 월급으로는 꿈도 못 꾼다\"고 말했다.",
			[]want{{"80만 원", 800000, 0, "KPW", "price", 0}}},
		{"a sum lost is no price", "A woman who sells shoes lost 8,000 yuan when the stall was raided.",
			[]want{{"8,000 yuan", 8000, 0, "CNY", "other", 0}}},
		{"purpose makes a price a bribe", "Everybody knows the tariff: 300 yuan to avoid a labour camp.",
			[]want{{"300 yuan", 300, 0, "CNY", "bribe_payment", 0}}},
		{"purpose after a demand keeps the demand", "The agent demanded 2,000 yuan to drop the charges.",
			[]want{{"2,000 yuan", 2000, 0, "CNY", "bribe_demand", 0}}},
		{"each before the verb is per head", "The inspectors said each vendor must pay 20,000 won by Friday.",
			[]want{{"20,000 won", 20000, 0, "KPW", "rate", 0}}},

		// bribes in habitual, negated or conditional frames
		{"habitual accept", "Guards at the post would usually accept 50 dollars to let a cart through.",
			[]want{{"50 dollars", 50, 0, "USD", "bribe_payment", 50}}},
		{"settle for", "Officers used to settle for 300 yuan; now they want more.",
			[]want{{"300 yuan", 300, 0, "CNY", "bribe_demand", 0}}},
		{"caught taking", "An officer caught taking 200 dollars was sent to a camp.",
			[]want{{"200 dollars", 200, 0, "USD", "bribe_payment", 200}}},
		{"a condition on taking keeps the payment", "If an officer is caught taking 300 dollars, he is sent to a camp.",
			[]want{{"300 dollars", 300, 0, "USD", "bribe_payment", 300}}},
		{"unless brought", "They said he would be charged unless his brother brought 2,000 dollars.",
			[]want{{"2,000 dollars", 2000, 0, "USD", "bribe_demand", 2000}}},
		{"brought back is no payment", "She brought 10,000 yuan back from her relatives in China.",
			[]want{{"10,000 yuan", 10000, 0, "CNY", "other", 0}}},
		{"lost in bribes", "The family lost 6,000 yuan in bribes before he came home.",
			[]want{{"6,000 yuan", 6000, 0, "CNY", "bribe_payment", 0}}},
		{"줘도 안 받는다", "요즘은 보안원에게 500위안을 줘도 눈을 감아주지 않는다.",
			[]want{{"500위안", 500, 0, "CNY", "bribe_payment", 0}}},
		{"줘야 한다", "단속에 걸리면 적어도 3천 위안은 줘야 한다는 게 주민들 얘기다.",
			[]want{{"3천 위안", 3000, 0, "CNY", "bribe_payment", 0}}},
		{"내지 않으면 is a demand", "보안원들은 \"3천 위안을 내지 않으면 노동단련대에 보낸다\"고 말했다.",
			[]want{{"3천 위안", 3000, 0, "CNY", "bribe_demand", 0}}},
		{"로부터 받은", "검열 결과 세관장이 상인들로부터 모두 5만 위안을 받은 사실이 드러났다.",
			[]want{{"5만 위안", 50000, 0, "CNY", "bribe_payment", 0}}},
		{"a remittance received is no bribe", "그는 한국의 가족으로부터 200만 원을 송금받았다.",
			[]want{{"200만 원", 2e6, 0, "KPW", "other", 0}}},

		// lists
		{"bare last item of a list", "Fines ran to 200 yuan, 400 yuan and 1,000, depending on the case.",
			[]want{{"200 yuan", 200, 0, "CNY", "fine", 0}, {"400 yuan", 400, 0, "CNY", "fine", 0}, {"1,000", 1000, 0, "CNY", "fine", 0}}},
		{"parallel bare item", "The going rates were 800 yuan to avoid a trial at the county court, 2,500 to get out of a labour camp.",
			[]want{{"800 yuan", 800, 0, "CNY", "bribe_payment", 0}, {"2,500", 2500, 0, "CNY", "bribe_payment", 0}}},
		{"a parallel item shares the cue", "They paid 500 yuan for the phone, 200 for the charger.",
			[]want{{"500 yuan", 500, 0, "CNY", "bribe_payment", 0}, {"200", 200, 0, "CNY", "bribe_payment", 0}}},
		{"taking money somewhere is no bribe", "A smuggler taking 3,000 yuan to his sister was stopped.",
			[]want{{"3,000 yuan", 3000, 0, "CNY", "other", 0}}},
		{"a count after a list is no sum", "They paid 500 yuan and 300 people watched.",
			[]want{{"500 yuan", 500, 0, "CNY", "bribe_payment", 0}}},
		{"수천 is no number", "보위원들은 수천 위안을 뜯어낸다.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, pub)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d sums %v, want %d", tt.text, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				span := tt.text[g.Span[0]:g.Span[1]]
				if span != w.span || g.Amount != w.amount || g.Max != w.max || g.Currency != w.currency || g.Role != w.role {
					t.Errorf("sum %d = %q %g–%g %s %s, want %q %g–%g %s %s", i, span, g.Amount, g.Max, g.Currency, g.Role,
						w.span, w.amount, w.max, w.currency, w.role)
				}
				if w.usd > 0 && math.Abs(g.USD-w.usd) > 0.01 {
					t.Errorf("sum %d usd = %g, want %g", i, g.USD, w.usd)
				}
				if g.USD <= 0 {
					t.Errorf("sum %d has no usd", i)
				}
			}
		})
	}
}

func TestScanAgreesWithFind(t *testing.T) {
	text := "She paid 3,000 yuan (US $430). The agents wanted 3,000 yuan more, then 5,000 to 8,000 yuan."
	sums, mentions := Scan(text, pub)
	if !reflect.DeepEqual(sums, Find(text, pub)) || !reflect.DeepEqual(mentions, FindAll(text, pub)) {
		t.Fatalf("Scan = %v, %v; Find = %v, FindAll = %v", sums, mentions, Find(text, pub), FindAll(text, pub))
	}
	if len(sums) != 2 || len(mentions) != 3 {
		t.Fatalf("Scan found %d sums in %d mentions, want 2 in 3", len(sums), len(mentions))
	}
}

func TestToUSD(t *testing.T) {
	tests := []struct {
		cur   string
		month time.Time
		lo    float64 // expected per-dollar rate bounds
		hi    float64
	}{
		{"CNY", time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), 6.9, 7.1},
		{"KRW", time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), 1150, 1200},
		{"CNY", time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC), 8.27, 8.28},     // before the table: its first month
		{"CNY", time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC), 6.5, 7.5},       // after: its last
		{"KPW", time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC), 20000, 22000}, // a market observation
		{"KPW", time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC), 7000, 9000},     // a gap: nearest observation
		{"USD", time.Time{}, 1, 1},
		{"JPY", time.Time{}, 100, 200},
		{"EUR", time.Time{}, 0.5, 1.2},
	}
	for _, tt := range tests {
		usd, ok := ToUSD(1000, tt.cur, tt.month)
		if !ok {
			t.Errorf("ToUSD(1000, %s, %v) not ok", tt.cur, tt.month)
			continue
		}
		rate := 1000 / usd
		if rate < tt.lo || rate > tt.hi {
			t.Errorf("%s per USD in %v = %g, want %g..%g", tt.cur, tt.month.Format("2006-01"), rate, tt.lo, tt.hi)
		}
	}
	if _, ok := ToUSD(1, "XYZ", pub); ok {
		t.Error("ToUSD of an unknown currency is ok")
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"10,000 yuan (US $1,500)", "RMB 20,000 (around USD 2,800)", "500 to 1000 yuan", "$1,500",
		"a hundred thousand won, seventy thousand goes", "1만5000위안(한화 약 85만 원)", "500~1000위안",
		"2억 3천만 원", "5천·한국 1만 위안", "US$", "RMB", "$", "1,", "1.5 million", "(about", "9999999999999999999999 yuan",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range FindAll(s, pub) {
			check(t, s, m)
		}
		for _, m := range Find(s, time.Time{}) {
			check(t, s, m)
		}
	})
}

func check(t *testing.T, s string, m casebook.Money) {
	t.Helper()
	a, b := m.Span[0], m.Span[1]
	if a < 0 || b > len(s) || a >= b {
		t.Fatalf("span %v out of %d bytes", m.Span, len(s))
	}
	if !utf8.ValidString(s) {
		return
	}
	if !utf8.RuneStart(s[a]) || (b < len(s) && !utf8.RuneStart(s[b])) {
		t.Fatalf("span %v of %q splits a rune", m.Span, s)
	}
	if !(m.Amount > 0) || math.IsInf(m.Amount, 0) {
		t.Fatalf("amount %g in %q", m.Amount, s[a:b])
	}
	if m.Max != 0 && m.Max < m.Amount {
		t.Fatalf("max %g < amount %g in %q", m.Max, m.Amount, s[a:b])
	}
	if m.Role == "" || m.Currency == "" {
		t.Fatalf("no role or currency: %+v", m)
	}
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, pub)
	}
}

// benchText is typical report prose, English and Korean: about one sum in
// 500 bytes, denser than the development corpus (one in 1,400).
func benchText() string {
	plain := `The source, who asked not to be named for safety reasons, said that residents of the border area have grown wary of the new inspection teams sent down from Pyongyang in the summer. Officials from the provincial party committee, the police and the state security ministry now visit homes at night, checking for mobile phones, foreign films and unregistered guests. Traders in the market complain that business has slowed to a crawl, and that many families are skipping meals as the price of corn keeps climbing. 
`
	en := `Security agents in a border city have stepped up their hunt for people making calls to China and South Korea, a source in the province said on Friday. Those caught are taken to the local branch office, where they are questioned for days. "The agents asked one woman for 5,000 yuan (around US $700), and when she could not pay they took her phone," the source said. Smugglers say the going price for release has doubled since last year. A trader who was stopped on the road paid RMB 2,000 and was let go the same evening. Rice now sells for 6,000 won per kilogram in the market.
`
	ko := `양강도 혜산시에서 보위부가 외부 통화 단속을 강화하고 있다고 소식통이 전했다. 적발된 주민은 벌금으로 5000위안(한화 약 85만 원)을 내야 풀려날 수 있다. 소식통은 "요즘 장마당에서 쌀 1kg 가격은 6천 원 정도"라며 "주민들의 생활이 갈수록 어려워지고 있다"고 말했다.
`
	return strings.Repeat(en+plain, 40) + strings.Repeat(ko, 10)
}

// BenchmarkFindCorpus runs Find over the shared development corpus: typical
// report text (skipped when the corpus is absent).
func BenchmarkFindCorpus(b *testing.B) {
	docs := devcorpus.Load(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			Find(d.Text, pub)
		}
	}
}

func TestPerHead(t *testing.T) {
	tests := []struct {
		text string
		want []bool // per sum Find returns, in order
	}{
		{"Agents demanded 2,000 dollars for each detainee's release.", []bool{true}},
		{"The chief told them each must pay 800,000 won by Monday.", []bool{true}},
		{"Police demanded 3 million won from each family, about $375.", []bool{true}},
		{"보안원들은 한 사람당 5000원씩 걷었다.", []bool{true}},
		{"검열단은 1인당 200위안을 요구했다.", []bool{true}},
		{"One dollar bought 8,200 won and a kilogram of rice cost 4,100 won.", []bool{false, false}},
		{"A porter makes RMB 300 a day.", []bool{false}},
		{"The family paid 4,000 yuan to the police.", []bool{false}},
	}
	for _, tt := range tests {
		got := Find(tt.text, pub)
		if len(got) != len(tt.want) {
			t.Fatalf("Find(%q) = %d sums, want %d", tt.text, len(got), len(tt.want))
		}
		for i, m := range got {
			if PerHead(tt.text, m.Span) != tt.want[i] {
				t.Errorf("PerHead(%q, %q) = %v, want %v", tt.text, tt.text[m.Span[0]:m.Span[1]], !tt.want[i], tt.want[i])
			}
		}
	}
	if PerHead("abc", casebook.Span{2, 9}) {
		t.Error("PerHead of a span out of the text")
	}
}

// TestTriggerWordCurrencies checks the three-letter codes read by first
// letter against the list they stand for, in every case.
func TestTriggerWordCurrencies(t *testing.T) {
	codes := []string{"rmb", "usd", "cny", "kpw", "krw", "jpy", "eur", "nkw"}
	letters := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for _, a := range letters {
		for _, b := range letters {
			for _, c := range letters {
				w := string([]rune{a, b, c})
				want := false
				for _, code := range codes {
					want = want || hasFold(w, 0, code)
				}
				if !want {
					_, want = numberWord(w, 0, 3)
				}
				if got := triggerWord(w, 0, 3); got != want {
					t.Fatalf("triggerWord(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
}

// TestScaleAfterRulesOutA checks that scan may pass over an "a" with no
// scale word after it: parseMention finds no sum there.
func TestScaleAfterRulesOutA(t *testing.T) {
	for _, s := range []string{"a hundred yuan", "A thousand won", "a 5,000 won fine", "a $50 bribe", "a  million",
		"a\u00a0hundred dollars", "a dozen", "a one", "a few hundred yuan", "a RMB 500", "a USD 20", "a 3만원", "a"} {
		for _, prev := range [][]mention{nil, {{lo: 5, cur: "CNY", start: 0, end: 0}}} {
			if _, ok := parseMention(s, 0, prev); ok && !scaleAfter(s, 1) {
				t.Errorf("parseMention(%q) finds a sum that scan passes over", s)
			}
		}
	}
}
