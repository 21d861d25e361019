package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an io.Writer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func serveEnv(out *lockedBuffer) *cmdEnv {
	return &cmdEnv{stdin: strings.NewReader(""), stdout: out, stderr: out, log: slog.New(slog.DiscardHandler),
		getenv: func(string) string { return "" }}
}

func TestServeRefusesWithoutAdmin(t *testing.T) {
	out := &lockedBuffer{}
	err := runServe(context.Background(), serveEnv(out), []string{"--data", t.TempDir(), "--addr", "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "casebook user add --role admin") {
		t.Fatalf("serve without an admin: %v, want a refusal saying how to create one", err)
	}
}

var (
	servingRe  = regexp.MustCompile(`serving (http://[0-9.:]+)/`)
	passwordRe = regexp.MustCompile(`one-time password (\S+)`)
)

// startDemo runs `serve --demo` until the test ends and returns its URL and
// printed password, and how long the first page took from the start.
func startDemo(t *testing.T, data string) (base, password string, firstPage time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		done <- runServe(ctx, serveEnv(out), []string{"--demo", "--data", data, "--addr", "127.0.0.1:0"})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	for time.Since(start) < 30*time.Second {
		if m := servingRe.FindStringSubmatch(out.String()); m != nil {
			if p := passwordRe.FindStringSubmatch(out.String()); p != nil {
				base, password = m[1], p[1]
				break
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve --demo stopped: %v\n%s", err, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if base == "" {
		t.Fatalf("serve --demo printed no address and password:\n%s", out.String())
	}
	resp, err := http.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("first page: %s", resp.Status)
	}
	return base, password, time.Since(start)
}

func login(t *testing.T, base, name, password string) (*http.Client, int) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/login", url.Values{"name": {name}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return c, resp.StatusCode
}

// demoReports waits until the background load has finished and returns the
// number of stored reports.
func demoReports(t *testing.T, c *http.Client, base string) int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := c.Get(base + "/reports")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "Demo data:") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo load did not finish; page says:\n%.500s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := c.Get(base + "/api/v1/reports")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Total int `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	return list.Total
}

func TestServeDemo(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base, pw, first := startDemo(t, data)
	if first > 5*time.Second {
		t.Errorf("first page after %s, want within 5 s", first)
	}
	t.Logf("serve --demo answered its first page %s after start", first.Round(time.Millisecond))
	c, code := login(t, base, demoAdmin, pw)
	if code != http.StatusSeeOther {
		t.Fatalf("demo admin login: %d", code)
	}
	n := demoReports(t, c, base)
	if n < 30 {
		t.Fatalf("demo loaded %d reports, want the 30+ samples", n)
	}
	resp, err := c.Get(base + "/api/v1/map")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Places []struct{ ID string } `json:"places"`
	}
	json.NewDecoder(resp.Body).Decode(&m)
	resp.Body.Close()
	if len(m.Places) < 5 {
		t.Errorf("demo map shows %d places, want several provinces' worth", len(m.Places))
	}
}

func TestServeDemoTwiceIsIdempotent(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	var first int
	var oldPW string
	t.Run("first", func(t *testing.T) {
		base, pw, _ := startDemo(t, data)
		c, _ := login(t, base, demoAdmin, pw)
		first, oldPW = demoReports(t, c, base), pw
	})
	base, pw, _ := startDemo(t, data)
	if pw == oldPW {
		t.Error("the demo password did not change")
	}
	if _, code := login(t, base, demoAdmin, oldPW); code == http.StatusSeeOther {
		t.Error("the previous demo password still works")
	}
	c, _ := login(t, base, demoAdmin, pw)
	if again := demoReports(t, c, base); again != first {
		t.Errorf("second demo load: %d reports, first: %d (want no duplicates)", again, first)
	}
}

// TestServeUploadThroughIngest uploads a file to a served app: the upload
// goes through the ingest package, extraction included.
func TestServeUploadThroughIngest(t *testing.T) {
	base, pw, _ := startDemo(t, filepath.Join(t.TempDir(), "data"))
	c, _ := login(t, base, demoAdmin, pw)
	demoReports(t, c, base)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "onsong.txt")
	io.WriteString(fw, "Guard arrested in Onsong\n\nBorder guards arrested a trader in Onsong County on 12 March 2025 and demanded 2,000 yuan for his release.\n")
	mw.Close()
	req, _ := http.NewRequest("POST", base+"/api/v1/reports", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Files []struct {
			ReportID int64  `json:"report_id"`
			Created  bool   `json:"created"`
			Error    string `json:"error"`
		} `json:"files"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(out.Files) != 1 || !out.Files[0].Created || out.Files[0].ReportID == 0 {
		t.Fatalf("upload: %s %+v", resp.Status, out)
	}
	resp, err = c.Get(base + fmt.Sprintf("/api/v1/reports/%d/facts", out.Files[0].ReportID))
	if err != nil {
		t.Fatal(err)
	}
	var facts []struct {
		Kind string `json:"kind"`
	}
	json.NewDecoder(resp.Body).Decode(&facts)
	resp.Body.Close()
	if len(facts) == 0 {
		t.Error("the uploaded report has no extracted facts")
	}
}
