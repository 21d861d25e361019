// Package storebench measures the stores: ingest throughput (extraction
// included) and search latency at 100,000 reports, on SQLite and, when
// CASEBOOK_TEST_POSTGRES is set, PostgreSQL.
//
//	go test ./bench/storebench -run '^$' -bench Ingest -benchtime 3x
//	CASEBOOK_BENCH_100K=1 go test ./bench/storebench -run SearchP95 -v -timeout 60m
package storebench

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"casebook"
	"casebook/bench/storegen"
	"casebook/ingest"
	"casebook/postgres"
	"casebook/sqlite"
)

// batch is the number of reports one benchmark iteration ingests.
const batch = 2000

func jsonl(b *testing.B, seed uint64) []byte {
	var buf bytes.Buffer
	if err := storegen.WriteJSONL(&buf, seed, 0, batch); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchIngest ingests batch fresh reports per iteration into stores from open.
func benchIngest(b *testing.B, open func(b *testing.B) casebook.Store) {
	var total time.Duration
	reports := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		data := jsonl(b, uint64(1000+i))
		st := open(b)
		in := &ingest.Ingester{Store: st, Audit: true, Workers: benchWorkers()}
		b.StartTimer()
		start := time.Now()
		res, err := in.IngestFile(context.Background(), "bench.jsonl", bytes.NewReader(data), ingest.Meta{})
		total += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil || !r.Created {
				b.Fatalf("%s: created %v, %v", r.Name, r.Created, r.Err)
			}
		}
		reports += len(res)
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(reports)/total.Seconds(), "reports/s")
}

func BenchmarkIngestSQLite(b *testing.B) {
	benchIngest(b, func(b *testing.B) casebook.Store {
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "casebook.db"))
		if err != nil {
			b.Fatal(err)
		}
		return st
	})
}

func BenchmarkIngestPostgres(b *testing.B) {
	base := os.Getenv("CASEBOOK_TEST_POSTGRES")
	if base == "" {
		b.Skip("CASEBOOK_TEST_POSTGRES is not set")
	}
	benchIngest(b, func(b *testing.B) casebook.Store {
		st, err := postgres.Open(context.Background(), schemaURL(b, base, ""))
		if err != nil {
			b.Fatal(err)
		}
		return st
	})
}

// schemaURL returns base with its own schema: name, or a fresh one dropped
// at cleanup when name is empty.
func schemaURL(tb testing.TB, base, name string) string {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if name == "" {
		r := make([]byte, 6)
		rand.Read(r)
		name = "casebook_bench_" + hex.EncodeToString(r)
		tb.Cleanup(func() {
			conn, err := pgx.Connect(ctx, base)
			if err == nil {
				conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
				conn.Close(ctx)
			}
		})
	}
	if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+name); err != nil {
		tb.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// benchWorkers reads CASEBOOK_BENCH_WORKERS (0: the ingester's default).
func benchWorkers() int {
	n, _ := strconv.Atoi(os.Getenv("CASEBOOK_BENCH_WORKERS"))
	return n
}
