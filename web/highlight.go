package web

import (
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"casebook"
)

// marked is one fact's span of the text.
type marked struct {
	span casebook.Span
	kind string // place, agency, money, event
	sub  string // event type, for its colour
	fact int64
}

// factSpans lists every span of every fact. Places and agencies may be named
// several times; each mention is marked.
func factSpans(facts []casebook.Fact) []marked {
	var out []marked
	for _, f := range facts {
		switch {
		case f.Place != nil:
			for _, sp := range f.Place.Spans {
				out = append(out, marked{sp, casebook.KindPlace, "", f.ID})
			}
		case f.Agency != nil:
			for _, sp := range f.Agency.Spans {
				out = append(out, marked{sp, casebook.KindAgency, "", f.ID})
			}
		case f.Money != nil:
			out = append(out, marked{f.Money.Span, casebook.KindMoney, "", f.ID})
		case f.Event != nil:
			out = append(out, marked{f.Event.Span, casebook.KindEvent, f.Event.Type, f.ID})
		}
	}
	return out
}

// clampSpan keeps a span inside the text and on character boundaries, so a
// bad offset can never cut a Korean syllable in half or run off the end.
func clampSpan(text string, sp casebook.Span) (casebook.Span, bool) {
	a, b := max(sp[0], 0), min(sp[1], len(text))
	for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && b > 0 && !utf8.RuneStart(text[b]) {
		b++
	}
	return casebook.Span{a, b}, a < b
}

// highlight renders text with every fact's span marked by kind. Spans may
// nest or overlap (an event's clause holds its place and sum), so the text is
// cut at every span edge and each piece carries the classes of all spans that
// cover it. The text content of the result is exactly text, which the
// selection script relies on to compute byte offsets.
func highlight(text string, facts []casebook.Fact) template.HTML {
	var spans []marked
	for _, m := range factSpans(facts) {
		if sp, ok := clampSpan(text, m.span); ok {
			m.span = sp
			spans = append(spans, m)
		}
	}
	cuts := []int{0, len(text)}
	for _, m := range spans {
		cuts = append(cuts, m.span[0], m.span[1])
	}
	sort.Ints(cuts)
	var b strings.Builder
	anchored := map[int64]bool{}
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		var classes, titles []string
		var ids []string
		var anchor int64
		for _, m := range spans {
			if m.span[0] <= a && m.span[1] >= z {
				c := "hl-" + m.kind
				t := m.kind
				if m.kind == casebook.KindEvent {
					c += " ev-" + m.sub
					t = "event: " + label(m.sub)
				}
				classes = append(classes, c)
				titles = append(titles, t)
				ids = append(ids, strconv.FormatInt(m.fact, 10))
				if m.span[0] == a && !anchored[m.fact] && anchor == 0 {
					anchor = m.fact
				}
			}
		}
		seg := html.EscapeString(text[a:z])
		if len(classes) == 0 {
			b.WriteString(seg)
			continue
		}
		b.WriteString(`<mark class="`)
		b.WriteString(html.EscapeString(strings.Join(dedupe(classes), " ")))
		b.WriteString(`" title="`)
		b.WriteString(html.EscapeString(strings.Join(dedupeExact(titles), ", ")))
		b.WriteString(`" data-facts="`)
		b.WriteString(strings.Join(ids, " "))
		b.WriteString(`"`)
		if anchor != 0 {
			anchored[anchor] = true
			b.WriteString(` id="t` + strconv.FormatInt(anchor, 10) + `"`)
		}
		b.WriteString(`>`)
		b.WriteString(seg)
		b.WriteString(`</mark>`)
	}
	return template.HTML(b.String())
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		for _, p := range strings.Fields(x) {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// quoteSpan is the text a span covers, on one line, shortened.
func quoteSpan(text string, sp casebook.Span, n int) string {
	sp, ok := clampSpan(text, sp)
	if !ok {
		return ""
	}
	q := strings.Join(strings.Fields(text[sp[0]:sp[1]]), " ")
	if utf8.RuneCountInString(q) > n {
		r := []rune(q)
		q = string(r[:n-1]) + "…"
	}
	return q
}

func dedupeExact(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
