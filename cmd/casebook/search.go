package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/place"
	"casebook/internal/index"
)

func runSearch(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	var f casebook.ReportFilter
	placeName := fs.String("place", "", "place id or name (a province also finds its cities and counties)")
	fs.StringVar(&f.Agency, "agency", "", "agency code: MSS, MPS, WPK, KPA, PROSECUTION, OTHER")
	fs.StringVar(&f.EventType, "type", "", "event type: "+strings.Join(casebook.EventTypes, ", "))
	from := fs.String("from", "", "events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.Float64Var(&f.MinUSD, "min-usd", 0, "a sum of at least this many US dollars")
	fs.Float64Var(&f.MaxUSD, "max-usd", 0, "a sum of at most this many US dollars")
	fs.StringVar(&f.Language, "lang", "", "report language: en, ko")
	fs.StringVar(&f.State, "state", "", "a fact in this review state: machine, confirmed, corrected, rejected")
	fs.IntVar(&f.Limit, "limit", 20, "reports per page")
	fs.IntVar(&f.Offset, "offset", 0, "skip this many reports")
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook search [QUERY] [--place X] [--agency MSS] [--type detention] [--from DATE] [--to DATE] [--min-usd N] [--max-usd N] [--lang ko] [--state confirmed] [--limit N] [--json]")
		fs.PrintDefaults()
	}
	words, err := parseArgs(fs, args)
	if err != nil {
		return errUsage
	}
	f.Query = strings.Join(words, " ")
	if *placeName != "" {
		p, ok := place.Lookup(*placeName)
		if !ok {
			return fmt.Errorf("unknown place %q", *placeName)
		}
		f.PlaceID = p.ID
	}
	f.Agency = strings.ToUpper(f.Agency)
	if f.Agency != "" {
		if _, ok := casebook.AgencyNames[f.Agency]; !ok {
			return fmt.Errorf("unknown agency %q (want MSS, MPS, WPK, KPA, PROSECUTION or OTHER)", f.Agency)
		}
	}
	if f.Date.From, err = dateBound(*from, false); err != nil {
		return err
	}
	if f.Date.To, err = dateBound(*to, true); err != nil {
		return err
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if !*asJSON {
		// A person reads "more than N": counting every match of a broad
		// search costs more than the page. JSON keeps the exact count.
		f.CountLimit = max(1000, f.Offset+index.PageLimit(f.Limit))
	}
	hits, total, err := st.FindReports(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		type hit struct {
			ID        int64   `json:"id"`
			SHA256    string  `json:"sha256"`
			Title     string  `json:"title"`
			Published string  `json:"published,omitempty"`
			Language  string  `json:"language"`
			Outlet    string  `json:"outlet,omitempty"`
			URL       string  `json:"url,omitempty"`
			Rank      float64 `json:"rank"`
			Snippet   string  `json:"snippet"`
		}
		out := struct {
			Total int   `json:"total"`
			Hits  []hit `json:"hits"`
		}{Total: total, Hits: []hit{}}
		for _, h := range hits {
			r := h.Report
			out.Hits = append(out.Hits, hit{r.ID, r.SHA256, r.Title, r.Published, r.Language, r.Outlet, r.URL, h.Rank, h.Snippet})
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tLANG\tTITLE")
	for _, h := range hits {
		r := h.Report
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.ID, dash(r.Published), r.Language, cut(r.Title, 70))
		fmt.Fprintf(tw, "\t\t\t%s\n", cut(h.Snippet, 110))
	}
	tw.Flush()
	if total > f.CountLimit {
		fmt.Fprintf(env.stdout, "%d–%d of more than %d reports\n", min(f.Offset+1, total), f.Offset+len(hits), f.CountLimit)
		return nil
	}
	fmt.Fprintf(env.stdout, "%d–%d of %d reports\n", min(f.Offset+1, total), f.Offset+len(hits), total)
	return nil
}

// dateBound turns YYYY, YYYY-MM or YYYY-MM-DD into a day: the first of the
// period, or its last when end is set.
func dateBound(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); s != "" && (layout == "" || err != nil) {
		return "", fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	switch len(s) {
	case 0:
		return "", nil
	case 4:
		if end {
			return s + "-12-31", nil
		}
		return s + "-01-01", nil
	case 7:
		if end {
			return s + "-31", nil // ISO dates compare as strings; no month has a 32nd
		}
		return s + "-01", nil
	case 10:
		return s, nil
	}
	return "", fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// cut shortens s to n characters on one line.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
