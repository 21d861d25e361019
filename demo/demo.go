// Package demo holds the sample reports `casebook serve --demo` loads: short
// reports written for casebook in the style of reports on North Korean state
// security abuses, in English and Korean, spread over 2015–2026 and over the
// provinces, with bribes in yuan, dollars and won. They are invented for the
// demo; no text is taken from any published report.
package demo

import (
	"bufio"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

//go:embed reports/*.txt
var files embed.FS

// Report is one sample report with the metadata its header gives.
type Report struct {
	Name      string // file name, e.g. 01-hoeryong-phone-2015.txt
	Title     string
	Published time.Time
	Language  string
	Outlet    string
	Text      string // the body: what facts are extracted from
	Raw       []byte // the whole file as embedded, header included
}

// Reports returns the sample reports in file order.
func Reports() ([]Report, error) {
	names, err := fs.Glob(files, "reports/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]Report, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("demo: read %s: %w", n, err)
		}
		r, err := parse(path.Base(n), b)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// parse reads a header of "key: value" lines, a blank line, then the text.
func parse(name string, b []byte) (Report, error) {
	r := Report{Name: name, Raw: b}
	head, body, ok := strings.Cut(string(b), "\n\n")
	if !ok {
		return r, fmt.Errorf("demo: %s: no blank line after the header", name)
	}
	sc := bufio.NewScanner(strings.NewReader(head))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			return r, fmt.Errorf("demo: %s: bad header line %q", name, sc.Text())
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			r.Title = v
		case "published":
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				return r, fmt.Errorf("demo: %s: published %q: %w", name, v, err)
			}
			r.Published = t
		case "language":
			r.Language = v
		case "outlet":
			r.Outlet = v
		}
	}
	r.Text = strings.TrimSpace(body) + "\n"
	if r.Title == "" || r.Published.IsZero() || r.Language == "" {
		return r, fmt.Errorf("demo: %s: title, published and language are required", name)
	}
	return r, nil
}

// Result counts what a load did.
type Result struct {
	Added, Existing, Failed int
}

// IngestFunc stores one sample report and reports whether it was new; a
// report already stored (same bytes) is not stored again.
type IngestFunc func(ctx context.Context, r Report) (created bool, err error)

// Load stores every sample report through ingest. Loading twice adds
// nothing: reports are identified by their bytes. progress, when not nil, is
// called after each report.
func Load(ctx context.Context, ingest IngestFunc, progress func(done, total int)) (Result, error) {
	var res Result
	reps, err := Reports()
	if err != nil {
		return res, err
	}
	var firstErr error
	for i, r := range reps {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		created, err := ingest(ctx, r)
		switch {
		case err != nil:
			res.Failed++
			if firstErr == nil {
				firstErr = fmt.Errorf("demo: ingest %s: %w", r.Name, err)
			}
		case created:
			res.Added++
		default:
			res.Existing++
		}
		if progress != nil {
			progress(i+1, len(reps))
		}
	}
	return res, firstErr
}
