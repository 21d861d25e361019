package ingest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"casebook/bench/storegen"
	"casebook/postgres"
)

// pgChild ingests file into the database at u and prints its summary as JSON.
func pgChild(u, file string) int {
	ctx := context.Background()
	st, err := postgres.Open(ctx, u)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer st.Close()
	in := &Ingester{Store: st, Audit: true}
	sum := in.IngestPath(ctx, file, nil)
	var failures []string
	for _, f := range sum.Failures {
		failures = append(failures, f.Name+": "+f.Err.Error())
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{"added": sum.Added, "present": sum.Present, "failed": sum.Failed, "failures": failures})
	return 0
}

func pgSchema(t *testing.T) string {
	t.Helper()
	base := os.Getenv("CASEBOOK_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CASEBOOK_TEST_POSTGRES is not set; CI must run the PostgreSQL tests")
		}
		t.Skip("CASEBOOK_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "casebook_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err == nil {
			conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(ctx)
		}
	})
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// TestTwoIngestsPostgres runs two ingest processes at once over overlapping
// files against one PostgreSQL database: every report is stored once, none
// fails, and the audit chain has one unforked entry per report.
func TestTwoIngestsPostgres(t *testing.T) {
	u := pgSchema(t)
	dir := t.TempDir()
	const a0, a1, b0, b1 = 0, 1500, 700, 2200 // 800 reports in both files
	write := func(name string, from, to int) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := storegen.WriteJSONL(f, 7, from, to); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	files := []string{write("a.jsonl", a0, a1), write("b.jsonl", b0, b1)}
	// Open once first, so both children race on data, not on creating the
	// schema (TestOpenConcurrent in package postgres covers that).
	st, err := postgres.Open(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	type out struct {
		Added, Present, Failed int
		Failures               []string
	}
	cmds := make([]*exec.Cmd, 2)
	bufs := make([]*bytes.Buffer, 2)
	for i, f := range files {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^$")
		cmds[i].Env = append(os.Environ(), "CASEBOOK_PG_CHILD_URL="+u, "CASEBOOK_PG_CHILD_FILE="+f)
		bufs[i] = &bytes.Buffer{}
		cmds[i].Stdout, cmds[i].Stderr = bufs[i], os.Stderr
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	var added, present int
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("ingest %d: %v", i, err)
		}
		var o out
		if err := json.Unmarshal(bufs[i].Bytes(), &o); err != nil {
			t.Fatalf("ingest %d output %q: %v", i, bufs[i], err)
		}
		if o.Failed != 0 {
			t.Errorf("ingest %d: %d failed: %v", i, o.Failed, o.Failures)
		}
		added += o.Added
		present += o.Present
		t.Logf("ingest %d: %d added, %d present", i, o.Added, o.Present)
	}
	const unique, overlap = b1 - a0, a1 - b0
	if added != unique || present != overlap {
		t.Errorf("%d added and %d present in all, want %d and %d", added, present, unique, overlap)
	}
	var reports, distinct, audits int
	pool := st.Pool()
	if err := pool.QueryRow(t.Context(), `SELECT count(*), count(DISTINCT sha256) FROM reports`).Scan(&reports, &distinct); err != nil {
		t.Fatal(err)
	}
	if reports != unique || distinct != unique {
		t.Errorf("%d reports (%d distinct), want exactly %d", reports, distinct, unique)
	}
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM audit WHERE action = 'ingest'`).Scan(&audits); err != nil {
		t.Fatal(err)
	}
	if audits != unique {
		t.Errorf("%d ingest audit entries, want one per report (%d)", audits, unique)
	}
	entries, err := st.FindAudit(t.Context(), 0, 100000)
	if err != nil {
		t.Fatal(err)
	}
	prev := ""
	for i, e := range entries {
		if e.Seq != int64(i+1) || e.PrevHash != prev || e.Hash != e.ChainHash() {
			t.Fatalf("audit chain broken at entry %d", e.Seq)
		}
		prev = e.Hash
	}
}
