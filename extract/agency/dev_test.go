package agency

import (
	"slices"
	"testing"

	"casebook/extract/internal/devcorpus"
)

// devMinF1 is the agencies F1 (Find + Acting) the dev corpus must keep, per
// language: just under what is reached, so a regression fails.
const devMinF1 = 0.90

// TestDevAgenciesF1 scores Find + Acting on the dev gold, as score.go does
// (sets of codes per document), and logs each miss.
func TestDevAgenciesF1(t *testing.T) {
	byLang := map[string]*devcorpus.PRF{}
	for _, d := range devcorpus.Load(t) {
		text, name := d.Text, d.Name
		c := byLang[d.Language]
		if c == nil {
			c = &devcorpus.PRF{}
			byLang[d.Language] = c
		}
		got := Acting(text, Find(text))
		for _, g := range d.Agencies {
			if slices.Contains(got, g) {
				c.TP++
			} else {
				c.FN++
				t.Logf("%s: missed %s", name, g)
			}
		}
		for _, g := range got {
			if !slices.Contains(d.Agencies, g) {
				c.FP++
				t.Logf("%s: extra %s", name, g)
			}
		}
	}
	for _, lang := range []string{"en", "ko"} {
		c := byLang[lang]
		if c == nil {
			continue
		}
		f1 := c.F1()
		t.Logf("agencies %s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", lang, c.P(), c.R(), f1, c.TP, c.FP, c.FN)
		if f1 < devMinF1 {
			t.Errorf("agencies F1 %s = %.3f, want ≥ %.2f", lang, f1, devMinF1)
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
