package facets

import (
	"slices"
	"strings"
	"sync"
)

// A store whose full-text index cannot answer a common word cheaply
// (PostgreSQL's GIN visits a heap page per match: tens of milliseconds for
// a word in a fifth of 100,000 reports) gives the index each report's
// tokens too, so that the reports passing the filters are tested for a
// query's tokens here and only those are handed back to it to check and
// rank.

// Token is one token of a text query: a token of the word index, or with
// Prefix every token starting with Text.
type Token struct {
	Text   string
	Prefix bool
}

// dictionary numbers the tokens of every report. It only grows, so
// snapshots share it: an id a snapshot holds is always in it.
type dictionary struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	words []string
}

func newDictionary() *dictionary { return &dictionary{ids: map[string]uint32{}} }

// intern returns the sorted ids of words, numbering the new ones.
func (d *dictionary) intern(words []string) []uint32 {
	if len(words) == 0 {
		return nil
	}
	out := make([]uint32, 0, len(words))
	d.mu.Lock()
	for _, w := range words {
		id, ok := d.ids[w]
		if !ok {
			id = uint32(len(d.words))
			w = strings.Clone(w) // not a slice of a larger buffer
			d.ids[w] = id
			d.words = append(d.words, w)
		}
		out = append(out, id)
	}
	d.mu.Unlock()
	slices.Sort(out)
	return slices.Compact(out)
}

// holds compiles tokens into a test of a report's token ids (sorted), all
// of them required.
func (d *dictionary) holds(tokens []Token) func(ids []uint32) bool {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var exact []uint32
	var prefixes [][]uint64 // per prefix token, a bit per dictionary id
	for _, t := range tokens {
		if !t.Prefix {
			id, ok := d.ids[t.Text]
			if !ok {
				return func([]uint32) bool { return false }
			}
			exact = append(exact, id)
			continue
		}
		set := make([]uint64, (len(d.words)+63)/64)
		any := false
		for id, w := range d.words {
			if strings.HasPrefix(w, t.Text) {
				set[id>>6] |= 1 << (id & 63)
				any = true
			}
		}
		if !any {
			return func([]uint32) bool { return false }
		}
		prefixes = append(prefixes, set)
	}
	return func(ids []uint32) bool {
		for _, id := range exact {
			if _, ok := slices.BinarySearch(ids, id); !ok {
				return false
			}
		}
	next:
		for _, set := range prefixes {
			for _, id := range ids {
				if int(id>>6) < len(set) && set[id>>6]&(1<<(id&63)) != 0 {
					continue next
				}
			}
			return false
		}
		return true
	}
}

// SelectWords returns the reports passing the filters that hold every
// token, newest first; reports the store marked Long (no tokens known)
// pass, for the store to read. It is for stores that give Report.Words.
func (m *Matcher) SelectWords(tokens []Token) []int64 {
	holds := m.s.dict.holds(tokens)
	var ids []int64
	for i := range m.s.order {
		r := &m.s.order[i]
		if m.cand != nil && m.cand[r.id>>6]&(1<<(r.id&63)) == 0 || !m.fn(r) {
			continue
		}
		if r.long || holds(r.words) {
			ids = append(ids, r.id)
		}
	}
	return ids
}
