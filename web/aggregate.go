package web

import (
	"math"
	"sort"
	"strconv"

	"casebook"
)

// placeCount is a map point: a place and its events.
type placeCount struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Province string  `json:"province,omitempty"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Count    int     `json:"count"`
	X        float64 `json:"-"`
	Y        float64 `json:"-"`
	R        float64 `json:"-"`
}

// mapData is what the map shows for a filter.
type mapData struct {
	Places     []placeCount   `json:"places"`
	Provinces  map[string]int `json:"provinces"` // events per first-level unit
	Total      int            `json:"total"`
	NoPlace    int            `json:"no_place"` // events with no place, or none on the map
	Partial    bool           `json:"partial,omitempty"`
	MaxProvinc int            `json:"-"`
}

func buildMap(rows []*eventRow) mapData {
	d := mapData{Provinces: map[string]int{}, Total: len(rows)}
	by := map[string]*placeCount{}
	for _, r := range rows {
		if r.PlaceID == "" || !r.HasCoord {
			d.NoPlace++
			if r.PlaceID != "" {
				d.Provinces[r.Province]++
			}
			continue
		}
		d.Provinces[r.Province]++
		pc := by[r.PlaceID]
		if pc == nil {
			pc = &placeCount{ID: r.PlaceID, Name: r.PlaceName, Province: r.Province, Lat: r.Lat, Lon: r.Lon}
			by[r.PlaceID] = pc
		}
		pc.Count++
	}
	for _, pc := range by {
		d.Places = append(d.Places, *pc)
	}
	// Big circles first, so small ones stay clickable on top.
	sort.Slice(d.Places, func(i, j int) bool {
		if d.Places[i].Count != d.Places[j].Count {
			return d.Places[i].Count > d.Places[j].Count
		}
		return d.Places[i].ID < d.Places[j].ID
	})
	for _, n := range d.Provinces {
		d.MaxProvinc = max(d.MaxProvinc, n)
	}
	return d
}

// monthCount is one month of the timeline.
type monthCount struct {
	Month  string         `json:"month"`
	Total  int            `json:"total"`
	ByType map[string]int `json:"by_type"`
}

// timelineData is events per month by type.
type timelineData struct {
	Months  []monthCount `json:"months"`
	Undated int          `json:"undated"`
	// ByReport events have no date of their own and are counted in their
	// report's publication month.
	ByReport int         `json:"dated_by_report"`
	Total    int         `json:"total"`
	Max      int         `json:"-"`
	Years    []yearCount `json:"years"`
}

type yearCount struct {
	Year   int            `json:"year"`
	Total  int            `json:"total"`
	ByType map[string]int `json:"by_type"`
}

// maxMonths bounds the timeline so a stray date from 1950 cannot draw
// 900 empty months: the most recent ones are kept.
const maxMonths = 20 * 12

func buildTimeline(rows []*eventRow) timelineData {
	d := timelineData{Total: len(rows)}
	by := map[string]*monthCount{}
	years := map[int]*yearCount{}
	for _, r := range rows {
		if r.Month == "" {
			d.Undated++
			continue
		}
		if r.ByReport {
			d.ByReport++
		}
		mc := by[r.Month]
		if mc == nil {
			mc = &monthCount{Month: r.Month, ByType: map[string]int{}}
			by[r.Month] = mc
		}
		mc.Total++
		mc.ByType[r.Type]++
		yc := years[r.Year]
		if yc == nil {
			yc = &yearCount{Year: r.Year, ByType: map[string]int{}}
			years[r.Year] = yc
		}
		yc.Total++
		yc.ByType[r.Type]++
	}
	if len(by) == 0 {
		return d
	}
	var keys []string
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Fill the gaps: a month with no events is a fact too.
	first, last := keys[0], keys[len(keys)-1]
	for m := first; m <= last; m = nextMonth(m) {
		mc := by[m]
		if mc == nil {
			mc = &monthCount{Month: m, ByType: map[string]int{}}
		}
		d.Months = append(d.Months, *mc)
		d.Max = max(d.Max, mc.Total)
		if len(d.Months) > 2000 {
			break
		}
	}
	if len(d.Months) > maxMonths {
		d.Months = d.Months[len(d.Months)-maxMonths:]
	}
	for _, yc := range years {
		d.Years = append(d.Years, *yc)
	}
	sort.Slice(d.Years, func(i, j int) bool { return d.Years[i].Year > d.Years[j].Year })
	return d
}

func nextMonth(m string) string {
	y, _ := strconv.Atoi(m[:4])
	mo, _ := strconv.Atoi(m[5:7])
	mo++
	if mo > 12 {
		mo, y = 1, y+1
	}
	return strconv.Itoa(y) + "-" + pad2(mo)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// priceStat summarises the USD sums of a set of bribe events.
type priceStat struct {
	Count  int     `json:"count"`
	Median float64 `json:"median_usd"`
	Min    float64 `json:"min_usd"`
	Max    float64 `json:"max_usd"`
	Link   string  `json:"events"` // query string of /events listing them
}

// priceRow is one year and target of the price index.
type priceRow struct {
	Year     int        `json:"year"`
	Target   string     `json:"target"` // "" for every target together
	Demanded *priceStat `json:"demanded,omitempty"`
	Paid     *priceStat `json:"paid,omitempty"`
}

// priceData is the bribe price index: per year, overall and by target.
type priceData struct {
	Years     []priceYear `json:"years"`
	NoAmount  int         `json:"no_amount"`       // bribe events with no sum in USD
	Undated   int         `json:"undated"`         // with a sum but no date at all
	ByReport  int         `json:"dated_by_report"` // with no date of their own: counted in their report's year
	MaxUSD    float64     `json:"-"`
	Targets   []string    `json:"targets"`
	YearsList []int       `json:"-"`
}

type priceYear struct {
	Year     int        `json:"year"`
	All      priceRow   `json:"all"`
	ByTarget []priceRow `json:"by_target"`
}

func stat(vals []float64, link string) *priceStat {
	if len(vals) == 0 {
		return nil
	}
	sort.Float64s(vals)
	n := len(vals)
	med := vals[n/2]
	if n%2 == 0 {
		med = (vals[n/2-1] + vals[n/2]) / 2
	}
	return &priceStat{Count: n, Median: math.Round(med*100) / 100, Min: vals[0], Max: vals[n-1], Link: link}
}

// buildPrices groups bribe demands and payments with a USD value by year and
// by target. f is the filter the rows came from, so each figure links to the
// very events behind it.
func buildPrices(rows []*eventRow, f filter) priceData {
	type key struct {
		year   int
		target string
		typ    string
	}
	vals := map[key][]float64{}
	var d priceData
	targets := map[string]bool{}
	years := map[int]bool{}
	for _, r := range rows {
		if r.Type != casebook.EventBribeDemand && r.Type != casebook.EventBribePayment {
			continue
		}
		if r.USD <= 0 {
			d.NoAmount++
			continue
		}
		if r.Year == 0 {
			d.Undated++
			continue
		}
		if r.ByReport {
			d.ByReport++
		}
		t := r.Target
		targets[t] = true
		years[r.Year] = true
		vals[key{r.Year, t, r.Type}] = append(vals[key{r.Year, t, r.Type}], r.USD)
		vals[key{r.Year, "\x00all", r.Type}] = append(vals[key{r.Year, "\x00all", r.Type}], r.USD)
		d.MaxUSD = max(d.MaxUSD, r.USD)
	}
	for t := range targets {
		d.Targets = append(d.Targets, t)
	}
	sort.Strings(d.Targets)
	for y := range years {
		d.YearsList = append(d.YearsList, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(d.YearsList)))
	link := func(y int, t, typ string, all bool) string {
		g := f
		g.Year, g.Type, g.Page = y, typ, 1
		if !all {
			g.Target = t
			if t == "" {
				g.Target = "none"
			}
		}
		return g.Encode()
	}
	for _, y := range d.YearsList {
		py := priceYear{Year: y}
		py.All = priceRow{Year: y,
			Demanded: stat(vals[key{y, "\x00all", casebook.EventBribeDemand}], link(y, "", casebook.EventBribeDemand, true)),
			Paid:     stat(vals[key{y, "\x00all", casebook.EventBribePayment}], link(y, "", casebook.EventBribePayment, true)),
		}
		for _, t := range d.Targets {
			dm := vals[key{y, t, casebook.EventBribeDemand}]
			pd := vals[key{y, t, casebook.EventBribePayment}]
			if len(dm) == 0 && len(pd) == 0 {
				continue
			}
			py.ByTarget = append(py.ByTarget, priceRow{Year: y, Target: t,
				Demanded: stat(dm, link(y, t, casebook.EventBribeDemand, false)),
				Paid:     stat(pd, link(y, t, casebook.EventBribePayment, false)),
			})
		}
		d.Years = append(d.Years, py)
	}
	return d
}

// countBy counts rows by a key.
func countBy(rows []*eventRow, key func(*eventRow) string) []facetOption {
	m := map[string]int{}
	for _, r := range rows {
		m[key(r)]++
	}
	var out []facetOption
	for k, n := range m {
		out = append(out, facetOption{Value: k, Label: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
