package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"casebook"
	"casebook/audit"
	"casebook/auth"
)

const sourceUsage = `usage: casebook source add < source.json
       casebook source edit ID < source.json
       casebook source list
       casebook source show ID
       casebook source link REPORT_ID SOURCE_ID   (SOURCE_ID 0 unlinks)

A source is read as JSON on standard input, never from arguments (which
shell history and process lists keep):
  {"pseudonym": "…", "region": "…", "channel": "…", "reliability": "B",
   "credibility": 2, "notes": "…", "contact": "…"}
Its fields are sealed with the source key (DATA/source.key or
CASEBOOK_SOURCE_KEY) before they reach the database.`

// runSource manages protected source records from the command line, where
// the operator holds the database and the key. Each action is audited by
// id only.
func runSource(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, sourceUsage)
		return errUsage
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("source "+sub, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() { fmt.Fprintln(env.stderr, sourceUsage); fs.PrintDefaults() }
	sc := storeFlags(fs, env)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	want := map[string]int{"add": 0, "edit": 1, "list": 0, "show": 1, "link": 2}
	n, ok := want[sub]
	if !ok {
		fmt.Fprintf(env.stderr, "casebook source: unknown subcommand %q\n%s\n", sub, sourceUsage)
		return errUsage
	}
	if fs.NArg() != n {
		fs.Usage()
		return errUsage
	}
	var ids []int64
	for _, a := range fs.Args() {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id < 0 {
			return casebook.Errorf(casebook.EINVALID, "%q is not an id", a)
		}
		ids = append(ids, id)
	}
	var sealer *auth.Sealer
	if sub != "link" {
		var err error
		if sealer, err = auth.LoadSealer(sc.dataDir(), env.getenv); err != nil {
			return err
		}
	}
	var src casebook.Source
	if sub == "add" || sub == "edit" {
		dec := json.NewDecoder(io.LimitReader(env.stdin, 1<<20))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&src); err != nil {
			return casebook.Errorf(casebook.EINVALID, "read source JSON on standard input: %v", err)
		}
		if err := auth.CheckSource(src); err != nil {
			return err
		}
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	actor := cliActor(env)
	switch sub {
	case "add":
		sealed, err := sealer.Seal(src)
		if err != nil {
			return err
		}
		ss := &casebook.SealedSource{Sealed: sealed, CreatedAt: time.Now().UTC()}
		if err := st.CreateSource(ctx, ss); err != nil {
			return fmt.Errorf("add source: %w", err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionSourceAdd, audit.Object("source", ss.ID), ""); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "added source %d\n", ss.ID)
	case "edit":
		ss, err := st.FindSourceByID(ctx, ids[0])
		if err != nil {
			return fmt.Errorf("source %d: %w", ids[0], err)
		}
		if ss.Sealed, err = sealer.Seal(src); err != nil {
			return err
		}
		if err := st.UpdateSource(ctx, ss); err != nil {
			return fmt.Errorf("edit source %d: %w", ss.ID, err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionSourceEdit, audit.Object("source", ss.ID), ""); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "updated source %d\n", ss.ID)
	case "list":
		all, err := st.FindSources(ctx)
		if err != nil {
			return fmt.Errorf("list sources: %w", err)
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPSEUDONYM\tGRADE\tREGION\tCHANNEL")
		for _, ss := range all {
			s, err := sealer.OpenSource(ss)
			if err != nil {
				fmt.Fprintf(tw, "%d\t(unreadable: %v)\t\t\t\n", ss.ID, err)
				continue
			}
			fmt.Fprintf(tw, "%d\t%s\t%s%s\t%s\t%s\n", s.ID, s.Pseudonym, s.Reliability, credibility(s.Credibility), s.Region, s.Channel)
		}
		tw.Flush()
		if err := audit.Record(ctx, st, actor, audit.ActionSourceView, "sources", fmt.Sprintf("listed %d", len(all))); err != nil {
			return err
		}
	case "show":
		ss, err := st.FindSourceByID(ctx, ids[0])
		if err != nil {
			return fmt.Errorf("source %d: %w", ids[0], err)
		}
		s, err := sealer.OpenSource(*ss)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, st, actor, audit.ActionSourceView, audit.Object("source", s.ID), ""); err != nil {
			return err
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "link":
		if err := st.SetReportSource(ctx, ids[0], ids[1]); err != nil {
			return fmt.Errorf("link report %d: %w", ids[0], err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionSourceLink, audit.Object("report", ids[0]), fmt.Sprintf("source=%d", ids[1])); err != nil {
			return err
		}
		if ids[1] == 0 {
			fmt.Fprintf(env.stdout, "report %d has no source now\n", ids[0])
		} else {
			fmt.Fprintf(env.stdout, "report %d linked to source %d\n", ids[0], ids[1])
		}
	}
	return nil
}

func credibility(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
