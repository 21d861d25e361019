package audit

import (
	"context"
	"fmt"

	"casebook"
)

// Problem kinds Verify reports.
const (
	Edited    = "edited"    // the entry's fields no longer match its hash
	Removed   = "removed"   // entries are missing before this one (a gap in seq)
	Reordered = "reordered" // the entry was written under another seq
	Relinked  = "relinked"  // the entry does not point at the one before it: something before it was removed or rewritten and rehashed
)

// Problem is one break in the chain, at the entry whose seq it names.
type Problem struct {
	Seq     int64  `json:"seq"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// Report is the result of walking the audit chain.
type Report struct {
	Entries  int       `json:"entries"`
	LastSeq  int64     `json:"last_seq"`
	LastHash string    `json:"last_hash"` // note it down: CheckHead later proves nothing was cut from the end
	Problems []Problem `json:"problems"`
	// More is true when there were more problems than Problems lists.
	More bool `json:"more,omitempty"`
}

// OK reports whether the chain is intact.
func (r Report) OK() bool { return len(r.Problems) == 0 }

const (
	pageSize    = 1000
	maxProblems = 100
	// reorderWindow is how far from its place Verify looks for the seq an
	// entry was written under.
	reorderWindow = 256
)

// Verify walks the whole audit chain in seq order and reports every entry
// that was edited, removed, reordered or rewritten, the first bad entry first.
// An error means the log could not be read, not that it is bad.
//
// A hash chain alone cannot show that entries were cut from its end, nor that
// someone with write access rebuilt the whole chain: keep LastSeq and
// LastHash somewhere else and pass them to CheckHead later.
func Verify(ctx context.Context, st casebook.Store) (Report, error) {
	var (
		r        Report
		prev     casebook.AuditEntry // the last entry walked; Seq 0 before the first
		prevBad  bool
		afterSeq int64
	)
	add := func(p Problem) {
		if len(r.Problems) >= maxProblems {
			r.More = true
			return
		}
		r.Problems = append(r.Problems, p)
	}
	for {
		page, err := st.FindAudit(ctx, afterSeq, pageSize)
		if err != nil {
			return r, fmt.Errorf("audit verify: read after seq %d: %w", afterSeq, err)
		}
		if len(page) == 0 {
			break
		}
		for i := range page {
			e := &page[i]
			if err := ctx.Err(); err != nil {
				return r, err
			}
			if e.Seq <= prev.Seq {
				// The store must return entries in seq order; one that does
				// not is itself broken, and walking on could loop.
				return r, fmt.Errorf("audit verify: store returned seq %d after seq %d", e.Seq, prev.Seq)
			}
			r.Entries++
			bad := false
			if e.Seq > prev.Seq+1 {
				bad = true
				if e.Seq == prev.Seq+2 {
					add(Problem{prev.Seq + 1, Removed, fmt.Sprintf("entry %d is missing", prev.Seq+1)})
				} else {
					add(Problem{prev.Seq + 1, Removed, fmt.Sprintf("entries %d–%d are missing", prev.Seq+1, e.Seq-1)})
				}
			}
			if e.ChainHash() != e.Hash {
				bad = true
				if orig, ok := writtenAs(e); ok {
					add(Problem{e.Seq, Reordered, fmt.Sprintf("entry %d was written as entry %d (%s %s by %s)", e.Seq, orig, e.Action, e.Object, e.Actor)})
				} else {
					add(Problem{e.Seq, Edited, fmt.Sprintf("entry %d does not match its hash: it was edited (now: %s %s by %s at %s)",
						e.Seq, e.Action, e.Object, e.Actor, e.At.UTC().Format("2006-01-02 15:04:05"))})
				}
			} else if !bad && !prevBad && e.PrevHash != prev.Hash {
				bad = true
				if prev.Seq == 0 {
					add(Problem{e.Seq, Relinked, fmt.Sprintf("entry %d is the first but points at an earlier entry: the start of the log was removed", e.Seq)})
				} else {
					add(Problem{prev.Seq, Relinked, fmt.Sprintf("entry %d does not follow entry %d: entry %d (or one before it) was removed, replaced or rehashed", e.Seq, prev.Seq, prev.Seq)})
				}
			}
			prev, prevBad = *e, bad
		}
		afterSeq = prev.Seq
		if len(page) < pageSize {
			break
		}
	}
	r.LastSeq, r.LastHash = prev.Seq, prev.Hash
	return r, nil
}

// writtenAs finds the seq an entry's hash was computed for, when it was moved
// to another seq and nothing else changed.
func writtenAs(e *casebook.AuditEntry) (int64, bool) {
	c := *e
	for d := int64(1); d <= reorderWindow; d++ {
		for _, s := range []int64{e.Seq - d, e.Seq + d} {
			if s < 1 {
				continue
			}
			c.Seq = s
			if c.ChainHash() == e.Hash {
				return s, true
			}
		}
	}
	return 0, false
}

// CheckHead proves that the entry noted earlier as (seq, hash) is still in
// the log unchanged; it catches entries cut from the end and a chain rebuilt
// from scratch, which Verify alone cannot. It returns a *casebook.Error of
// kind EINVALID describing the mismatch.
func CheckHead(ctx context.Context, st casebook.Store, seq int64, hash string) error {
	if seq < 1 {
		return casebook.Errorf(casebook.EINVALID, "audit head: seq must be at least 1")
	}
	es, err := st.FindAudit(ctx, seq-1, 1)
	if err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	if len(es) == 0 || es[0].Seq != seq {
		return casebook.Errorf(casebook.EINVALID, "entry %d, noted earlier, is gone: entries were removed from the end of the log", seq)
	}
	if es[0].Hash != hash {
		return casebook.Errorf(casebook.EINVALID, "entry %d has hash %s, noted earlier as %s: the log was rewritten", seq, es[0].Hash, hash)
	}
	return nil
}
