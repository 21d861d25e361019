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
	max     int
	entries map[string]resultEntry
}

type resultEntry struct {
	gen   int
	hits  []casebook.ReportHit
	total int
}

func newResultCache(max int) *resultCache {
	return &resultCache{max: max, entries: map[string]resultEntry{}}
}

func (c *resultCache) get(key string, gen int) ([]casebook.ReportHit, int, bool) {
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
