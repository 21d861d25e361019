package sqlite_test

import (
	"path/filepath"
	"testing"

	"casebook"
	"casebook/sqlite"
	"casebook/storetest"
)

func newStore(t *testing.T) casebook.Store {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "casebook.db"), sqlite.WithClock(storetest.Clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStore(t *testing.T) { storetest.Run(t, newStore) }
