package index

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"casebook"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  broker  회령 ", []string{"broker", "회령"}},
		{`"exchange  rate" MSS`, []string{"exchange rate", "MSS"}},
		{`"unclosed phrase`, []string{"unclosed", "phrase"}},
		{`a"b`, []string{"a", "b"}},
		{`""`, nil},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBigrams(t *testing.T) {
	got := strings.Fields(Bigrams("회령시에서 보위부가", "회령 MSS 회령"))
	want := []string{"회령", "령시", "시에", "에서", "보위", "위부", "부가"}
	if !slices.Equal(got, want) {
		t.Errorf("Bigrams = %q, want %q", got, want)
	}
	for term, want := range map[string]bool{"회령": true, "회령시": false, "회": false, "US": false, "회1": false} {
		if BigramTerm(term) != want {
			t.Errorf("BigramTerm(%q) = %v", term, !want)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("filler words here. ", 30) + "The SMUGGLER paid.\n\nMore " + strings.Repeat("text after. ", 30)
	s := Snippet(text, []string{"smuggler"}, 60)
	if !strings.Contains(s, "SMUGGLER") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || strings.Contains(s, "\n") {
		t.Errorf("Snippet = %q", s)
	}
	if s := Snippet("짧은 글 회령에서", []string{"회령"}, 60); s != "짧은 글 회령에서" {
		t.Errorf("short Korean snippet = %q", s)
	}
	if s := Snippet("no match here", []string{"zzz"}, 5); s != "no ma…" {
		t.Errorf("no-match snippet = %q", s)
	}
}

func TestFactRow(t *testing.T) {
	provinces := Provinces([]casebook.Fact{{Kind: casebook.KindPlace, Place: &casebook.Place{ID: "hoeryong", Province: "north-hamgyong"}}}, nil)
	tests := []struct {
		name string
		f    casebook.Fact
		want Row
		err  bool
	}{
		{"event", casebook.Fact{Kind: casebook.KindEvent, Event: &casebook.Event{Type: "detention", Agency: "MSS",
			Place: &casebook.PlaceRef{ID: "hoeryong"}, Date: &casebook.Interval{From: "2019-11-01"}, Amount: &casebook.Amount{Amount: 100, Currency: "USD"}}},
			Row{Kind: "event", EventType: "detention", Agency: "MSS", PlaceID: "hoeryong", ProvinceID: "north-hamgyong", DateFrom: "2019-11-01", DateTo: "2019-11-01", USD: 100, HasUSD: true}, false},
		{"province is its own province", casebook.Fact{Kind: casebook.KindPlace, Place: &casebook.Place{ID: "ryanggang", Kind: "province"}},
			Row{Kind: "place", PlaceID: "ryanggang", ProvinceID: "ryanggang"}, false},
		{"money without dollars", casebook.Fact{Kind: casebook.KindMoney, Money: &casebook.Money{Amount: 5000, Currency: "CNY"}}, Row{Kind: "money"}, false},
		{"two values", casebook.Fact{Kind: casebook.KindMoney, Money: &casebook.Money{}, Agency: &casebook.Agency{}}, Row{}, true},
		{"kind mismatch", casebook.Fact{Kind: casebook.KindPlace, Agency: &casebook.Agency{ID: "MSS"}}, Row{}, true},
		{"event without type", casebook.Fact{Kind: casebook.KindEvent, Event: &casebook.Event{}}, Row{}, true},
	}
	for _, tt := range tests {
		got, err := FactRow(&tt.f, provinces)
		if (err != nil) != tt.err {
			t.Errorf("%s: error %v", tt.name, err)
			continue
		}
		if err != nil {
			if casebook.ErrorKind(err) != casebook.EINVALID {
				t.Errorf("%s: error kind %q", tt.name, casebook.ErrorKind(err))
			}
			continue
		}
		got.Data = nil
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
