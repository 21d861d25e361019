package web

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
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
	// Case is what the report's case is about: the person its events act on
	// and whether it ends in a release ("phone user (release)"), so a bribe
	// can be priced by what it bought.
	Case string
}

// hotRow is the part of an eventRow the aggregate views scan, in small
// integer codes: 48 bytes instead of the row's few hundred, so a scan of
// half a million events reads a few MB and never hashes a string.
type hotRow struct {
	report     int64
	usd        float64
	pi, prov   int32 // places codes of PlaceID and Province; -1 for none
	tgt        int32 // snapshot target code; -1 for no target
	cs         int32 // snapshot code of Case; -1 for none
	mk         int32 // Year*12 + month-1; -1 when undated
	year       int16
	ti, ai, si int8 // index in casebook.EventTypes, agencyCodes, stateCodes; -1 for other
	flags      uint8
}

const (
	hotByReport uint8 = 1 << iota
	hotCoord
	hotDead // replaced by a patch: no view counts it
)

// agencyCodes and stateCodes fix the order of the integer codes.
var (
	agencyCodes = []string{casebook.AgencyMSS, casebook.AgencyMPS, casebook.AgencyWPK, casebook.AgencyKPA, casebook.AgencyProsecution, casebook.AgencyOther}
	stateCodes  = []string{casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected}
)

func indexOf(list []string, s string) int8 {
	for i, x := range list {
		if x == s {
			return int8(i)
		}
	}
	return -1
}

// placeTable interns place ids for the whole process: the gazetteer has a
// few hundred, so it stays small, and a code never changes meaning.
type placeTable struct {
	mu  sync.RWMutex
	ids []string
	idx map[string]int32
}

var places = &placeTable{idx: map[string]int32{}}

func (t *placeTable) intern(id string) int32 {
	if id == "" {
		return -1
	}
	t.mu.RLock()
	i, ok := t.idx[id]
	t.mu.RUnlock()
	if ok {
		return i
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.idx[id]; ok {
		return i
	}
	i = int32(len(t.ids))
	t.ids = append(t.ids, id)
	t.idx[id] = i
	return i
}

// idx0 returns the code of id without adding it.
func (t *placeTable) idx0(id string) (int32, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	i, ok := t.idx[id]
	return i, ok
}

// list returns the ids so far; a code below its length is valid in it.
func (t *placeTable) list() []string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.ids[:len(t.ids):len(t.ids)]
}

// hot codes a row; targets interns target strings for one snapshot.
func (row *eventRow) hot(targets map[string]int32, list *[]string) hotRow {
	h := hotRow{report: row.ReportID, usd: row.USD, pi: places.intern(row.PlaceID), prov: places.intern(row.Province),
		tgt: -1, cs: -1, mk: -1, year: int16(row.Year),
		ti: indexOf(casebook.EventTypes, row.Type), ai: indexOf(agencyCodes, row.Agency), si: indexOf(stateCodes, row.State)}
	code := func(t string) int32 {
		if t == "" {
			return -1
		}
		c, ok := targets[t]
		if !ok {
			c = int32(len(*list))
			*list = append(*list, t)
			targets[t] = c
		}
		return c
	}
	h.tgt, h.cs = code(row.Target), code(row.Case)
	if len(row.Month) == 7 {
		if m, err := strconv.Atoi(row.Month[5:]); err == nil && row.Year > 0 {
			h.mk = int32(row.Year*12 + m - 1)
		}
	}
	if row.ByReport {
		h.flags |= hotByReport
	}
	if row.HasCoord {
		h.flags |= hotCoord
	}
	return h
}

// eventSnapshot is every event at one moment, read once and shared by the
// map, the timeline, the price index and the place and agency pages, which
// would otherwise each scan the store on every request.
type eventSnapshot struct {
	rows       rowChunks
	hot        []hotRow // hot[i] codes rows.at(i)
	dead       int      // rows a patch replaced (hotDead)
	targets    []string // target code → text
	targetCode map[string]int32
	loaded     time.Time
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
	auditSeq  int64 // the audit log's last entry when the snapshot was read
}

func newEventIndex(st casebook.Store, log *slog.Logger, ttl time.Duration, now func() time.Time) *eventIndex {
	return &eventIndex{store: st, log: log, ttl: ttl, now: now}
}

// generation returns a number that changes whenever the events are
// reloaded: after a write through this server, or a change by another
// process that the audit log shows.
func (x *eventIndex) generation(ctx context.Context) (int, error) {
	if _, err := x.get(ctx); err != nil {
		return 0, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.loadCount, nil
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
			if err := x.refresh(ctx); err != nil {
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
	// Note the audit log's end first: a change made while reading shows as
	// a newer entry, and the next check reloads.
	seq, err := x.auditHead(ctx)
	if err != nil {
		x.mu.Lock()
		x.dirty = true
		x.mu.Unlock()
		return nil, err
	}
	// One pass over every event: paging with OFFSET would rescan the table
	// once per page.
	facts, err := x.store.FindFacts(ctx, casebook.FactFilter{Kind: casebook.KindEvent})
	if err != nil {
		x.mu.Lock()
		x.dirty = true
		x.mu.Unlock()
		return nil, fmt.Errorf("load events: %w", err)
	}
	rows := make([]eventRow, 0, len(facts))
	for i := range facts {
		if row, ok := rowOf(&facts[i]); ok {
			rows = append(rows, row)
		}
	}
	if err := datePublished(ctx, x.store, rows); err != nil {
		x.mu.Lock()
		x.dirty = true
		x.mu.Unlock()
		return nil, err
	}
	caseOf(rows)
	snap.hot = make([]hotRow, len(rows))
	tgt := map[string]int32{}
	for i := range rows {
		snap.hot[i] = rows[i].hot(tgt, &snap.targets)
	}
	snap.rows = chunked(rows)
	snap.targetCode = tgt
	x.mu.Lock()
	x.snap = snap
	x.loadCount++
	x.auditSeq = seq
	x.mu.Unlock()
	x.log.Debug("events loaded", "events", len(snap.hot), "ms", time.Since(start).Milliseconds())
	return snap, nil
}

// patch brings one report's events up to date after a write through this
// server. The new snapshot shares the old one's rows: the report's old rows
// are marked dead in a copy of the small hot rows, and its fresh rows are
// appended to a copy of the last chunk only (at 260,000 events a review
// cost 40 ms of copying every row; a reload costs seconds). When a quarter
// of the rows are dead, the next request reloads instead.
func (x *eventIndex) patch(ctx context.Context, reportID int64) {
	x.loadMu.Lock()
	defer x.loadMu.Unlock()
	x.mu.Lock()
	old, dirty := x.snap, x.dirty
	x.mu.Unlock()
	if old == nil || dirty {
		x.invalidate()
		return
	}
	facts, err := x.store.FindFacts(ctx, casebook.FactFilter{ReportID: reportID, Kind: casebook.KindEvent})
	if err != nil {
		x.log.Error("patch events", "report_id", reportID, "err", err)
		x.invalidate()
		return
	}
	var fresh []eventRow
	for i := range facts {
		if row, ok := rowOf(&facts[i]); ok {
			fresh = append(fresh, row)
		}
	}
	if err := datePublished(ctx, x.store, fresh); err != nil {
		x.log.Error("patch events", "report_id", reportID, "err", err)
		x.invalidate()
		return
	}
	caseOf(fresh)
	snap := &eventSnapshot{loaded: old.loaded, targets: slices.Clone(old.targets), targetCode: maps.Clone(old.targetCode),
		rows: old.rows.appended(fresh), hot: make([]hotRow, len(old.hot), len(old.hot)+len(fresh)), dead: old.dead}
	copy(snap.hot, old.hot)
	for i := range snap.hot {
		if h := &snap.hot[i]; h.report == reportID && h.flags&hotDead == 0 {
			h.flags |= hotDead
			snap.dead++
		}
	}
	if snap.dead > 1000 && snap.dead*4 > len(snap.hot) {
		x.invalidate()
		return
	}
	for i := range fresh {
		snap.hot = append(snap.hot, fresh[i].hot(snap.targetCode, &snap.targets))
	}
	x.mu.Lock()
	x.snap = snap
	x.loadCount++
	x.mu.Unlock()
}

// rowChunks holds a snapshot's rows in chunks of rowChunk, so that a patch
// shares all but the last chunk with the snapshot it replaces.
type rowChunks [][]eventRow

const rowChunk = 4096

// chunked splits rows into chunks (slices of rows, at full capacity).
func chunked(rows []eventRow) rowChunks {
	var c rowChunks
	for i := 0; i < len(rows); i += rowChunk {
		end := min(i+rowChunk, len(rows))
		c = append(c, rows[i:end:end])
	}
	return c
}

// len returns the number of rows.
func (c rowChunks) len() int {
	if len(c) == 0 {
		return 0
	}
	return (len(c)-1)*rowChunk + len(c[len(c)-1])
}

// at returns row i.
func (c rowChunks) at(i int32) *eventRow { return &c[i/rowChunk][i%rowChunk] }

// appended returns c with rows added after its own, leaving c as it was:
// the last chunk is copied before it grows.
func (c rowChunks) appended(rows []eventRow) rowChunks {
	out := slices.Clone(c)
	for len(rows) > 0 {
		if len(out) == 0 || len(out[len(out)-1]) == rowChunk {
			out = append(out, nil)
		}
		last := out[len(out)-1]
		n := min(rowChunk-len(last), len(rows))
		grown := make([]eventRow, len(last), len(last)+n)
		copy(grown, last)
		out[len(out)-1] = append(grown, rows[:n]...)
		rows = rows[n:]
	}
	return out
}

// auditHead returns the sequence number of the audit log's last entry,
// reading on from the last one seen.
func (x *eventIndex) auditHead(ctx context.Context) (int64, error) {
	x.mu.Lock()
	seq := x.auditSeq
	x.mu.Unlock()
	for {
		es, err := x.store.FindAudit(ctx, seq, 1000)
		if err != nil {
			return 0, fmt.Errorf("read audit head: %w", err)
		}
		if len(es) > 0 {
			seq = es[len(es)-1].Seq
		}
		if len(es) < 1000 {
			return seq, nil
		}
	}
}

// refresh reloads a stale snapshot only when something changed: every
// change to reports and facts (ingest, review, re-extraction, by any
// process) appends to the audit log, so an unchanged log means unchanged
// events and a check costs one small query.
func (x *eventIndex) refresh(ctx context.Context) error {
	x.mu.Lock()
	seq := x.auditSeq
	x.mu.Unlock()
	es, err := x.store.FindAudit(ctx, seq, 1)
	if err != nil {
		return err
	}
	if len(es) == 0 {
		x.mu.Lock()
		if x.snap != nil {
			fresh := *x.snap
			fresh.loaded = x.now()
			x.snap = &fresh
		}
		x.mu.Unlock()
		return nil
	}
	_, err = x.reload(ctx)
	return err
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

// compiled is a filter turned into the codes of one snapshot.
type compiled struct {
	machine    bool
	ti, ai, si int8 // -1: any
	stateSet   bool
	year       int16
	place      []bool // by place code; nil: any
	tgt        int32  // -1: any; -2: no target; -3: a target no event has
	cs         int32  // the same for the case
	reports    map[int64]bool
}

func (snap *eventSnapshot) compile(f filter, machine bool, reports map[int64]bool) compiled {
	c := compiled{machine: machine, ti: -1, ai: -1, si: -1, tgt: -1, cs: -1, reports: reports, year: int16(f.Year)}
	none := int8(-2) // a code no row has
	if f.Type != "" {
		if c.ti = indexOf(casebook.EventTypes, f.Type); c.ti < 0 {
			c.ti = none
		}
	}
	if f.Agency != "" {
		if c.ai = indexOf(agencyCodes, f.Agency); c.ai < 0 {
			c.ai = none
		}
	}
	if f.State != "" {
		c.stateSet = true
		if c.si = indexOf(stateCodes, f.State); c.si < 0 {
			c.si = none
		}
	}
	c.tgt, c.cs = snap.textCode(f.Target), snap.textCode(f.Case)
	if f.Place != "" {
		ids := places.list()
		c.place = make([]bool, len(ids))
		for i, id := range ids {
			c.place[i] = id == f.Place || place.Within(id, f.Place)
		}
	}
	return c
}

// textCode compiles a target or case filter: -1 any, -2 none, -3 unknown.
func (snap *eventSnapshot) textCode(v string) int32 {
	switch v {
	case "":
		return -1
	case "none":
		return -2
	}
	if code, ok := snap.targetCode[v]; ok {
		return code
	}
	return -3
}

func textMiss(want, have int32) bool {
	return want != -1 && (want == -2 && have != -1 || want != -2 && have != want)
}

// misses returns the filter dimensions the row fails.
func (h *hotRow) misses(c *compiled) uint8 {
	if h.flags&hotDead != 0 {
		return missOther
	}
	if !c.machine && h.si != 1 && h.si != 2 { // confirmed, corrected
		return missOther
	}
	if textMiss(c.tgt, h.tgt) || textMiss(c.cs, h.cs) || c.reports != nil && !c.reports[h.report] {
		return missOther
	}
	var m uint8
	// Rejected facts are not events, unless asked for by state.
	if c.stateSet && h.si != c.si || !c.stateSet && h.si == 3 {
		m |= missState
	}
	if c.ti != -1 && h.ti != c.ti {
		m |= missType
	}
	if c.ai != -1 && h.ai != c.ai {
		m |= missAgency
	}
	if c.year > 0 && h.year != c.year {
		m |= missYear
	}
	if c.place != nil && !(h.pi >= 0 && int(h.pi) < len(c.place) && c.place[h.pi] || h.prov >= 0 && int(h.prov) < len(c.place) && c.place[h.prov]) {
		m |= missPlace
	}
	return m
}

// maxTextReports caps the reports a text filter may select for the
// aggregate views; beyond it a view says it is partial.
const maxTextReports = 5000

// selection is the events a filter selects from one snapshot, by index.
type selection struct {
	snap *eventSnapshot
	idx  []int32
}

// rows returns the selected events themselves, for lists.
func (sel selection) rows() []*eventRow {
	out := make([]*eventRow, len(sel.idx))
	for k, i := range sel.idx {
		out[k] = sel.snap.rows.at(i)
	}
	return out
}

// textReports returns the reports a text or language filter allows (nil
// when f has neither), and whether the cap cut them short.
func (s *Server) textReports(ctx context.Context, f filter, u *casebook.User) (map[int64]bool, bool, error) {
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
	return reports, partial, nil
}

// selectEvents returns the events f selects for u, and whether a text
// filter hit the cap.
func (s *Server) selectEvents(ctx context.Context, f filter, u *casebook.User) (selection, bool, error) {
	snap, err := s.events.get(ctx)
	if err != nil {
		return selection{}, false, err
	}
	reports, partial, err := s.textReports(ctx, f, u)
	if err != nil {
		return selection{}, false, err
	}
	c := snap.compile(f, canMachine(u), reports)
	sel := selection{snap: snap, idx: make([]int32, 0, len(snap.hot))}
	for i := range snap.hot {
		if snap.hot[i].misses(&c) == 0 {
			sel.idx = append(sel.idx, int32(i))
		}
	}
	return sel, partial, nil
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

// bystanders are targets that name who paid or took a bribe, or everyone,
// rather than whom the case is about.
var bystanders = map[string]bool{"": true, "family": true, "families": true, "relative": true, "relatives": true,
	"official": true, "officials": true, "resident": true, "residents": true, "agent": true, "agents": true}

// caseOf labels every event with its report's case: the person a detention
// (or else any event) acts on, and "(release)" when the report tells of a
// release. Reports without such a person get no label.
func caseOf(rows []eventRow) {
	type info struct {
		subject, fallback string
		release           bool
	}
	by := map[int64]*info{}
	for i := range rows {
		r := &rows[i]
		in := by[r.ReportID]
		if in == nil {
			in = &info{}
			by[r.ReportID] = in
		}
		if r.State == casebook.StateRejected {
			continue
		}
		if r.Type == casebook.EventRelease {
			in.release = true
		}
		if !bystanders[r.Target] {
			if r.Type == casebook.EventDetention && in.subject == "" {
				in.subject = r.Target
			} else if in.fallback == "" {
				in.fallback = r.Target
			}
		}
	}
	for i := range rows {
		in := by[rows[i].ReportID]
		subject := in.subject
		if subject == "" {
			subject = in.fallback
		}
		if subject == "" {
			continue
		}
		if in.release {
			subject += " (release)"
		}
		rows[i].Case = subject
	}
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
