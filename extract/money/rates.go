package money

//go:generate go run ./gen -in ../../../shared/data/fx-monthly.csv -out rates_gen.go

import "time"

// ToUSD converts amount of currency (ISO 4217: USD, CNY, KRW, JPY, EUR, KPW)
// into US dollars at the rate of month's month: the official monthly average
// for CNY, KRW, JPY and EUR, and for KPW the market rate observed nearest to
// that month (the official won rate is meaningless). A month outside the
// tables uses the nearest month in them; a zero month uses the latest. ok is
// false for an unknown currency.
func ToUSD(amount float64, currency string, month time.Time) (usd float64, ok bool) {
	rate, ok := PerUSD(currency, month)
	if !ok {
		return 0, false
	}
	return amount / rate, true
}

// PerUSD returns the units of currency one US dollar bought in month, by the
// same rules as ToUSD.
func PerUSD(currency string, month time.Time) (float64, bool) {
	m := rateLast
	if !month.IsZero() {
		m = month.Year()*12 + int(month.Month()) - 1
	}
	i := min(max(m, rateFirst), rateLast) - rateFirst
	switch currency {
	case "USD":
		return 1, true
	case "CNY":
		return cnyPerUSD[i], true
	case "KRW":
		return krwPerUSD[i], true
	case "JPY":
		return jpyPerUSD[i], true
	case "EUR":
		return eurPerUSD[i], true
	case "KPW":
		return kpwNearest(m), true
	}
	return 0, false
}

// kpwNearest returns the market won rate observed nearest to month index m,
// the earlier observation on a tie.
func kpwNearest(m int) float64 {
	best, bestD := kpwMarket[0].perUSD, 1<<30
	for _, o := range kpwMarket {
		d := o.month - m
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = o.perUSD, d
		}
	}
	return best
}
