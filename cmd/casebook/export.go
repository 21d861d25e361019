package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"casebook"
	"casebook/auth"
	"casebook/export"
	"casebook/extract/place"
)

// runExport writes events as CSV, GeoJSON or JSON. From the command line the
// operator holds the database, so the default is an analyst's export (every
// fact, no sources); --redact makes a public one, --full adds source records
// (it needs the source key). Every export is audited.
func runExport(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	format := fs.String("format", export.FormatCSV, "csv, geojson or json")
	redact := fs.Bool("redact", false, "public export: confirmed and corrected facts only, personal names removed, no notes, no sources")
	full := fs.Bool("full", false, "include source records (decrypted with the source key); never with --redact")
	out := fs.String("out", "", "write to FILE (mode 0600) instead of standard output")
	typ := fs.String("type", "", "event type: "+strings.Join(casebook.EventTypes, ", "))
	placeName := fs.String("place", "", "place id or name; a province includes its cities and counties")
	agency := fs.String("agency", "", "agency code: MSS, MPS, WPK, KPA, PROSECUTION, OTHER")
	from := fs.String("from", "", "events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	minUSD := fs.Float64("min-usd", 0, "events with an amount of at least this many USD")
	maxUSD := fs.Float64("max-usd", 0, "events with an amount of at most this many USD")
	states := fs.String("state", "", "review states, comma-separated: machine, confirmed, corrected, rejected")
	reportID := fs.Int64("report", 0, "events of this report only")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook export [--format csv|geojson|json] [--redact | --full] [--out FILE] [filters]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	if *redact && *full {
		return casebook.Errorf(casebook.EINVALID, "--full and --redact exclude each other")
	}
	f := casebook.FactFilter{EventType: *typ, Agency: strings.ToUpper(*agency), MinUSD: *minUSD, MaxUSD: *maxUSD, ReportID: *reportID}
	if f.EventType != "" && !slices.Contains(casebook.EventTypes, f.EventType) {
		return casebook.Errorf(casebook.EINVALID, "event type %q: want one of %s", f.EventType, strings.Join(casebook.EventTypes, ", "))
	}
	if f.Agency != "" {
		if _, ok := casebook.AgencyNames[f.Agency]; !ok {
			return casebook.Errorf(casebook.EINVALID, "agency %q: want MSS, MPS, WPK, KPA, PROSECUTION or OTHER", *agency)
		}
	}
	if *placeName != "" {
		p, ok := place.Lookup(*placeName)
		if !ok {
			return casebook.Errorf(casebook.EINVALID, "no place %q in the gazetteer", *placeName)
		}
		f.PlaceID = p.ID
	}
	// The same date forms as search (dateBound in search.go).
	var err error
	if f.Date.From, err = dateBound(*from, false); err != nil {
		return casebook.Errorf(casebook.EINVALID, "%v", err)
	}
	if f.Date.To, err = dateBound(*to, true); err != nil {
		return casebook.Errorf(casebook.EINVALID, "%v", err)
	}
	if *states != "" {
		for _, s := range strings.Split(*states, ",") {
			s = strings.TrimSpace(s)
			switch s {
			case casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected:
				f.States = append(f.States, s)
			default:
				return casebook.Errorf(casebook.EINVALID, "review state %q: want machine, confirmed, corrected or rejected", s)
			}
		}
	}
	// The operator at the command line holds the database: an admin.
	opts, err := export.OptionsFor(casebook.RoleAdmin, *format, *redact, *full)
	if err != nil {
		return err
	}
	opts.Actor = cliActor(env)
	if opts.Full {
		if opts.Sealer, err = auth.LoadSealer(sc.dataDir(), env.getenv); err != nil {
			return err
		}
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	var w io.Writer = env.stdout
	var file *os.File
	if *out != "" {
		// Exports may hold names and sources: readable by the owner only.
		if file, err = os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		w = file
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	err = export.Events(ctx, st, f, opts, bw)
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(*out)
		}
	}
	if err != nil {
		return err
	}
	if file != nil {
		fmt.Fprintf(env.stderr, "wrote %s\n", *out)
	}
	return nil
}
