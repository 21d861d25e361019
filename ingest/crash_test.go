package ingest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"casebook"
	"casebook/bench/storegen"
	"casebook/extract"
	"casebook/postgres"
	"casebook/sqlite"
)

// The kill -9 test re-runs this test binary as a child that ingests into a
// database file, kills it halfway, and ingests again.
func TestMain(m *testing.M) {
	if db := os.Getenv("CASEBOOK_CRASH_CHILD_DB"); db != "" {
		os.Exit(crashChild(db, os.Getenv("CASEBOOK_CRASH_CHILD_FILE")))
	}
	if u := os.Getenv("CASEBOOK_PG_CHILD_URL"); u != "" {
		os.Exit(pgChild(u, os.Getenv("CASEBOOK_PG_CHILD_FILE")))
	}
	os.Exit(m.Run())
}

func crashChild(db, file string) int {
	ctx := context.Background()
	var st casebook.Store
	var err error
	if strings.HasPrefix(db, "postgres://") {
		st, err = postgres.Open(ctx, db)
	} else {
		st, err = sqlite.Open(ctx, db)
	}
	if err != nil {
		return 3
	}
	in := &Ingester{Store: st, Audit: true}
	in.IngestPath(ctx, file, nil)
	return 0
}

// TestKill9HalfwayThenRerun kills an ingest of 10,000 reports halfway
// (SIGKILL: no cleanup runs) and ingests again: the count is exact, nothing
// is doubled, each report has its facts, the audit chain is whole and the
// database passes its integrity check. On SQLite, and on PostgreSQL when the
// tests have one.
func TestKill9HalfwayThenRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 10,000 reports twice")
	}
	t.Run("sqlite", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "casebook.db")
		// Create the schema first so the poller can count.
		st, err := sqlite.Open(t.Context(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		kill9(t, db, st, func(q string, dest ...any) error { return st.DB().QueryRow(q).Scan(dest...) }, func() error {
			var ok string
			if err := st.DB().QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				return fmt.Errorf("integrity_check: %q %v", ok, err)
			}
			return nil
		})
	})
	t.Run("postgres", func(t *testing.T) {
		u := pgSchema(t)
		st, err := postgres.Open(t.Context(), u)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		query := func(q string, dest ...any) error { return st.Pool().QueryRow(t.Context(), q).Scan(dest...) }
		kill9(t, u, st, query, func() error {
			// Every report has its row of the word index and its entry in
			// the search change log, written in its transaction.
			var unindexed, unlogged int
			if err := query(`SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_words w WHERE w.report_id = r.id)`, &unindexed); err != nil {
				return err
			}
			if err := query(`SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM search_changes c WHERE c.report_id = r.id)`, &unlogged); err != nil {
				return err
			}
			if unindexed != 0 || unlogged != 0 {
				return fmt.Errorf("%d reports without a word index row, %d without a change log entry", unindexed, unlogged)
			}
			return nil
		})
	})
}

func kill9(t *testing.T, db string, st casebook.Store, query func(q string, dest ...any) error, integrity func() error) {
	const n = 10000
	file := filepath.Join(t.TempDir(), "reports.jsonl")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := storegen.WriteJSONL(f, 42, 0, n); err != nil {
		t.Fatal(err)
	}
	f.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CASEBOOK_CRASH_CHILD_DB="+db, "CASEBOOK_CRASH_CHILD_FILE="+file)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var c int
		if err := query(`SELECT count(*) FROM reports`, &c); err != nil {
			t.Fatalf("count: %v", err)
		}
		return c
	}
	deadline := time.Now().Add(5 * time.Minute)
	for count() < n/2 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the child stored only %d reports in 5 minutes", count())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no cleanup runs
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := count()
	if killedAt >= n {
		t.Fatalf("the child finished (%d reports) before it was killed", killedAt)
	}
	t.Logf("killed with %d of %d reports stored", killedAt, n)

	in := &Ingester{Store: st, Audit: true}
	sum := in.IngestPath(t.Context(), file, nil)
	if sum.Failed != 0 || sum.Added+sum.Present != n || sum.Present < killedAt {
		t.Errorf("rerun: %d added, %d present, %d failed (first %v); want %d in all, at least %d present", sum.Added, sum.Present, sum.Failed, sum.Failures[:min(3, len(sum.Failures))], n, killedAt)
	}
	if c := count(); c != n {
		t.Errorf("%d reports after the rerun, want exactly %d", c, n)
	}
	var distinct int
	if err := query(`SELECT count(DISTINCT sha256) FROM reports`, &distinct); err != nil || distinct != n {
		t.Errorf("%d distinct reports (%v), want %d", distinct, err, n)
	}
	if err := integrity(); err != nil {
		t.Error(err)
	}
	// Each report has exactly its extractor's facts: none lost or doubled by
	// the kill (a sample, extraction is the slow part).
	var first int64
	if err := query(`SELECT min(id) FROM reports`, &first); err != nil {
		t.Fatal(err)
	}
	for id := first; id < first+n; id += 97 {
		r, err := st.FindReportByID(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		facts, err := st.FindFacts(t.Context(), casebook.FactFilter{ReportID: id})
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", r.Published)
		want := casebook.FactsOf(id, extract.Extract(extract.Input{Text: r.Text, Published: pub, Language: r.Language}), extract.Version)
		if len(facts) != len(want) {
			t.Errorf("report %d: %d facts stored, extractor gives %d", id, len(facts), len(want))
		}
	}
	// The audit chain survived the kill unbroken.
	prev, seq := "", int64(0)
	for {
		page, err := st.FindAudit(t.Context(), seq, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			if e.PrevHash != prev || e.Hash != e.ChainHash() || e.Seq != seq+1 {
				t.Fatalf("audit chain broken at %d", e.Seq)
			}
			prev, seq = e.Hash, e.Seq
		}
	}
}
