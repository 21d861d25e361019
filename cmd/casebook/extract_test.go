package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

type outLine struct {
	ID     string            `json:"id"`
	Error  string            `json:"error"`
	Events []json.RawMessage `json:"events"`
	Places []json.RawMessage `json:"places"`
}

func runJSONL(t *testing.T, input []byte) []outLine {
	t.Helper()
	var out bytes.Buffer
	if err := extractJSONL(context.Background(), bytes.NewReader(input), &out); err != nil {
		t.Fatalf("extractJSONL: %v", err)
	}
	var lines []outLine
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var o outLine
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("output line %q is not JSON: %v", sc.Text(), err)
		}
		lines = append(lines, o)
	}
	return lines
}

func goodLine(id string) string {
	b, _ := json.Marshal(map[string]string{
		"id": id, "published": "2021-04-20", "language": "en",
		"text": "Police in Hyesan arrested a trader on April 2 and demanded 2,000 yuan.",
	})
	return string(b)
}

// TestExtractJSONLBadInput: every bad line gets its own error line, in
// order, and the line after it still gets its answer.
func TestExtractJSONLBadInput(t *testing.T) {
	huge := `{"id":"huge","text":"` + strings.Repeat("a", 50<<20) + `"}`
	bad := []struct {
		name, line, id string
	}{
		{"invalid utf-8", "{\"id\":\"u\",\"text\":\"caf\xe9 arrested\"}", "u"},
		{"50 MB line", huge, ""},
		{"NUL escape", `{"id":"n","text":"police\u0000arrested"}`, "n"},
		{"raw NUL", "{\"id\":\"r\",\"text\":\"a\x00b\"}", ""},
		{"empty text", `{"id":"e","text":"  "}`, "e"},
		{"array", `[1,2,3]`, ""},
		{"number", `42`, ""},
		{"string", `"just text"`, ""},
		{"truncated", `{"id":"t","text":"police arr`, ""},
		{"bad date", `{"id":"d","published":"yesterday","text":"Police arrested a man."}`, "d"},
		{"wrong type", `{"id":"w","text":17}`, "w"},
		{"empty line", ``, ""},
	}
	var in strings.Builder
	for i, b := range bad {
		in.WriteString(b.line + "\n")
		in.WriteString(goodLine("good"+string(rune('a'+i))) + "\n")
	}
	lines := runJSONL(t, []byte(in.String()))
	if len(lines) != 2*len(bad) {
		t.Fatalf("%d output lines for %d input lines", len(lines), 2*len(bad))
	}
	for i, b := range bad {
		got, next := lines[2*i], lines[2*i+1]
		if got.Error == "" {
			t.Errorf("%s: no error line (got %+v)", b.name, got)
		}
		if got.ID != b.id {
			t.Errorf("%s: error line id %q, want %q", b.name, got.ID, b.id)
		}
		wantID := "good" + string(rune('a'+i))
		if next.ID != wantID || next.Error != "" || len(next.Events) == 0 {
			t.Errorf("after %s: line %+v, want the answer for %s with its events", b.name, next, wantID)
		}
	}
}

func TestExtractJSONLContract(t *testing.T) {
	in := goodLine("r1") + "\n" + `{"id":"r2","published":"","language":"","text":"보위부가 지난달 회령시에서 주민을 체포했다."}` + "\n"
	lines := runJSONL(t, []byte(in))
	if len(lines) != 2 || lines[0].ID != "r1" || lines[1].ID != "r2" {
		t.Fatalf("lines = %+v, want r1 then r2", lines)
	}
	for _, l := range lines {
		if l.Error != "" || len(l.Events) == 0 || len(l.Places) == 0 {
			t.Errorf("%s: %+v, want events and places", l.ID, l)
		}
	}
	// Empty lists are [], never null, so consumers can range over them.
	var out bytes.Buffer
	extractJSONL(context.Background(), strings.NewReader(`{"id":"x","text":"Nothing happened."}`+"\n"), &out)
	for _, key := range []string{`"places":[]`, `"agencies":[]`, `"money":[]`, `"events":[]`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("output %s lacks %s", out.String(), key)
		}
	}
}

// FuzzProcessLine: any bytes in give exactly one JSON object line out.
func FuzzProcessLine(f *testing.F) {
	f.Add([]byte(goodLine("a")))
	f.Add([]byte(`{"id":"k","language":"ko","text":"보위원이 돈을 요구했다."}`))
	f.Add([]byte("{\"id\":\"\xff\"}"))
	f.Add([]byte(`[]`))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, line []byte) {
		out := processLine(line, nil)
		if len(out) == 0 || out[len(out)-1] != '\n' || bytes.Count(out, []byte("\n")) != 1 {
			t.Fatalf("output %q is not exactly one line", out)
		}
		if !utf8.Valid(out) {
			t.Fatalf("output %q is not UTF-8", out)
		}
		var o map[string]any
		if err := json.Unmarshal(out, &o); err != nil {
			t.Fatalf("output %q is not a JSON object: %v", out, err)
		}
		if _, ok := o["id"]; !ok {
			t.Fatalf("output %q has no id", out)
		}
	})
}

// FuzzDecodeIn: the fast line decoder agrees with encoding/json whenever
// it accepts a line.
func FuzzDecodeIn(f *testing.F) {
	f.Add([]byte(goodLine("a")))
	f.Add([]byte(`{"id":"x\u00e9\n\"q\"","text":"a\\b\/c\u0041"}`))
	f.Add([]byte(` { "text" : "t" , "id":"i" } `))
	f.Add([]byte(`{"id":"a","extra":1}`))
	f.Add([]byte(`{"text":"\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) {
			return // processLine refuses such lines before decoding
		}
		fast, ok := decodeIn(line)
		if !ok {
			return
		}
		var slow jsonlIn
		if err := json.Unmarshal(line, &slow); err != nil {
			t.Fatalf("fast path accepted %q, encoding/json refused it: %v", line, err)
		}
		if fast != slow {
			t.Fatalf("%q: fast %+v, encoding/json %+v", line, fast, slow)
		}
	})
}

// TestExtractJSONLAnswersEachLine feeds one line at a time, as an
// interactive caller does, and needs each answer before sending the next:
// output may wait for a line that is already buffered, never for one that
// has not been sent (here: a partial next line).
func TestExtractJSONLAnswersEachLine(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- extractJSONL(context.Background(), inR, outW); outW.Close() }()
	answers := bufio.NewReader(outR)
	for _, send := range []string{
		goodLine("a") + "\n",
		goodLine("b") + "\n" + `{"id":"c",`, // c is not whole yet
		`"text":"Police arrested a man in Hyesan."}` + "\n",
	} {
		if _, err := io.WriteString(inW, send); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() { l, _ := answers.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			if !strings.Contains(l, `"id":`) {
				t.Fatalf("answer %q", l)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer after sending %q", send)
		}
	}
	inW.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestByteBudget checks the read-ahead bound: a line waits while the bytes
// held would pass the budget, and a line longer than the whole budget is
// taken once nothing else is held.
func TestByteBudget(t *testing.T) {
	var b byteBudget
	b.init(10)
	b.acquire(6)
	got := make(chan int, 2)
	go func() { b.acquire(6); got <- 6 }()
	select {
	case <-got:
		t.Fatal("6 more bytes taken while 6 of 10 are held")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(6)
	if n := <-got; n != 6 {
		t.Fatalf("got %d", n)
	}
	b.release(6)
	b.acquire(100) // longer than the budget, nothing held: taken at once
	go func() { b.acquire(1); got <- 1 }()
	select {
	case <-got:
		t.Fatal("a byte taken while a line over the budget is held")
	case <-time.After(50 * time.Millisecond):
	}
	b.release(100)
	<-got
}
