// Package place finds North Korean places in text, by every spelling the
// gazetteer lists, in English and Korean.
//
// The gazetteer is generated from ../shared/data/nk-places.csv into
// gazetteer_gen.go (go generate), so the package needs no files at run time;
// the matching tables worked out from it are generated too (tables_gen.go),
// so start-up does not build them.
// Matching is one pass over the text: at each word start a trie of folded
// spellings (see fold.go) is walked, so the cost does not grow with the
// number of names.
package place

//go:generate go run ./gen -in ../../../shared/data/nk-places.csv -out gazetteer_gen.go
//go:generate go test -run TestTablesGenerated -update

import (
	"strings"

	"casebook"
	"casebook/extract/internal/ascii"
)

// row is one gazetteer entry as generated from the CSV.
type row struct {
	id, name, kind, province, nameKo string
	lat, lon                         float64
	variants                         string // "|"-separated
}

// Mention is one place named in the text.
type Mention struct {
	Span casebook.Span
	ID   string // gazetteer id
	// Government is set when the name stands for the state rather than the
	// place ("Pyongyang decided", "Pyongyang's policy"): by the guide it is
	// not a place, so callers listing places drop it.
	Government bool
}

// Find returns every mention of a North Korean place in text, in text order.
// Spans are byte offsets into text. Romanised names match case-insensitively
// at word boundaries, in any romanisation, with or without a unit suffix;
// Hangul names match at the start of a Hangul word with particles after
// them (회령시에서, 혜산의). Left out: places outside North Korea,
// neighbourhoods (Kangan-dong), markets named after a ward, people's names,
// and names also used in South Korea or as common words (Gangnam, 화성, 위원)
// unless the text names their North Korean province or another place of it.
// A capital standing for the state is returned with Government set.
func Find(text string) []Mention {
	return tables.find(text, ascii.Runs(text))
}

// FindRuns is Find given the text's runs (ascii.Runs), when the caller has
// them; nil means not made yet.
func FindRuns(text string, runs []ascii.Run) []Mention {
	if runs == nil {
		runs = ascii.Runs(text)
	}
	return tables.find(text, runs)
}

// ByID returns the gazetteer entry with the given id.
func ByID(id string) (casebook.Place, bool) {
	i, ok := tables.byID[id]
	if !ok {
		return casebook.Place{}, false
	}
	return toPlace(i), true
}

// All returns every gazetteer entry, in gazetteer order (first-level units first).
func All() []casebook.Place {
	out := make([]casebook.Place, len(gazetteer))
	for i := range gazetteer {
		out[i] = toPlace(i)
	}
	return out
}

// Lookup returns the place a name spells: an id, the English name, any
// variant (diacritics, apostrophes, Revised Romanisation, suffixes such as
// City, -gun, 시, 군) or a Korean name. A name two places share (Unsan,
// Hwasong) gives the first in gazetteer order.
func Lookup(name string) (casebook.Place, bool) {
	name = strings.TrimSpace(name)
	if p, ok := ByID(strings.ToLower(name)); ok {
		return p, true
	}
	key, _ := fold(name)
	if s, ok := tables.trie.lookup(key); ok {
		return toPlace(int(tables.spells[s].ids[0])), true
	}
	// Analysts write "Hoeryong city, North Hamgyong" or "Kimjongsuk (Sinpa)":
	// try the part before a comma or bracket.
	if i := strings.IndexAny(name, ",(（"); i > 0 {
		return Lookup(name[:i])
	}
	return casebook.Place{}, false
}

// Within reports whether place id lies inside ancestor id (or is it): a
// province holds its cities and counties, a special city its districts, and
// Chongjin and Hamhung their wards.
func Within(id, ancestor string) bool {
	if id == ancestor {
		_, ok := tables.byID[id]
		return ok
	}
	i, ok := tables.byID[id]
	if !ok {
		return false
	}
	r := gazetteer[i]
	return r.province == ancestor || cityWards[id] == ancestor
}

// Descendants returns the ids of every place inside id, in gazetteer order.
func Descendants(id string) []string {
	var out []string
	for _, r := range gazetteer {
		if r.id != id && Within(r.id, id) {
			out = append(out, r.id)
		}
	}
	return out
}

// cityWards gives the wards of Chongjin and Hamhung their city; the
// gazetteer gives them only their province.
var cityWards = map[string]string{
	"chongam": "chongjin", "pohang": "chongjin", "ranam": "chongjin", "sinam": "chongjin",
	"songpyong": "chongjin", "sunam": "chongjin", "puyun": "chongjin",
	"haean": "hamhung", "hoesang": "hamhung", "hungdok": "hamhung", "hungnam": "hamhung",
	"sapo": "hamhung", "songchongang": "hamhung", "tonghungsan": "hamhung",
}

func toPlace(i int) casebook.Place {
	r := gazetteer[i]
	return casebook.Place{ID: r.id, Name: r.name, Kind: r.kind, Province: r.province, Lat: r.lat, Lon: r.lon}
}
