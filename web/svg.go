package web

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"casebook"
	"casebook/web/internal/mapproj"
)

// typeColors give each event type a colour that prints distinguishably.
var typeColors = map[string]string{
	casebook.EventDetention: "#b2182b", casebook.EventBribeDemand: "#e08214",
	casebook.EventBribePayment: "#8c510a", casebook.EventRelease: "#1b7837",
	casebook.EventCrackdown: "#762a83", casebook.EventThreat: "#c51b7d",
	casebook.EventConfiscation: "#4d4d4d", casebook.EventPunishment: "#2166ac",
	casebook.EventSurveillance: "#35978f", casebook.EventPersonnel: "#9970ab",
}

func esc(s string) string { return html.EscapeString(s) }

func f1(v float64) string { return fmt.Sprintf("%.1f", v) }

// mapSVG draws the provinces, shaded by their events, and one circle per
// place sized by its events (area proportional to count), each a link to the
// place's events under the same filter.
func mapSVG(d mapData, f filter) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="map" viewBox="0 0 %d %d" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">`, mapproj.Width, mapproj.Height)
	fmt.Fprintf(&b, `<title id="map-title">Map of North Korea: %d events at %d places</title>`, d.Total-d.NoPlace, len(d.Places))
	b.WriteString(`<desc id="map-desc">Province outlines shaded by number of events; circles sized by events per place. The table below lists the same figures.</desc>`)
	b.WriteString(`<g class="provinces">`)
	q := f.Encode()
	for _, p := range provinceOutlines {
		n := d.Provinces[p.ID]
		// Nampo and Kaesong have no outline of their own; their territory is
		// inside these two.
		switch p.ID {
		case "south-pyongan":
			n += d.Provinces["nampo"]
		case "north-hwanghae":
			n += d.Provinces["kaesong"]
		}
		shade := 0
		if d.MaxProvinc > 0 && n > 0 {
			shade = 1 + int(4*float64(n)/float64(d.MaxProvinc+1))
		}
		fmt.Fprintf(&b, `<a href="/places/%s?%s"><path class="prov shade%d" d="%s"><title>%s (%s): %d events</title></path></a>`,
			esc(p.ID), esc(q), shade, p.Path, esc(p.Name), esc(p.NameKo), n)
	}
	b.WriteString(`</g><g class="labels" aria-hidden="true">`)
	for _, p := range provinceOutlines {
		fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, f1(p.LX), f1(p.LY), esc(p.Name))
	}
	b.WriteString(`</g><g class="points">`)
	maxN := 1
	for _, p := range d.Places {
		maxN = max(maxN, p.Count)
	}
	for _, p := range d.Places {
		x, y := mapproj.Project(p.Lon, p.Lat)
		r := 3 + 22*math.Sqrt(float64(p.Count)/float64(maxN))
		fmt.Fprintf(&b, `<a href="/places/%s?%s" class="pt"><circle cx="%s" cy="%s" r="%s"><title>%s: %d event%s</title></circle></a>`,
			esc(p.ID), esc(q), f1(x), f1(y), f1(r), esc(p.Name), p.Count, plural(p.Count))
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// chartScale is how many CSS pixels a chart unit takes: charts keep their
// natural size, so a chart of two years is not blown up to the page's width.
const chartScale = 1.25

// timelineSVG draws stacked monthly bars by event type, with a year axis.
func timelineSVG(d timelineData) template.HTML {
	if len(d.Months) == 0 {
		return ""
	}
	const h, top, left, bottom = 220.0, 10.0, 40.0, 30.0
	bw := math.Max(3, math.Min(16, 880/float64(len(d.Months))))
	w := left + bw*float64(len(d.Months)) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" width="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="tl-title" xmlns="http://www.w3.org/2000/svg">`, f1(w*chartScale), f1(w), f1(h+top+bottom))
	fmt.Fprintf(&b, `<title id="tl-title">Events per month from %s to %s, by type; the table below gives the yearly figures</title>`, d.Months[0].Month, d.Months[len(d.Months)-1].Month)
	maxV := float64(max(d.Max, 1))
	// y axis: 0, half, max
	for _, v := range []float64{0, math.Round(maxV / 2), maxV} {
		y := top + h - h*v/maxV
		fmt.Fprintf(&b, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="axis" x="%s" y="%s" text-anchor="end">%d</text>`,
			f1(left), f1(w-10), f1(y), f1(y), f1(left-4), f1(y+4), int(v))
	}
	for i, m := range d.Months {
		x := left + bw*float64(i)
		y := top + h
		for _, t := range casebook.EventTypes {
			n := m.ByType[t]
			if n == 0 {
				continue
			}
			bh := h * float64(n) / maxV
			y -= bh
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s · %s: %d</title></rect>`,
				f1(x), f1(y), f1(math.Max(bw-1, 1)), f1(bh), typeColors[t], m.Month, esc(label(t)), n)
		}
		if strings.HasSuffix(m.Month, "-01") || i == 0 {
			fmt.Fprintf(&b, `<line class="tick" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="axis" x="%s" y="%s">%s</text>`,
				f1(x), f1(x), f1(top+h), f1(top+h+5), f1(x), f1(top+h+18), m.Month[:4])
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// priceSVG draws, per year, the range (line) and median (dot) of bribes
// demanded and paid, on a log scale: sums run from $10 to $10,000.
func priceSVG(d priceData) template.HTML {
	if len(d.Years) == 0 {
		return ""
	}
	years := make([]priceYear, len(d.Years))
	copy(years, d.Years)
	for i, j := 0, len(years)-1; i < j; i, j = i+1, j-1 {
		years[i], years[j] = years[j], years[i]
	}
	const h, top, left, bottom = 220.0, 14.0, 60.0, 30.0
	step := math.Max(30, math.Min(70, 800/float64(len(years))))
	w := left + step*float64(len(years)) + 10
	lo, hi := 1.0, math.Max(10, d.MaxUSD)
	ly := func(v float64) float64 {
		v = math.Max(v, lo)
		return top + h - h*(math.Log10(v)-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" width="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="pr-title" xmlns="http://www.w3.org/2000/svg">`, f1(w*chartScale), f1(w), f1(h+top+bottom))
	b.WriteString(`<title id="pr-title">Bribes in US dollars per year: median (dot) and range (line), demanded in orange, paid in brown; log scale. The table below gives every figure with its count.</title>`)
	for v := 1.0; v <= hi*1.01; v *= 10 {
		y := ly(v)
		fmt.Fprintf(&b, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="axis" x="%s" y="%s" text-anchor="end">%s</text>`,
			f1(left), f1(w-10), f1(y), f1(y), f1(left-4), f1(y+4), esc(formatUSD(v)))
	}
	for i, py := range years {
		x := left + step*float64(i) + step/2
		for j, st := range []*priceStat{py.All.Demanded, py.All.Paid} {
			if st == nil {
				continue
			}
			cls, dx, what := "demand", -6.0, "demanded"
			if j == 1 {
				cls, dx, what = "paid", 6.0, "paid"
			}
			fmt.Fprintf(&b, `<g class="%s"><line x1="%s" x2="%s" y1="%s" y2="%s"/><circle cx="%s" cy="%s" r="4"/><title>%d, %s: median %s, range %s–%s, %d event%s</title></g>`,
				cls, f1(x+dx), f1(x+dx), f1(ly(st.Min)), f1(ly(st.Max)), f1(x+dx), f1(ly(st.Median)),
				py.Year, what, esc(formatUSD(st.Median)), esc(formatUSD(st.Min)), esc(formatUSD(st.Max)), st.Count, plural(st.Count))
		}
		fmt.Fprintf(&b, `<text class="axis" x="%s" y="%s" text-anchor="middle">%d</text>`, f1(x), f1(top+h+18), py.Year)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
