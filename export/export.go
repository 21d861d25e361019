// Package export writes events for other tools: CSV in the column habits of
// event datasets, GeoJSON for maps, and JSON; redacted for the public.
package export

import (
	"context"
	"io"

	"casebook"
)

// Options choose an export's format and what it may reveal.
type Options struct {
	Format string // csv, geojson, json
	// Redact drops sources, victims' personal names and unconfirmed facts.
	Redact bool
	// Full includes source records (admin only); needs Sealer.
	Full bool
}

// Events writes the events matching f to w.
func Events(ctx context.Context, st casebook.Store, f casebook.FactFilter, opts Options, w io.Writer) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "export is not built yet")
}
