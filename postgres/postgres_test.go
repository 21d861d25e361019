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

func opener(opts ...postgres.Option) func(t *testing.T) casebook.Store {
	return func(t *testing.T) casebook.Store {
		st, err := postgres.Open(t.Context(), freshSchema(t), append([]postgres.Option{postgres.WithClock(storetest.Clock)}, opts...)...)
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

// The filter index must answer every search as the SQL conditions do.
func TestStoreFilterIndex(t *testing.T) { storetest.Run(t, opener(postgres.WithFilterIndex())) }

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

// A server's filter index follows what other processes write to the same
// database, including a transaction that commits after later ones were
// already seen: the change log is read by snapshot, not by position.
func TestFilterIndexSeesOtherWriters(t *testing.T) {
	ctx := t.Context()
	u := freshSchema(t)
	server, err := postgres.Open(ctx, u, postgres.WithFilterIndex())
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := server.WaitFilterIndex(ctx); err != nil {
		t.Fatal(err)
	}
	other, err := postgres.Open(ctx, u) // another process: no filter index
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.OtherWriters(t, server, other)

	find := func(lang string) int {
		t.Helper()
		_, total, err := server.FindReports(ctx, casebook.ReportFilter{Query: "smuggler", Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	add := func(title string) *casebook.Report {
		t.Helper()
		text := "Border guards caught a smuggler."
		r := &casebook.Report{Original: []byte(title + text), Title: title, Published: "2024-03-01", Language: "en", Text: text}
		if _, err := other.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		return r
	}
	early := add("First")
	if n := find("en"); n != 1 {
		t.Fatalf("%d English reports found, want 1", n)
	}
	slow, err := other.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Rollback(ctx)
	if _, err := slow.Exec(ctx, `UPDATE reports SET language = 'ko' WHERE id = $1`, early.ID); err != nil {
		t.Fatal(err)
	}
	add("Second") // logged after the slow change, committed before it
	if n := find("en"); n != 2 {
		t.Fatalf("%d English reports found, want 2", n)
	}
	if err := slow.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if n, k := find("en"), find("ko"); n != 1 || k != 1 {
		t.Fatalf("after the slow change committed: %d English, %d Korean reports, want 1 and 1", n, k)
	}
}

// Reports stored before the word index existed (migration 6) are indexed
// when a store next opens the database, and found by word.
func TestFillWordIndex(t *testing.T) {
	ctx := t.Context()
	u := freshSchema(t)
	st, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	text := "A remittance broker was held."
	r := &casebook.Report{Original: []byte(text), Title: "Broker", Published: "2024-03-01", Language: "en", Text: text}
	if _, err := st.CreateReport(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	// As an older casebook left it: no row in the word index, the fill undone.
	if _, err := st.Pool().Exec(ctx, `DELETE FROM report_words; INSERT INTO store_tasks VALUES ('fill report_words')`); err != nil {
		t.Fatal(err)
	}
	if _, total, err := st.FindReports(ctx, casebook.ReportFilter{Query: "remittance"}); err != nil || total != 0 {
		t.Fatalf("before the fill: %d found (%v), want 0", total, err)
	}
	st.Close()
	st, err = postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, total, err := st.FindReports(ctx, casebook.ReportFilter{Query: "remittance"}); err != nil || total != 1 {
		t.Fatalf("after the fill: %d found (%v), want 1", total, err)
	}
	var tasks int
	if err := st.Pool().QueryRow(ctx, `SELECT count(*) FROM store_tasks`).Scan(&tasks); err != nil || tasks != 0 {
		t.Fatalf("%d tasks left (%v), want none", tasks, err)
	}
}
