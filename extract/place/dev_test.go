package place

import (
	"testing"

	"casebook/extract/internal/devcorpus"
)

// devMinF1 is the places F1 the dev corpus must keep (per language); it is
// set just under what the matcher reaches, so a regression fails.
const devMinF1 = 0.95

// TestDevPlacesF1 scores Find on the dev gold, comparing by gazetteer id
// (gold names go through Lookup, as the scorer folds spellings).
func TestDevPlacesF1(t *testing.T) {
	docs := devcorpus.Load(t)
	byLang := map[string]*devcorpus.PRF{}
	for _, d := range docs {
		c := byLang[d.Language]
		if c == nil {
			c = &devcorpus.PRF{}
			byLang[d.Language] = c
		}
		gold := map[string]bool{}
		for _, g := range d.Places {
			p, ok := Lookup(g)
			if !ok {
				t.Logf("%s: gold place %q not in the gazetteer", d.Name, g)
				gold["?"+g] = true
				continue
			}
			gold[p.ID] = true
		}
		got := map[string]bool{}
		for _, m := range Find(d.Text) {
			if !m.Government {
				got[m.ID] = true
			}
		}
		for id := range gold {
			if got[id] {
				c.TP++
			} else {
				c.FN++
				t.Logf("%s: missed %s", d.Name, id)
			}
		}
		for id := range got {
			if !gold[id] {
				c.FP++
				t.Logf("%s: extra %s", d.Name, id)
			}
		}
	}
	for _, lang := range []string{"en", "ko"} {
		c := byLang[lang]
		if c == nil {
			continue
		}
		f1 := c.F1()
		t.Logf("places %s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", lang, c.P(), c.R(), f1, c.TP, c.FP, c.FN)
		if f1 < devMinF1 {
			t.Errorf("places F1 %s = %.3f, want ≥ %.2f", lang, f1, devMinF1)
		}
	}
}

// BenchmarkFindDev runs Find over the dev corpus texts, a realistic density
// of names (BenchmarkFind's own text is far denser).
func BenchmarkFindDev(b *testing.B) {
	docs := devcorpus.Load(b)
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			Find(d.Text)
		}
	}
}
