package auth_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"casebook"
	"casebook/auth"
	"casebook/sqlite"
)

// TestStolenDatabaseRevealsNoSource stores a source through the SQLite store
// and the Sealer, then reads the raw database files (main file, WAL and
// shared memory) as a thief would, and finds none of its fields in clear.
func TestStolenDatabaseRevealsNoSource(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "casebook.db")
	key := make([]byte, auth.KeySize)
	rand.Read(key)
	sealer, err := auth.NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	src := casebook.Source{
		Pseudonym: "Quillwort-Seventeen", Region: "Onsong, near the Tumen crossing",
		Channel: "smuggled Chinese handset", Reliability: "B", Credibility: 2,
		Notes: "daughter works at the Yanji noodle shop; 딸은 연길 국수집에서 일한다", Contact: "wechat:quillwort_1717",
	}
	secrets := []string{src.Pseudonym, "Quillwort", src.Region, src.Channel, "Yanji noodle", "연길 국수집", src.Contact, "quillwort_1717"}

	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := sealer.Seal(src)
	if err != nil {
		t.Fatal(err)
	}
	ss := &casebook.SealedSource{Sealed: sealed}
	if err := st.CreateSource(ctx, ss); err != nil {
		t.Fatal(err)
	}
	// A second version, as an edit would write.
	src2 := src
	src2.Notes += " (moved)"
	if ss.Sealed, err = sealer.Seal(src2); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateSource(ctx, ss); err != nil {
		t.Fatal(err)
	}

	scan := func(when string) {
		t.Helper()
		n := 0
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			b, err := os.ReadFile(path + suffix)
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			n += len(b)
			for _, s := range secrets {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s: %s contains %q in clear", when, filepath.Base(path+suffix), s)
				}
			}
		}
		if n == 0 {
			t.Fatalf("%s: no database bytes to scan", when)
		}
	}
	scan("while open") // the WAL holds the fresh writes
	got, err := st.FindSourceByID(ctx, ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	opened, err := sealer.OpenSource(*got)
	if err != nil {
		t.Fatal(err)
	}
	if opened.Pseudonym != src.Pseudonym || opened.Notes != src2.Notes || opened.ID != ss.ID {
		t.Errorf("read back %+v", opened)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	scan("after close")
	// The store's bytes are ciphertext: a sealer with another key opens nothing.
	other := make([]byte, auth.KeySize)
	rand.Read(other)
	thief, _ := auth.NewSealer(other)
	if _, err := thief.Open(got.Sealed); err == nil {
		t.Error("a sealer with another key opened the stored source")
	}
}
