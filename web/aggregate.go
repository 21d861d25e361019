package web

import (
	"fmt"
	"math"
	"sort"

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

func buildMap(sel selection) mapData {
	d := mapData{Provinces: map[string]int{}, Total: len(sel.idx)}
	ids := places.list()
	perPlace := make([]int, len(ids))
	perProv := make([]int, len(ids))
	first := make([]int32, len(ids))
	for _, i := range sel.idx {
		h := &sel.snap.hot[i]
		if h.prov >= 0 && int(h.prov) < len(ids) {
			perProv[h.prov]++
		}
		if h.pi < 0 || h.flags&hotCoord == 0 || int(h.pi) >= len(ids) {
			d.NoPlace++
			continue
		}
		if perPlace[h.pi] == 0 {
			first[h.pi] = i
		}
		perPlace[h.pi]++
	}
	for i, n := range perProv {
		if n > 0 {
			d.Provinces[ids[i]] = n
		}
	}
	for i, n := range perPlace {
		if n == 0 {
			continue
		}
		r := sel.snap.rows.at(first[i])
		d.Places = append(d.Places, placeCount{ID: r.PlaceID, Name: r.PlaceName, Province: r.Province, Lat: r.Lat, Lon: r.Lon, Count: n})
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

func buildTimeline(sel selection) timelineData {
	d := timelineData{Total: len(sel.idx)}
	lo, hi := int32(math.MaxInt32), int32(-1)
	for _, i := range sel.idx {
		r := &sel.snap.hot[i]
		if r.mk < 0 {
			d.Undated++
			continue
		}
		if r.flags&hotByReport != 0 {
			d.ByReport++
		}
		lo, hi = min(lo, r.mk), max(hi, r.mk)
	}
	if hi < 0 {
		return d
	}
	// The most recent months only: a stray date from 1950 must not draw
	// 900 empty months.
	lo = max(lo, hi-maxMonths+1)
	nt := len(casebook.EventTypes)
	counts := make([]int, int(hi-lo+1)*(nt+1))
	for _, i := range sel.idx {
		r := &sel.snap.hot[i]
		if r.mk < 0 || r.mk < lo {
			continue
		}
		t := int(r.ti)
		if t < 0 {
			t = nt // unknown type: counted in the total only
		}
		counts[int(r.mk-lo)*(nt+1)+t]++
	}
	// Years are sums of their months.
	years := map[int]*yearCount{}
	for k := lo; k <= hi; k++ {
		y := int(k / 12)
		row := counts[int(k-lo)*(nt+1) : int(k-lo+1)*(nt+1)]
		for t, n := range row {
			if n == 0 {
				continue
			}
			yc := years[y]
			if yc == nil {
				yc = &yearCount{Year: y, ByType: map[string]int{}}
				years[y] = yc
			}
			yc.Total += n
			if t < nt {
				yc.ByType[casebook.EventTypes[t]] += n
			}
		}
	}
	for k := lo; k <= hi; k++ {
		mc := monthCount{Month: fmt.Sprintf("%04d-%02d", k/12, k%12+1), ByType: map[string]int{}}
		row := counts[int(k-lo)*(nt+1) : int(k-lo+1)*(nt+1)]
		for t, n := range row {
			mc.Total += n
			if t < nt && n > 0 {
				mc.ByType[casebook.EventTypes[t]] = n
			}
		}
		d.Months = append(d.Months, mc)
		d.Max = max(d.Max, mc.Total)
	}
	for _, yc := range years {
		d.Years = append(d.Years, *yc)
	}
	sort.Slice(d.Years, func(i, j int) bool { return d.Years[i].Year > d.Years[j].Year })
	return d
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
	Targets   []string    `json:"targets"` // or cases, when ByCase
	ByCase    bool        `json:"by_case"`
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
func buildPrices(sel selection, f filter) priceData {
	type key struct {
		year   int
		target int32 // snapshot target code; -1 none; -9 all targets
		typ    int8
	}
	vals := map[key][]float64{}
	var d priceData
	demand, paid := indexOf(casebook.EventTypes, casebook.EventBribeDemand), indexOf(casebook.EventTypes, casebook.EventBribePayment)
	byCase := f.Split == "case"
	d.ByCase = byCase
	const all = -9
	targets := map[int32]bool{}
	years := map[int]bool{}
	for _, i := range sel.idx {
		r := &sel.snap.hot[i]
		if r.ti != demand && r.ti != paid {
			continue
		}
		if r.usd <= 0 {
			d.NoAmount++
			continue
		}
		if r.year == 0 {
			d.Undated++
			continue
		}
		if r.flags&hotByReport != 0 {
			d.ByReport++
		}
		typ := r.ti
		y := int(r.year)
		split := r.tgt
		if byCase {
			split = r.cs
		}
		targets[split] = true
		years[y] = true
		vals[key{y, split, typ}] = append(vals[key{y, split, typ}], r.usd)
		vals[key{y, all, typ}] = append(vals[key{y, all, typ}], r.usd)
		d.MaxUSD = max(d.MaxUSD, r.usd)
	}
	targetName := func(c int32) string {
		if c < 0 {
			return ""
		}
		return sel.snap.targets[c]
	}
	var codes []int32
	for c := range targets {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool { return targetName(codes[i]) < targetName(codes[j]) })
	for _, c := range codes {
		d.Targets = append(d.Targets, targetName(c))
	}
	for y := range years {
		d.YearsList = append(d.YearsList, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(d.YearsList)))
	link := func(y int, t, typ string, all bool) string {
		g := f
		g.Year, g.Type, g.Page = y, typ, 1
		if !all {
			if t == "" {
				t = "none"
			}
			if byCase {
				g.Case = t
			} else {
				g.Target = t
			}
		}
		g.Split = ""
		return g.Encode()
	}
	for _, y := range d.YearsList {
		py := priceYear{Year: y}
		py.All = priceRow{Year: y,
			Demanded: stat(vals[key{y, all, demand}], link(y, "", casebook.EventBribeDemand, true)),
			Paid:     stat(vals[key{y, all, paid}], link(y, "", casebook.EventBribePayment, true)),
		}
		for _, c := range codes {
			t := targetName(c)
			dm := vals[key{y, c, demand}]
			pd := vals[key{y, c, paid}]
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
