package money

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"casebook"
)

// devDir is the shared development corpus, beside the project checkout.
const devDir = "../../../shared/corpus/dev"

type goldDoc struct {
	Published *string          `json:"published"`
	Language  string           `json:"language"`
	Money     []casebook.Money `json:"money"`
}

type devScore struct {
	tp, fp, fn    int
	usdN, usdOK   int
	roleN, roleOK int
}

func (d devScore) f1() float64 {
	if d.tp == 0 {
		return 0
	}
	p := float64(d.tp) / float64(d.tp+d.fp)
	r := float64(d.tp) / float64(d.tp+d.fn)
	return 2 * p * r / (p + r)
}

func sameSum(a, b casebook.Money) bool {
	return strings.EqualFold(a.Currency, b.Currency) && math.Abs(a.Amount-b.Amount) <= 0.005*math.Abs(a.Amount)
}

// TestDevCorpus scores Find on the shared development corpus the way the
// project's scorer does: amount and currency within 0.5 %, a range counted
// as its two ends, usd within 2 %, role exact.
func TestDevCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(devDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no development corpus at %s", devDir)
	}
	scores := map[string]*devScore{"en": {}, "ko": {}}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		var pub time.Time
		if g.Published != nil {
			pub, _ = time.Parse(time.DateOnly, *g.Published)
		}
		name := filepath.Base(f)
		sc := scores[g.Language]
		var pred []casebook.Money
		for _, m := range Find(string(text), pub) {
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
				if !used[i] && sameSum(gm, m) {
					j = i
					break
				}
			}
			if j < 0 {
				sc.fn++
				t.Logf("%s: missed %g %s", name, gm.Amount, gm.Currency)
				continue
			}
			used[j] = true
			sc.tp++
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
				sc.fp++
				t.Logf("%s: extra %g %s (%q)", name, m.Amount, m.Currency, text[m.Span[0]:m.Span[1]])
			}
		}
	}
	for _, lang := range []string{"en", "ko"} {
		sc := scores[lang]
		t.Logf("%s: money F1 %.3f (tp %d fp %d fn %d), usd %d/%d, role %d/%d",
			lang, sc.f1(), sc.tp, sc.fp, sc.fn, sc.usdOK, sc.usdN, sc.roleOK, sc.roleN)
		if sc.tp+sc.fn > 0 && sc.f1() < 0.95 {
			t.Errorf("%s: money F1 %.3f below 0.95", lang, sc.f1())
		}
		if sc.roleN > 0 && float64(sc.roleOK)/float64(sc.roleN) < 0.85 {
			t.Errorf("%s: role accuracy %d/%d below 0.85", lang, sc.roleOK, sc.roleN)
		}
		if sc.usdN > 0 && float64(sc.usdOK)/float64(sc.usdN) < 0.95 {
			t.Errorf("%s: usd accuracy %d/%d below 0.95", lang, sc.usdOK, sc.usdN)
		}
	}
}
