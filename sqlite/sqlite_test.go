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
	storetest.OtherWriters(t, server, other)
}
