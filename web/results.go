package web

import (
	"sync"

	"casebook"
)

// resultCache keeps recent report searches for as long as the data they
// came from: an entry is valid only for the event index's generation it was
// made in, so any write (here or, through the audit log, elsewhere) retires
// it. The landing page and paging back and forth then cost no query.
type resultCache struct {
	mu      sync.Mutex
	off     bool
	max     int
	entries map[string]resultEntry
}

type resultEntry struct {
	gen   int
	hits  []casebook.ReportHit
	total int
}

func newResultCache(max int, off bool) *resultCache {
	return &resultCache{max: max, off: off, entries: map[string]resultEntry{}}
}

func (c *resultCache) get(key string, gen int) ([]casebook.ReportHit, int, bool) {
	if c.off {
		return nil, 0, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.gen != gen {
		return nil, 0, false
	}
	// Callers may redact hits in place: hand out copies.
	hits := make([]casebook.ReportHit, len(e.hits))
	for i, h := range e.hits {
		r := *h.Report
		h.Report = &r
		hits[i] = h
	}
	return hits, e.total, true
}

func (c *resultCache) put(key string, gen int, hits []casebook.ReportHit, total int) {
	if c.off {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		// Drop everything from older generations, else half at random.
		n := 0
		for k, e := range c.entries {
			if e.gen != gen || n%2 == 0 {
				delete(c.entries, k)
			}
			n++
		}
	}
	kept := make([]casebook.ReportHit, len(hits))
	for i, h := range hits {
		r := *h.Report
		h.Report = &r
		kept[i] = h
	}
	c.entries[key] = resultEntry{gen: gen, hits: kept, total: total}
}

// viewCache keeps built views (map, timeline, price index, facets) per
// filter and role for as long as the events they were built from.
type viewCache struct {
	mu      sync.Mutex
	off     bool
	max     int
	entries map[string]viewEntry
}

type viewEntry struct {
	gen int
	v   any
}

func newViewCache(max int, off bool) *viewCache {
	return &viewCache{max: max, off: off, entries: map[string]viewEntry{}}
}

// view returns the cached value for key in generation gen, or builds it.
// Values must not be changed by callers.
func view[T any](c *viewCache, key string, gen int, build func() (T, error)) (T, error) {
	if !c.off {
		c.mu.Lock()
		e, ok := c.entries[key]
		c.mu.Unlock()
		if ok && e.gen == gen {
			return e.v.(T), nil
		}
	}
	v, err := build()
	if err != nil || c.off {
		return v, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		for k, e := range c.entries {
			if e.gen != gen || len(c.entries) >= c.max {
				delete(c.entries, k)
			}
		}
	}
	c.entries[key] = viewEntry{gen: gen, v: v}
	return v, nil
}
