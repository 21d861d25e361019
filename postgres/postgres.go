// Package postgres is the casebook store on PostgreSQL, for teams running
// several casebook processes against one database.
package postgres

import (
	"context"

	"casebook"
)

// Store is a casebook.Store on PostgreSQL. Work in progress: not implemented yet.
type Store struct{ casebook.Store }

// Open connects to the PostgreSQL database at url.
func Open(ctx context.Context, url string) (*Store, error) {
	return nil, casebook.Errorf(casebook.ENOTIMPLEMENTED, "postgres store is not built yet")
}
