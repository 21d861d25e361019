// Command webload measures the web app's page times at scale: it fills a
// store with synthetic reports (bench/storegen, through the ingest package,
// so facts come from the real extractor), serves the app on loopback, logs in
// and requests each measured page many times, then prints p50/p95/p99.
//
//	go run ./bench/webload -n 100000            # first run builds the store (minutes)
//	go run ./bench/webload -n 100000 -requests 300 -c 2
//
// The store is kept in bench/out/webload (ignored by git) and reused.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"casebook"
	"casebook/auth"
	"casebook/bench/storegen"
	"casebook/ingest"
	"casebook/postgres"
	"casebook/sqlite"
	"casebook/web"
)

func main() {
	n := flag.Int("n", 100000, "reports in the store")
	dir := flag.String("data", "bench/out/webload", "directory of the SQLite store (reused between runs)")
	dsn := flag.String("db", "", "postgres:// URL instead of SQLite")
	requests := flag.Int("requests", 200, "requests per page")
	conc := flag.Int("c", 2, "concurrent clients")
	role := flag.String("role", casebook.RoleAnalyst, "role of the measuring account (viewer sees confirmed facts only)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the measured requests to FILE")
	only := flag.String("pages", "", "comma-separated subset of the pages to measure (default: all)")
	nocache := flag.Bool("nocache", false, "build every view and search afresh (the server's caches off)")
	flag.Parse()
	profile, onlyPages, noCache = *cpuprofile, *only, *nocache
	ctx := context.Background()
	if err := run(ctx, *n, *dir, *dsn, *requests, *conc, *role); err != nil {
		log.Fatal(err)
	}
}

var (
	profile, onlyPages string
	noCache            bool
)

func open(ctx context.Context, dir, dsn string) (casebook.Store, error) {
	if dsn != "" {
		return postgres.Open(ctx, dsn)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	// As serve opens it: with the filter index, loaded before measuring.
	st, err := sqlite.Open(ctx, filepath.Join(dir, "casebook.db"), sqlite.WithFilterIndex())
	if err != nil {
		return nil, err
	}
	if err := st.WaitFilterIndex(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func run(ctx context.Context, n int, dir, dsn string, requests, conc int, role string) error {
	st, err := open(ctx, dir, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fill(ctx, st, n); err != nil {
		return err
	}
	name := "webload-" + role
	const password = "webload password, not secret"
	if _, err := st.FindUserByName(ctx, name); casebook.ErrorKind(err) == casebook.ENOTFOUND {
		h, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		if err := st.CreateUser(ctx, &casebook.User{Name: name, Role: role, PasswordHash: h}); err != nil {
			return err
		}
	}
	srv, err := web.NewServer(web.Config{Store: st, Log: slog.New(slog.DiscardHandler), CacheTTL: time.Hour, NoCache: noCache})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	t0 := time.Now()
	if err := srv.Warm(ctx); err != nil {
		return err
	}
	fmt.Printf("warm-up (every event read into the aggregate index): %s\n", time.Since(t0).Round(time.Millisecond))

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: conc * 2}}
	resp, err := client.PostForm(base+"/login", url.Values{"name": {name}, "password": {password}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Request.URL.Path == "/login" {
		return fmt.Errorf("login failed: %s", resp.Status)
	}

	// {i} is replaced by the request's number: every request then asks for
	// a page not seen before, which measures the uncached path.
	pages := []string{
		"/reports",
		"/reports?page={i}",
		"/reports?q=bribe",
		"/reports?place=north-hamgyong&type=detention&year=2019",
		"/map",
		"/map?type=bribe_demand&year=2019",
		"/prices",
		"/prices?place=ryanggang",
		"/timeline",
	}
	if onlyPages != "" {
		pages = strings.Split(onlyPages, ",")
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("\n%d reports, %d requests per page, %d concurrent clients, role %s, GOMAXPROCS %d, caches off: %t\n", n, requests, conc, role, runtime.GOMAXPROCS(0), noCache)
	fmt.Printf("%-58s %8s %8s %8s %8s %9s\n", "page", "p50 ms", "p95 ms", "p99 ms", "max ms", "KB")
	for _, p := range pages {
		lat, size, err := measure(client, base+p, requests, conc)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		fmt.Printf("%-58s %8.1f %8.1f %8.1f %8.1f %9.1f\n", p, pct(lat, 50), pct(lat, 95), pct(lat, 99), pct(lat, 100), float64(size)/1024)
	}
	if role != casebook.RoleViewer && onlyPages == "" {
		return reviews(client, base)
	}
	return nil
}

// reviews confirms 20 events through the API and times each review and the
// map right after it, which must rebuild from the changed events.
func reviews(c *http.Client, base string) error {
	resp, err := c.Get(base + "/api/v1/events?state=machine")
	if err != nil {
		return err
	}
	var list struct {
		Events []struct {
			FactID int64 `json:"fact_id"`
		} `json:"events"`
	}
	err = json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var post, after []float64
	for i, e := range list.Events {
		if i == 20 {
			break
		}
		t := time.Now()
		req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/facts/%d/review", base, e.FactID), strings.NewReader(`{"action":"confirm"}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("review: %s", resp.Status)
		}
		post = append(post, float64(time.Since(t).Microseconds())/1000)
		t = time.Now()
		if _, err := get(c, base+"/map"); err != nil {
			return err
		}
		after = append(after, float64(time.Since(t).Microseconds())/1000)
	}
	sort.Float64s(post)
	sort.Float64s(after)
	fmt.Printf("%-58s %8.1f %8.1f %8.1f %8.1f\n", "POST review (confirm) x"+strconv.Itoa(len(post)), pct(post, 50), pct(post, 95), pct(post, 99), pct(post, 100))
	fmt.Printf("%-58s %8.1f %8.1f %8.1f %8.1f\n", "/map right after a review", pct(after, 50), pct(after, 95), pct(after, 99), pct(after, 100))
	return nil
}

// fill ingests synthetic reports until the store holds n.
func fill(ctx context.Context, st casebook.Store, n int) error {
	_, have, err := st.FindReports(ctx, casebook.ReportFilter{Limit: 1})
	if err != nil {
		return err
	}
	if have >= n {
		fmt.Printf("store holds %d reports\n", have)
		return nil
	}
	fmt.Printf("store holds %d reports; ingesting up to %d (synthetic, extractor included)…\n", have, n)
	in := &ingest.Ingester{Store: st, Actor: "webload"}
	const batch = 5000
	start := time.Now()
	for from := have; from < n; from += batch {
		to := min(from+batch, n)
		var buf bytes.Buffer
		if err := storegen.WriteJSONL(&buf, 42, from, to); err != nil {
			return err
		}
		res, err := in.IngestFile(ctx, fmt.Sprintf("synthetic-%d.jsonl", from), &buf, ingest.Meta{})
		if err != nil {
			return err
		}
		for _, r := range res {
			if r.Err != nil {
				return fmt.Errorf("ingest %s: %w", r.Name, r.Err)
			}
		}
		fmt.Printf("  %d/%d (%.0f reports/s)\n", to, n, float64(to-have)/time.Since(start).Seconds())
	}
	return nil
}

func measure(c *http.Client, u string, requests, conc int) ([]float64, int, error) {
	var (
		mu   sync.Mutex
		lat  []float64
		size int
		errs []error
		wg   sync.WaitGroup
	)
	jobs := make(chan int)
	// One request first, unmeasured, so a lazily built view is not counted.
	if _, err := get(c, strings.ReplaceAll(u, "{i}", "1")); err != nil {
		return nil, 0, err
	}
	for range conc {
		wg.Go(func() {
			for i := range jobs {
				t := time.Now()
				n, err := get(c, strings.ReplaceAll(u, "{i}", strconv.Itoa(i+2)))
				d := float64(time.Since(t).Microseconds()) / 1000
				mu.Lock()
				lat, size = append(lat, d), n
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		})
	}
	for i := range requests {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if len(errs) > 0 {
		return nil, 0, errs[0]
	}
	sort.Float64s(lat)
	return lat, size, nil
}

func get(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 {
		return 0, fmt.Errorf("status %s", resp.Status)
	}
	if strings.HasSuffix(resp.Request.URL.Path, "/login") {
		return 0, fmt.Errorf("redirected to login")
	}
	return int(n), err
}

func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p / 100)
	return sorted[i]
}
