package sqlite

import (
	"database/sql/driver"
	"fmt"
	"sync"
	"sync/atomic"

	"modernc.org/sqlite"

	"casebook/internal/facets"
)

// casebook_keep(handle, id) asks the filter index whether report id passes
// the filters of the search registered under handle. Put in the WHERE of a
// full-text query, it drops the matches the filters reject before the rank
// of each row is computed: one full-text pass instead of listing every
// match and then running the query again, ranked, over the kept ones.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("casebook_keep", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		h, ok1 := args[0].(int64)
		id, ok2 := args[1].(int64)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("casebook_keep: want two integers")
		}
		m, ok := searches.Load(h)
		if !ok {
			return nil, fmt.Errorf("casebook_keep: no search %d", h)
		}
		if m.(*facets.Matcher).Keep(id) {
			return int64(1), nil
		}
		return int64(0), nil
	})
}

// searches holds the matchers of the searches running, by handle.
var (
	searches   sync.Map
	lastHandle atomic.Int64
)

// register makes m available to casebook_keep until the returned function
// is called.
func register(m *facets.Matcher) (handle int64, done func()) {
	h := lastHandle.Add(1)
	searches.Store(h, m)
	return h, func() { searches.Delete(h) }
}
