package agency_test

import (
	"fmt"

	"casebook/extract/agency"
)

func ExampleActing() {
	text := "A former police officer said state security agents arrested a broker and border guards took bribes."
	ms := agency.Find(text)
	for _, m := range ms {
		fmt.Printf("%s %q person=%v former=%v\n", m.Code, text[m.Span[0]:m.Span[1]], m.Person, m.Former)
	}
	fmt.Println(agency.Acting(text, ms))
	// Output:
	// MPS "police officer" person=true former=true
	// MSS "state security agents" person=true former=false
	// KPA "border guards" person=true former=false
	// [MSS KPA]
}
