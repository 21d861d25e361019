package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"casebook"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current extractor")

type sample struct {
	Name      string `json:"name"`
	Published string `json:"published"`
	Language  string `json:"language"`
}

func loadSamples(t testing.TB) []sample {
	b, err := os.ReadFile(filepath.Join("testdata", "reports.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ss []sample
	if err := json.Unmarshal(b, &ss); err != nil {
		t.Fatalf("testdata/reports.json: %v", err)
	}
	return ss
}

// TestGolden extracts each sample report under testdata and compares the
// facts with NAME.golden.json; `go test ./extract -update` rewrites them, to
// be reviewed as a diff.
func TestGolden(t *testing.T) {
	for _, s := range loadSamples(t) {
		t.Run(s.Name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", s.Name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			pub, err := time.Parse("2006-01-02", s.Published)
			if err != nil {
				t.Fatal(err)
			}
			f := Extract(Input{Text: string(text), Published: pub, Language: s.Language})
			got, err := json.MarshalIndent(withQuotes(string(text), f), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", s.Name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("facts differ from %s; run go test ./extract -update and review the diff\n got:\n%s", golden, got)
			}
		})
	}
}

// goldenFacts are the facts with each event's evidence quoted, so a golden
// diff reads as text.
type goldenFacts struct {
	Places   []casebook.Place  `json:"places"`
	Agencies []casebook.Agency `json:"agencies"`
	Money    []casebook.Money  `json:"money"`
	Events   []goldenEvent     `json:"events"`
}

type goldenEvent struct {
	Evidence string `json:"evidence"`
	casebook.Event
}

func withQuotes(text string, f casebook.Facts) goldenFacts {
	g := goldenFacts{Places: f.Places, Agencies: f.Agencies, Money: f.Money}
	for _, e := range f.Events {
		g.Events = append(g.Events, goldenEvent{Evidence: text[e.Span[0]:e.Span[1]], Event: e})
	}
	return g
}

// TestSampleEvents pins what the sample reports must give, independent of
// the golden files: the acts told, and none of the habits and negations.
func TestSampleEvents(t *testing.T) {
	want := map[string][]string{
		"hoeryong-phone-bribe":   {"detention", "confiscation", "bribe_demand", "bribe_payment", "release", "crackdown", "surveillance"},
		"hyesan-market-campaign": {"crackdown", "confiscation", "detention", "bribe_payment", "release", "threat"},
		// The Central Party's inspection and the new chief's order are two
		// crackdowns; the extractor merges them into one (a known gap).
		"sinuiju-customs-chief":     {"personnel", "crackdown", "bribe_payment", "detention", "personnel"},
		"musan-smuggler-release-ko": {"detention", "bribe_payment", "release", "bribe_demand", "threat"},
		"chongjin-inspection-ko":    {"crackdown", "personnel", "confiscation"},
		// "she is now followed wherever she goes" is surveillance the
		// extractor does not see (a known gap).
		"hyesan-defector-families-watch": {"surveillance", "personnel", "personnel", "threat", "release"},
	}
	for _, s := range loadSamples(t) {
		t.Run(s.Name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", s.Name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			pub, _ := time.Parse("2006-01-02", s.Published)
			f := Extract(Input{Text: string(text), Published: pub, Language: s.Language})
			got := map[string]int{}
			for _, e := range f.Events {
				got[e.Type]++
			}
			need := map[string]int{}
			for _, ty := range want[s.Name] {
				need[ty]++
			}
			for ty, n := range need {
				if got[ty] < n {
					t.Errorf("%s: %d events, want at least %d", ty, got[ty], n)
				}
			}
			for ty, n := range got {
				if need[ty] == 0 {
					t.Errorf("%s: %d events, want none", ty, n)
				}
			}
		})
	}
}

// FuzzExtract runs the whole pipeline on any text: it must not panic, every
// span must lie in the text on UTF-8 boundaries, and every date must run
// forwards.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Police in Hyesan arrested a vendor on Nov. 24 and demanded 3,000 yuan (US $420).",
		"보위부가 지난달 회령시에서 주민 2명을 체포했다. 가족은 1만 위안을 바쳤다.",
		"“Do you want to be exiled?” he asked.\n\n- In mid-June, agents were sent to Musan.",
		"\xff\xfe broken \xe2\x80",
		"",
	} {
		f.Add(s, "en", int64(0))
		f.Add(s, "ko", int64(1_600_000_000))
	}
	f.Fuzz(func(t *testing.T, text, lang string, unix int64) {
		var pub time.Time
		if unix > 0 && unix < 4_000_000_000 {
			pub = time.Unix(unix, 0).UTC()
		}
		facts := Extract(Input{Text: text, Published: pub, Language: lang})
		check := func(what string, s casebook.Span) {
			if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
				t.Fatalf("%s span %v outside text of %d bytes", what, s, len(text))
			}
			if utf8.ValidString(text) && (!boundary(text, s[0]) || !boundary(text, s[1])) {
				t.Fatalf("%s span %v splits a character", what, s)
			}
		}
		for _, p := range facts.Places {
			for _, s := range p.Spans {
				check("place", s)
			}
		}
		for _, a := range facts.Agencies {
			for _, s := range a.Spans {
				check("agency", s)
			}
		}
		for _, m := range facts.Money {
			check("money", m.Span)
		}
		for _, e := range facts.Events {
			check("event", e.Span)
			if e.Date != nil && e.Date.From > e.Date.To {
				t.Fatalf("event date %v runs backwards", *e.Date)
			}
		}
	})
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// TestRunOnInputs feeds texts built to trip quadratic paths (one endless
// sentence full of triggers, thousands of quotes or commas); each must come
// back quickly and well-formed.
func TestRunOnInputs(t *testing.T) {
	pub := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, text := range map[string]string{
		"sentences":   strings.Repeat("Police arrested him in Hyesan on May 2. ", 5000),
		"one line":    strings.Repeat("police arrested him in hyesan on may 2 and ", 5000),
		"commas":      strings.Repeat("arrested, ", 20000),
		"quotes":      strings.Repeat("“", 50000) + strings.Repeat("\"", 50000),
		"korean":      strings.Repeat("보위부가 주민을 체포했다. ", 5000),
		"korean line": strings.Repeat("보위부가 주민을 체포했고 ", 5000),
		"newlines":    strings.Repeat("arrested\n", 50000),
	} {
		start := time.Now()
		f := Extract(Input{Text: text, Published: pub})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %d KB took %v", name, len(text)>>10, d)
		}
		for _, e := range f.Events {
			if e.Span[0] < 0 || e.Span[1] > len(text) || e.Span[0] > e.Span[1] {
				t.Fatalf("%s: span %v out of range", name, e.Span)
			}
		}
	}
}
