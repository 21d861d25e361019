package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(samplePage))
	f.Add([]byte("<html><body><p>회령</p></body></html>"))
	f.Add([]byte("<div><div><div><p>x</div></p><script>alert(1)</script>"))
	f.Add([]byte(strings.Repeat("<div>", 2000) + "deep" + strings.Repeat("</div>", 2000)))
	f.Add([]byte("<meta charset=euc-kr><p>\xc8\xb8\xb7\xc9</p>"))
	f.Add([]byte("<meta property='article:published_time' content='2019-13-45'><p>x</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parseHTML(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.text) || !utf8.ValidString(d.meta.Title) || strings.TrimSpace(d.text) == "" {
			t.Fatalf("bad document from %q: %+v", b, d.meta)
		}
		if strings.Contains(d.text, "\x00") {
			t.Fatal("NUL in text")
		}
		if d.meta.URL != "" && !strings.HasPrefix(d.meta.URL, "http") {
			t.Fatalf("unsafe URL kept: %q", d.meta.URL)
		}
		if string(d.original) != string(b) {
			t.Fatal("original bytes changed")
		}
	})
}

func FuzzParseJSONLine(f *testing.F) {
	f.Add([]byte(`{"id":"r1","published":"2019-12-06","language":"en","text":"Police in Hoeryong."}`))
	f.Add([]byte(`{"id":"r2","text":"보위부","title":"t","url":"u"}`))
	f.Add([]byte(`{"id":1}`))
	f.Add([]byte(`{"text":"a"} {"text":"b"}`))
	f.Add([]byte("{\"text\":\"\\u0000\"}"))
	f.Fuzz(func(t *testing.T, line []byte) {
		_, text, meta, err := ParseJSONLine(line)
		if err != nil {
			return
		}
		if strings.TrimSpace(text) == "" || !utf8.ValidString(text) || strings.Contains(text, "\x00") {
			t.Fatalf("accepted bad text %q", text)
		}
		if meta.Published != "" && len(meta.Published) != 10 {
			t.Fatalf("published not normalised: %q", meta.Published)
		}
		if meta.Language != "" && meta.Language != "en" && meta.Language != "ko" {
			t.Fatalf("language %q", meta.Language)
		}
	})
}
