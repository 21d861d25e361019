package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs one casebook command with its own streams and returns its
// exit code, stdout and stderr.
func runCLI(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &cmdEnv{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		log:    slog.New(slog.DiscardHandler),
		getenv: func(k string) string { return env[k] },
	}
	code := run(t.Context(), e, args)
	return code, out.String(), errOut.String()
}

func TestIngestAndSearchCommands(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(filepath.Join(in, "ko"), 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("Broker held in Hoeryong\nState security agents detained a remittance broker in Hoeryong and demanded 20,000 yuan."), 0o644)
	os.WriteFile(filepath.Join(in, "ko", "b.md"), []byte("# 혜산 단속\n량강도 혜산시에서 보위부가 휴대전화 사용자들을 단속했다."), 0o644)
	os.WriteFile(filepath.Join(in, "bad.txt"), []byte("\x00\x01"), 0o644)
	env := map[string]string{"CASEBOOK_DATA": filepath.Join(dir, "data")}

	code, out, errOut := runCLI(t, env, "ingest", in)
	if code != 1 || !strings.Contains(out, "2 added, 0 already present, 1 failed") || !strings.Contains(out, "bad.txt") {
		t.Fatalf("first ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(errOut, "\r") {
		t.Error("a progress bar was drawn on a stream that is not a terminal")
	}
	os.Remove(filepath.Join(in, "bad.txt"))
	code, out, _ = runCLI(t, env, "ingest", in, "-q")
	if code != 0 || !strings.Contains(out, "0 added, 2 already present, 0 failed") {
		t.Fatalf("second ingest: exit %d\n%s", code, out)
	}

	code, out, errOut = runCLI(t, env, "search", "회령", "--json")
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Title   string `json:"title"`
			Snippet string `json:"snippet"`
		} `json:"hits"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
		t.Fatalf("search --json: exit %d\n%s\n%s", code, out, errOut)
	}
	if res.Total != 0 {
		t.Errorf("회령 matched %d reports; no report says it", res.Total)
	}
	code, out, _ = runCLI(t, env, "search", "혜산", "--json")
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 || !strings.Contains(res.Hits[0].Snippet, "혜산") {
		t.Errorf("search 혜산: exit %d %s", code, out)
	}
	code, out, _ = runCLI(t, env, "search", "broker", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Broker held in Hoeryong") || !strings.Contains(out, "of 1 reports") {
		t.Errorf("search table: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"search", "--from", "2019-13"},
		{"search", "--agency", "CIA"},
		{"search", "--place", "Atlantis"},
	} {
		if code, _, errOut := runCLI(t, env, args...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d, want an error", args, code)
		}
	}
}

func TestDateBound(t *testing.T) {
	tests := []struct {
		in        string
		end       bool
		want      string
		wantError bool
	}{
		{"2019", false, "2019-01-01", false},
		{"2019", true, "2019-12-31", false},
		{"2019-02", true, "2019-02-31", false},
		{"2019-02-03", false, "2019-02-03", false},
		{"", false, "", false},
		{"19", false, "", true},
		{"2019-13-01", false, "", true},
	}
	for _, tt := range tests {
		got, err := dateBound(tt.in, tt.end)
		if got != tt.want || (err != nil) != tt.wantError {
			t.Errorf("dateBound(%q, %v) = %q, %v", tt.in, tt.end, got, err)
		}
	}
}

func TestParseArgs(t *testing.T) {
	fs := newTestFlagSet()
	db := fs.String("db", "", "")
	q := fs.Bool("q", false, "")
	pos, err := parseArgs(fs, []string{"a", "--db", "x.db", "b", "-q", "--", "-c"})
	if err != nil || *db != "x.db" || !*q || strings.Join(pos, ",") != "a,b,-c" {
		t.Errorf("parseArgs: %v %q %v %v", pos, *db, *q, err)
	}
}

func newTestFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}
