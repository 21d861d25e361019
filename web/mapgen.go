package web

//go:generate go run ./gen -in ../../shared/data/nk-provinces.geojson -out provinces_gen.go

// provinceOutline is one first-level unit of the map.
type provinceOutline struct {
	ID, Name, NameKo string
	LX, LY           float64 // where its name is written
	Path             string  // SVG path data
}
