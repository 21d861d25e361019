package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"strconv"
	"strings"

	"casebook"
	"casebook/auth"
)

// pages holds one parsed template set per page, each the layout plus the page.
type pages struct {
	set map[string]*template.Template
}

// pageData is what every page template gets.
type pageData struct {
	Title  string
	User   *casebook.User
	Notice string
	Nav    string // which menu entry is current
	Data   any
}

var funcs = template.FuncMap{
	"can": func(u *casebook.User, perm string) bool { return u != nil && auth.Can(u.Role, perm) },
	"agencyName": func(code string) string {
		if n, ok := casebook.AgencyNames[code]; ok {
			return n
		}
		return code
	},
	"label":      label,
	"placeName":  placeLabel,
	"usd":        formatUSD,
	"num":        formatInt,
	"amount":     formatAmount,
	"add":        func(a, b int) int { return a + b },
	"eventTypes": func() []string { return casebook.EventTypes },
	"agencies": func() []string {
		return []string{casebook.AgencyMSS, casebook.AgencyMPS, casebook.AgencyWPK, casebook.AgencyKPA, casebook.AgencyProsecution, casebook.AgencyOther}
	},
	"states": func() []string {
		return []string{casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected}
	},
	"interval":   formatInterval,
	"plain":      func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
	"currencies": func() []string { return currencies },
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
}

func parsePages() (*pages, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{set: map[string]*template.Template{}}
	for _, n := range names {
		b := path.Base(n)
		if b == "layout.html" || strings.HasPrefix(b, "_") {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(templateFS, n); err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", n, err)
		}
		p.set[strings.TrimSuffix(b, ".html")] = t
	}
	return p, nil
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 rather than half a page.
func (p *pages) render(w http.ResponseWriter, r *http.Request, name string, d *pageData) error {
	t, ok := p.set[name]
	if !ok {
		return fmt.Errorf("web: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", d); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Server) pageData(r *http.Request, title string, data any) *pageData {
	return &pageData{Title: title, User: userOf(r), Notice: s.noticeText(), Data: data}
}

// renderPage renders a 200 page, or the error page if the template fails.
func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	d := s.pageData(r, title, data)
	d.Nav = name
	t, ok := s.pages.set[name]
	if !ok {
		s.fail(w, r, fmt.Errorf("web: no page %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", d); err != nil {
		s.fail(w, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

var labels = map[string]string{
	casebook.EventDetention: "detention", casebook.EventBribeDemand: "bribe demanded",
	casebook.EventBribePayment: "bribe paid", casebook.EventRelease: "release",
	casebook.EventCrackdown: "crackdown", casebook.EventThreat: "threat",
	casebook.EventConfiscation: "confiscation", casebook.EventPunishment: "punishment",
	casebook.EventSurveillance: "surveillance", casebook.EventPersonnel: "personnel action",
	casebook.StateMachine: "unreviewed", casebook.StateConfirmed: "confirmed",
	casebook.StateCorrected: "corrected", casebook.StateRejected: "rejected",
	"": "—",
}

// label is the human name of an event type or review state.
func label(code string) string {
	if l, ok := labels[code]; ok {
		return l
	}
	return strings.ReplaceAll(code, "_", " ")
}

func formatInt(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + formatInt(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func formatUSD(v float64) string {
	if v <= 0 || math.IsNaN(v) {
		return "—"
	}
	if v < 10 {
		return "$" + strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	}
	return "$" + formatInt(int(math.Round(v)))
}

func trimFloat(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return formatInt(int(f))
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// formatAmount writes a sum as the report gave it, with its USD value.
func formatAmount(a *casebook.Amount) string {
	if a == nil {
		return "—"
	}
	s := trimFloat(a.Amount)
	if a.Max > a.Amount {
		s += "–" + trimFloat(a.Max)
	}
	s += " " + a.Currency
	if a.USD > 0 && a.Currency != "USD" {
		s += " (≈" + formatUSD(a.USD) + ")"
	}
	return s
}

func formatInterval(iv *casebook.Interval) string {
	if iv == nil || (iv.From == "" && iv.To == "") {
		return "undated"
	}
	if iv.From == iv.To || iv.To == "" {
		return iv.From
	}
	return iv.From + " – " + iv.To
}
