package place_test

import (
	"fmt"

	"casebook/extract/place"
)

func ExampleFind() {
	text := "Agents in Hoeryŏng-si, North Hamgyong, searched homes; Pyongyang decided to widen the campaign. 양강도 혜산시에서도"
	for _, m := range place.Find(text) {
		fmt.Printf("%s %q government=%v\n", m.ID, text[m.Span[0]:m.Span[1]], m.Government)
	}
	// Output:
	// hoeryong "Hoeryŏng-si" government=false
	// north-hamgyong "North Hamgyong" government=false
	// pyongyang "Pyongyang" government=true
	// ryanggang "양강도" government=false
	// hyesan "혜산시" government=false
}

func ExampleLookup() {
	for _, name := range []string{"Hamgyongbuk-do", "혜산", "Sinpa", "Dandong"} {
		p, ok := place.Lookup(name)
		fmt.Println(name, p.ID, ok)
	}
	// Output:
	// Hamgyongbuk-do north-hamgyong true
	// 혜산 hyesan true
	// Sinpa kimjongsuk true
	// Dandong  false
}

func ExampleWithin() {
	fmt.Println(place.Within("sunam", "chongjin"), place.Within("sunam", "north-hamgyong"), place.Within("hyesan", "north-hamgyong"))
	// Output: true true false
}
