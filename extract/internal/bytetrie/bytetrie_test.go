package bytetrie

import "testing"

// lookup follows key from the root, as the matchers' step does.
func lookup(t *Trie, key string) int32 {
	var n int32
	for i := 0; i < len(key); i++ {
		if n == 0 {
			n = t.Root[key[i]]
		} else {
			next := int32(0)
			for e := t.First[n]; e < t.First[n]+int32(t.Count[n]); e++ {
				if t.EB[e] == key[i] {
					next = t.ET[e]
				}
			}
			n = next
		}
		if n == 0 {
			return -1
		}
	}
	return t.Term[n]
}

func TestBuild(t *testing.T) {
	keys := []string{"hyesan", "hye", "hoeryong", "혜산", "h", "musan", "mu"}
	vals := []int32{10, 11, 12, 13, 14, 15, 16}
	tr := Build(keys, vals)
	for k, key := range keys {
		if got := lookup(tr, key); got != vals[k] {
			t.Errorf("%q: got %d, want %d", key, got, vals[k])
		}
	}
	for _, key := range []string{"hy", "hyesans", "m", "혜", "x"} {
		if got := lookup(tr, key); got != -1 {
			t.Errorf("%q: got %d, want -1", key, got)
		}
	}
	// Edges of a node are in byte order (step stops at a larger byte).
	for n := range tr.First {
		for e := tr.First[n] + 1; e < tr.First[n]+int32(tr.Count[n]); e++ {
			if tr.EB[e-1] >= tr.EB[e] {
				t.Fatalf("node %d: edges out of order", n)
			}
		}
	}
}
