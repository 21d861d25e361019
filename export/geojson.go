package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"casebook"
)

type feature struct {
	Type       string         `json:"type"`
	ID         int64          `json:"id"`
	Geometry   *point         `json:"geometry"` // null when the place has no coordinates
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // lon, lat
}

// geojson writes a FeatureCollection of Points, one feature per event, with
// the CSV's columns as properties. It streams: features are written as they
// come, so an export of every event needs no memory for them all.
func (x *exporter) geojson(ctx context.Context, f casebook.FactFilter, w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(`{"type":"FeatureCollection","features":[`); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	n := 0
	err := x.eachFact(ctx, f, func(fact *casebook.Fact) error {
		r, err := x.row(ctx, fact)
		if err != nil || r == nil {
			return err
		}
		ft := feature{Type: "Feature", ID: fact.ID, Properties: x.properties(r)}
		if r.hasCoord {
			ft.Geometry = &point{Type: "Point", Coordinates: [2]float64{r.place.Lon, r.place.Lat}}
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteByte('\n')
		return encode(bw, ft)
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export geojson: %w", err)
	}
	return nil
}

// encode writes v as compact JSON without a trailing newline; HTML
// characters are escaped so a file opened in a browser stays inert.
func encode(w *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err = w.Write(b)
	return err
}
