package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"casebook"
	"casebook/extract/place"
)

// devCorpus is the shared gold corpus, beside the repository.
var devCorpus = filepath.Join("..", "..", "shared", "corpus", "dev")

// Targets the extractor reaches on the dev corpus, measured as
// ../shared/eval/score.go measures them (this test re-implements its
// matching in-process so it needs no built binary). They sit a little below
// the measured figures so noise in other packages does not flap the test.
var devTargets = map[string]float64{
	"overall":     0.95,
	"places":      0.95,
	"agencies":    0.95,
	"money":       0.95,
	"events":      0.93,
	"event date":  0.90,
	"event place": 0.90,
}

type goldMoney struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

type goldEvent struct {
	Type         string             `json:"type"`
	Evidence     string             `json:"evidence"`
	EvidenceSpan []int              `json:"evidence_span"`
	Place        string             `json:"place"`
	Date         *casebook.Interval `json:"date"`
	span         casebook.Span
}

type goldDoc struct {
	ID        string      `json:"id"`
	Published *string     `json:"published"`
	Language  string      `json:"language"`
	Places    []string    `json:"places"`
	Agencies  []string    `json:"agencies"`
	Money     []goldMoney `json:"money"`
	Events    []goldEvent `json:"events"`
}

type prf struct{ tp, fp, fn int }

func (c prf) f1() float64 {
	p, r := ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestDevCorpus scores the extractor on ../shared/corpus/dev and fails
// below devTargets. It skips when the corpus is not there.
func TestDevCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(devCorpus, "*.json"))
	if len(files) == 0 {
		t.Skipf("no gold corpus at %s: skipping the dev-corpus score", devCorpus)
	}
	sort.Strings(files)
	var places, agencies, money, events prf
	var datesOK, datesN, placesOK, placesN int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		var pub time.Time
		if g.Published != nil {
			pub, _ = time.Parse("2006-01-02", *g.Published)
		}
		got := Extract(Input{Text: string(text), Published: pub, Language: g.Language})

		gp := map[string]bool{}
		for _, n := range g.Places {
			gp[placeKey(n)] = true
		}
		pp := map[string]bool{}
		for _, p := range got.Places {
			pp[p.ID] = true
		}
		setScore(&places, gp, pp)
		ga, pa := map[string]bool{}, map[string]bool{}
		for _, a := range g.Agencies {
			ga[a] = true
		}
		for _, a := range got.Agencies {
			pa[a.ID] = true
		}
		setScore(&agencies, ga, pa)
		scoreMoney(&money, g.Money, got.Money)

		for i := range g.Events {
			e := &g.Events[i]
			if len(e.EvidenceSpan) == 2 {
				e.span = casebook.Span{e.EvidenceSpan[0], e.EvidenceSpan[1]}
			} else if at := strings.Index(string(text), e.Evidence); at >= 0 {
				e.span = casebook.Span{at, at + len(e.Evidence)}
			} else {
				t.Fatalf("%s: evidence not in text: %q", f, e.Evidence)
			}
		}
		match := matchEvents(g.Events, got.Events)
		for gi, ge := range g.Events {
			pi := match[gi]
			if ge.Date != nil {
				datesN++
			}
			if ge.Place != "" {
				placesN++
			}
			if pi < 0 {
				events.fn++
				continue
			}
			events.tp++
			pe := got.Events[pi]
			if ge.Date != nil && dateOK(*ge.Date, pe.Date) {
				datesOK++
			}
			if ge.Place != "" && pe.Place != nil && pe.Place.ID == placeKey(ge.Place) {
				placesOK++
			}
		}
		events.fp += len(got.Events) - (len(g.Events) - countMissed(match))
	}
	scores := map[string]float64{
		"places": places.f1(), "agencies": agencies.f1(), "money": money.f1(), "events": events.f1(),
		"event date": ratio(datesOK, datesN), "event place": ratio(placesOK, placesN),
	}
	scores["overall"] = (scores["places"] + scores["agencies"] + scores["money"] + scores["events"] + scores["event date"] + scores["event place"]) / 6
	for _, k := range []string{"overall", "places", "agencies", "money", "events", "event date", "event place"} {
		t.Logf("%-12s %.3f (target %.2f)", k, scores[k], devTargets[k])
		if scores[k] < devTargets[k] {
			t.Errorf("%s %.3f below the target %.2f", k, scores[k], devTargets[k])
		}
	}
}

// placeKey turns a gold place name into a gazetteer id when it spells one.
func placeKey(name string) string {
	if p, ok := place.Lookup(name); ok {
		return p.ID
	}
	return strings.ToLower(name)
}

func setScore(c *prf, gold, pred map[string]bool) {
	for k := range gold {
		if pred[k] {
			c.tp++
		} else {
			c.fn++
		}
	}
	for k := range pred {
		if !gold[k] {
			c.fp++
		}
	}
}

// scoreMoney matches sums on currency and amount (±0.5%); a predicted range
// counts as its two ends, as the gold writes them.
func scoreMoney(c *prf, gold []goldMoney, pred []casebook.Money) {
	var ps []goldMoney
	for _, m := range pred {
		ps = append(ps, goldMoney{m.Amount, m.Currency})
		if m.Max > m.Amount {
			ps = append(ps, goldMoney{m.Max, m.Currency})
		}
	}
	used := make([]bool, len(ps))
	for _, g := range gold {
		found := false
		for i, p := range ps {
			if !used[i] && strings.EqualFold(g.Currency, p.Currency) && math.Abs(g.Amount-p.Amount) <= 0.005*math.Abs(g.Amount) {
				used[i], found = true, true
				break
			}
		}
		if found {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, u := range used {
		if !u {
			c.fp++
		}
	}
}

// matchEvents pairs gold and predicted events of the same type whose spans
// overlap, largest overlap first; match[g] is the predicted index or -1.
func matchEvents(gold []goldEvent, pred []casebook.Event) []int {
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			lo, hi := max(g.span[0], p.Span[0]), min(g.span[1], p.Span[1])
			if p.Type == g.Type && hi > lo {
				pairs = append(pairs, pair{gi, pi, hi - lo})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	match := make([]int, len(gold))
	for i := range match {
		match[i] = -1
	}
	usedP := make([]bool, len(pred))
	for _, pr := range pairs {
		if match[pr.g] < 0 && !usedP[pr.p] {
			match[pr.g], usedP[pr.p] = pr.p, true
		}
	}
	return match
}

func countMissed(match []int) int {
	n := 0
	for _, m := range match {
		if m < 0 {
			n++
		}
	}
	return n
}

// dateOK: the intervals overlap and their middles lie within max(3 days,
// half the gold width) of each other.
func dateOK(g casebook.Interval, p *casebook.Interval) bool {
	if p == nil {
		return false
	}
	parse := func(s string) (time.Time, bool) {
		t, err := time.Parse("2006-01-02", s)
		return t, err == nil
	}
	gf, ok1 := parse(g.From)
	gt, ok2 := parse(g.To)
	pf, ok3 := parse(p.From)
	pt, ok4 := parse(p.To)
	if !ok1 || !ok2 || !ok3 || !ok4 || pt.Before(gf) || gt.Before(pf) {
		return false
	}
	gmid := gf.Add(gt.Sub(gf) / 2)
	pmid := pf.Add(pt.Sub(pf) / 2)
	d := gmid.Sub(pmid)
	if d < 0 {
		d = -d
	}
	return d <= max(3*24*time.Hour, gt.Sub(gf)/2)
}
