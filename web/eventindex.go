package web

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"sync"
	"time"

	"casebook"
	"casebook/extract/place"
)

// eventRow is one event fact, flattened for the aggregate views.
type eventRow struct {
	FactID, ReportID int64
	Type             string
	PlaceID          string
	PlaceName        string
	Province         string // first-level unit of the place, or the place itself
	Agency           string
	Target           string
	State            string
	From, To         string
	Year             int
	Month            string // YYYY-MM of the interval's start
	USD              float64
	Lat, Lon         float64
	HasCoord         bool
	// ByReport marks an event the text gives no date for, placed in the
	// year and month of its report's publication for the charts.
	ByReport bool
}

// eventSnapshot is every event at one moment, read once and shared by the
// map, the timeline, the price index and the place and agency pages, which
// would otherwise each scan the store on every request.
type eventSnapshot struct {
	rows   []eventRow
	loaded time.Time
}

// eventIndex keeps the snapshot fresh: a write through this server marks it
// dirty (the next request reloads it), and a snapshot older than ttl is
// reloaded in the background while the old one keeps serving.
type eventIndex struct {
	store casebook.Store
	log   *slog.Logger
	ttl   time.Duration
	now   func() time.Time

	mu        sync.Mutex
	snap      *eventSnapshot
	dirty     bool
	loading   bool
	loadMu    sync.Mutex // one load at a time
	loadCount int
}

func newEventIndex(st casebook.Store, log *slog.Logger, ttl time.Duration, now func() time.Time) *eventIndex {
	return &eventIndex{store: st, log: log, ttl: ttl, now: now}
}

func (x *eventIndex) invalidate() {
	x.mu.Lock()
	x.dirty = true
	x.mu.Unlock()
}

func (x *eventIndex) get(ctx context.Context) (*eventSnapshot, error) {
	x.mu.Lock()
	snap, dirty := x.snap, x.dirty
	stale := snap != nil && x.now().Sub(snap.loaded) > x.ttl
	if stale && !x.loading && !dirty {
		x.loading = true
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			if _, err := x.reload(ctx); err != nil {
				x.log.Error("reload events", "err", err)
			}
			x.mu.Lock()
			x.loading = false
			x.mu.Unlock()
		}()
	}
	x.mu.Unlock()
	if snap != nil && !dirty {
		return snap, nil
	}
	return x.reload(ctx)
}

func (x *eventIndex) reload(ctx context.Context) (*eventSnapshot, error) {
	x.loadMu.Lock()
	defer x.loadMu.Unlock()
	x.mu.Lock()
	if x.snap != nil && !x.dirty && x.now().Sub(x.snap.loaded) <= x.ttl {
		snap := x.snap // someone else just loaded it
		x.mu.Unlock()
		return snap, nil
	}
	x.dirty = false
	x.mu.Unlock()

	start := time.Now()
	snap := &eventSnapshot{loaded: x.now()}
	// One pass over every event: paging with OFFSET would rescan the table
	// once per page.
	facts, err := x.store.FindFacts(ctx, casebook.FactFilter{Kind: casebook.KindEvent})
	if err != nil {
		x.mu.Lock()
		x.dirty = true
		x.mu.Unlock()
		return nil, fmt.Errorf("load events: %w", err)
	}
	snap.rows = make([]eventRow, 0, len(facts))
	for i := range facts {
		if row, ok := rowOf(&facts[i]); ok {
			snap.rows = append(snap.rows, row)
		}
	}
	if err := datePublished(ctx, x.store, snap.rows); err != nil {
		x.mu.Lock()
		x.dirty = true
		x.mu.Unlock()
		return nil, err
	}
	x.mu.Lock()
	x.snap = snap
	x.loadCount++
	x.mu.Unlock()
	x.log.Debug("events loaded", "events", len(snap.rows), "ms", time.Since(start).Milliseconds())
	return snap, nil
}

func rowOf(f *casebook.Fact) (eventRow, bool) {
	e := f.Event
	if e == nil {
		return eventRow{}, false
	}
	row := eventRow{FactID: f.ID, ReportID: f.ReportID, Type: e.Type, Agency: e.Agency, Target: e.Target, State: f.State}
	if e.Place != nil && e.Place.ID != "" {
		row.PlaceID, row.PlaceName = e.Place.ID, e.Place.Name
		row.Province = e.Place.ID
		if p, ok := place.ByID(e.Place.ID); ok {
			if p.Province != "" {
				row.Province = p.Province
			}
			row.Lat, row.Lon, row.HasCoord = p.Lat, p.Lon, p.Lat != 0 || p.Lon != 0
			if row.PlaceName == "" {
				row.PlaceName = p.Name
			}
		}
	}
	if e.Date != nil && e.Date.From != "" {
		row.From, row.To = e.Date.From, e.Date.To
		if row.To == "" {
			row.To = row.From
		}
		if len(row.From) >= 7 {
			row.Month = row.From[:7]
			row.Year, _ = strconv.Atoi(row.From[:4])
		}
	}
	if e.Amount != nil {
		row.USD = e.Amount.USD
		if row.USD == 0 && e.Amount.Currency == "USD" {
			row.USD = e.Amount.Amount
		}
	}
	return row, true
}

// Filter dimensions a row can miss; the facets count, for each dimension,
// the rows that miss only that one.
const (
	missPlace uint8 = 1 << iota
	missAgency
	missType
	missYear
	missState
	missOther // visibility, target, text: never relaxed
)

// misses returns the filter dimensions the row fails, for a role that may
// (or may not) see unreviewed facts. reports, when not nil, is the set of
// reports a text or language filter allows.
func (row *eventRow) misses(f filter, machine bool, reports map[int64]bool) uint8 {
	var m uint8
	if !machine && row.State != casebook.StateConfirmed && row.State != casebook.StateCorrected {
		return missOther
	}
	if f.Target == "none" && row.Target != "" || f.Target != "" && f.Target != "none" && row.Target != f.Target ||
		reports != nil && !reports[row.ReportID] {
		return missOther
	}
	// Rejected facts are not events, unless asked for by state.
	if f.State != "" && row.State != f.State || f.State == "" && row.State == casebook.StateRejected {
		m |= missState
	}
	if f.Type != "" && row.Type != f.Type {
		m |= missType
	}
	if f.Agency != "" && row.Agency != f.Agency {
		m |= missAgency
	}
	if f.Year > 0 && row.Year != f.Year {
		m |= missYear
	}
	if f.Place != "" && !placeWithin(row.PlaceID, row.Province, f.Place) {
		m |= missPlace
	}
	return m
}

// match reports whether the row passes every filter.
func (row *eventRow) match(f filter, machine bool, reports map[int64]bool) bool {
	return row.misses(f, machine, reports) == 0
}

// placeWithin reports whether a place (with its province) lies in or is the
// place want: a province finds its cities and counties.
func placeWithin(id, province, want string) bool {
	if id == "" {
		return false
	}
	return id == want || province == want || place.Within(id, want)
}

// maxTextReports caps the reports a text filter may select for the
// aggregate views; beyond it a view says it is partial.
const maxTextReports = 5000

// selectRows returns the rows f selects for u, and whether a text filter hit
// the cap.
func (s *Server) selectRows(ctx context.Context, f filter, u *casebook.User) ([]*eventRow, bool, error) {
	snap, err := s.events.get(ctx)
	if err != nil {
		return nil, false, err
	}
	var reports map[int64]bool
	partial := false
	if f.Q != "" || f.Lang != "" {
		reports = map[int64]bool{}
		rf := filter{Q: f.Q, Lang: f.Lang}.reportFilter(u)
		rf.Limit = 1000
		for off := 0; off < maxTextReports; off += rf.Limit {
			rf.Offset = off
			hits, total, err := s.store.FindReports(ctx, rf)
			if err != nil {
				return nil, false, err
			}
			for _, h := range hits {
				reports[h.Report.ID] = true
			}
			if len(hits) < rf.Limit || off+len(hits) >= total {
				break
			}
			if off+rf.Limit >= maxTextReports {
				partial = true
			}
		}
	}
	machine := canMachine(u)
	var out []*eventRow
	for i := range snap.rows {
		if snap.rows[i].match(f, machine, reports) {
			out = append(out, &snap.rows[i])
		}
	}
	return out, partial, nil
}

// sortRowsRecent orders rows newest first, undated last.
func sortRowsRecent(rows []*eventRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].From != rows[j].From {
			return rows[i].From > rows[j].From
		}
		return rows[i].FactID > rows[j].FactID
	})
}

// datePublished gives undated events their report's publication month, so
// the timeline and the price index can count them; lists still show them as
// undated.
func datePublished(ctx context.Context, st casebook.Store, rows []eventRow) error {
	published := map[int64]string{}
	for i := range rows {
		r := &rows[i]
		if r.Month != "" {
			continue
		}
		pub, ok := published[r.ReportID]
		if !ok {
			rep, err := st.FindReportByID(ctx, r.ReportID)
			if err != nil && casebook.ErrorKind(err) != casebook.ENOTFOUND {
				return fmt.Errorf("load events: %w", err)
			}
			if rep != nil {
				pub = rep.Published
			}
			published[r.ReportID] = pub
		}
		if len(pub) >= 7 {
			r.Month, r.ByReport = pub[:7], true
			r.Year, _ = strconv.Atoi(pub[:4])
		}
	}
	return nil
}
