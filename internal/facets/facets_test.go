package facets

import (
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
