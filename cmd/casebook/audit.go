package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"casebook"
	"casebook/audit"
)

const auditUsage = `usage: casebook audit verify [--head SEQ:HASH] [--json]
       casebook audit list [--after SEQ] [--limit N]

verify walks the hash-chained audit log and names every edited, removed or
reordered entry; it exits 1 when the log was tampered with. It prints the
head (last seq and hash): note it elsewhere and pass it to --head later to
prove that nothing was cut from the end or rebuilt.`

// errTampered makes a command exit 1 after it has printed what is wrong.
var errTampered = errors.New("tampering found")

func runAudit(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, auditUsage)
		return errUsage
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("audit "+sub, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() { fmt.Fprintln(env.stderr, auditUsage); fs.PrintDefaults() }
	sc := storeFlags(fs, env)
	switch sub {
	case "verify":
		head := fs.String("head", "", "a head noted earlier, SEQ:HASH, that must still be in the log")
		asJSON := fs.Bool("json", false, "print the report as JSON")
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			return errUsage
		}
		var headSeq int64
		var headHash string
		if *head != "" {
			s, h, ok := strings.Cut(*head, ":")
			n, err := strconv.ParseInt(s, 10, 64)
			if !ok || err != nil || len(h) != 64 {
				return casebook.Errorf(casebook.EINVALID, "--head %q: want SEQ:HASH as verify printed it", *head)
			}
			headSeq, headHash = n, h
		}
		st, err := sc.open(ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		r, err := audit.Verify(ctx, st)
		if err != nil {
			return err
		}
		var headErr error
		if headSeq > 0 {
			headErr = audit.CheckHead(ctx, st, headSeq, headHash)
		}
		if *asJSON {
			out := struct {
				audit.Report
				OK        bool   `json:"ok"`
				HeadError string `json:"head_error,omitempty"`
			}{r, r.OK() && headErr == nil, casebook.ErrorMessage(headErr)}
			enc := json.NewEncoder(env.stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(out); err != nil {
				return err
			}
		} else {
			for _, p := range r.Problems {
				fmt.Fprintf(env.stdout, "TAMPERED seq %d (%s): %s\n", p.Seq, p.Kind, p.Message)
			}
			if r.More {
				fmt.Fprintln(env.stdout, "… and more problems")
			}
			if headErr != nil {
				fmt.Fprintf(env.stdout, "TAMPERED head: %s\n", casebook.ErrorMessage(headErr))
			}
			if r.OK() && headErr == nil {
				fmt.Fprintf(env.stdout, "OK: %d entries, chain intact\n", r.Entries)
			}
			if r.Entries > 0 {
				fmt.Fprintf(env.stdout, "head: %d:%s\n", r.LastSeq, r.LastHash)
			} else {
				// casebook init writes the first entry: an empty log was emptied.
				fmt.Fprintln(env.stdout, "warning: the audit log is empty; check it against a head noted earlier (--head)")
			}
		}
		if !r.OK() || headErr != nil {
			return errTampered
		}
		return nil
	case "list":
		after := fs.Int64("after", 0, "list entries after this seq")
		limit := fs.Int("limit", 100, "at most this many entries")
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			return errUsage
		}
		st, err := sc.open(ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		es, err := st.FindAudit(ctx, *after, max(*limit, 1))
		if err != nil {
			return fmt.Errorf("read audit log: %w", err)
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tAT\tACTOR\tACTION\tOBJECT\tDETAIL")
		for _, e := range es {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.At.UTC().Format("2006-01-02 15:04:05"), e.Actor, e.Action, e.Object, e.Detail)
		}
		return tw.Flush()
	default:
		fmt.Fprintf(env.stderr, "casebook audit: unknown subcommand %q\n%s\n", sub, auditUsage)
		return errUsage
	}
}
