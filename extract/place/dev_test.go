package place

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// devCorpus is the shared gold corpus, beside the project checkout.
const devCorpus = "../../../shared/corpus/dev"

// devMinF1 is the places F1 the dev corpus must keep (per language); it is
// set just under what the matcher reaches, so a regression fails.
const devMinF1 = 0.95

type devDoc struct {
	name     string
	Language string   `json:"language"`
	Places   []string `json:"places"`
	text     string
}

func loadDev(t *testing.T) []devDoc {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold corpus at %s (it lives outside the project); skipping", devCorpus)
	}
	sort.Strings(files)
	var docs []devDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d devDoc
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		txt, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		d.name, d.text = filepath.Base(strings.TrimSuffix(f, ".json")), string(txt)
		docs = append(docs, d)
	}
	return docs
}

// TestDevPlacesF1 scores Find on the dev gold, comparing by gazetteer id
// (gold names go through Lookup, as the scorer folds spellings).
func TestDevPlacesF1(t *testing.T) {
	docs := loadDev(t)
	type prf struct{ tp, fp, fn int }
	byLang := map[string]*prf{}
	for _, d := range docs {
		c := byLang[d.Language]
		if c == nil {
			c = &prf{}
			byLang[d.Language] = c
		}
		gold := map[string]bool{}
		for _, g := range d.Places {
			p, ok := Lookup(g)
			if !ok {
				t.Logf("%s: gold place %q not in the gazetteer", d.name, g)
				gold["?"+g] = true
				continue
			}
			gold[p.ID] = true
		}
		got := map[string]bool{}
		for _, m := range Find(d.text) {
			if !m.Government {
				got[m.ID] = true
			}
		}
		for id := range gold {
			if got[id] {
				c.tp++
			} else {
				c.fn++
				t.Logf("%s: missed %s", d.name, id)
			}
		}
		for id := range got {
			if !gold[id] {
				c.fp++
				t.Logf("%s: extra %s", d.name, id)
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
		t.Logf("places %s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", lang, p, r, f1, c.tp, c.fp, c.fn)
		if f1 < devMinF1 {
			t.Errorf("places F1 %s = %.3f, want ≥ %.2f", lang, f1, devMinF1)
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
