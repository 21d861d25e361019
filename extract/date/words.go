package date

// wordTable answers "is the lower-cased word s[a:b] one of these keys?"
// faster than a Go map: the English reader asks it for nearly every word,
// and most words are not keys. A bit set of (length, first letter) turns
// most of them away before any hashing; the rest hash while lower-casing
// into a small open-addressed table.
type wordTable[V any] struct {
	first [maxWord + 1]uint64 // by key length: bit c for a key starting with byte c&63
	keys  []string
	vals  []V
	mask  uint32
}

// maxWord is the longest key a table holds; lookups of longer words fail
// at once, as the map lookup with a 16-byte buffer did.
const maxWord = 16

func newWordTable[V any](m map[string]V) *wordTable[V] {
	n := 8
	for n < 4*len(m) {
		n *= 2
	}
	t := &wordTable[V]{keys: make([]string, n), vals: make([]V, n), mask: uint32(n - 1)}
	for k, v := range m {
		if k == "" || len(k) > maxWord {
			continue // never found by lookup: the map lookup could not see these either
		}
		t.first[len(k)] |= 1 << (k[0] & 63)
		h := wordHash(k) & t.mask
		for t.keys[h] != "" {
			h = (h + 1) & t.mask
		}
		t.keys[h], t.vals[h] = k, v
	}
	return t
}

func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// lookup finds the lower-cased word s[a:b] without allocating.
func (t *wordTable[V]) lookup(s string, a, b int) (V, bool) {
	var zero V
	n := b - a
	if n <= 0 || n > maxWord || t.first[n]&(1<<(lower(s[a])&63)) == 0 {
		return zero, false
	}
	var buf [maxWord]byte
	h := uint32(2166136261)
	for k := 0; k < n; k++ {
		c := lower(s[a+k])
		buf[k] = c
		h = (h ^ uint32(c)) * 16777619
	}
	w := buf[:n]
	for h &= t.mask; t.keys[h] != ""; h = (h + 1) & t.mask {
		if t.keys[h] == string(w) {
			return t.vals[h], true
		}
	}
	return zero, false
}

// Tables of the word maps the English reader looks words up in.
var (
	ordinalsTable         = newWordTable(ordinals)
	countsTable           = newWordTable(counts)
	seasonsTable          = newWordTable(seasons)
	leadOnTable           = newWordTable(leadOn)
	afterArticleTable     = newWordTable(afterArticle)
	sayingVerbSetTable    = newWordTable(sayingVerbSet)
	betweenSayingSetTable = newWordTable(betweenSayingSet)
)
