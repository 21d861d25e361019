// Package ingest turns files into stored reports: plain text and Markdown,
// HTML (the article pulled out of the page), PDF (its text layer, through
// pdftotext), JSONL (one report per line) and folders of them. Each report is
// stored with its machine facts in one transaction, so an ingest killed
// halfway and run again loses nothing and duplicates nothing.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"casebook"
	"casebook/extract"
)

// MaxFileBytes is the default size limit of one file.
const MaxFileBytes = 50 << 20

// Meta is what the caller knows of a file beyond its bytes; a set field wins
// over what the file itself says.
type Meta struct {
	Title     string
	Outlet    string
	URL       string
	Author    string
	Published string // YYYY-MM-DD
	Language  string // en, ko; empty: detect
	SourceID  int64
}

// Result is the outcome for one report (a file, or a line of a JSONL file).
type Result struct {
	Name     string // file path, "path:N" for line N of a JSONL file
	ReportID int64
	SHA256   string
	Title    string
	Created  bool // false: the report was already stored
	Facts    int  // machine facts stored with a new report
	Err      error
}

// Summary counts an ingest's results.
type Summary struct {
	Added    int
	Present  int
	Failed   int
	Failures []Result // the failed results, with their errors
}

// Add counts r.
func (s *Summary) Add(r Result) {
	switch {
	case r.Err != nil:
		s.Failed++
		s.Failures = append(s.Failures, r)
	case r.Created:
		s.Added++
	default:
		s.Present++
	}
}

// Ingester stores files as reports. Store is required; the rest have
// defaults. It is safe for concurrent use.
type Ingester struct {
	Store casebook.Store
	Log   *slog.Logger     // default: discard
	Now   func() time.Time // default: time.Now; stamps CreatedAt
	Actor string           // CreatedBy and audit actor; default "system"
	// Audit appends an "ingest" entry to the audit log for each new report.
	Audit bool
	// MaxBytes limits one file (default MaxFileBytes).
	MaxBytes int64
	// Workers parse and extract in parallel (default GOMAXPROCS).
	Workers int
}

func (in *Ingester) log() *slog.Logger {
	if in.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return in.Log
}

func (in *Ingester) maxBytes() int64 {
	if in.MaxBytes <= 0 {
		return MaxFileBytes
	}
	return in.MaxBytes
}

func (in *Ingester) actor() string {
	if in.Actor == "" {
		return "system"
	}
	return in.Actor
}

// doc is one report parsed from a file, before extraction.
type doc struct {
	name     string
	original []byte
	media    string
	fileName string
	meta     Meta // title, outlet, url, author, published, language as found
	text     string
	err      error // a part of the file that could not be read
}

// IngestFile stores the report(s) in one file read from r. name gives the
// format by its extension (.txt, .md, .html, .htm, .pdf, .jsonl). The error
// is for the file as a whole (unreadable, too large, unknown type); a JSONL
// file gives one result per line, each with its own error.
func (in *Ingester) IngestFile(ctx context.Context, name string, r io.Reader, meta Meta) ([]Result, error) {
	b, err := readLimited(r, in.maxBytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	docs, err := parse(ctx, name, b, meta)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]Result, len(docs))
	in.each(ctx, len(docs), func(i int) { out[i] = in.store(ctx, docs[i]) })
	return out, nil
}

// each runs fn(0..n-1) on the ingester's workers.
func (in *Ingester) each(ctx context.Context, n int, fn func(i int)) {
	workers := in.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}

// readLimited reads all of r, refusing more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, casebook.Errorf(casebook.ETOOLARGE, "larger than the limit of %d MB", limit>>20)
	}
	return b, nil
}

// store extracts facts from d and stores it as a report.
func (in *Ingester) store(ctx context.Context, d doc) (res Result) {
	res = Result{Name: d.name, Title: d.meta.Title}
	if d.err != nil {
		res.Err = d.err
		return res
	}
	if err := ctx.Err(); err != nil {
		res.Err = err
		return res
	}
	r := &casebook.Report{
		Original: d.original, MediaType: d.media, FileName: d.fileName,
		Title: d.meta.Title, Outlet: d.meta.Outlet, URL: d.meta.URL, Author: d.meta.Author,
		Published: d.meta.Published, Language: d.meta.Language, Text: d.text,
		SourceID: d.meta.SourceID, CreatedBy: in.actor(),
	}
	if r.Language == "" {
		r.Language = extract.DetectLanguage(r.Text)
	}
	if in.Now != nil {
		r.CreatedAt = in.Now()
	}
	// A report already stored is not extracted again: a rerun after a crash
	// skips quickly to where it stopped.
	sha := sha256Hex(d.original)
	res.SHA256 = sha
	if old, err := in.Store.FindReportBySHA256(ctx, sha); err == nil {
		res.ReportID, res.Title = old.ID, old.Title
		return res
	} else if casebook.ErrorKind(err) != casebook.ENOTFOUND {
		res.Err = err
		return res
	}
	facts, err := extractFacts(r)
	if err != nil {
		res.Err = err
		return res
	}
	var created bool
	audited := false
	if ac, ok := in.Store.(auditedCreator); ok && in.Audit {
		audited = true
		created, err = ac.CreateReportAudited(ctx, r, facts, &casebook.AuditEntry{Actor: in.actor(), Action: "ingest", Detail: "sha256 " + sha})
	} else {
		created, err = in.Store.CreateReport(ctx, r, facts)
	}
	if err != nil {
		res.Err = err
		return res
	}
	res.ReportID, res.Title, res.Created = r.ID, r.Title, created
	if created {
		res.Facts = len(facts)
		in.log().Debug("ingested", "report_id", r.ID, "sha256", sha, "facts", len(facts))
		if in.Audit && !audited {
			e := &casebook.AuditEntry{Actor: in.actor(), Action: "ingest", Object: fmt.Sprintf("report:%d", r.ID), Detail: "sha256 " + sha}
			if err := in.Store.AppendAudit(ctx, e); err != nil {
				in.log().Error("audit ingest", "report_id", r.ID, "err", err)
			}
		}
	}
	return res
}

// auditedCreator is a store that can store a report and its audit entry in
// one transaction (both casebook stores can): nothing is stored unaudited,
// and one commit per report instead of two.
type auditedCreator interface {
	CreateReportAudited(ctx context.Context, r *casebook.Report, facts []casebook.Fact, e *casebook.AuditEntry) (bool, error)
}

// extractFacts runs the extractor; a panic in it fails this report only.
func extractFacts(r *casebook.Report) (facts []casebook.Fact, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extraction failed: %v", p)
		}
	}()
	var pub time.Time
	if r.Published != "" {
		pub, _ = time.Parse("2006-01-02", r.Published)
	}
	f := extract.Extract(extract.Input{Text: r.Text, Published: pub, Language: r.Language})
	return casebook.FactsOf(0, f, extract.Version), nil
}

// Progress is called after each file with the file's results and the
// number of files done and in all.
type Progress func(results []Result, filesDone, filesTotal int)

// IngestPath ingests a file or, recursively, a folder: every file of a
// known type, in name order. Hidden files and folders are skipped. A file
// that fails does not stop the rest.
func (in *Ingester) IngestPath(ctx context.Context, path string, progress Progress) Summary {
	var sum Summary
	files, err := listFiles(path)
	if err != nil {
		sum.Add(Result{Name: path, Err: err})
		return sum
	}
	// Files are read, parsed and extracted on several workers; the store
	// serialises what must be serial.
	ch := make(chan []Result)
	go func() {
		defer close(ch)
		in.each(ctx, len(files), func(i int) { ch <- in.ingestOne(ctx, files[i]) })
	}()
	done := 0
	for results := range ch {
		done++
		for _, r := range results {
			sum.Add(r)
		}
		if progress != nil {
			progress(results, done, len(files))
		}
	}
	if err := ctx.Err(); err != nil && done < len(files) {
		sum.Add(Result{Name: path, Err: fmt.Errorf("stopped after %d of %d files: %w", done, len(files), err)})
	}
	return sum
}

func (in *Ingester) ingestOne(ctx context.Context, path string) []Result {
	f, err := os.Open(path)
	if err != nil {
		return []Result{{Name: path, Err: err}}
	}
	defer f.Close()
	results, err := in.IngestFile(ctx, path, f, Meta{})
	if err != nil {
		return []Result{{Name: path, Err: unwrapName(err, path)}}
	}
	return results
}

// unwrapName drops the "path: " prefix IngestFile adds, since Result.Name
// already says it.
func unwrapName(err error, name string) error {
	if u := errors.Unwrap(err); u != nil && strings.HasPrefix(err.Error(), name+": ") {
		return u
	}
	return err
}

// listFiles returns path itself or the ingestable files under it.
func listFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		// Files of other types are listed too: ingestOne fails them by name,
		// so a summary never hides a file it did not take.
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// trimBOM drops a UTF-8 byte order mark.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")) }
