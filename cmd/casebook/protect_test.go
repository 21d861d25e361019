package main

// Tests of the commands that protect people: init, user, audit, verify, export.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook"
	"casebook/auth"
	"casebook/extract/place"
	"casebook/sqlite"
)

// protEnv runs casebook commands against one data directory.
type protEnv struct {
	t    *testing.T
	data string
	vars map[string]string
}

func newProtEnv(t *testing.T) *protEnv {
	return &protEnv{t: t, data: filepath.Join(t.TempDir(), "data"), vars: map[string]string{"USER": "tester"}}
}

// run runs one command with stdin and returns its exit code and output.
func (p *protEnv) run(stdin string, args ...string) (code int, stdout, stderr string) {
	p.t.Helper()
	var out, errb bytes.Buffer
	env := &cmdEnv{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		getenv: func(k string) string { return p.vars[k] },
	}
	// --data goes after the subcommand words.
	i := 1
	if args[0] == "user" || args[0] == "audit" || args[0] == "source" {
		i = 2
	}
	full := append(append(append([]string{}, args[:i]...), "--data", p.data), args[i:]...)
	code = run(context.Background(), env, full)
	return code, out.String(), errb.String()
}

func (p *protEnv) must(stdin string, args ...string) string {
	p.t.Helper()
	code, out, errs := p.run(stdin, args...)
	if code != 0 {
		p.t.Fatalf("casebook %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func (p *protEnv) store() *sqlite.Store {
	p.t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(p.data, "casebook.db"))
	if err != nil {
		p.t.Fatal(err)
	}
	return st
}

// exec runs SQL on the database file directly, as an intruder would.
func (p *protEnv) exec(q string, args ...any) {
	p.t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(p.data, "casebook.db"))
	if err != nil {
		p.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q, args...); err != nil {
		p.t.Fatalf("%s: %v", q, err)
	}
}

func TestInitCommand(t *testing.T) {
	p := newProtEnv(t)
	out := p.must("", "init")
	if !strings.Contains(out, "created") || !strings.Contains(out, "user add --role admin") {
		t.Errorf("init output:\n%s", out)
	}
	keyPath := filepath.Join(p.data, auth.KeyFile)
	fi, err := os.Stat(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o", fi.Mode().Perm())
	}
	key1, _ := os.ReadFile(keyPath)
	out = p.must("", "init")
	key2, _ := os.ReadFile(keyPath)
	if !bytes.Equal(key1, key2) || !strings.Contains(out, "kept") {
		t.Errorf("second init replaced the key or did not say so:\n%s", out)
	}
	if err := os.Chmod(keyPath, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := p.run("", "init"); code != 1 || !strings.Contains(errs, "chmod 600") {
		t.Errorf("init with a 0644 key: exit %d, %s", code, errs)
	}
}

func TestUserCommands(t *testing.T) {
	p := newProtEnv(t)
	p.must("", "init")
	const pw = "kettle window orchard 7"
	p.must(pw+"\n", "user", "add", "--role", "admin", "han")
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string // in stderr
	}{
		{"short password", "short\n", []string{"user", "add", "kim"}, "at least 12"},
		{"no password", "", []string{"user", "add", "kim"}, "no password"},
		{"bad role", pw + "\n", []string{"user", "add", "--role", "root", "kim"}, "role"},
		{"bad name", pw + "\n", []string{"user", "add", "kim park"}, "user name"},
		{"duplicate", pw + "\n", []string{"user", "add", "han"}, "han"},
		{"last admin", "", []string{"user", "del", "han"}, "last admin"},
		{"unknown user", pw + "\n", []string{"user", "passwd", "nobody"}, "nobody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := p.run(tt.stdin, tt.args...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q, want failure mentioning %q", code, errs, tt.want)
			}
		})
	}
	p.must(pw+"\n", "user", "add", "--role", "viewer", "--password-stdin", "ri")
	if out := p.must("", "user", "list"); !strings.Contains(out, "han") || !strings.Contains(out, "viewer") {
		t.Errorf("user list:\n%s", out)
	}

	ctx := context.Background()
	st := p.store()
	u, err := st.FindUserByName(ctx, "ri")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(u.PasswordHash, pw) || strings.Contains(u.PasswordHash, pw) {
		t.Fatal("stored hash does not check the password, or holds it")
	}
	tok, _ := auth.NewToken()
	if err := st.CreateSession(ctx, &casebook.Session{TokenHash: auth.TokenHash(tok), UserID: u.ID, CreatedAt: u.CreatedAt, ExpiresAt: u.CreatedAt.AddDate(1, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	const pw2 = "a different long password"
	p.must(pw2+"\n", "user", "passwd", "ri")
	st = p.store()
	u, _ = st.FindUserByName(ctx, "ri")
	if !auth.CheckPassword(u.PasswordHash, pw2) || auth.CheckPassword(u.PasswordHash, pw) {
		t.Error("passwd did not replace the password")
	}
	if _, err := st.FindSession(ctx, auth.TokenHash(tok)); err == nil {
		t.Error("a session survived a password change")
	}
	st.Close()
	if code, _, errs := p.run("", "user", "role", "han", "viewer"); code == 0 || !strings.Contains(errs, "last admin") {
		t.Errorf("demoting the last admin: exit %d %s", code, errs)
	}
	if code, _, _ := p.run("", "user", "role", "ri", "root"); code == 0 {
		t.Error("role root accepted")
	}
	p.must("", "user", "role", "ri", "analyst")
	st = p.store()
	if u, _ := st.FindUserByName(ctx, "ri"); u == nil || u.Role != casebook.RoleAnalyst {
		t.Errorf("role change not stored: %+v", u)
	}
	st.Close()
	p.must("", "user", "del", "ri")
	if out := p.must("", "user", "list"); strings.Contains(out, "ri ") {
		t.Errorf("deleted user still listed:\n%s", out)
	}
	out := p.must("", "audit", "list")
	for _, want := range []string{"user_add", "user:han", "user_passwd", "user_role", "user_del", "cli:tester"} {
		if !strings.Contains(out, want) {
			t.Errorf("audit log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, pw) || strings.Contains(out, pw2) {
		t.Error("audit log contains a password")
	}
}

func TestAuditVerifyCommand(t *testing.T) {
	p := newProtEnv(t)
	p.must("", "init")
	for _, n := range []string{"u1", "u2", "u3"} {
		p.must("long enough password\n", "user", "add", n)
	}
	out := p.must("", "audit", "verify")
	if !strings.HasPrefix(out, "OK: 4 entries") {
		t.Fatalf("verify output:\n%s", out)
	}
	head := strings.TrimPrefix(strings.TrimSpace(out[strings.Index(out, "head: "):]), "head: ")
	p.must("", "audit", "verify", "--head", head)

	p.exec(`UPDATE audit SET detail = 'role=admin' WHERE seq = 3`)
	code, out, _ := p.run("", "audit", "verify")
	if code != 1 || !strings.Contains(out, "TAMPERED seq 3 (edited)") {
		t.Errorf("after an edit: exit %d\n%s", code, out)
	}
	p.exec(`UPDATE audit SET detail = 'role=viewer' WHERE seq = 3`) // put it back
	p.must("", "audit", "verify")

	p.exec(`DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)`)
	if code, out, _ := p.run("", "audit", "verify"); code != 0 {
		t.Errorf("a cut tail is invisible without --head, yet: exit %d\n%s", code, out)
	}
	code, out, _ = p.run("", "audit", "verify", "--head", head)
	if code != 1 || !strings.Contains(out, "TAMPERED head") {
		t.Errorf("--head after a cut tail: exit %d\n%s", code, out)
	}
}

func TestVerifyCommand(t *testing.T) {
	p := newProtEnv(t)
	p.must("", "init")
	ctx := context.Background()
	st := p.store()
	var ids []int64
	for _, text := range []string{"First sample report about a fine in Musan.", "Second sample report about a detention in Hyesan."} {
		r := &casebook.Report{Original: []byte(text), Text: text, Title: text[:12], Language: "en"}
		if _, err := st.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	st.Close()
	if out := p.must("", "verify"); !strings.Contains(out, "OK: 2 reports") {
		t.Errorf("verify:\n%s", out)
	}
	p.exec(`UPDATE reports SET original = ? WHERE id = ?`, []byte("Second sample report about a release in Hyesan."), ids[1])
	code, out, _ := p.run("", "verify")
	if code != 1 || !strings.Contains(out, "MISMATCH report 2") || strings.Contains(out, "report 1:") {
		t.Errorf("after altering report %d: exit %d\n%s", ids[1], code, out)
	}
}

func TestExportCommand(t *testing.T) {
	p := newProtEnv(t)
	p.must("", "init")
	ctx := context.Background()
	st := p.store()
	text := "Agents of the Ministry of State Security detained Mr. Pak Yong-nam in Hoeryong. Guards took 500 yuan."
	hoeryong, _ := place.Lookup("Hoeryong")
	r := &casebook.Report{Original: []byte(text), Text: text, Title: "Detention in Hoeryong", Language: "en", URL: "https://example.org/a"}
	i := strings.Index(text, "Agents")
	j := strings.Index(text, "Guards")
	facts := []casebook.Fact{
		{Kind: casebook.KindEvent, State: casebook.StateMachine, Event: &casebook.Event{Type: casebook.EventDetention,
			Span: casebook.Span{i, j - 1}, Place: &casebook.PlaceRef{ID: hoeryong.ID, Name: hoeryong.Name}, Agency: casebook.AgencyMSS}},
		{Kind: casebook.KindEvent, State: casebook.StateMachine, Event: &casebook.Event{Type: casebook.EventBribePayment,
			Span: casebook.Span{j, len(text)}, Amount: &casebook.Amount{Amount: 500, Currency: "CNY", USD: 70}}},
	}
	if _, err := st.CreateReport(ctx, r, facts); err != nil {
		t.Fatal(err)
	}
	sealer, err := auth.LoadSealer(p.data, nil)
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := sealer.Seal(casebook.Source{Pseudonym: "Larch-4", Contact: "line:larch4"})
	ss := &casebook.SealedSource{Sealed: sealed}
	if err := st.CreateSource(ctx, ss); err != nil {
		t.Fatal(err)
	}
	if err := st.SetReportSource(ctx, r.ID, ss.ID); err != nil {
		t.Fatal(err)
	}
	stored, err := st.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID, Kind: casebook.KindEvent})
	if err != nil || len(stored) != 2 {
		t.Fatalf("stored facts: %v, %v", stored, err)
	}
	if _, err := st.UpdateFact(ctx, stored[0].ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "analyst1", Note: "checked with the second outlet"}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	rows := func(out string) [][]string {
		t.Helper()
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("bad CSV %v:\n%s", err, out)
		}
		return recs
	}
	out := p.must("", "export", "--redact")
	recs := rows(out)
	if len(recs) != 2 || recs[0][0] != "event_id" || recs[1][3] != "detention" {
		t.Fatalf("redacted export:\n%s", out)
	}
	for _, s := range []string{"Pak", "Yong-nam", "Larch", "larch4", "second outlet", "analyst1"} {
		if strings.Contains(out, s) {
			t.Errorf("redacted export contains %q", s)
		}
	}
	if out := p.must("", "export"); len(rows(out)) != 3 || strings.Contains(out, "Larch") {
		t.Errorf("default export: want both events and no source:\n%s", out)
	}
	if code, _, _ := p.run("", "export", "--redact", "--full"); code == 0 {
		t.Error("--redact --full accepted")
	}
	outFile := filepath.Join(t.TempDir(), "full.csv")
	p.must("", "export", "--full", "--out", outFile)
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Larch-4") {
		t.Errorf("full export lacks the source:\n%s", b)
	}
	if fi, _ := os.Stat(outFile); fi.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %04o, want 0600", fi.Mode().Perm())
	}
	for _, f := range []string{"geojson", "json"} {
		if out := p.must("", "export", "--redact", "--format", f); strings.Contains(out, "Yong-nam") || !strings.Contains(out, "detention") {
			t.Errorf("%s export:\n%s", f, out)
		}
	}
	if code, _, errs := p.run("", "export", "--format", "xlsx"); code == 0 || !strings.Contains(errs, "xlsx") {
		t.Errorf("bad format: exit %d %s", code, errs)
	}
	if out := p.must("", "export", "--from", "2019", "--to", "2019-12"); len(rows(out)) != 1 {
		t.Errorf("undated events in a 2019 export:\n%s", out)
	}
	if code, _, _ := p.run("", "export", "--from", "19-1-1"); code == 0 {
		t.Error("a bad date accepted")
	}
	if code, _, _ := p.run("", "export", "--place", "Atlantis"); code == 0 {
		t.Error("unknown place accepted")
	}
	// Without the key a full export is refused.
	os.Rename(filepath.Join(p.data, auth.KeyFile), filepath.Join(p.data, "moved.key"))
	if code, _, errs := p.run("", "export", "--full"); code == 0 || !strings.Contains(errs, "source key") {
		t.Errorf("full export without key: exit %d %s", code, errs)
	}
	if out := p.must("", "audit", "list"); strings.Count(out, "export") < 5 || !strings.Contains(out, "redacted") || !strings.Contains(out, "full") {
		t.Errorf("exports not audited:\n%s", out)
	}
}

func TestSourceCommand(t *testing.T) {
	p := newProtEnv(t)
	p.must("", "init")
	const src = `{"pseudonym":"Egret-9","region":"Hoeryong","channel":"Chinese phone","reliability":"C","credibility":3,"notes":"누나가 연길에 산다","contact":"wechat:egret9"}`
	out := p.must(src, "source", "add")
	if !strings.Contains(out, "added source 1") {
		t.Fatalf("source add: %s", out)
	}
	for _, bad := range []string{`{"region":"x"}`, `{"pseudonym":"A","reliability":"Z"}`, `{"pseudonym":"A","phone":"1"}`, `not json`} {
		if code, _, _ := p.run(bad, "source", "add"); code == 0 {
			t.Errorf("source add accepted %s", bad)
		}
	}
	if out := p.must("", "source", "list"); !strings.Contains(out, "Egret-9") || !strings.Contains(out, "C3") {
		t.Errorf("source list:\n%s", out)
	}
	if out := p.must("", "source", "show", "1"); !strings.Contains(out, "wechat:egret9") {
		t.Errorf("source show:\n%s", out)
	}
	p.must(`{"pseudonym":"Egret-9","contact":"signal:egret"}`, "source", "edit", "1")
	if out := p.must("", "source", "show", "1"); !strings.Contains(out, "signal:egret") || strings.Contains(out, "wechat") {
		t.Errorf("after edit:\n%s", out)
	}
	ctx := context.Background()
	st := p.store()
	r := &casebook.Report{Original: []byte("A sample report on a fine in Onsong."), Text: "A sample report on a fine in Onsong.", Language: "en"}
	if _, err := st.CreateReport(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	p.must("", "source", "link", fmt.Sprint(r.ID), "1")
	if code, _, _ := p.run("", "source", "link", fmt.Sprint(r.ID), "99"); code == 0 {
		t.Error("linked a missing source")
	}
	st = p.store()
	got, err := st.FindReportByID(ctx, r.ID)
	st.Close()
	if err != nil || got.SourceID != 1 {
		t.Fatalf("report source = %v, %v", got, err)
	}
	// The key is needed; the audit log names ids only.
	p.vars[auth.KeyEnv] = auth.EncodeKey(make([]byte, auth.KeySize))
	if code, _, errs := p.run("", "source", "show", "1"); code == 0 || !strings.Contains(errs, "wrong key") {
		t.Errorf("show with another key: exit %d %s", code, errs)
	}
	delete(p.vars, auth.KeyEnv)
	log := p.must("", "audit", "list")
	for _, want := range []string{"source_add", "source_edit", "source_view", "source_link", "source:1"} {
		if !strings.Contains(log, want) {
			t.Errorf("audit log lacks %s", want)
		}
	}
	for _, secret := range []string{"Egret", "egret", "연길", "Hoeryong"} {
		if strings.Contains(log, secret) {
			t.Errorf("audit log names %q", secret)
		}
	}
}
