package storebench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"casebook"
	"casebook/bench/storegen"
	"casebook/ingest"
	"casebook/postgres"
	"casebook/sqlite"
)

// searchN is the store size the search figure is for.
const searchN = 100_000

// fill ingests reports until st holds n, extraction included; a store kept
// from an earlier run is topped up, not rebuilt.
func fill(t *testing.T, st casebook.Store, n int) {
	ctx := context.Background()
	_, have, err := st.FindReports(ctx, casebook.ReportFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	in := &ingest.Ingester{Store: st, Workers: 4}
	start := time.Now()
	for from := have; from < n; from += 5000 {
		to := min(from+5000, n)
		var buf bytes.Buffer
		if err := storegen.WriteJSONL(&buf, 100, from, to); err != nil {
			t.Fatal(err)
		}
		res, err := in.IngestFile(ctx, "fill.jsonl", &buf, ingest.Meta{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
		t.Logf("%d reports (%.0f/s)", to, float64(to-have)/time.Since(start).Seconds())
	}
}

// queries are text plus two filters, as an analyst combines them.
var queries = []casebook.ReportFilter{
	{Query: "broker", PlaceID: "north-hamgyong", EventType: casebook.EventDetention},
	{Query: "보위부", PlaceID: "ryanggang", Date: casebook.Interval{From: "2019-01-01", To: "2019-12-31"}},
	{Query: "회령", Agency: casebook.AgencyMSS, Language: "ko"},
	{Query: "bribe", MinUSD: 500, Date: casebook.Interval{From: "2018-01-01", To: "2020-12-31"}},
	{Query: "smuggler", Agency: casebook.AgencyKPA, PlaceID: "hyesan"},
	{Query: "phone user", EventType: casebook.EventDetention, MinUSD: 100},
	{Query: "labour training camp", PlaceID: "chongjin", Date: casebook.Interval{From: "2016-01-01", To: "2017-12-31"}},
	{Query: "국경경비대", EventType: casebook.EventDetention, PlaceID: "north-hamgyong"},
	{Query: "exchange rate", Language: "en", Agency: casebook.AgencyMPS},
	{Query: "단속", PlaceID: "north-pyongan", State: casebook.StateMachine},
}

func measure(t *testing.T, name string, st casebook.Store) {
	ctx := context.Background()
	// Warm up caches, as a running server has them.
	for _, q := range queries {
		if _, _, err := st.FindReports(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	var times []time.Duration
	per := map[int][]time.Duration{}
	for round := range 20 {
		for i, q := range queries {
			q.Offset = (round % 3) * 20
			// As the web and the CLI search: counted up to 1,000.
			q.CountLimit = max(1000, q.Offset+20)
			start := time.Now()
			_, total, err := st.FindReports(ctx, q)
			d := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				t.Logf("%s: %+v: %d matches", name, q, total)
			}
			times = append(times, d)
			per[i] = append(per[i], d)
		}
	}
	slices.Sort(times)
	p := func(q float64) time.Duration { return times[int(q*float64(len(times)-1))] }
	for i := range queries {
		slices.Sort(per[i])
		t.Logf("%s: query %d p50 %v max %v", name, i, per[i][len(per[i])/2], per[i][len(per[i])-1])
	}
	t.Logf("%s search at %d reports, text + two filters, %d queries: p50 %v  p95 %v  max %v",
		name, searchN, len(times), p(0.5), p(0.95), times[len(times)-1])
	fmt.Printf("%s: search p95 %v (p50 %v) at %d reports\n", name, p(0.95), p(0.5), searchN)
	// The map and timeline read facts by filter.
	start := time.Now()
	facts, err := st.FindFacts(ctx, casebook.FactFilter{Kind: casebook.KindEvent, PlaceID: "north-hamgyong", Date: casebook.Interval{From: "2019-01-01", To: "2019-12-31"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: FindFacts events in a province over a year: %d facts in %v", name, len(facts), time.Since(start))
}

func benchDir(t *testing.T) string {
	dir := filepath.Join(os.TempDir(), "casebook-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func need100k(t *testing.T) {
	if os.Getenv("CASEBOOK_BENCH_100K") == "" {
		t.Skip("set CASEBOOK_BENCH_100K=1 to build (once, kept in $TMPDIR/casebook-bench and schema casebook_bench_100k) and search a 100,000-report store")
	}
}

func TestSearchP95SQLite(t *testing.T) {
	need100k(t)
	// As the server opens it: with the filter index.
	st, err := sqlite.Open(context.Background(), filepath.Join(benchDir(t), "100k.db"), sqlite.WithFilterIndex())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fill(t, st, searchN)
	start := time.Now()
	if err := st.WaitFilterIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("sqlite: filter index loaded in %v", time.Since(start))
	measure(t, "sqlite", st)
}

func TestSearchP95Postgres(t *testing.T) {
	need100k(t)
	base := os.Getenv("CASEBOOK_TEST_POSTGRES")
	if base == "" {
		t.Skip("CASEBOOK_TEST_POSTGRES is not set")
	}
	// As the server opens it: with the filter index.
	start := time.Now()
	st, err := postgres.Open(context.Background(), schemaURL(t, base, "casebook_bench_100k"), postgres.WithFilterIndex())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fill(t, st, searchN)
	// Fresh statistics and visibility maps (index-only scans), as autovacuum
	// keeps them on a running server; the test server runs without it.
	if _, err := st.Pool().Exec(context.Background(), "VACUUM ANALYZE"); err != nil {
		t.Fatal(err)
	}
	if err := st.WaitFilterIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("postgres: opened, filled and filter index loaded in %v", time.Since(start))
	measure(t, "postgres", st)
}
