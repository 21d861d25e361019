// Package gosrc writes the Go literals of tables worked out at go generate
// time, so that start-up does not build them.
package gosrc

import (
	"bytes"
	"fmt"
)

// Ints writes `field: typ{...},` for a list of numbers, twenty a line.
func Ints[T ~int32 | ~uint16 | ~byte](b *bytes.Buffer, field, typ string, xs []T) {
	fmt.Fprintf(b, "%s: %s{", field, typ)
	for i, x := range xs {
		if i%20 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%d,", x)
	}
	b.WriteString("\n},\n")
}

// Bits writes `field: [n]uint64{...},` for a bit set, naming only its
// non-zero words.
func Bits(b *bytes.Buffer, field string, words []uint64) {
	if field == "" {
		b.WriteString("{") // an element of an array of such arrays
	} else {
		fmt.Fprintf(b, "%s: [%d]uint64{", field, len(words))
	}
	n := 0
	for i, w := range words {
		if w == 0 {
			continue
		}
		if n%6 == 0 {
			b.WriteString("\n")
		}
		n++
		fmt.Fprintf(b, "%d: %#x,", i, w)
	}
	b.WriteString("\n},\n")
}
