package web

import (
	"sort"

	"casebook"
	"casebook/extract/place"
)

// firstLevelIDs are the provinces and special cities, north to south.
var firstLevelIDs = []string{
	"rason", "north-hamgyong", "ryanggang", "south-hamgyong", "chagang", "north-pyongan",
	"south-pyongan", "pyongyang", "nampo", "kangwon", "north-hwanghae", "south-hwanghae", "kaesong",
}

func isFirstLevel(id string) bool {
	for _, x := range firstLevelIDs {
		if x == id {
			return true
		}
	}
	return false
}

// lookupPlace finds a place in the gazetteer, falling back to the map's own
// outline names for the first-level units.
func lookupPlace(id string) (casebook.Place, bool) {
	if p, ok := place.ByID(id); ok {
		return p, true
	}
	for _, o := range provinceOutlines {
		if o.ID == id {
			return casebook.Place{ID: o.ID, Name: o.Name, Kind: "province"}, true
		}
	}
	switch id {
	case "nampo":
		return casebook.Place{ID: id, Name: "Nampo", Kind: "special_city", Lat: 38.73515, Lon: 125.42141}, true
	case "kaesong":
		return casebook.Place{ID: id, Name: "Kaesong", Kind: "special_city", Lat: 37.99267, Lon: 126.58690}, true
	}
	return casebook.Place{}, false
}

func firstLevelUnits() []casebook.Place {
	var out []casebook.Place
	for _, id := range firstLevelIDs {
		if p, ok := lookupPlace(id); ok {
			out = append(out, p)
		}
	}
	return out
}

func placeLabel(id string) string {
	if p, ok := lookupPlace(id); ok {
		return p.Name
	}
	return id
}

// placeChoice is one option of the place pickers in review forms.
type placeChoice struct{ ID, Label string }

// placeChoices lists the gazetteer's places for the review forms' picker:
// provinces first, then the rest by name.
func placeChoices() []placeChoice {
	all := place.All()
	var out []placeChoice
	for _, p := range firstLevelUnits() {
		out = append(out, placeChoice{p.ID, p.Name})
	}
	var rest []placeChoice
	for _, p := range all {
		if isFirstLevel(p.ID) {
			continue
		}
		l := p.Name
		if prov, ok := lookupPlace(p.Province); ok {
			l += ", " + prov.Name
		}
		rest = append(rest, placeChoice{p.ID, l})
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Label < rest[j].Label })
	return append(out, rest...)
}
