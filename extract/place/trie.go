package place

import "casebook/extract/internal/bytetrie"

// trie is a byte trie over folded spellings, flattened into arrays so a walk
// touches little memory: the root is a dense table, other nodes keep their
// edges sorted in one shared slice.
type trie struct {
	root  [256]int32 // child of the root per byte; 0: none
	first []int32    // per node: index of its first edge in eb/et
	count []uint16   // per node: number of edges
	eb    []byte     // edge bytes
	et    []int32    // edge targets
	term  []int32    // per node: index into the spelling table, -1 if none
}

// newTrie builds a trie over keys; key k's terminal value is vals[k].
func newTrie(keys []string, vals []int32) *trie {
	b := bytetrie.Build(keys, vals)
	return &trie{root: b.Root, first: b.First, count: b.Count, eb: b.EB, et: b.ET, term: b.Term}
}

// step returns the child of node n by byte b, or 0.
func (t *trie) step(n int32, b byte) int32 {
	if n == 0 {
		return t.root[b]
	}
	lo := t.first[n]
	hi := lo + int32(t.count[n])
	for i := lo; i < hi; i++ {
		if e := t.eb[i]; e == b {
			return t.et[i]
		} else if e > b {
			return 0
		}
	}
	return 0
}

// lookup returns the spelling table index of key.
func (t *trie) lookup(key string) (int32, bool) {
	if key == "" {
		return 0, false
	}
	var n int32
	for i := 0; i < len(key); i++ {
		if n = t.step(n, key[i]); n == 0 {
			return 0, false
		}
	}
	return t.term[n], t.term[n] >= 0
}

// hit is one spelling the walk passed through: its table index and the input
// offset where it ends.
type hit struct {
	spell int32
	end   int
}

// walk folds text from at and follows the trie, appending every spelling
// found to hits (shortest first).
func (t *trie) walk(text string, at int, hits []hit) []hit {
	f := newFolder(text, at)
	var n int32
	for {
		b, end, ok := f.next()
		if !ok {
			return hits
		}
		n = t.step(n, b)
		if n == 0 {
			return hits
		}
		if s := t.term[n]; s >= 0 {
			hits = append(hits, hit{s, end})
		}
	}
}
