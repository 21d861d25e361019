package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"casebook"
	"casebook/postgres"
	"casebook/storetest"
)

// testURL returns the server under test, skipping (failing in CI) without one.
func testURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("CASEBOOK_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CASEBOOK_TEST_POSTGRES is not set; CI must run the PostgreSQL store tests")
		}
		t.Skip("CASEBOOK_TEST_POSTGRES is not set; skipping PostgreSQL store tests")
	}
	return u
}

// freshSchema creates an empty schema, dropped at cleanup, and returns a URL
// whose connections use it (public stays on the path for pg_trgm).
func freshSchema(t *testing.T) string {
	t.Helper()
	base := testURL(t)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "casebook_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect %s: %v", base, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("cleanup: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("cleanup: drop schema: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

func newStore(t *testing.T) casebook.Store {
	st, err := postgres.Open(t.Context(), freshSchema(t), postgres.WithClock(storetest.Clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStore(t *testing.T) { storetest.Run(t, newStore) }

// TestOpenConcurrent opens one fresh schema from several stores at once: the
// migrations must be applied once, without errors.
func TestOpenConcurrent(t *testing.T) {
	u := freshSchema(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			st, err := postgres.Open(t.Context(), u)
			if err == nil {
				st.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
