package main

import (
	"math"
	"strconv"
	"unicode/utf8"

	"casebook"
)

// appendResult appends a report's output line as encoding/json writes
// jsonlOut{ID: id, Facts: f} (HTML not escaped, then a newline), without its
// reflection: encoding was a tenth of the JSONL path outside extraction.
// It returns false for what JSON cannot hold (NaN, infinities); the caller
// then goes through encoding/json, which words the error.
// extract_encode_test.go keeps the two in step, field by field.
func appendResult(b []byte, id string, f *casebook.Facts) ([]byte, bool) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, id)
	b = append(b, `,"places":[`...)
	for i, p := range f.Places {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, p.ID)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, p.Name)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, p.Kind)
		if p.Province != "" {
			b = append(b, `,"province":`...)
			b = appendJSONString(b, p.Province)
		}
		b = append(b, `,"lat":`...)
		b = appendJSONFloat(b, p.Lat)
		b = append(b, `,"lon":`...)
		b = appendJSONFloat(b, p.Lon)
		if len(p.Spans) > 0 {
			b = append(b, `,"spans":`...)
			b = appendSpans(b, p.Spans)
		}
		b = append(b, '}')
	}
	b = append(b, `],"agencies":[`...)
	for i, a := range f.Agencies {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, a.ID)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, a.Name)
		if len(a.Spans) > 0 {
			b = append(b, `,"spans":`...)
			b = appendSpans(b, a.Spans)
		}
		b = append(b, '}')
	}
	b = append(b, `],"money":[`...)
	for i, m := range f.Money {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSum(b, m.Amount, m.Max, m.Currency, m.USD)
		if m.Role != "" {
			b = append(b, `,"role":`...)
			b = appendJSONString(b, m.Role)
		}
		b = append(b, `,"span":`...)
		b = appendSpan(b, m.Span)
		b = append(b, '}')
	}
	b = append(b, `],"events":[`...)
	for i, e := range f.Events {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"type":`...)
		b = appendJSONString(b, e.Type)
		b = append(b, `,"span":`...)
		b = appendSpan(b, e.Span)
		if e.Place != nil {
			b = append(b, `,"place":{"id":`...)
			b = appendJSONString(b, e.Place.ID)
			b = append(b, `,"name":`...)
			b = appendJSONString(b, e.Place.Name)
			b = append(b, '}')
		}
		if e.Agency != "" {
			b = append(b, `,"agency":`...)
			b = appendJSONString(b, e.Agency)
		}
		if e.Target != "" {
			b = append(b, `,"target":`...)
			b = appendJSONString(b, e.Target)
		}
		if e.Amount != nil {
			b = append(b, `,"amount":`...)
			b = appendSum(b, e.Amount.Amount, e.Amount.Max, e.Amount.Currency, e.Amount.USD)
			b = append(b, '}')
		}
		if e.Date != nil {
			b = append(b, `,"date":{"from":`...)
			b = appendJSONString(b, e.Date.From)
			b = append(b, `,"to":`...)
			b = appendJSONString(b, e.Date.To)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	b = append(b, "]}\n"...)
	return b, finiteFacts(f)
}

// appendSum opens a Money or Amount object and writes the fields they share;
// the caller closes it.
func appendSum(b []byte, amount, maxAmount float64, currency string, usd float64) []byte {
	b = append(b, `{"amount":`...)
	b = appendJSONFloat(b, amount)
	if maxAmount != 0 {
		b = append(b, `,"max":`...)
		b = appendJSONFloat(b, maxAmount)
	}
	b = append(b, `,"currency":`...)
	b = appendJSONString(b, currency)
	if usd != 0 {
		b = append(b, `,"usd":`...)
		b = appendJSONFloat(b, usd)
	}
	return b
}

func appendSpan(b []byte, s casebook.Span) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s[1]), 10)
	return append(b, ']')
}

func appendSpans(b []byte, ss []casebook.Span) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSpan(b, s)
	}
	return append(b, ']')
}

// finiteFacts reports whether every number of f can be written as JSON.
func finiteFacts(f *casebook.Facts) bool {
	ok := func(xs ...float64) bool {
		for _, x := range xs {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return false
			}
		}
		return true
	}
	for _, p := range f.Places {
		if !ok(p.Lat, p.Lon) {
			return false
		}
	}
	for _, m := range f.Money {
		if !ok(m.Amount, m.Max, m.USD) {
			return false
		}
	}
	for _, e := range f.Events {
		if e.Amount != nil && !ok(e.Amount.Amount, e.Amount.Max, e.Amount.USD) {
			return false
		}
	}
	return true
}

// appendJSONFloat writes a float64 as encoding/json does: like %g, but with
// ES6's exponent cutoffs and no padding of the exponent.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s quoted as encoding/json does without HTML
// escaping: '"', '\\' and control bytes escaped, invalid UTF-8 as \ufffd,
// U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
