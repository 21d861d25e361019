package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract"
)

// maxLine bounds one JSONL input line; a longer line gets an error line and is
// skipped without being held in memory.
const maxLine = 16 << 20

func runExtract(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	jsonl := fs.Bool("jsonl", false, "read JSONL reports on stdin, write one JSON result per line (see README)")
	asJSON := fs.Bool("json", false, "print each file's facts as JSON")
	published := fs.String("published", "", "publication date of the files, YYYY-MM-DD (resolves relative dates)")
	lang := fs.String("lang", "", "language of the files: en, ko (default: detect)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook extract [--json] [--published DATE] [--lang en|ko] FILE...\n       casebook extract --jsonl < reports.jsonl > facts.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *jsonl {
		widenPipe(env.stdin)
		widenPipe(env.stdout)
		return extractJSONL(ctx, env.stdin, env.stdout)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var pub time.Time
	if *published != "" {
		t, err := parsePublished(*published)
		if err != nil {
			return err
		}
		pub = t
	}
	var failed int
	for _, name := range fs.Args() {
		if err := extractFile(env, name, pub, *lang, *asJSON); err != nil {
			fmt.Fprintf(env.stderr, "casebook extract: %v\n", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, fs.NArg())
	}
	return nil
}

func parsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, casebook.Errorf(casebook.EINVALID, "published %q is not a date (want YYYY-MM-DD)", s)
}

// checkText refuses text the extractor cannot honestly answer for.
func checkText(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return casebook.Errorf(casebook.EINVALID, "text is empty")
	case !utf8.ValidString(text):
		return casebook.Errorf(casebook.EINVALID, "text is not valid UTF-8")
	case strings.IndexByte(text, 0) >= 0:
		return casebook.Errorf(casebook.EINVALID, "text contains NUL bytes (a binary file?)")
	}
	return nil
}

// checkDecodedText is checkText for text decoded from a valid UTF-8 JSON
// line: both decoders keep it valid UTF-8 (escapes become valid runes,
// encoding/json turns bad ones into U+FFFD), so that scan is left out.
func checkDecodedText(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return casebook.Errorf(casebook.EINVALID, "text is empty")
	case strings.IndexByte(text, 0) >= 0:
		return casebook.Errorf(casebook.EINVALID, "text contains NUL bytes (a binary file?)")
	}
	return nil
}

func extractFile(env *cmdEnv, name string, pub time.Time, lang string, asJSON bool) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	text := string(b)
	if err := checkText(text); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	facts := extract.Extract(extract.Input{Text: text, Published: pub, Language: lang})
	if asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			File string `json:"file"`
			casebook.Facts
		}{name, nonNil(facts)})
	}
	printFacts(env.stdout, name, text, facts)
	return nil
}

// printFacts writes a report's facts for a person: events with their evidence
// quoted, then places, agencies and sums.
func printFacts(w io.Writer, name, text string, f casebook.Facts) {
	fmt.Fprintf(w, "== %s\n", name)
	fmt.Fprintf(w, "\nEvents (%d)\n", len(f.Events))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  TYPE\tDATE\tPLACE\tAGENCY\tTARGET\tAMOUNT\tEVIDENCE")
	for _, e := range f.Events {
		date, place, amount := "", "", ""
		if e.Date != nil {
			date = e.Date.From
			if e.Date.To != e.Date.From {
				date += ".." + e.Date.To
			}
		}
		if e.Place != nil {
			place = e.Place.Name
		}
		if e.Amount != nil {
			amount = formatAmount(e.Amount.Amount, e.Amount.Max, e.Amount.Currency, e.Amount.USD)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t“%s”\n", e.Type, dash(date), dash(place), dash(e.Agency), dash(e.Target), dash(amount), quote(text, e.Span, 90))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nPlaces (%d)\n", len(f.Places))
	for _, p := range f.Places {
		fmt.Fprintf(w, "  %-20s %-14s %-16s %.3f, %.3f  ×%d\n", p.Name, p.Kind, dash(p.Province), p.Lat, p.Lon, len(p.Spans))
	}
	fmt.Fprintf(w, "\nAgencies (%d)\n", len(f.Agencies))
	for _, a := range f.Agencies {
		fmt.Fprintf(w, "  %-12s %s  ×%d\n", a.ID, a.Name, len(a.Spans))
	}
	fmt.Fprintf(w, "\nMoney (%d)\n", len(f.Money))
	for _, m := range f.Money {
		fmt.Fprintf(w, "  %-28s %-13s “%s”\n", formatAmount(m.Amount, m.Max, m.Currency, m.USD), m.Role, quote(text, m.Span, 60))
	}
	fmt.Fprintln(w)
}

func formatAmount(amount, maxAmount float64, currency string, usd float64) string {
	s := fmt.Sprintf("%s %s", trimFloat(amount), currency)
	if maxAmount > amount {
		s = fmt.Sprintf("%s–%s %s", trimFloat(amount), trimFloat(maxAmount), currency)
	}
	if usd > 0 && currency != "USD" {
		s += fmt.Sprintf(" (≈$%s)", trimFloat(usd))
	}
	return s
}

func trimFloat(f float64) string {
	if f == float64(int64(f)) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.2f", f)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// quote returns the span's text on one line, shortened to at most n runes.
func quote(text string, s casebook.Span, n int) string {
	if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
		return "?"
	}
	q := strings.Join(strings.Fields(text[s[0]:s[1]]), " ")
	if utf8.RuneCountInString(q) > n {
		r := []rune(q)
		q = string(r[:n-1]) + "…"
	}
	return q
}

func nonNil(f casebook.Facts) casebook.Facts {
	if f.Places == nil {
		f.Places = []casebook.Place{}
	}
	if f.Agencies == nil {
		f.Agencies = []casebook.Agency{}
	}
	if f.Money == nil {
		f.Money = []casebook.Money{}
	}
	if f.Events == nil {
		f.Events = []casebook.Event{}
	}
	return f
}

// jsonlIn is one input line of the extract contract (../shared/eval/README.md).
type jsonlIn struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
}

type jsonlOut struct {
	ID    string `json:"id"`
	Error string `json:"error,omitempty"`
	*casebook.Facts
}

// Lines read ahead of the one being written: up to maxAhead of them, and up
// to aheadBytes of input (a longer line goes alone). A shallow queue starved
// the workers: they idled until the reader, which shares their cores, was
// scheduled again (through score.go: 0.73 s -> 0.65 s for the 17 MB batch).
const (
	maxAhead   = 64
	aheadBytes = 2 << 20
)

// extractJSONL streams the contract: one output line per input line, in input
// order, an error line for a bad one. Lines are extracted on every core while
// at most maxAhead lines and aheadBytes of input are in flight, so memory
// stays flat however long the input.
func extractJSONL(ctx context.Context, in io.Reader, out io.Writer) error {
	// Each line's garbage dies with the line and the live heap stays small
	// (about 2 MB), so collecting less often than the default saves CPU. Not
	// much less: every page of fresh heap costs a page fault, about 10 µs on
	// this VM (no collection at all was 20% slower; 400% was 3% slower).
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		buf  *[]byte // the line's buffer, recycled once the line is answered
		line []byte
		size int   // of the line, held against the read-ahead budget
		err  error // a line that could not even be read whole
		done chan []byte
	}
	jobs := make(chan *job, maxAhead)
	order := make(chan *job, maxAhead)
	var ahead byteBudget
	ahead.init(aheadBytes)

	for range workers {
		go func() {
			for j := range jobs {
				res := processLine(j.line, j.err)
				// The answer holds no byte of the line (strings are copied
				// out of it), so its buffer serves another line.
				if cap(j.line) <= 1<<20 {
					*j.buf = j.line[:0]
					lineBufs.Put(j.buf)
				}
				j.done <- res
			}
		}()
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		r := bufio.NewReaderSize(in, 1<<20)
		for {
			if ctx.Err() != nil {
				readErr <- ctx.Err()
				return
			}
			buf := lineBufs.Get().(*[]byte)
			line, err := readLine(r, (*buf)[:0])
			if err == io.EOF && len(line) == 0 {
				readErr <- nil
				return
			}
			var lineErr error
			if errors.Is(err, errLineTooLong) {
				lineErr = err
			} else if err != nil && err != io.EOF {
				readErr <- err
				return
			}
			ahead.acquire(len(line))
			j := &job{buf: buf, line: line, size: len(line), err: lineErr, done: make(chan []byte, 1)}
			order <- j
			jobs <- j
			if err == io.EOF {
				readErr <- nil
				return
			}
		}
	}()

	w := bufio.NewWriterSize(out, 1<<16)
	var writeErr error
	for j := range order {
		res := <-j.done
		ahead.release(j.size)
		if writeErr == nil {
			_, writeErr = w.Write(res)
			if cap(res) <= 1<<20 { // a huge line's buffer is not kept
				outBufs.Put(&res)
			}
			// Flush when nothing else is ready, so a caller feeding one line at a
			// time gets its answer at once.
			if writeErr == nil && len(order) == 0 {
				writeErr = w.Flush()
			}
		}
	}
	if writeErr == nil {
		writeErr = w.Flush()
	}
	if err := <-readErr; err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	if writeErr != nil {
		return fmt.Errorf("write output: %w", writeErr)
	}
	return nil
}

// byteBudget bounds the bytes held by lines in flight. One line may always
// be taken, however long, when none is held.
type byteBudget struct {
	mu         sync.Mutex
	freed      sync.Cond
	held, most int
}

func (b *byteBudget) init(most int) {
	b.most = most
	b.freed.L = &b.mu
}

// acquire waits until n more bytes fit, then holds them.
func (b *byteBudget) acquire(n int) {
	b.mu.Lock()
	for b.held > 0 && b.held+n > b.most {
		b.freed.Wait()
	}
	b.held += n
	b.mu.Unlock()
}

func (b *byteBudget) release(n int) {
	b.mu.Lock()
	b.held -= n
	b.mu.Unlock()
	b.freed.Signal()
}

var errLineTooLong = fmt.Errorf("line longer than %d MB", maxLine>>20)

// lineBufs recycles input lines, as outBufs does output lines.
var lineBufs = sync.Pool{New: func() any { return new([]byte) }}

// readLine reads one line without its newline into buf. A line over maxLine
// is drained and reported as errLineTooLong.
func readLine(r *bufio.Reader, buf []byte) ([]byte, error) {
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLine {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			if err == nil {
				err = errLineTooLong
			} else if err == io.EOF {
				err = errLineTooLong
			}
			return nil, err
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// processLine turns one input line into one output line (with its newline).
// It never panics: a panic in extraction becomes the line's error.
func processLine(line []byte, readErr error) (res []byte) {
	var id string
	defer func() {
		if p := recover(); p != nil {
			res = encodeOut(jsonlOut{ID: id, Error: fmt.Sprintf("internal error while extracting: %v", p)})
		}
	}()
	if readErr != nil {
		return encodeOut(jsonlOut{Error: readErr.Error()})
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return encodeOut(jsonlOut{Error: "empty line"})
	}
	if !utf8.Valid(line) {
		id = salvageID(line)
		return encodeOut(jsonlOut{ID: id, Error: "line is not valid UTF-8"})
	}
	in, ok := decodeIn(line)
	if !ok {
		in = jsonlIn{}
		if err := json.Unmarshal(line, &in); err != nil {
			id = salvageID(line)
			return encodeOut(jsonlOut{ID: id, Error: "line is not a JSON object with string fields id, published, language, text: " + err.Error()})
		}
	}
	id = in.ID
	if err := checkDecodedText(in.Text); err != nil {
		return encodeOut(jsonlOut{ID: id, Error: err.Error()})
	}
	var pub time.Time
	if in.Published != "" {
		t, err := parsePublished(in.Published)
		if err != nil {
			return encodeOut(jsonlOut{ID: id, Error: err.Error()})
		}
		pub = t
	}
	lang := strings.ToLower(strings.TrimSpace(in.Language))
	facts := extract.Extract(extract.Input{Text: in.Text, Published: pub, Language: lang})
	buf := (*outBufs.Get().(*[]byte))[:0]
	if b, ok := appendResult(buf, id, &facts); ok {
		return b
	}
	facts = nonNil(facts)
	return encodeOut(jsonlOut{ID: id, Facts: &facts})
}

// salvageID recovers the id of a line that does not decode, when it can, so
// the caller can tell which report failed.
func salvageID(line []byte) string {
	var probe struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(bytes.ToValidUTF8(line, []byte("\uFFFD")), &probe) == nil {
		return probe.ID
	}
	return ""
}

// outBufs recycles output lines: the writer hands each back once written,
// so a long batch does not grow a fresh buffer per line.
var outBufs = sync.Pool{New: func() any { return new([]byte) }}

func encodeOut(o jsonlOut) []byte {
	b := bytes.NewBuffer((*outBufs.Get().(*[]byte))[:0])
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		b.Reset()
		fmt.Fprintf(b, "{\"id\":%q,\"error\":\"cannot encode result\"}\n", o.ID)
	}
	return b.Bytes()
}

// decodeIn parses the common shape of an input line — one flat object of
// string fields id, published, language, text — about three times faster
// than encoding/json, which throughput on large batches depends on. Any
// other shape (another key, a non-string value, bad syntax) returns false
// and the line goes through encoding/json, which also words the error.
// The line must be valid UTF-8 (processLine checks that first).
func decodeIn(line []byte) (in jsonlIn, ok bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return in, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return in, skipSpace(line, i+1) == len(line)
	}
	for {
		key, j, ok := jsonString(line, i)
		if !ok {
			return in, false
		}
		j = skipSpace(line, j)
		if j >= len(line) || line[j] != ':' {
			return in, false
		}
		val, k, ok := jsonString(line, skipSpace(line, j+1))
		if !ok {
			return in, false
		}
		switch key {
		case "id":
			in.ID = val
		case "published":
			in.Published = val
		case "language":
			in.Language = val
		case "text":
			in.Text = val
		default:
			return in, false
		}
		k = skipSpace(line, k)
		if k >= len(line) {
			return in, false
		}
		switch line[k] {
		case ',':
			i = skipSpace(line, k+1)
		case '}':
			return in, skipSpace(line, k+1) == len(line)
		default:
			return in, false
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// plainRun returns the end of the run of bytes from i that a JSON string
// holds as they are: not '"', '\\' nor a control byte. It tests eight bytes
// at a time (a report's text is most of each line), then byte by byte.
func plainRun(b []byte, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	rest := b[i:] // resliced as it goes, which spares the bounds checks
	for len(rest) >= 8 {
		x := binary.LittleEndian.Uint64(rest)
		q, bs := x^('"'*ones), x^('\\'*ones)
		// Some byte is zero in q or bs, or below 0x20 in x: the run ends in
		// these eight (the tests never miss one, and may only over-report).
		if ((q-ones)&^q|(bs-ones)&^bs|(x-0x20*ones)&^x)&high != 0 {
			break
		}
		rest = rest[8:]
	}
	i = len(b) - len(rest)
	for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
		i++
	}
	return i
}

// jsonString reads the JSON string at b[i:], returning its value and the
// index after it. Escapes other than the simple ones and \u of the Basic
// Multilingual Plane (outside surrogates) make it give up.
func jsonString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", i, false
	}
	i++
	start := i
	i = plainRun(b, i)
	if i < len(b) && b[i] == '"' {
		return string(b[start:i]), i + 1, true
	}
	// Escapes only shrink: the rest of the line bounds the value, so the
	// builder never grows again (a report's text has an escape per line).
	var sb strings.Builder
	sb.Grow(len(b) - start)
	sb.Write(b[start:i])
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return sb.String(), i + 1, true
		case c < 0x20:
			return "", i, false
		case c != '\\':
			j := plainRun(b, i+1)
			sb.Write(b[i:j])
			i = j
			continue
		}
		if i+1 >= len(b) {
			return "", i, false
		}
		switch b[i+1] {
		case '"', '\\', '/':
			sb.WriteByte(b[i+1])
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'u':
			if i+6 > len(b) {
				return "", i, false
			}
			var r rune
			for _, h := range b[i+2 : i+6] {
				switch {
				case h >= '0' && h <= '9':
					r = r<<4 | rune(h-'0')
				case h >= 'a' && h <= 'f':
					r = r<<4 | rune(h-'a'+10)
				case h >= 'A' && h <= 'F':
					r = r<<4 | rune(h-'A'+10)
				default:
					return "", i, false
				}
			}
			if r >= 0xD800 && r <= 0xDFFF {
				return "", i, false // surrogate pairs: leave them to encoding/json
			}
			sb.WriteRune(r)
			i += 6
			continue
		default:
			return "", i, false
		}
		i += 2
	}
	return "", i, false
}
