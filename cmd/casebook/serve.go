package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"casebook"
	"casebook/audit"
	"casebook/auth"
	"casebook/demo"
	"casebook/ingest"
	"casebook/web"
)

// demoAdmin is the account `serve --demo` creates or resets.
const demoAdmin = "demo"

// runServe starts the web app and JSON API. An ordinary start needs an admin
// account; --demo makes one (printing its one-time password) and loads the
// sample reports in the background while the first pages are already served.
func runServe(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	demoMode := fs.Bool("demo", false, "load the sample reports and create (or reset) the admin account \"demo\" with a one-time password")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure: set this when people reach casebook over HTTPS (e.g. behind a TLS proxy)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook serve [--addr HOST:PORT] [--demo] [--data DIR] [--db DSN]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	start := time.Now()
	sc.longLived = true
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	// Listen before touching accounts: a second serve on a busy port must
	// not reset the running demo's password.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	defer ln.Close()
	var password string
	if *demoMode {
		if password, err = resetDemoAdmin(ctx, st); err != nil {
			return err
		}
	} else if err := requireAdmin(ctx, st); err != nil {
		return err
	}

	sealer, err := auth.LoadSealer(sc.dataDir(), env.getenv)
	if err != nil {
		if casebook.ErrorKind(err) != casebook.ENOTFOUND {
			return err
		}
		sealer = nil // no key: full exports with sources are unavailable
	}
	ing := &uploadIngester{base: ingest.Ingester{Store: st, Log: env.log}}
	srv, err := web.NewServer(web.Config{Store: st, Log: env.log, Ingester: ing, Sealer: sealer, Secure: *secure})
	if err != nil {
		return err
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(env.stdout, "casebook %s serving %s (store: %s) — ready in %s\n", casebook.Version, url, storeLabel(sc), time.Since(start).Round(time.Millisecond))
	if !*demoMode {
		// Read every event now, so the first map or chart does not wait.
		go func() {
			if err := srv.Warm(ctx); err != nil {
				env.log.Error("warm up", "err", err)
			}
		}()
	}
	if *demoMode {
		fmt.Fprintf(env.stdout, "demo admin: name %q, one-time password %s\n(it changes at every `serve --demo`; make your own account with `casebook user add --role admin NAME`)\n", demoAdmin, password)
		go loadDemo(ctx, env, st, srv)
	}

	select {
	case err := <-served:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return hs.Shutdown(shut)
}

func storeLabel(sc *storeConfig) string {
	if sc.isPostgres() {
		return "postgres"
	}
	return sc.dsn()
}

// requireAdmin refuses to serve a store nobody can administer.
func requireAdmin(ctx context.Context, st casebook.Store) error {
	users, err := st.FindUsers(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.Role == casebook.RoleAdmin {
			return nil
		}
	}
	return casebook.Errorf(casebook.EINVALID, "no admin account yet: create one with `casebook user add --role admin NAME`, or try `casebook serve --demo`")
}

// resetDemoAdmin creates the demo admin, or gives it a new password and ends
// its sessions, and returns the password.
func resetDemoAdmin(ctx context.Context, st casebook.Store) (string, error) {
	token, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	pw := token[:20]
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	u, err := st.FindUserByName(ctx, demoAdmin)
	switch {
	case casebook.ErrorKind(err) == casebook.ENOTFOUND:
		if err := st.CreateUser(ctx, &casebook.User{Name: demoAdmin, Role: casebook.RoleAdmin, PasswordHash: hash}); err != nil {
			return "", fmt.Errorf("create demo admin: %w", err)
		}
	case err != nil:
		return "", err
	default:
		u.Role, u.PasswordHash = casebook.RoleAdmin, hash
		if err := st.UpdateUser(ctx, u); err != nil {
			return "", fmt.Errorf("reset demo admin: %w", err)
		}
		if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
			return "", fmt.Errorf("reset demo admin: %w", err)
		}
	}
	if err := audit.Record(ctx, st, "system", audit.ActionDemoAdmin, "user:"+demoAdmin, "one-time password issued"); err != nil {
		return "", err
	}
	return pw, nil
}

// loadDemo stores the sample reports through the ingest package, showing
// progress on every page and on stderr; the server answers meanwhile.
func loadDemo(ctx context.Context, env *cmdEnv, st casebook.Store, srv *web.Server) {
	start := time.Now()
	in := &ingest.Ingester{Store: st, Log: env.log, Actor: "demo", Audit: true}
	srv.SetNotice("Demo: loading sample reports…")
	res, err := demo.Load(ctx, func(ctx context.Context, r demo.Report) (bool, error) {
		out, err := in.IngestFile(ctx, r.Name, strings.NewReader(r.Text), ingest.Meta{
			Title: r.Title, Outlet: r.Outlet, Published: r.Published.Format("2006-01-02"), Language: r.Language})
		if err != nil {
			return false, err
		}
		if len(out) == 0 {
			return false, fmt.Errorf("%s: nothing ingested", r.Name)
		}
		return out[0].Created, out[0].Err
	}, func(done, total int) {
		srv.SetNotice(fmt.Sprintf("Demo: loading sample reports, %d of %d…", done, total))
		if done%10 == 0 || done == total {
			srv.Invalidate()
			env.log.Info("demo loading", "done", done, "total", total)
		}
	})
	srv.Invalidate()
	if err != nil {
		env.log.Error("demo load", "err", err)
	}
	env.log.Info("demo loaded", "added", res.Added, "already", res.Existing, "failed", res.Failed, "ms", time.Since(start).Milliseconds())
	srv.SetNotice(fmt.Sprintf("Demo data: %d sample reports written for casebook (not real reports). Log in as %q with the password printed at start.", res.Added+res.Existing, demoAdmin))
	srv.Warm(ctx)
}

// uploadIngester adapts the ingest package to the web app's uploads: each
// upload is ingested as the user who sent it.
type uploadIngester struct {
	base ingest.Ingester
}

func (u *uploadIngester) IngestFile(ctx context.Context, name string, data []byte, by string) ([]web.Ingested, error) {
	in := ingest.Ingester{Store: u.base.Store, Log: u.base.Log, Actor: by}
	res, err := in.IngestFile(ctx, filepath.Base(name), bytes.NewReader(data), ingest.Meta{})
	if err != nil {
		return nil, err
	}
	out := make([]web.Ingested, 0, len(res))
	for _, r := range res {
		out = append(out, web.Ingested{Name: r.Name, ReportID: r.ReportID, Created: r.Created, Err: r.Err})
	}
	return out, nil
}
