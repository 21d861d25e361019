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
	"math"
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
	// Words are the tokens of the report's word index, for a store that
	// has the index test them (Matcher.SelectWords); Long marks a report
	// its word index does not hold, which such a search must read.
	Words []string
	Long  bool
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

// snapshot holds the reports newest first, so a search without text lists
// its matches in order and stops after a page. An update builds a new
// snapshot sharing everything unchanged: report facts and the lists of
// values it does not touch.
type snapshot struct {
	seq   int64
	order []report // newest first (publication date, then id)
	pos   []int32  // position in order by report id, -1 for none
	// lists holds, for each value of a fact's type, place, province or
	// agency and each report language, the sorted ids of the reports that
	// have it: the candidates of a condition on that value.
	lists map[uint32][]int64
	strs  []string // interned strings; 0 is "" (NULL)
	ids   map[string]uint32
	// ownIDs is set once ids is this snapshot's own copy (interning a new
	// string must not write to a map an older snapshot reads).
	ownIDs bool
	dict   *dictionary // the reports' word tokens (shared by all snapshots)
}

type report struct {
	id              int64
	lang, published uint32
	facts           []fact   // never written once published
	words           []uint32 // token ids, sorted (Report.Words)
	long            bool
	// minFrom and maxTo bound the date keys of the report's facts, so a
	// date filter rejects most reports without reading their facts.
	minFrom, maxTo int32
}

type fact struct {
	eventType, place, province, agency, from, to, state uint32
	// fromKey and toKey are the dates as numbers ordered as the strings
	// are (dateKey), -1 when a date is not ISO.
	fromKey, toKey int32
	usd            float64
	hasUSD         bool
}

// values returns the listed values of a report (see snapshot.lists).
func (r *report) values(add func(v uint32)) {
	add(r.lang)
	for i := range r.facts {
		f := &r.facts[i]
		add(f.eventType)
		add(f.place)
		add(f.province)
		add(f.agency)
	}
}

// New returns an empty index at change 0.
func New() *Index {
	x := &Index{}
	x.cur.Store(&snapshot{strs: []string{""}, ids: map[string]uint32{"": 0}, lists: map[uint32][]int64{}, dict: newDictionary()})
	return x
}

// Seq returns the position in the store's change log the index reflects.
func (x *Index) Seq() int64 { return x.cur.Load().seq }

// Len returns the number of reports indexed.
func (x *Index) Len() int { return len(x.cur.Load().order) }

// Update replaces the reports named in changed by those of reports (with
// their facts), dropping the changed ids that no longer exist, and records
// that the index now reflects change seq. full replaces everything. A few
// changed reports cost a pass over the report headers, not over the facts.
func (x *Index) Update(seq int64, full bool, changed []int64, reports []Report, facts []Fact) {
	old := x.cur.Load()
	s := &snapshot{seq: seq, strs: slices.Clip(old.strs), ids: old.ids, dict: old.dict}
	fresh := make([]report, 0, len(reports))
	at := make(map[int64]int, len(reports))
	for _, r := range reports {
		at[r.ID] = len(fresh)
		fresh = append(fresh, report{id: r.ID, lang: s.intern(r.Language), published: s.intern(r.Published),
			words: s.dict.intern(r.Words), long: r.Long})
	}
	for _, f := range facts {
		i, ok := at[f.ReportID]
		if !ok {
			continue // written after the report list was read
		}
		fresh[i].facts = append(fresh[i].facts, fact{
			eventType: s.intern(f.EventType), place: s.intern(f.PlaceID), province: s.intern(f.ProvinceID),
			agency: s.intern(f.Agency), from: s.intern(f.DateFrom), to: s.intern(f.DateTo), state: s.intern(f.State),
			fromKey: dateKey(f.DateFrom), toKey: dateKey(f.DateTo),
			usd: f.USD, hasUSD: f.HasUSD,
		})
	}
	for i := range fresh {
		fresh[i].bound()
	}
	newer := func(a, b *report) int {
		if c := cmp.Compare(s.strs[b.published], s.strs[a.published]); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	}
	slices.SortFunc(fresh, func(a, b report) int { return newer(&a, &b) })

	// The reports kept from the old snapshot are in order already: merge,
	// skipping the old positions of the changed ones.
	var skip []int32
	if !full {
		for _, id := range changed {
			if p := old.position(id); p >= 0 {
				skip = append(skip, p)
			}
		}
		slices.Sort(skip)
		skip = slices.Compact(skip)
	}
	s.order = make([]report, 0, len(old.order)+len(fresh))
	j := 0
	if !full {
		for i := range old.order {
			if len(skip) > 0 && skip[0] == int32(i) {
				skip = skip[1:]
				continue
			}
			r := &old.order[i]
			for j < len(fresh) && newer(&fresh[j], r) < 0 {
				s.order = append(s.order, fresh[j])
				j++
			}
			s.order = append(s.order, *r)
		}
	}
	s.order = append(s.order, fresh[j:]...)
	maxID := int64(0)
	for i := range s.order {
		maxID = max(maxID, s.order[i].id)
	}
	s.pos = make([]int32, maxID+1)
	for i := range s.pos {
		s.pos[i] = -1
	}
	for i := range s.order {
		if id := s.order[i].id; id >= 0 {
			s.pos[id] = int32(i)
		}
	}
	if full {
		s.lists = map[uint32][]int64{}
		for i := range s.order {
			r := &s.order[i]
			r.values(func(v uint32) { s.list(v, r.id) })
		}
		for v, l := range s.lists {
			slices.Sort(l)
			s.lists[v] = slices.Compact(l)
		}
	} else {
		s.lists = patchLists(old, fresh, changed)
	}
	x.cur.Store(s)
}

// bound sets the date bounds of r from its facts.
func (r *report) bound() {
	r.minFrom, r.maxTo = math.MaxInt32, math.MinInt32
	for _, f := range r.facts {
		if f.from != 0 {
			if f.fromKey < 0 {
				r.minFrom = math.MinInt32 // not ISO: no bound
			}
			r.minFrom = min(r.minFrom, f.fromKey)
		}
		if f.to != 0 {
			if f.toKey < 0 {
				r.maxTo = math.MaxInt32
			}
			r.maxTo = max(r.maxTo, f.toKey)
		}
	}
}

// list appends report id to the list of value v.
func (s *snapshot) list(v uint32, id int64) {
	if v != 0 {
		s.lists[v] = append(s.lists[v], id)
	}
}

// patchLists returns old's lists with the changed reports taken out of the
// lists of their old values and put into those of their new ones; lists no
// change touches are shared.
func patchLists(old *snapshot, fresh []report, changed []int64) map[uint32][]int64 {
	touched := map[uint32]bool{}
	mark := func(v uint32) {
		if v != 0 {
			touched[v] = true
		}
	}
	for _, id := range changed {
		if p := old.position(id); p >= 0 {
			old.order[p].values(mark)
		}
	}
	for i := range fresh {
		fresh[i].values(mark)
	}
	gone := make(map[int64]bool, len(changed))
	for _, id := range changed {
		gone[id] = true
	}
	lists := make(map[uint32][]int64, len(old.lists)+len(touched))
	for v, l := range old.lists {
		if !touched[v] {
			lists[v] = l
		}
	}
	adds := map[uint32][]int64{}
	for i := range fresh {
		r := &fresh[i]
		r.values(func(v uint32) {
			if v != 0 {
				if a := adds[v]; len(a) == 0 || a[len(a)-1] != r.id {
					adds[v] = append(a, r.id)
				}
			}
		})
	}
	for v := range touched {
		// A new list: the old one without the changed reports, with their
		// new versions inserted in id order.
		add := adds[v]
		slices.Sort(add)
		l := make([]int64, 0, len(old.lists[v])+len(add))
		for _, id := range old.lists[v] {
			if gone[id] {
				continue
			}
			for len(add) > 0 && add[0] < id {
				l = append(l, add[0])
				add = add[1:]
			}
			if len(add) > 0 && add[0] == id {
				add = add[1:]
			}
			l = append(l, id)
		}
		lists[v] = append(l, add...)
	}
	return lists
}

// position returns the position of report id in order, -1 if unknown.
func (s *snapshot) position(id int64) int32 {
	if id < 0 || id >= int64(len(s.pos)) {
		return -1
	}
	return s.pos[id]
}

func (s *snapshot) intern(v string) uint32 {
	if id, ok := s.ids[v]; ok {
		return id
	}
	if !s.ownIDs {
		own := make(map[string]uint32, len(s.ids)+1)
		for k, id := range s.ids {
			own[k] = id
		}
		s.ids, s.ownIDs = own, true
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
	// cand has a bit for each report id that may pass (the intersection
	// of the lists of the conditions on indexed values); nil when no
	// condition has a list.
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
		fromKey, toKey := dateKey(from), dateKey(to)
		conds = append(conds, func(ft *fact) bool {
			// NULL dates meet no date condition, as in SQL. ISO dates
			// compare as numbers; anything else as the strings SQL compares.
			if to != "" {
				switch {
				case ft.from == 0:
					return false
				case toKey >= 0 && ft.fromKey >= 0:
					if ft.fromKey > toKey {
						return false
					}
				case s.strs[ft.from] > to:
					return false
				}
			}
			if from != "" {
				switch {
				case ft.to == 0:
					return false
				case fromKey >= 0 && ft.toKey >= 0:
					if ft.toKey < fromKey {
						return false
					}
				case s.strs[ft.to] < from:
					return false
				}
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
	// Dates given as ISO bound the reports worth reading (report.minFrom,
	// maxTo); others leave every report to its facts.
	loKey, hiKey := int32(math.MinInt32), int32(math.MaxInt32)
	if k := dateKey(f.Date.From); f.Date.From != "" && k >= 0 {
		loKey = k
	}
	if k := dateKey(f.Date.To); f.Date.To != "" && k >= 0 {
		hiKey = k
	}
	return &Matcher{s: s, cand: s.candidates(lists), fn: func(r *report) bool {
		if f.Language != "" && (!hasLang || r.lang != lang) {
			return false
		}
		if r.maxTo < loKey || r.minFrom > hiKey {
			return false
		}
		facts := r.facts
	need:
		for _, n := range needs {
			for i := range facts {
				if n(&facts[i]) {
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
	p := m.s.position(id)
	return p >= 0 && (m.cand == nil || m.cand[id>>6]&(1<<(id&63)) != 0) && m.fn(&m.s.order[p])
}

// candidates returns the bitmap, by report id, of the reports in every
// condition's lists (each condition: the union of its values' lists), nil
// without conditions.
func (s *snapshot) candidates(conds [][]uint32) []uint64 {
	var cand []uint64
	for _, vals := range conds {
		set := make([]uint64, (len(s.pos)+63)/64)
		for _, v := range vals {
			for _, id := range s.lists[v] {
				set[id>>6] |= 1 << (id & 63)
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
	for i := range m.s.order {
		r := &m.s.order[i]
		if m.cand != nil && m.cand[r.id>>6]&(1<<(r.id&63)) == 0 || !m.fn(r) {
			continue
		}
		if max > 0 && len(ids) == max {
			return ids, true
		}
		ids = append(ids, r.id)
	}
	return ids, false
}

// Published returns the publication date of report id ("" when unknown).
func (m *Matcher) Published(id int64) string {
	if p := m.s.position(id); p >= 0 {
		return m.s.strs[m.s.order[p].published]
	}
	return ""
}

// dateKey returns an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as YYYYMMDD with
// the missing parts 0, which orders as the strings do ("2019" < "2019-05" <
// "2019-05-01"), or -1 for any other string.
func dateKey(d string) int32 {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return -1
	}
	var k int32
	for i := 0; i < 10; i++ {
		switch {
		case i == 4 || i == 7:
			if i < len(d) && d[i] != '-' {
				return -1
			}
		case i >= len(d):
			k *= 10
		case d[i] < '0' || d[i] > '9':
			return -1
		default:
			k = k*10 + int32(d[i]-'0')
		}
	}
	return k
}

// Newest returns the reports passing the filters newest first, as a search
// without text lists them: enough for f's page and its capped count, or
// all of them when f does not cap the count.
func (m *Matcher) Newest(f casebook.ReportFilter) []index.Hit {
	n := 0
	if f.CountLimit > 0 {
		n = max(f.CountLimit+1, max(f.Offset, 0)+index.PageLimit(f.Limit))
	}
	ids, _ := m.Select(n)
	all := make([]index.Hit, len(ids))
	for i, id := range ids {
		all[i] = index.Hit{ID: id}
	}
	return all
}
