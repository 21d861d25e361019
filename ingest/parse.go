package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
)

// parse turns one file's bytes into the documents it holds.
func parse(ctx context.Context, name string, b []byte, meta Meta) ([]doc, error) {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".txt", ".md", ".markdown", "":
		d, err := parseText(b, ext == ".md" || ext == ".markdown")
		if err != nil {
			return nil, err
		}
		d.name, d.fileName = name, base
		return []doc{merge(d, meta)}, nil
	case ".html", ".htm":
		d, err := parseHTML(b)
		if err != nil {
			return nil, err
		}
		d.name, d.fileName = name, base
		return []doc{merge(d, meta)}, nil
	case ".pdf":
		d, err := parsePDF(ctx, b)
		if err != nil {
			return nil, err
		}
		d.name, d.fileName = name, base
		return []doc{merge(d, meta)}, nil
	case ".jsonl", ".ndjson":
		return parseJSONL(name, b, meta)
	}
	return nil, casebook.Errorf(casebook.EINVALID, "unsupported file type %q (want .txt, .md, .html, .pdf or .jsonl)", ext)
}

// merge lets the caller's metadata win over the file's.
func merge(d doc, m Meta) doc {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&d.meta.Title, m.Title)
	set(&d.meta.Outlet, m.Outlet)
	set(&d.meta.URL, m.URL)
	set(&d.meta.Author, m.Author)
	set(&d.meta.Published, m.Published)
	set(&d.meta.Language, m.Language)
	if m.SourceID != 0 {
		d.meta.SourceID = m.SourceID
	}
	if d.meta.Title == "" {
		d.meta.Title = firstLine(d.text, false)
	}
	return d
}

// checkText refuses what is not a text report: binary data, invalid UTF-8,
// nothing but white space.
func checkText(b []byte) error {
	switch {
	case bytes.IndexByte(b, 0) >= 0:
		return casebook.Errorf(casebook.EINVALID, "contains NUL bytes: a binary file, not text")
	case !utf8.Valid(b):
		return casebook.Errorf(casebook.EINVALID, "is not valid UTF-8 text")
	case len(bytes.TrimSpace(b)) == 0:
		return casebook.Errorf(casebook.EINVALID, "is empty")
	}
	return nil
}

// parseText reads a plain text or Markdown report: the whole file is the
// text, its first line the title.
func parseText(b []byte, markdown bool) (doc, error) {
	b = trimBOM(b)
	if err := checkText(b); err != nil {
		return doc{}, err
	}
	media := "text/plain; charset=utf-8"
	if markdown {
		media = "text/markdown; charset=utf-8"
	}
	text := string(b)
	return doc{original: b, media: media, text: text, meta: Meta{Title: firstLine(text, markdown)}}, nil
}

// firstLine returns the first non-blank line, without Markdown heading marks,
// cut to 200 characters.
func firstLine(text string, markdown bool) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if markdown {
			line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > 200 {
			line = string([]rune(line)[:199]) + "…"
		}
		return line
	}
	return ""
}

// pdfTimeout bounds one pdftotext run, so a hostile PDF cannot hang ingest.
const pdfTimeout = 2 * time.Minute

// parsePDF reads a PDF's text layer with poppler's pdftotext.
func parsePDF(ctx context.Context, b []byte) (doc, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return doc{}, casebook.Errorf(casebook.EINVALID, "is not a PDF file")
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return doc{}, casebook.Errorf(casebook.EUNAVAILABLE, "reading PDF needs pdftotext (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-q", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return doc{}, casebook.Errorf(casebook.EINVALID, "pdftotext could not read it: %s", msg)
	}
	// pdftotext ends pages with form feeds; a page break is a paragraph break.
	text := strings.ReplaceAll(out.String(), "\f", "\n\n")
	text = strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
	if text == "" {
		return doc{}, casebook.Errorf(casebook.EINVALID, "the PDF has no text layer (a scan? run OCR first)")
	}
	return doc{original: b, media: "application/pdf", text: text}, nil
}

// jsonLine is one line of a JSONL file: the extract contract's fields
// (../shared/eval/README.md) plus optional metadata.
type jsonLine struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
}

// ParseJSONLine parses one JSONL line into a report document. The line's
// bytes are the report's original: its identity.
func ParseJSONLine(line []byte) (title, text string, meta Meta, err error) {
	if !utf8.Valid(line) {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "line is not valid UTF-8")
	}
	var l jsonLine
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&l); err != nil {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "line is not a JSON object with string fields id, published, language, text: %v", err)
	}
	if dec.More() {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "line holds more than one JSON value")
	}
	if strings.TrimSpace(l.Text) == "" {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "text is empty")
	}
	if strings.IndexByte(l.Text, 0) >= 0 || strings.IndexByte(l.Title, 0) >= 0 {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "text contains NUL characters")
	}
	pub, err := normDate(l.Published)
	if err != nil {
		return "", "", meta, err
	}
	lang := strings.ToLower(strings.TrimSpace(l.Language))
	if lang != "" && lang != "en" && lang != "ko" {
		return "", "", meta, casebook.Errorf(casebook.EINVALID, "language %q is not en or ko", l.Language)
	}
	meta = Meta{Title: strings.TrimSpace(l.Title), URL: l.URL, Outlet: l.Outlet, Author: l.Author, Published: pub, Language: lang}
	if meta.Title == "" {
		meta.Title = firstLine(l.Text, false)
	}
	return l.ID, l.Text, meta, nil
}

// normDate turns a date or timestamp into YYYY-MM-DD; "" stays "".
func normDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z0700", "2006/01/02", "2006.01.02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", casebook.Errorf(casebook.EINVALID, "published %q is not a date (want YYYY-MM-DD)", s)
}

// maxLine bounds one JSONL line (one report).
const maxLine = 16 << 20

// parseJSONL splits a JSONL file into one document per non-blank line; a bad
// line becomes a document carrying its error.
func parseJSONL(name string, b []byte, meta Meta) ([]doc, error) {
	b = trimBOM(b)
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, casebook.Errorf(casebook.EINVALID, "is empty")
	}
	var docs []doc
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		lineName := fmt.Sprintf("%s:%d", name, n)
		id, text, m, err := ParseJSONLine(line)
		if err != nil {
			docs = append(docs, doc{name: lineName, err: err})
			continue
		}
		if id != "" {
			lineName += " (" + id + ")"
		}
		orig := append([]byte(nil), line...)
		d := doc{name: lineName, original: orig, media: "application/json", fileName: filepath.Base(name), text: text, meta: m}
		docs = append(docs, merge(d, meta))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, casebook.Errorf(casebook.ETOOLARGE, "line %d is longer than %d MB", n+1, maxLine>>20)
		}
		return nil, err
	}
	return docs, nil
}
