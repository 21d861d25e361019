package sqlite

// WithScanLimit sets how many filter candidates a text search reads before it
// runs the full-text query instead, so tests can take either way.
func WithScanLimit(n int) Option { return func(s *Store) { s.scanLimit = n } }
