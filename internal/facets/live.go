package facets

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Source is a store's side of a Live index: its change log.
type Source interface {
	// Behind reports whether changes were committed since the last
	// CatchUp; it runs before every search, so it must be cheap.
	Behind(ctx context.Context, x *Index) (bool, error)
	// CatchUp applies to x, in one consistent read, the changes committed
	// since the last call, or everything when full.
	CatchUp(ctx context.Context, x *Index, full bool) error
}

// Live is an Index that a store keeps current with its change log, so that
// writes from any process are seen: loaded in the background at first use
// (seconds at 100,000 reports; searches meanwhile run on SQL alone), then
// caught up before each search.
type Live struct {
	name    string // the store, for logs
	src     Source
	idx     *Index
	mu      sync.Mutex // one catch-up at a time
	loaded  atomic.Bool
	loading atomic.Bool
	loader  sync.WaitGroup
	closing context.Context
	stop    context.CancelFunc
}

// NewLive returns a Live index over src and starts loading it.
func NewLive(name string, src Source) *Live {
	l := &Live{name: name, src: src, idx: New()}
	l.closing, l.stop = context.WithCancel(context.Background())
	l.load()
	return l
}

// Close stops a load in progress and waits for it.
func (l *Live) Close() {
	l.stop()
	l.loader.Wait()
}

// load reads the whole index in the background; a failed load is logged and
// tried again at the next search.
func (l *Live) load() {
	if l.loaded.Load() || !l.loading.CompareAndSwap(false, true) {
		return
	}
	l.loader.Add(1)
	go func() {
		defer l.loader.Done()
		defer l.loading.Store(false)
		start := time.Now()
		l.mu.Lock()
		err := l.src.CatchUp(l.closing, l.idx, true)
		if err == nil {
			l.loaded.Store(true)
		}
		l.mu.Unlock()
		if err != nil {
			if l.closing.Err() == nil {
				slog.Warn(l.name+": filter index: load failed; searches run on SQL alone", "err", err)
			}
			return
		}
		slog.Debug(l.name+": filter index loaded", "reports", l.idx.Len(), "took", time.Since(start))
	}()
}

// Wait waits until the index has loaded (benchmarks and tests, to measure
// and exercise it rather than the SQL it stands in for).
func (l *Live) Wait(ctx context.Context) error {
	for !l.loaded.Load() {
		l.load()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return nil
}

// Current returns the index caught up with every change committed so far,
// or nil while it is still loading.
func (l *Live) Current(ctx context.Context) (*Index, error) {
	if !l.loaded.Load() {
		l.load()
		return nil, nil
	}
	behind, err := l.src.Behind(ctx, l.idx)
	if err != nil {
		return nil, fmt.Errorf("%s: filter index: %w", l.name, err)
	}
	if !behind {
		return l.idx, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.src.CatchUp(ctx, l.idx, false); err != nil {
		return nil, fmt.Errorf("%s: filter index: %w", l.name, err)
	}
	return l.idx, nil
}
