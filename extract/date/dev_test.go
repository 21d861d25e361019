package date

import (
	"strings"
	"testing"

	"casebook/extract/internal/devcorpus"
)

// TestDevCorpus checks, for every dated gold event of the shared development
// corpus, that Find offers an expression in the event's paragraph whose
// interval the scorer would accept. Which expression belongs to which event
// is the assembler's choice; this measures what it can choose from.
func TestDevCorpus(t *testing.T) {
	var n, inPara, anywhere int
	for _, g := range devcorpus.Load(t) {
		s, pub := g.Text, g.PublishedTime()
		exprs := Find(s, pub)
		for _, ev := range g.Events {
			if ev.Date == nil {
				continue
			}
			n++
			at := strings.Index(s, ev.Evidence)
			pa, pb := 0, len(s)
			if at >= 0 {
				if k := strings.LastIndex(s[:at], "\n"); k >= 0 {
					pa = k
				}
				if k := strings.Index(s[at:], "\n"); k >= 0 {
					pb = at + k
				}
			}
			found, near := false, false
			var cands []string
			for _, e := range exprs {
				if devcorpus.DateOK(*ev.Date, &e.Interval) {
					found = true
					if e.Span[0] >= pa && e.Span[1] <= pb {
						near = true
					}
				}
				if e.Span[0] >= pa && e.Span[1] <= pb {
					cands = append(cands, s[e.Span[0]:e.Span[1]]+"="+e.Interval.From+".."+e.Interval.To)
				}
			}
			if found {
				anywhere++
			}
			switch {
			case near:
				inPara++
			case found:
				t.Logf("%s: %s..%s for %.60q only outside its paragraph; there: %q", g.Name, ev.Date.From, ev.Date.To, ev.Evidence, cands)
			default:
				t.Logf("%s: %s..%s for %.60q: no acceptable expression in the text", g.Name, ev.Date.From, ev.Date.To, ev.Evidence)
			}
		}
	}
	t.Logf("dated gold events: %d; an acceptable expression in the paragraph: %d, anywhere: %d", n, inPara, anywhere)
	if float64(anywhere) < 0.95*float64(n) {
		t.Errorf("only %d of %d gold dates offered by any expression", anywhere, n)
	}
}
