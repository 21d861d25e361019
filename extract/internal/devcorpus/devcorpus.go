// Package devcorpus loads the shared development corpus (../shared/corpus/dev
// beside the checkout) for the extractor's tests, and holds the scorer's
// matching rules they share, so each package's dev test measures the way
// ../shared/eval/score.go does.
package devcorpus

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"casebook"
)

// Event is a gold event.
type Event struct {
	Type         string             `json:"type"`
	Evidence     string             `json:"evidence"`
	EvidenceSpan []int              `json:"evidence_span"`
	Place        string             `json:"place"`
	Agency       string             `json:"agency"`
	Target       string             `json:"target"`
	Amount       *casebook.Money    `json:"amount"`
	Date         *casebook.Interval `json:"date"`
	// Span is the evidence's byte span in the text.
	Span casebook.Span `json:"-"`
}

// Doc is one gold document with its text.
type Doc struct {
	Name      string           `json:"-"` // file stem
	Text      string           `json:"-"`
	Published *string          `json:"published"`
	Language  string           `json:"language"`
	Places    []string         `json:"places"`
	Agencies  []string         `json:"agencies"`
	Money     []casebook.Money `json:"money"`
	Events    []Event          `json:"events"`
}

// PublishedTime returns the publication date, zero when unknown.
func (d *Doc) PublishedTime() time.Time {
	if d.Published == nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.DateOnly, *d.Published)
	return t
}

// Dir returns the corpus folder: $CASEBOOK_DEV_CORPUS, else the shared
// folder beside the checkout.
func Dir() string {
	if d := os.Getenv("CASEBOOK_DEV_CORPUS"); d != "" {
		return d
	}
	_, self, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(self), "..", "..", "..", "..", "shared", "corpus", "dev")
}

// Load reads every gold document, in name order. It skips the test, saying
// why, when the corpus is absent: it lives outside the project.
func Load(tb testing.TB) []Doc {
	tb.Helper()
	dir := Dir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		tb.Skipf("no gold corpus at %s (it lives outside the project); skipping", dir)
	}
	sort.Strings(files)
	docs := make([]Doc, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var d Doc
		if err := json.Unmarshal(b, &d); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		stem := strings.TrimSuffix(f, ".json")
		txt, err := os.ReadFile(stem + ".txt")
		if err != nil {
			tb.Fatal(err)
		}
		d.Name, d.Text = filepath.Base(stem), string(txt)
		for i := range d.Events {
			e := &d.Events[i]
			switch {
			case len(e.EvidenceSpan) == 2:
				e.Span = casebook.Span{e.EvidenceSpan[0], e.EvidenceSpan[1]}
			default:
				at := strings.Index(d.Text, e.Evidence)
				if at < 0 || e.Evidence == "" {
					tb.Fatalf("%s: evidence not in text: %q", f, e.Evidence)
				}
				e.Span = casebook.Span{at, at + len(e.Evidence)}
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// P returns the precision (1 when nothing was predicted).
func (c PRF) P() float64 { return Ratio(c.TP, c.TP+c.FP) }

// R returns the recall (1 when nothing was to be found).
func (c PRF) R() float64 { return Ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Ratio returns a/b, or 1 when b is 0, as the scorer does.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// SameSum reports whether two sums match as the scorer matches them:
// same currency, amounts within 0.5 %.
func SameSum(a, b casebook.Money) bool {
	return strings.EqualFold(a.Currency, b.Currency) && math.Abs(a.Amount-b.Amount) <= 0.005*math.Abs(a.Amount)
}

// DateOK is the scorer's date test: the intervals overlap and their middles
// lie within max(3 days, half the gold width) of each other.
func DateOK(g casebook.Interval, p *casebook.Interval) bool {
	if p == nil {
		return false
	}
	gf, e1 := time.Parse(time.DateOnly, g.From)
	gt, e2 := time.Parse(time.DateOnly, g.To)
	pf, e3 := time.Parse(time.DateOnly, p.From)
	pt, e4 := time.Parse(time.DateOnly, p.To)
	if e1 != nil || e2 != nil || e3 != nil || e4 != nil || pt.Before(gf) || gt.Before(pf) {
		return false
	}
	d := gf.Add(gt.Sub(gf) / 2).Sub(pf.Add(pt.Sub(pf) / 2))
	if d < 0 {
		d = -d
	}
	return d <= max(3*24*time.Hour, gt.Sub(gf)/2)
}

// Sample is a report text the extraction benchmarks read.
type Sample struct {
	Text     string
	Language string // "ko" for a file named *-ko.txt, else "en"
}

// Samples returns the texts of the project's sample reports
// (extract/testdata) and of the corpus when present, for benchmarks: the
// same inputs for BenchmarkExtract, BenchmarkFinders and BenchmarkAssemble.
// It skips the benchmark when there are none.
func Samples(tb testing.TB) (samples []Sample, size int64) {
	tb.Helper()
	_, self, _, _ := runtime.Caller(0)
	for _, dir := range []string{filepath.Join(filepath.Dir(self), "..", "..", "testdata"), Dir()} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			lang := "en"
			if strings.HasSuffix(f, "-ko.txt") {
				lang = "ko"
			}
			samples = append(samples, Sample{Text: string(t), Language: lang})
			size += int64(len(t))
		}
	}
	if len(samples) == 0 {
		tb.Skip("no sample reports")
	}
	return samples, size
}
