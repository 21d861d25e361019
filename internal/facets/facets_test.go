package facets

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"casebook"
)

func TestDateKeyOrdersAsStrings(t *testing.T) {
	dates := []string{"2018", "2019", "2019-05", "2019-05-01", "2019-05-31", "2019-06", "2019-12-31", "2020-01-01"}
	for _, a := range dates {
		for _, b := range dates {
			if got, want := dateKey(a) < dateKey(b), a < b; got != want {
				t.Errorf("dateKey(%q) < dateKey(%q) = %v, strings say %v", a, b, got, want)
			}
		}
	}
	for _, bad := range []string{"", "19", "2019-5-1", "2019/05/01", "late 2019", "2019-05-01T00"} {
		if k := dateKey(bad); k != -1 {
			t.Errorf("dateKey(%q) = %d, want -1", bad, k)
		}
	}
}

// An update replaces the reports it names and leaves the snapshot searches
// hold untouched.
func TestUpdateIsolatesSnapshots(t *testing.T) {
	x := New()
	x.Update(1, true, nil,
		[]Report{{ID: 1, Language: "en", Published: "2019-01-01"}, {ID: 2, Language: "ko", Published: "2020-01-01"}},
		[]Fact{{ReportID: 1, Agency: "MSS", State: "machine"}, {ReportID: 2, Agency: "MPS", State: "machine"}})
	old := x.Match(casebook.ReportFilter{Agency: "MSS"})
	if ids, _ := old.Select(0); !slices.Equal(ids, []int64{1}) {
		t.Fatalf("MSS before: %v", ids)
	}
	// Report 1 loses its MSS fact, report 2 gains one, report 3 arrives.
	x.Update(2, false, []int64{1, 2, 3},
		[]Report{{ID: 1, Language: "en", Published: "2019-01-01"}, {ID: 2, Language: "ko", Published: "2020-01-01"}, {ID: 3, Language: "en", Published: "2021-01-01"}},
		[]Fact{{ReportID: 2, Agency: "MSS", State: "machine"}, {ReportID: 3, Agency: "MSS", State: "rejected"}})
	if ids, _ := x.Match(casebook.ReportFilter{Agency: "MSS"}).Select(0); !slices.Equal(ids, []int64{2}) {
		t.Errorf("MSS after: %v, want [2] (3's fact is rejected)", ids)
	}
	if ids, _ := old.Select(0); !slices.Equal(ids, []int64{1}) {
		t.Errorf("the old snapshot changed: %v", ids)
	}
	if ids, _ := x.Match(casebook.ReportFilter{State: "rejected"}).Select(0); !slices.Equal(ids, []int64{3}) {
		t.Errorf("state rejected: %v", ids)
	}
	// A report deleted (changed, no longer listed) leaves the index.
	x.Update(3, false, []int64{2}, nil, nil)
	if x.Len() != 2 || x.Match(casebook.ReportFilter{Language: "ko"}).Keep(2) {
		t.Errorf("deleted report 2 still indexed (%d reports)", x.Len())
	}
	if x.Seq() != 3 {
		t.Errorf("Seq = %d, want 3", x.Seq())
	}
}

func TestSelectNewestFirstAndStops(t *testing.T) {
	x := New()
	var reports []Report
	var facts []Fact
	for i := range 10 {
		id := int64(i + 1)
		reports = append(reports, Report{ID: id, Language: "en", Published: "2020-01-" + strings.Repeat("0", 1) + string(rune('0'+i))})
		facts = append(facts, Fact{ReportID: id, EventType: "detention", PlaceID: "hyesan", ProvinceID: "ryanggang", State: "machine",
			DateFrom: "2020-01-01", DateTo: "2020-01-01", USD: float64(100 * i), HasUSD: true})
	}
	x.Update(1, true, nil, reports, facts)
	m := x.Match(casebook.ReportFilter{PlaceID: "ryanggang", MinUSD: 500, Date: casebook.Interval{From: "2020-01-01", To: "2020-12-31"}})
	ids, more := m.Select(3)
	if !slices.Equal(ids, []int64{10, 9, 8}) || !more {
		t.Errorf("Select(3) = %v, %v; want [10 9 8], true", ids, more)
	}
	if ids, more := m.Select(0); len(ids) != 5 || more {
		t.Errorf("Select(0) = %v, %v; want 5 reports", ids, more)
	}
	if m := x.Match(casebook.ReportFilter{Date: casebook.Interval{From: "2021-01-01"}}); m.Keep(1) {
		t.Error("a date after every event matched")
	}
}

// BenchmarkUpdateOne measures catching up with one changed report in an
// index of 100,000 (what a search pays after each review).
func BenchmarkUpdateOne(b *testing.B) {
	x := New()
	var reports []Report
	var facts []Fact
	places := []string{"hyesan", "hoeryong", "musan", "sinuiju", "chongjin"}
	for i := range 100_000 {
		id := int64(i + 1)
		reports = append(reports, Report{ID: id, Language: "en", Published: fmt.Sprintf("20%02d-%02d-%02d", 10+i%16, 1+i%12, 1+i%28)})
		for j := range 7 {
			facts = append(facts, Fact{ReportID: id, EventType: "detention", PlaceID: places[(i+j)%5], ProvinceID: "ryanggang", Agency: "MSS",
				State: "machine", DateFrom: "2019-01-01", DateTo: "2019-01-31", USD: float64(j * 100), HasUSD: j%2 == 0})
		}
	}
	x.Update(1, true, nil, reports, facts)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		id := int64(i%100_000 + 1)
		x.Update(int64(i+2), false, []int64{id}, reports[id-1:id], facts[(id-1)*7:id*7])
	}
}

// Incremental updates must leave the index as a full rebuild from the same
// data would: same reports, same order, same answers.
func TestIncrementalMatchesFull(t *testing.T) {
	for seed := range uint64(8) {
		incrementalMatchesFull(t, rand.New(rand.NewPCG(seed, 2)))
	}
}

func incrementalMatchesFull(t *testing.T, rng *rand.Rand) {
	places := []string{"hyesan", "hoeryong", "musan", "sinuiju"}
	agencies := []string{"MSS", "MPS", "KPA", ""}
	mk := func(id int64) (Report, []Fact) {
		r := Report{ID: id, Language: []string{"en", "ko"}[rng.IntN(2)], Published: fmt.Sprintf("20%02d-%02d-01", 15+rng.IntN(8), 1+rng.IntN(12)),
			Long: rng.IntN(10) == 0}
		for range rng.IntN(5) {
			r.Words = append(r.Words, []string{"bribe", "bribery", "broker", "smuggler", "단속"}[rng.IntN(5)])
		}
		var fs []Fact
		for range rng.IntN(4) {
			y := 2015 + rng.IntN(8)
			fs = append(fs, Fact{ReportID: id, EventType: []string{"detention", "bribe_demand", ""}[rng.IntN(3)],
				PlaceID: places[rng.IntN(4)], ProvinceID: "ryanggang", Agency: agencies[rng.IntN(4)],
				State:    []string{"machine", "rejected", "confirmed"}[rng.IntN(3)],
				DateFrom: fmt.Sprintf("%d-01-01", y), DateTo: fmt.Sprintf("%d-06-30", y), USD: float64(rng.IntN(2000)), HasUSD: rng.IntN(2) == 0})
		}
		return r, fs
	}
	current := map[int64]struct {
		r  Report
		fs []Fact
	}{}
	inc := New()
	for seq := int64(1); seq <= 60; seq++ {
		var changed []int64
		var reports []Report
		var facts []Fact
		for range 1 + rng.IntN(5) {
			id := int64(1 + rng.IntN(40))
			changed = append(changed, id)
			if rng.IntN(5) == 0 {
				delete(current, id)
				continue
			}
			r, fs := mk(id)
			current[id] = struct {
				r  Report
				fs []Fact
			}{r, fs}
		}
		for _, id := range changed {
			if c, ok := current[id]; ok && !slices.ContainsFunc(reports, func(r Report) bool { return r.ID == id }) {
				reports = append(reports, c.r)
				facts = append(facts, c.fs...)
			}
		}
		inc.Update(seq, false, changed, reports, facts)

		full := New()
		var all []Report
		var allFacts []Fact
		for _, c := range current {
			all = append(all, c.r)
			allFacts = append(allFacts, c.fs...)
		}
		full.Update(seq, true, nil, all, allFacts)
		for _, f := range []casebook.ReportFilter{
			{}, {Language: "ko"}, {Agency: "MSS"}, {PlaceID: "ryanggang", EventType: "detention"},
			{Date: casebook.Interval{From: "2018-01-01", To: "2019-12-31"}, MinUSD: 500},
			{State: "rejected"}, {ConfirmedOnly: true, PlaceID: "hyesan"}, {Agency: "KPA", Language: "en"},
		} {
			got, _ := inc.Match(f).Select(0)
			want, _ := full.Match(f).Select(0)
			if f == (casebook.ReportFilter{}) {
				// No filter: every report, newest first.
				if len(got) != len(current) {
					t.Fatalf("change %d: %d reports indexed, want %d", seq, len(got), len(current))
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("change %d, filter %+v: incremental %v, full %v", seq, f, got, want)
			}
			for _, toks := range [][]Token{{{Text: "brib", Prefix: true}}, {{Text: "broker"}, {Text: "단속"}}} {
				got, want := inc.Match(f).SelectWords(toks), full.Match(f).SelectWords(toks)
				if !slices.Equal(got, want) {
					t.Fatalf("change %d, filter %+v, tokens %v: incremental %v, full %v", seq, f, toks, got, want)
				}
			}
		}
	}
}

func TestSelectWords(t *testing.T) {
	x := New()
	x.Update(1, true, nil, []Report{
		{ID: 1, Language: "en", Published: "2020-01-01", Words: []string{"broker", "bribes", "hoeryong"}},
		{ID: 2, Language: "en", Published: "2021-01-01", Words: []string{"bribery", "exchange", "rate"}},
		{ID: 3, Language: "ko", Published: "2022-01-01", Words: []string{"보위", "위부"}},
		{ID: 4, Language: "en", Published: "2019-01-01", Long: true},
	}, nil)
	m := x.Match(casebook.ReportFilter{Language: "en"})
	tests := []struct {
		tokens []Token
		want   []int64
	}{
		{[]Token{{Text: "bribe", Prefix: true}}, []int64{2, 1, 4}},
		{[]Token{{Text: "bribe"}}, []int64{4}}, // whole words only; a long report is for the store to read
		{[]Token{{Text: "exchange"}, {Text: "rat", Prefix: true}}, []int64{2, 4}},
		{[]Token{{Text: "broker"}, {Text: "exchange"}}, []int64{4}},
		{[]Token{{Text: "보위"}}, []int64{4}}, // Korean report filtered out
		{[]Token{{Text: "zz", Prefix: true}}, []int64{4}},
	}
	for _, tc := range tests {
		if got := m.SelectWords(tc.tokens); !slices.Equal(got, tc.want) {
			t.Errorf("SelectWords(%v) = %v, want %v", tc.tokens, got, tc.want)
		}
	}
	// An update keeps the tokens of the reports it does not touch and
	// numbers new ones.
	x.Update(2, false, []int64{3}, []Report{{ID: 3, Language: "en", Published: "2022-01-01", Words: []string{"smuggler"}}}, nil)
	m = x.Match(casebook.ReportFilter{Language: "en"})
	if got := m.SelectWords([]Token{{Text: "smuggl", Prefix: true}}); !slices.Equal(got, []int64{3, 4}) {
		t.Errorf("after update: %v, want [3 4]", got)
	}
	if got := m.SelectWords([]Token{{Text: "hoeryong"}}); !slices.Equal(got, []int64{1, 4}) {
		t.Errorf("after update, an untouched report: %v, want [1 4]", got)
	}
}
