package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"casebook"
	"casebook/extract"
)

// viaJSON is the output line encoding/json writes for a result.
func viaJSON(t testing.TB, id string, f casebook.Facts) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	f = nonNil(f)
	if err := enc.Encode(jsonlOut{ID: id, Facts: &f}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkSame(t *testing.T, id string, f casebook.Facts) {
	t.Helper()
	got, ok := appendResult(nil, id, &f)
	if !ok {
		t.Fatalf("appendResult refused %+v", f)
	}
	if want := viaJSON(t, id, f); !bytes.Equal(got, want) {
		t.Fatalf("appendResult:\n%s\nencoding/json:\n%s", got, want)
	}
}

// fill sets every field reachable from v, so a field added to the fact
// types and not to appendResult makes the outputs differ.
func fill(v reflect.Value, k int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString([]string{"hyesan", "a \"q\" \\ <&> \n\t\x01 \u2028 é 혜산 \xff", "2019-12-06"}[k%3])
	case reflect.Float64:
		v.SetFloat([]float64{2800, 0.5, 1e21, 1.5e-7, 123456789.125, -3}[k%6])
	case reflect.Int:
		v.SetInt(int64(17 + k))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), k+i)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(v.Index(i), k+i)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), k)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), k+i)
		}
	}
}

func TestAppendResultMatchesEncodingJSON(t *testing.T) {
	checkSame(t, "empty", casebook.Facts{})
	for k := range 6 {
		var f casebook.Facts
		fill(reflect.ValueOf(&f).Elem(), k)
		checkSame(t, "full", f)
	}
	// Optional fields left out, as omitempty does.
	checkSame(t, "sparse", casebook.Facts{
		Places:   []casebook.Place{{ID: "hyesan", Name: "Hyesan", Kind: "city", Lat: 41.4, Lon: 128.2}},
		Agencies: []casebook.Agency{{ID: "MSS", Name: "Ministry of State Security"}},
		Money:    []casebook.Money{{Amount: math.Copysign(0, -1), Currency: "CNY", Span: casebook.Span{1, 2}}},
		Events:   []casebook.Event{{Type: "detention", Span: casebook.Span{3, 4}}},
	})
	// Facts from the sample reports.
	files, _ := filepath.Glob(filepath.Join("..", "..", "extract", "testdata", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no sample reports")
	}
	for _, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := extract.Extract(extract.Input{Text: string(text), Published: time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)})
		checkSame(t, filepath.Base(name), f)
	}
}

func TestAppendResultRefusesNaN(t *testing.T) {
	f := casebook.Facts{Money: []casebook.Money{{Amount: math.NaN(), Currency: "CNY"}}}
	if _, ok := appendResult(nil, "x", &f); ok {
		t.Fatal("NaN accepted")
	}
	f = casebook.Facts{Events: []casebook.Event{{Type: "detention", Amount: &casebook.Amount{Amount: 1, USD: math.Inf(1)}}}}
	if _, ok := appendResult(nil, "x", &f); ok {
		t.Fatal("Inf accepted")
	}
}

func FuzzAppendResult(f *testing.F) {
	f.Add("r1", "Hyesan \"x\"", 41.4, 0.0, 1e-7, 2800.5)
	f.Fuzz(func(t *testing.T, id, s string, a, b, c, d float64) {
		facts := casebook.Facts{
			Places:   []casebook.Place{{ID: s, Name: s, Kind: s, Province: s, Lat: a, Lon: b, Spans: []casebook.Span{{1, 2}}}},
			Agencies: []casebook.Agency{{ID: s, Name: id}},
			Money:    []casebook.Money{{Amount: a, Max: b, Currency: s, USD: c, Role: s}},
			Events: []casebook.Event{{Type: s, Place: &casebook.PlaceRef{ID: s, Name: s}, Agency: s, Target: id,
				Amount: &casebook.Amount{Amount: d, Max: c, Currency: s, USD: a}, Date: &casebook.Interval{From: s, To: id}}},
		}
		got, ok := appendResult(nil, id, &facts)
		for _, x := range []float64{a, b, c, d} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				if ok {
					t.Fatal("non-finite number accepted")
				}
				return
			}
		}
		if want := viaJSON(t, id, facts); !ok || !bytes.Equal(got, want) {
			t.Fatalf("appendResult:\n%s\nencoding/json:\n%s", got, want)
		}
	})
}
