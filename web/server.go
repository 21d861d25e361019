// Package web is casebook's analyst web app and JSON API: server-rendered
// pages from embedded templates, SVG charts and map drawn in Go, sessions and
// roles on every route. It talks to storage only through casebook.Store.
package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"casebook"
	"casebook/auth"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Ingester turns one uploaded file into stored reports with their facts (a
// JSONL file holds several). The ingest package provides it; the web app only
// hands over bytes, a name and who uploaded them.
type Ingester interface {
	IngestFile(ctx context.Context, name string, data []byte, by string) ([]Ingested, error)
}

// Ingested is the outcome for one report of an uploaded file.
type Ingested struct {
	Name     string
	ReportID int64
	Created  bool  // false: the same bytes were already stored
	Err      error // this report failed; the others may have been stored
}

// Config is what a Server needs. Store is required; the rest has defaults.
type Config struct {
	Store    casebook.Store
	Log      *slog.Logger
	Ingester Ingester // nil: uploads answer "not implemented"
	// Sealer opens source records for an admin's full export; nil: none.
	Sealer *auth.Sealer
	// Secure marks cookies Secure; set it when the app is reached over TLS
	// (directly or through a proxy).
	Secure bool
	// SessionTTL is how long a login lasts; default 12 hours.
	SessionTTL time.Duration
	// MaxUpload bounds an upload request's body; default 32 MiB.
	MaxUpload int64
	// CacheTTL is how stale the aggregate views (map, timeline, prices) may
	// get after writes by other processes; default 15 s.
	CacheTTL time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Notice is shown on every page (e.g. "demo data"); empty for none.
	Notice string
	// NoCache builds every map, chart, facet list and report search afresh
	// (for measuring); by default they are kept until the data changes.
	NoCache bool
}

// Server is the web app. It is an http.Handler.
type Server struct {
	cfg     Config
	store   casebook.Store
	log     *slog.Logger
	now     func() time.Time
	handler http.Handler
	pages   *pages
	events  *eventIndex
	limiter *auth.Limiter
	results *resultCache
	views   *viewCache
	notice  atomic.Pointer[string]
}

// SetNotice changes the line shown on top of every page (e.g. a demo's load
// progress); "" shows none.
func (s *Server) SetNotice(n string) { s.notice.Store(&n) }

func (s *Server) noticeText() string {
	if p := s.notice.Load(); p != nil {
		return *p
	}
	return ""
}

// NewServer returns the web app over cfg.Store.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, casebook.Errorf(casebook.EINVALID, "web: a store is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 32 << 20
	}
	if cfg.CacheTTL <= 0 {
		cfg.CacheTTL = 15 * time.Second
	}
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: cfg.Store, log: cfg.Log, now: cfg.Now, pages: p}
	s.events = newEventIndex(cfg.Store, cfg.Log, cfg.CacheTTL, cfg.Now)
	s.limiter = auth.NewLimiter(cfg.Now)
	s.results = newResultCache(512, cfg.NoCache)
	s.views = newViewCache(512, cfg.NoCache)
	s.SetNotice(cfg.Notice)
	s.handler = s.middleware(s.routes())
	return s, nil
}

// ServeHTTP serves the app.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Warm loads the aggregate views' data so the first map or chart is fast.
func (s *Server) Warm(ctx context.Context) error {
	_, err := s.events.get(ctx)
	return err
}

// Invalidate tells the server its data changed behind its back (e.g. a
// background demo load), so aggregate views reload on their next request.
func (s *Server) Invalidate() { s.events.invalidate() }

func staticFiles() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}
