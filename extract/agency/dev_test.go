package agency

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// devCorpus is the shared gold corpus, beside the project checkout.
const devCorpus = "../../../shared/corpus/dev"

// devMinF1 is the agencies F1 (Find + Acting) the dev corpus must keep, per
// language: just under what is reached, so a regression fails.
const devMinF1 = 0.90

// TestDevAgenciesF1 scores Find + Acting on the dev gold, as score.go does
// (sets of codes per document), and logs each miss.
func TestDevAgenciesF1(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold corpus at %s (it lives outside the project); skipping", devCorpus)
	}
	sort.Strings(files)
	type prf struct{ tp, fp, fn int }
	byLang := map[string]*prf{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Language string   `json:"language"`
			Agencies []string `json:"agencies"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		txt, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		text := string(txt)
		name := filepath.Base(strings.TrimSuffix(f, ".json"))
		c := byLang[d.Language]
		if c == nil {
			c = &prf{}
			byLang[d.Language] = c
		}
		got := Acting(text, Find(text))
		for _, g := range d.Agencies {
			if slices.Contains(got, g) {
				c.tp++
			} else {
				c.fn++
				t.Logf("%s: missed %s", name, g)
			}
		}
		for _, g := range got {
			if !slices.Contains(d.Agencies, g) {
				c.fp++
				t.Logf("%s: extra %s", name, g)
			}
		}
	}
	for _, lang := range []string{"en", "ko"} {
		c := byLang[lang]
		if c == nil {
			continue
		}
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		r := float64(c.tp) / float64(max(1, c.tp+c.fn))
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		t.Logf("agencies %s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", lang, p, r, f1, c.tp, c.fp, c.fn)
		if f1 < devMinF1 {
			t.Errorf("agencies F1 %s = %.3f, want ≥ %.2f", lang, f1, devMinF1)
		}
	}
}

// BenchmarkFindDev runs Find over the dev corpus texts, a realistic density
// of names (BenchmarkFind's own text is far denser).
func BenchmarkFindDev(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.txt"))
	if len(files) == 0 {
		b.Skipf("no corpus at %s", devCorpus)
	}
	var texts []string
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Find(t)
		}
	}
}
