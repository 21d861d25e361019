package date

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"casebook"
)

// dateOK is the scorer's test: the intervals overlap and their middles lie
// within max(3 days, half the gold width) of each other.
func dateOK(g, p casebook.Interval) bool {
	gf, _ := time.Parse(time.DateOnly, g.From)
	gt, _ := time.Parse(time.DateOnly, g.To)
	pf, _ := time.Parse(time.DateOnly, p.From)
	pt, _ := time.Parse(time.DateOnly, p.To)
	if pt.Before(gf) || gt.Before(pf) {
		return false
	}
	d := gf.Add(gt.Sub(gf) / 2).Sub(pf.Add(pt.Sub(pf) / 2))
	if d < 0 {
		d = -d
	}
	return d <= max(3*24*time.Hour, gt.Sub(gf)/2)
}

// TestDevCorpus checks, for every dated gold event of the shared development
// corpus, that Find offers an expression in the event's paragraph whose
// interval the scorer would accept. Which expression belongs to which event
// is the assembler's choice; this measures what it can choose from.
func TestDevCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/*.json")
	if len(files) == 0 {
		t.Skip("no development corpus at ../../../shared/corpus/dev")
	}
	var n, inPara, anywhere int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Published *string `json:"published"`
			Events    []struct {
				Evidence string             `json:"evidence"`
				Date     *casebook.Interval `json:"date"`
			} `json:"events"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		s := string(text)
		var pub time.Time
		if g.Published != nil {
			pub, _ = time.Parse(time.DateOnly, *g.Published)
		}
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
				if dateOK(*ev.Date, e.Interval) {
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
				t.Logf("%s: %s..%s for %.60q only outside its paragraph; there: %q", filepath.Base(f), ev.Date.From, ev.Date.To, ev.Evidence, cands)
			default:
				t.Logf("%s: %s..%s for %.60q: no acceptable expression in the text", filepath.Base(f), ev.Date.From, ev.Date.To, ev.Evidence)
			}
		}
	}
	t.Logf("dated gold events: %d; an acceptable expression in the paragraph: %d, anywhere: %d", n, inPara, anywhere)
	if float64(anywhere) < 0.95*float64(n) {
		t.Errorf("only %d of %d gold dates offered by any expression", anywhere, n)
	}
}
