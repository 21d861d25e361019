// Package e2e drives the casebook binary as a user would: one test per user
// path (the analyst at the command line, the analyst and the viewer in the
// web app, the first run of `serve --demo`), each against a fresh data
// directory on SQLite and, when CASEBOOK_TEST_POSTGRES is set, on a fresh
// PostgreSQL schema.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"casebook/sqlite"
)

// binary is the casebook binary TestMain builds once for every test.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "casebook-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "casebook")
	build := exec.Command("go", "build", "-o", binary, "casebook/cmd/casebook")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: build casebook:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// backend is one kind of store a test runs on.
type backend struct {
	name string
	// setup returns the --db value for a fresh, empty store ("" for the data
	// directory's SQLite file) and a function that runs SQL on it directly,
	// as someone with access to the database file or server could.
	setup func(t *testing.T, dataDir string) (db string, exec func(sql string, args ...any) int64)
}

// forEachBackend runs fn as a parallel subtest on SQLite and on PostgreSQL.
// PostgreSQL is skipped when CASEBOOK_TEST_POSTGRES is unset, and fails the
// test instead when CI=true.
func forEachBackend(t *testing.T, fn func(t *testing.T, cb *casebook)) {
	for _, b := range []backend{{"sqlite", sqliteSetup}, {"postgres", postgresSetup}} {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "data")
			db, sqlExec := b.setup(t, dir)
			fn(t, &casebook{t: t, data: dir, db: db, exec: sqlExec})
		})
	}
}

func sqliteSetup(t *testing.T, dataDir string) (string, func(string, ...any) int64) {
	return "", func(q string, args ...any) int64 {
		t.Helper()
		return sqliteExec(t, filepath.Join(dataDir, "casebook.db"), q, args...)
	}
}

// sqliteExec runs one statement on the SQLite file through the store's own
// connection (the project's driver; no second SQLite library).
func sqliteExec(t *testing.T, path, q string, args ...any) int64 {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	res, err := st.DB().Exec(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func postgresSetup(t *testing.T, _ string) (string, func(string, ...any) int64) {
	base := os.Getenv("CASEBOOK_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CASEBOOK_TEST_POSTGRES is not set; CI must run the end-to-end tests on PostgreSQL")
		}
		t.Skip("CASEBOOK_TEST_POSTGRES is not set; skipping the PostgreSQL run")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "casebook_e2e_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", base, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("cleanup: connect: %v", err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("cleanup: drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("CASEBOOK_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()
	return dsn, func(sql string, args ...any) int64 {
		t.Helper()
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			t.Fatalf("connect: %v", err)
		}
		defer conn.Close(context.Background())
		tag, err := conn.Exec(context.Background(), sql, args...)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return tag.RowsAffected()
	}
}

// casebook is one data directory (and store) driven through the binary.
type casebook struct {
	t    *testing.T
	data string
	db   string
	exec func(sql string, args ...any) int64 // SQL straight on the store
}

// result is what one run of the binary printed and its exit code.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// storeArgs are the flags that point a command at this store.
func (c *casebook) storeArgs() []string {
	args := []string{"--data", c.data}
	if c.db != "" {
		args = append(args, "--db", c.db)
	}
	return args
}

// env is the process environment of every run: the caller's, without the
// variables that would point casebook at another store or key.
func (c *casebook) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "CASEBOOK_DATA" || k == "CASEBOOK_DB" || k == "CASEBOOK_SOURCE_KEY" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "USER=e2e")
}

// run runs `casebook CMD... --data DIR [--db DSN] ARGS...` with stdin and
// returns what it printed. cmd is the subcommand words (e.g. "user", "add").
func (c *casebook) run(stdin string, cmd []string, args ...string) result {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	all := append(append(append([]string{}, cmd...), c.storeArgs()...), args...)
	p := exec.CommandContext(ctx, binary, all...)
	p.Env = c.env()
	p.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	p.Stdout, p.Stderr = &out, &errb
	err := p.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		c.t.Fatalf("casebook %s: %v", strings.Join(all, " "), err)
	}
	return r
}

// ok runs a command that must succeed and returns its standard output.
func (c *casebook) ok(stdin string, cmd []string, args ...string) string {
	c.t.Helper()
	r := c.run(stdin, cmd, args...)
	if r.code != 0 {
		c.t.Fatalf("casebook %s %s: %s", strings.Join(cmd, " "), strings.Join(args, " "), r)
	}
	return r.stdout
}

// setup makes the data directory and the accounts most paths need.
func (c *casebook) setup(users map[string]string) {
	c.t.Helper()
	out := c.ok("", []string{"init"})
	if !strings.Contains(out, "source key: created") || !strings.Contains(out, "ready") {
		c.t.Fatalf("init printed %q, want a created key and a ready database", out)
	}
	if fi, err := os.Stat(filepath.Join(c.data, "source.key")); err != nil || fi.Mode().Perm() != 0o600 {
		c.t.Fatalf("source key: %v (mode %v), want mode 0600", err, fi)
	}
	for name, role := range users {
		out := c.ok(password(name)+"\n", []string{"user", "add"}, "--role", role, "--password-stdin", name)
		if !strings.Contains(out, "added "+name+" ("+role+")") {
			c.t.Fatalf("user add %s printed %q", name, out)
		}
	}
}

// password is a test account's password: long enough for the policy.
func password(name string) string { return "correct horse " + name + " battery" }

// server is a running `casebook serve`.
type server struct {
	url    string
	stdout *lineBuffer
	stderr *lineBuffer
}

// lineBuffer collects a process's output for the test to read while it runs.
type lineBuffer struct {
	mu    sync.Mutex
	lines []string
	added chan struct{}
}

func newLineBuffer(r io.Reader) *lineBuffer {
	b := &lineBuffer{added: make(chan struct{}, 1)}
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			b.mu.Lock()
			b.lines = append(b.lines, sc.Text())
			b.mu.Unlock()
			select {
			case b.added <- struct{}{}:
			default:
			}
		}
	}()
	return b
}

func (b *lineBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.lines, "\n")
}

// waitFor returns the first line containing s, waiting up to d.
func (b *lineBuffer) waitFor(s string, d time.Duration) (string, bool) {
	deadline := time.After(d)
	for {
		b.mu.Lock()
		for _, l := range b.lines {
			if strings.Contains(l, s) {
				b.mu.Unlock()
				return l, true
			}
		}
		b.mu.Unlock()
		select {
		case <-b.added:
		case <-deadline:
			return "", false
		}
	}
}

// freeAddr picks a free local port by listening on :0 and closing.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// serve starts `casebook serve` with extra flags and waits until it prints
// its address. It is interrupted and waited for at cleanup.
func (c *casebook) serve(extra ...string) *server {
	c.t.Helper()
	addr := freeAddr(c.t)
	args := append(append([]string{"serve"}, c.storeArgs()...), append([]string{"--addr", addr}, extra...)...)
	p := exec.Command(binary, args...)
	p.Env = c.env()
	stdout, err := p.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	stderr, err := p.StderrPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := p.Start(); err != nil {
		c.t.Fatalf("start serve: %v", err)
	}
	s := &server{url: "http://" + addr, stdout: newLineBuffer(stdout), stderr: newLineBuffer(stderr)}
	exited := make(chan error, 1)
	go func() { exited <- p.Wait() }()
	c.t.Cleanup(func() {
		p.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				c.t.Errorf("serve exited with %v after interrupt\nstderr:\n%s", err, s.stderr)
			}
		case <-time.After(15 * time.Second):
			p.Process.Kill()
			<-exited
			c.t.Errorf("serve did not stop within 15s of an interrupt")
		}
	})
	if _, ok := s.stdout.waitFor("serving http://"+addr, 20*time.Second); !ok {
		c.t.Fatalf("serve did not print its address within 20s\nstdout:\n%s\nstderr:\n%s", s.stdout, s.stderr)
	}
	return s
}

// client is one browser-like session: a cookie jar and same-origin headers
// on every request, as a browser sends them from the app's own pages.
type client struct {
	t    *testing.T
	base string
	http *http.Client
}

func newClient(t *testing.T, base string) *client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &client{t: t, base: base, http: &http.Client{
		Jar: jar, Timeout: 30 * time.Second,
		// Redirects are looked at, not followed: a login answers 303.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// do sends a request and returns the status and body.
func (c *client) do(method, path, ctype string, body io.Reader) (int, http.Header, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Origin", c.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp.StatusCode, resp.Header, b
}

// get fetches path and fails unless it answers 200.
func (c *client) get(path string) []byte {
	c.t.Helper()
	code, _, b := c.do("GET", path, "", nil)
	if code != http.StatusOK {
		c.t.Fatalf("GET %s: %d %s", path, code, b)
	}
	return b
}

// getJSON fetches path and decodes its JSON into v.
func (c *client) getJSON(path string, v any) {
	c.t.Helper()
	if err := json.Unmarshal(c.get(path), v); err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
}

// postJSON posts in as JSON, wants status want, and decodes the answer.
func (c *client) postJSON(path string, in any, want int, out any) {
	c.t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		c.t.Fatal(err)
	}
	code, _, body := c.do("POST", path, "application/json", bytes.NewReader(b))
	if code != want {
		c.t.Fatalf("POST %s %s: %d %s, want %d", path, b, code, body, want)
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			c.t.Fatalf("POST %s: %v in %s", path, err, body)
		}
	}
}

// login logs in through the HTML form, as a person does.
func (c *client) login(name, pw string) {
	c.t.Helper()
	form := url.Values{"name": {name}, "password": {pw}, "next": {"/"}}
	code, h, body := c.do("POST", "/login", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if code != http.StatusSeeOther {
		c.t.Fatalf("log in as %s: %d %s", name, code, body)
	}
	if loc := h.Get("Location"); loc != "/" {
		c.t.Fatalf("log in as %s: redirected to %q, want /", name, loc)
	}
	var me struct {
		Name, Role string
	}
	c.getJSON("/api/v1/me", &me)
	if me.Name != name {
		c.t.Fatalf("after logging in as %s, /api/v1/me says %+v", name, me)
	}
}

// testdata returns the absolute path of a file or folder in testdata/.
func testdata(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
