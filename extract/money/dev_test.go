package money

import (
	"math"
	"testing"

	"casebook"
	"casebook/extract/internal/devcorpus"
)

// devScore counts money matches and the usd and role accuracy of matched sums.
type devScore struct {
	devcorpus.PRF
	usdN, usdOK   int
	roleN, roleOK int
}

// TestDevCorpus scores Find on the shared development corpus the way the
// project's scorer does: amount and currency within 0.5 %, a range counted
// as its two ends, usd within 2 %, role exact.
func TestDevCorpus(t *testing.T) {
	scores := map[string]*devScore{"en": {}, "ko": {}}
	for _, g := range devcorpus.Load(t) {
		text, pub := g.Text, g.PublishedTime()
		name := g.Name
		sc := scores[g.Language]
		var pred []casebook.Money
		for _, m := range Find(text, pub) {
			pred = append(pred, m)
			if m.Max > m.Amount {
				hi := m
				hi.Amount, hi.USD = m.Max, 0
				pred = append(pred, hi)
			}
		}
		used := make([]bool, len(pred))
		for _, gm := range g.Money {
			j := -1
			for i, m := range pred {
				if !used[i] && devcorpus.SameSum(gm, m) {
					j = i
					break
				}
			}
			if j < 0 {
				sc.FN++
				t.Logf("%s: missed %g %s", name, gm.Amount, gm.Currency)
				continue
			}
			used[j] = true
			sc.TP++
			if gm.USD > 0 {
				sc.usdN++
				if math.Abs(pred[j].USD-gm.USD) <= 0.02*gm.USD {
					sc.usdOK++
				} else {
					t.Logf("%s: usd of %g %s: gold %g, got %g", name, gm.Amount, gm.Currency, gm.USD, pred[j].USD)
				}
			}
			if gm.Role != "" {
				sc.roleN++
				if pred[j].Role == gm.Role {
					sc.roleOK++
				} else {
					t.Logf("%s: role of %g %s: gold %s, got %s (%q)", name, gm.Amount, gm.Currency, gm.Role, pred[j].Role, text[pred[j].Span[0]:pred[j].Span[1]])
				}
			}
		}
		for i, m := range pred {
			if !used[i] {
				sc.FP++
				t.Logf("%s: extra %g %s (%q)", name, m.Amount, m.Currency, text[m.Span[0]:m.Span[1]])
			}
		}
	}
	for _, lang := range []string{"en", "ko"} {
		sc := scores[lang]
		t.Logf("%s: money F1 %.3f (tp %d fp %d fn %d), usd %d/%d, role %d/%d",
			lang, sc.F1(), sc.TP, sc.FP, sc.FN, sc.usdOK, sc.usdN, sc.roleOK, sc.roleN)
		if sc.TP+sc.FN > 0 && sc.F1() < 0.95 {
			t.Errorf("%s: money F1 %.3f below 0.95", lang, sc.F1())
		}
		if sc.roleN > 0 && float64(sc.roleOK)/float64(sc.roleN) < 0.85 {
			t.Errorf("%s: role accuracy %d/%d below 0.85", lang, sc.roleOK, sc.roleN)
		}
		if sc.usdN > 0 && float64(sc.usdOK)/float64(sc.usdN) < 0.95 {
			t.Errorf("%s: usd accuracy %d/%d below 0.95", lang, sc.usdOK, sc.usdN)
		}
	}
}
