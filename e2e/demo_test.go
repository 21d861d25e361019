package e2e

import (
	"net/http"
	"regexp"
	"testing"
	"time"
)

// TestServeDemo is a newcomer's first run: `serve --demo` on an empty data
// directory answers its first page within 5 s, and the one-time password it
// prints logs in (a wrong one does not); the sample reports then arrive.
func TestServeDemo(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, c *casebook) {
		start := time.Now()
		srv := c.serve("--demo")
		line, ok := srv.stdout.waitFor("one-time password", 5*time.Second)
		if !ok {
			t.Fatalf("serve --demo printed no one-time password\nstdout:\n%s\nstderr:\n%s", srv.stdout, srv.stderr)
		}
		m := regexp.MustCompile(`name "demo", one-time password (\S+)`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("cannot read the password in %q", line)
		}
		pw := m[1]

		anon := newClient(t, srv.url)
		anon.get("/login")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("first page answered %s after start, want within 5s", d.Round(time.Millisecond))
		} else {
			t.Logf("first page answered %s after start", d.Round(time.Millisecond))
		}

		bad := newClient(t, srv.url)
		bad.postJSON("/api/v1/login", map[string]string{"name": "demo", "password": pw + "x"}, http.StatusUnauthorized, nil)

		cl := newClient(t, srv.url)
		var me struct {
			Name string `json:"name"`
			Role string `json:"role"`
		}
		cl.postJSON("/api/v1/login", map[string]string{"name": "demo", "password": pw}, http.StatusOK, &me)
		if me.Name != "demo" || me.Role != "admin" {
			t.Errorf("demo login answered %+v, want the admin demo", me)
		}
		if home := cl.get("/"); len(home) == 0 {
			t.Errorf("home page is empty after logging in")
		}
		// The sample reports load in the background; they must arrive.
		deadline := time.Now().Add(60 * time.Second)
		for {
			var out struct {
				Total int `json:"total"`
			}
			cl.getJSON("/api/v1/reports", &out)
			if out.Total > 0 {
				t.Logf("%d sample reports after %s", out.Total, time.Since(start).Round(time.Millisecond))
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no sample report within 60s\nstderr:\n%s", srv.stderr)
			}
			time.Sleep(200 * time.Millisecond)
		}
	})
}
