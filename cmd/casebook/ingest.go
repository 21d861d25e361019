package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"casebook/ingest"
)

func runIngest(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	workers := fs.Int("workers", 0, "files parsed and extracted at once (default: one per core)")
	quiet := fs.Bool("q", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook ingest [--data DIR] [--db DSN] PATH...\n\nStores report files (.txt .md .html .pdf .jsonl) and folders of them, with their facts.")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return errUsage
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	in := &ingest.Ingester{Store: st, Log: env.log, Audit: true, Workers: *workers, Actor: cliActor(env)}
	bar := newProgressBar(env.stderr, !*quiet && isTerminal(env.stderr))
	var total ingest.Summary
	start := time.Now()
	for _, p := range paths {
		sum := in.IngestPath(ctx, p, func(results []ingest.Result, done, files int) {
			bar.update(p, results, done, files)
		})
		total.Added += sum.Added
		total.Present += sum.Present
		total.Failed += sum.Failed
		total.Failures = append(total.Failures, sum.Failures...)
	}
	bar.finish()
	elapsed := time.Since(start)
	n := total.Added + total.Present + total.Failed
	fmt.Fprintf(env.stdout, "%d added, %d already present, %d failed (%d reports in %s, %.0f/s)\n",
		total.Added, total.Present, total.Failed, n, elapsed.Round(time.Millisecond), float64(n)/max(elapsed.Seconds(), 1e-9))
	for _, f := range total.Failures {
		fmt.Fprintf(env.stdout, "  failed: %s: %v\n", f.Name, f.Err)
	}
	if total.Failed > 0 {
		return fmt.Errorf("%d of %d reports failed", total.Failed, n)
	}
	return ctx.Err()
}

// progressBar draws one line of progress on a terminal; elsewhere it does
// nothing, so logs stay clean.
type progressBar struct {
	mu                     sync.Mutex
	w                      io.Writer
	on                     bool
	added, present, failed int
	last                   time.Time
	drawn                  bool
}

func newProgressBar(w io.Writer, on bool) *progressBar { return &progressBar{w: w, on: on} }

func (b *progressBar) update(path string, results []ingest.Result, done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range results {
		switch {
		case r.Err != nil:
			b.failed++
		case r.Created:
			b.added++
		default:
			b.present++
		}
	}
	if !b.on || (done < total && time.Since(b.last) < 100*time.Millisecond) {
		return
	}
	b.last = time.Now()
	const width = 30
	fill := width
	if total > 0 {
		fill = done * width / total
	}
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d files  added %d  present %d  failed %d ",
		strings.Repeat("#", fill), strings.Repeat(".", width-fill), done, total, b.added, b.present, b.failed)
	b.drawn = true
}

func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
