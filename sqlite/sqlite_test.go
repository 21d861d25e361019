package sqlite_test

import (
	"path/filepath"
	"testing"

	"casebook"
	"casebook/sqlite"
	"casebook/storetest"
)

func opener(opts ...sqlite.Option) func(t *testing.T) casebook.Store {
	return func(t *testing.T) casebook.Store {
		st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "casebook.db"), append([]sqlite.Option{sqlite.WithClock(storetest.Clock)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.WaitFilterIndex(t.Context()); err != nil {
			t.Fatal(err)
		}
		return st
	}
}

func TestStore(t *testing.T) { storetest.Run(t, opener()) }

// The filter index must answer every search as the SQL conditions do, both
// when it reads the candidates' texts and when the full-text query asks it
// about each match.
func TestStoreFilterIndex(t *testing.T) {
	t.Run("scan", func(t *testing.T) { storetest.Run(t, opener(sqlite.WithFilterIndex())) })
	t.Run("fulltext", func(t *testing.T) { storetest.Run(t, opener(sqlite.WithFilterIndex(), sqlite.WithScanLimit(0))) })
}

// A server's filter index follows what other processes write to the same
// file: new reports, reviews and fact changes reach its next search.
func TestFilterIndexSeesOtherWriters(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "casebook.db")
	server, err := sqlite.Open(ctx, path, sqlite.WithFilterIndex())
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := server.WaitFilterIndex(ctx); err != nil {
		t.Fatal(err)
	}
	other, err := sqlite.Open(ctx, path) // another process: no filter index
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	find := func() []int64 {
		t.Helper()
		hits, _, err := server.FindReports(ctx, casebook.ReportFilter{Query: "broker", Agency: "MSS", PlaceID: "north-hamgyong"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.Report.ID)
		}
		return ids
	}
	if got := find(); len(got) != 0 {
		t.Fatalf("empty store found %v", got)
	}
	text := "State security agents detained a broker in Hoeryong."
	r := &casebook.Report{Original: []byte(text), Title: "Broker held", Published: "2024-03-01", Language: "en", Text: text}
	facts := []casebook.Fact{
		{Kind: casebook.KindAgency, Agency: &casebook.Agency{ID: "MSS", Name: "Ministry of State Security", Spans: []casebook.Span{{0, 22}}}},
		{Kind: casebook.KindPlace, Place: &casebook.Place{ID: "hoeryong", Name: "Hoeryong", Province: "north-hamgyong", Spans: []casebook.Span{{44, 52}}}},
	}
	if _, err := other.CreateReport(ctx, r, facts); err != nil {
		t.Fatal(err)
	}
	if got := find(); len(got) != 1 || got[0] != r.ID {
		t.Fatalf("after another process ingested: %v, want [%d]", got, r.ID)
	}
	stored, err := other.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID, Kind: casebook.KindAgency})
	if err != nil || len(stored) != 1 {
		t.Fatalf("agency facts: %v %v", stored, err)
	}
	if _, err := other.UpdateFact(ctx, stored[0].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if got := find(); len(got) != 0 {
		t.Fatalf("after another process rejected the agency: %v", got)
	}
}
