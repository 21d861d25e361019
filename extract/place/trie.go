package place

import "sort"

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

type buildNode struct {
	kids map[byte]*buildNode
	term int32
	id   int32
}

// newTrie builds a trie over keys; key k's terminal value is vals[k].
func newTrie(keys []string, vals []int32) *trie {
	root := &buildNode{term: -1}
	for k, key := range keys {
		n := root
		for i := 0; i < len(key); i++ {
			if n.kids == nil {
				n.kids = map[byte]*buildNode{}
			}
			c := n.kids[key[i]]
			if c == nil {
				c = &buildNode{term: -1}
				n.kids[key[i]] = c
			}
			n = c
		}
		n.term = vals[k]
	}
	t := &trie{}
	// Number nodes breadth first; node 0 is the root.
	order := []*buildNode{root}
	for q := 0; q < len(order); q++ {
		n := order[q]
		n.id = int32(q)
		for _, b := range sortedKeys(n.kids) {
			order = append(order, n.kids[b])
		}
	}
	t.first = make([]int32, len(order))
	t.count = make([]uint16, len(order))
	t.term = make([]int32, len(order))
	for _, n := range order {
		t.term[n.id] = n.term
		t.first[n.id] = int32(len(t.eb))
		t.count[n.id] = uint16(len(n.kids))
		for _, b := range sortedKeys(n.kids) {
			t.eb = append(t.eb, b)
			t.et = append(t.et, n.kids[b].id)
			if n == root {
				t.root[b] = n.kids[b].id
			}
		}
	}
	return t
}

func sortedKeys(m map[byte]*buildNode) []byte {
	ks := make([]byte, 0, len(m))
	for b := range m {
		ks = append(ks, b)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
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
