// Package mapproj projects longitude and latitude onto the web app's map of
// North Korea. The generator that draws province outlines and the server that
// draws incident points share it, so both land on the same pixels.
package mapproj

import "math"

// Width and Height are the size of the map's SVG viewBox.
const (
	Width  = 620
	Height = 660
)

const (
	west  = 124.05
	north = 43.08
	scale = 120.0 // pixels per degree of latitude
)

// lonFactor shortens degrees of longitude at about 40°N, the middle of the country.
var lonFactor = math.Cos(40.3 * math.Pi / 180)

// Project returns the SVG x, y of a point given in WGS84 degrees.
func Project(lon, lat float64) (x, y float64) {
	return (lon - west) * lonFactor * scale, (north - lat) * scale
}
