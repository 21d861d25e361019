// Package bytetrie builds the flat byte tries the extractor's matchers walk:
// a dense root table, and per other node its edges sorted in shared slices.
// Building from sorted keys (no map per node) keeps start-up short: every
// casebook command pays for the tables before main runs.
package bytetrie

import "sort"

// Trie is the flattened trie. Nodes are numbered breadth first with their
// edges in byte order; node 0 is the root.
type Trie struct {
	Root  [256]int32 // child of the root per byte; 0: none
	First []int32    // per node: index of its first edge in EB/ET
	Count []uint16   // per node: number of edges
	EB    []byte     // edge bytes
	ET    []int32    // edge targets
	Term  []int32    // per node: the value of the key ending there, -1 if none
}

// Build returns the trie over keys, key k ending at a node whose Term is
// vals[k]. Keys must be distinct and non-empty.
func Build(keys []string, vals []int32) *Trie {
	idx := make([]int32, len(keys))
	for k := range idx {
		idx[k] = int32(k)
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]string, len(keys))
	for k, i := range idx {
		sorted[k] = keys[i]
	}
	// A node is the run sorted[lo:hi] of keys sharing its first depth bytes;
	// the breadth-first queue holds those runs. A key that ends at the node
	// sorts first in its run.
	type node struct{ lo, hi, depth int32 }
	queue := []node{{0, int32(len(sorted)), 0}}
	t := &Trie{}
	for q := 0; q < len(queue); q++ {
		n := queue[q]
		term := int32(-1)
		lo := n.lo
		if lo < n.hi && int32(len(sorted[lo])) == n.depth {
			term = vals[idx[lo]]
			lo++
		}
		t.Term = append(t.Term, term)
		t.First = append(t.First, int32(len(t.EB)))
		count := 0
		for i := lo; i < n.hi; {
			b := sorted[i][n.depth]
			j := i + 1
			for j < n.hi && sorted[j][n.depth] == b {
				j++
			}
			child := int32(len(queue))
			queue = append(queue, node{i, j, n.depth + 1})
			t.EB = append(t.EB, b)
			t.ET = append(t.ET, child)
			if q == 0 {
				t.Root[b] = child
			}
			count++
			i = j
		}
		t.Count = append(t.Count, uint16(count))
	}
	return t
}
