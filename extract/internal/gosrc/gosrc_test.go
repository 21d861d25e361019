package gosrc

import (
	"bytes"
	"go/format"
	"testing"
)

func TestLiterals(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("package x\n\nvar v = struct {\n\ta []int32\n\tbits [3]uint64\n}{\n")
	Ints(&b, "a", "[]int32", []int32{-1, 0, 7})
	Bits(&b, "bits", []uint64{0, 5, 0})
	b.WriteString("}\n")
	got, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("not Go: %v\n%s", err, b.Bytes())
	}
	want := "package x\n\nvar v = struct {\n\ta    []int32\n\tbits [3]uint64\n}{\n\ta: []int32{\n\t\t-1, 0, 7,\n\t},\n\tbits: [3]uint64{\n\t\t1: 0x5,\n\t},\n}\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
