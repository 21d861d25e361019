// Package sqlite is the embedded casebook store: one SQLite file (pure-Go
// driver, WAL), full-text search with FTS5.
package sqlite

import (
	"context"

	"casebook"
)

// Store is a casebook.Store on SQLite. Work in progress: not implemented yet.
type Store struct{ casebook.Store }

// Open opens (creating if needed) the SQLite database at path.
func Open(ctx context.Context, path string) (*Store, error) {
	return nil, casebook.Errorf(casebook.ENOTIMPLEMENTED, "sqlite store is not built yet")
}
