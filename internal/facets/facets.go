// Package facets keeps the filter columns of every report and fact in memory,
// so a search can test a report against its filters (place, agency, event
// type, dates, amount, review state, language) in nanoseconds instead of
// building id lists of tens of thousands of fact rows per query. A store
// loads it once and catches it up from its change log before each search;
// the SQL conditions of the stores remain the reference, and the conformance
// tests run the stores with and without it.
package facets

import (
	"cmp"
	"math/bits"
	"slices"
	"sync/atomic"

	"casebook"
	"casebook/internal/index"
)

// Report is the part of a report the filters read.
type Report struct {
	ID        int64
	Language  string
	Published string
}

// Fact is the part of a fact the filters read: its filter columns as the
// stores keep them ("" and HasUSD=false for NULL).
type Fact struct {
	ReportID   int64
	EventType  string
	PlaceID    string
	ProvinceID string
	Agency     string
	DateFrom   string
	DateTo     string
	State      string
	USD        float64
	HasUSD     bool
}

// Index is a snapshot of the filter columns, replaced as a whole on each
// update so searches read it without locks.
type Index struct {
	cur atomic.Pointer[snapshot]
}

type snapshot struct {
	seq     int64
	reports map[int64]*report
	order   []*report // newest first (publication date, then id)
	// lists holds, for each value of a fact's type, place, province or
	// agency and each report language, the positions in order of the reports
	// that have it: the candidates of a condition on that value.
	lists map[uint32][]int32
	strs  []string // interned strings; 0 is "" (NULL)
	ids   map[string]uint32
}

type report struct {
	id              int64
	pos             int32 // in order
	lang, published uint32
	facts           []fact
}

type fact struct {
	eventType, place, province, agency, from, to, state uint32
	usd                                                 float64
	hasUSD                                              bool
}

// New returns an empty index at change 0.
func New() *Index {
	x := &Index{}
	x.cur.Store(&snapshot{reports: map[int64]*report{}, strs: []string{""}, ids: map[string]uint32{"": 0}})
	return x
}

// Seq returns the position in the store's change log the index reflects.
func (x *Index) Seq() int64 { return x.cur.Load().seq }

// Len returns the number of reports indexed.
func (x *Index) Len() int { return len(x.cur.Load().reports) }

// Update replaces the reports named in changed by those of reports (with
// their facts), dropping the changed ids that no longer exist, and records
// that the index now reflects change seq. full replaces everything.
func (x *Index) Update(seq int64, full bool, changed []int64, reports []Report, facts []Fact) {
	old := x.cur.Load()
	s := &snapshot{seq: seq, strs: old.strs, ids: old.ids}
	if full {
		s.reports = make(map[int64]*report, len(reports))
	} else {
		s.reports = make(map[int64]*report, len(old.reports)+len(reports))
		for id, r := range old.reports {
			s.reports[id] = r
		}
		for _, id := range changed {
			delete(s.reports, id)
		}
	}
	// Interned strings are appended to copies, so searches on the old
	// snapshot keep reading a consistent table.
	s.strs = slices.Clip(s.strs)
	s.ids = make(map[string]uint32, len(old.ids))
	for k, v := range old.ids {
		s.ids[k] = v
	}
	// Reports of the old snapshot are shared, never changed: facts go to
	// the reports made here only.
	fresh := make(map[int64]*report, len(reports))
	for _, r := range reports {
		nr := &report{id: r.ID, lang: s.intern(r.Language), published: s.intern(r.Published)}
		s.reports[r.ID], fresh[r.ID] = nr, nr
	}
	for _, f := range facts {
		r := fresh[f.ReportID]
		if r == nil {
			continue // written after the report list was read
		}
		r.facts = append(r.facts, fact{
			eventType: s.intern(f.EventType), place: s.intern(f.PlaceID), province: s.intern(f.ProvinceID),
			agency: s.intern(f.Agency), from: s.intern(f.DateFrom), to: s.intern(f.DateTo), state: s.intern(f.State),
			usd: f.USD, hasUSD: f.HasUSD,
		})
	}
	// Positions change with every update, so each snapshot has its own
	// copies of the report headers (the facts they point to are shared and
	// never written).
	s.order = make([]*report, 0, len(s.reports))
	for id, r := range s.reports {
		c := *r
		s.reports[id] = &c
		s.order = append(s.order, &c)
	}
	slices.SortFunc(s.order, func(a, b *report) int {
		if c := cmp.Compare(s.strs[b.published], s.strs[a.published]); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	s.lists = map[uint32][]int32{}
	for i, r := range s.order {
		r.pos = int32(i)
		s.list(r.lang, r.pos)
		for _, f := range r.facts {
			for _, v := range [...]uint32{f.eventType, f.place, f.province, f.agency} {
				s.list(v, r.pos)
			}
		}
	}
	x.cur.Store(s)
}

// list adds position pos to the list of value v, once.
func (s *snapshot) list(v uint32, pos int32) {
	if v == 0 {
		return
	}
	l := s.lists[v]
	if n := len(l); n > 0 && l[n-1] == pos {
		return
	}
	s.lists[v] = append(l, pos)
}

func (s *snapshot) intern(v string) uint32 {
	if id, ok := s.ids[v]; ok {
		return id
	}
	id := uint32(len(s.strs))
	s.strs = append(s.strs, v)
	s.ids[v] = id
	return id
}

// Filtered reports whether f has any condition the index answers.
func Filtered(f casebook.ReportFilter) bool {
	return f.PlaceID != "" || f.Agency != "" || f.EventType != "" || f.Date.From != "" || f.Date.To != "" ||
		f.MinUSD > 0 || f.MaxUSD > 0 || f.State != "" || f.ConfirmedOnly || f.Language != ""
}

// Matcher is the compiled filter of a search over one snapshot.
type Matcher struct {
	s  *snapshot
	fn func(r *report) bool
	// cand has a bit for each position in s.order that may pass (the
	// intersection of the lists of the conditions on indexed values); nil
	// when no condition has a list.
	cand []uint64
}

// Match compiles f's filters (not its text) over the current snapshot, with
// the semantics of the stores' SQL: each fact condition needs some
// unrejected fact (confirmed or corrected with ConfirmedOnly); with an event
// filter (type, dates, amount) all fact conditions hold for one fact.
func (x *Index) Match(f casebook.ReportFilter) *Matcher {
	s := x.cur.Load()
	var conds []func(*fact) bool
	var lists [][]uint32 // per indexed condition, the values that meet it
	if f.PlaceID != "" {
		places := make([]bool, len(s.strs))
		var vals []uint32
		for _, id := range index.PlaceIDs(f.PlaceID) {
			if n, ok := s.ids[id]; ok && !places[n] {
				places[n] = true
				vals = append(vals, n)
			}
		}
		prov, hasProv := s.ids[f.PlaceID]
		if hasProv && !places[prov] {
			vals = append(vals, prov)
		}
		lists = append(lists, vals)
		conds = append(conds, func(ft *fact) bool {
			return (ft.place != 0 && places[ft.place]) || (hasProv && ft.province == prov)
		})
	}
	for _, v := range []string{f.Agency, f.EventType, f.Language} {
		if v != "" {
			id, ok := s.ids[v]
			if !ok || id == 0 {
				lists = append(lists, nil)
				continue
			}
			lists = append(lists, []uint32{id})
		}
	}
	if f.Agency != "" {
		conds = append(conds, s.equal(f.Agency, func(ft *fact) uint32 { return ft.agency }))
	}
	if f.EventType != "" {
		conds = append(conds, s.equal(f.EventType, func(ft *fact) uint32 { return ft.eventType }))
	}
	if from, to := f.Date.From, f.Date.To; from != "" || to != "" {
		conds = append(conds, func(ft *fact) bool {
			// NULL dates meet no date condition, as in SQL.
			if (to != "" && (ft.from == 0 || s.strs[ft.from] > to)) || (from != "" && (ft.to == 0 || s.strs[ft.to] < from)) {
				return false
			}
			return true
		})
	}
	if lo, hi := f.MinUSD, f.MaxUSD; lo > 0 || hi > 0 {
		conds = append(conds, func(ft *fact) bool {
			return ft.hasUSD && (lo <= 0 || ft.usd >= lo) && (hi <= 0 || ft.usd <= hi)
		})
	}
	confirmed, corrected := s.ids[casebook.StateConfirmed], s.ids[casebook.StateCorrected]
	_, hasConfirmed := s.ids[casebook.StateConfirmed]
	_, hasCorrected := s.ids[casebook.StateCorrected]
	reviewed := func(ft *fact) bool {
		return (hasConfirmed && ft.state == confirmed) || (hasCorrected && ft.state == corrected)
	}
	live := reviewed
	if !f.ConfirmedOnly {
		rejected, hasRejected := s.ids[casebook.StateRejected]
		live = func(ft *fact) bool { return !hasRejected || ft.state != rejected }
	}
	if index.OneEvent(f) && len(conds) > 1 {
		all := conds
		conds = []func(*fact) bool{func(ft *fact) bool {
			for _, c := range all {
				if !c(ft) {
					return false
				}
			}
			return true
		}}
	}
	var needs []func(*fact) bool
	for _, c := range conds {
		needs = append(needs, func(ft *fact) bool { return c(ft) && live(ft) })
	}
	if f.State != "" {
		needs = append(needs, s.equal(f.State, func(ft *fact) uint32 { return ft.state }))
	}
	if f.ConfirmedOnly {
		needs = append(needs, reviewed)
	}
	lang, hasLang := s.ids[f.Language]
	return &Matcher{s: s, cand: s.candidates(lists), fn: func(r *report) bool {
		if f.Language != "" && (!hasLang || r.lang != lang) {
			return false
		}
	need:
		for _, n := range needs {
			for i := range r.facts {
				if n(&r.facts[i]) {
					continue need
				}
			}
			return false
		}
		return true
	}}
}

// equal returns a condition that a fact's column (picked by col) is v; a
// value the index has never seen matches nothing.
func (s *snapshot) equal(v string, col func(*fact) uint32) func(*fact) bool {
	id, ok := s.ids[v]
	if !ok || id == 0 {
		return func(*fact) bool { return false }
	}
	return func(ft *fact) bool { return col(ft) == id }
}

// Keep reports whether report id passes the filters; a report the snapshot
// does not know (written since) does not.
func (m *Matcher) Keep(id int64) bool {
	r := m.s.reports[id]
	return r != nil && (m.cand == nil || m.cand[r.pos>>6]&(1<<(r.pos&63)) != 0) && m.fn(r)
}

// candidates returns the bitmap of positions in every condition's lists
// (each condition: the union of its values' lists), nil without conditions.
func (s *snapshot) candidates(conds [][]uint32) []uint64 {
	var cand []uint64
	for _, vals := range conds {
		set := make([]uint64, (len(s.order)+63)/64)
		for _, v := range vals {
			for _, p := range s.lists[v] {
				set[p>>6] |= 1 << (p & 63)
			}
		}
		if cand == nil {
			cand = set
			continue
		}
		for i := range cand {
			cand[i] &= set[i]
		}
	}
	return cand
}

// Select returns the reports passing the filters, newest first (by
// publication date, then id), as a search without text lists them; it stops
// after max of them when max > 0 (more is then true if others pass).
func (m *Matcher) Select(max int) (ids []int64, more bool) {
	try := func(r *report) bool {
		if !m.fn(r) {
			return true
		}
		if max > 0 && len(ids) == max {
			more = true
			return false
		}
		ids = append(ids, r.id)
		return true
	}
	if m.cand == nil {
		for _, r := range m.s.order {
			if !try(r) {
				break
			}
		}
		return ids, more
	}
	for i, w := range m.cand {
		for ; w != 0; w &= w - 1 {
			if !try(m.s.order[i<<6+bits.TrailingZeros64(w)]) {
				return ids, more
			}
		}
	}
	return ids, more
}

// Published returns the publication date of report id ("" when unknown).
func (m *Matcher) Published(id int64) string {
	if r := m.s.reports[id]; r != nil {
		return m.s.strs[r.published]
	}
	return ""
}
