package audit

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"casebook"
)

// memStore is an in-memory audit log with the store's linking rule; the
// rest of casebook.Store is left nil.
type memStore struct {
	casebook.Store
	log []casebook.AuditEntry
}

func (m *memStore) AppendAudit(ctx context.Context, e *casebook.AuditEntry) error {
	e.Seq, e.PrevHash = 1, ""
	if n := len(m.log); n > 0 {
		e.Seq, e.PrevHash = m.log[n-1].Seq+1, m.log[n-1].Hash
	}
	e.Hash = e.ChainHash()
	m.log = append(m.log, *e)
	return nil
}

func (m *memStore) FindAudit(ctx context.Context, afterSeq int64, limit int) ([]casebook.AuditEntry, error) {
	var out []casebook.AuditEntry
	for _, e := range m.log {
		if e.Seq > afterSeq && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func chain(t *testing.T, n int) *memStore {
	t.Helper()
	m := &memStore{}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		if err := RecordAt(context.Background(), m, at.Add(time.Duration(i)*time.Minute), "kim", ActionReview, Object("fact", i+1), "confirmed"); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestVerify(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		n      int
		tamper func(m *memStore)
		want   []Problem // Seq and Kind only
		// first: only the first problem is checked (later links break too)
		first bool
	}{
		{"intact", 7, func(m *memStore) {}, nil, false},
		{"empty", 0, func(m *memStore) {}, nil, false},
		{"edited detail", 7, func(m *memStore) { m.log[2].Detail = "rejected" }, []Problem{{Seq: 3, Kind: Edited}}, false},
		{"edited actor", 7, func(m *memStore) { m.log[4].Actor = "lee" }, []Problem{{Seq: 5, Kind: Edited}}, false},
		{"edited time", 7, func(m *memStore) { m.log[0].At = m.log[0].At.Add(time.Second) }, []Problem{{Seq: 1, Kind: Edited}}, false},
		{"edited hash", 7, func(m *memStore) { m.log[6].Hash = strings.Repeat("0", 64) }, []Problem{{Seq: 7, Kind: Edited}}, false},
		{"edited and rehashed", 7, func(m *memStore) {
			m.log[2].Detail = "rejected"
			m.log[2].Hash = m.log[2].ChainHash()
		}, []Problem{{Seq: 3, Kind: Relinked}}, false},
		{"removed middle", 7, func(m *memStore) { m.log = append(m.log[:3:3], m.log[4:]...) }, []Problem{{Seq: 4, Kind: Removed}}, false},
		{"removed two", 7, func(m *memStore) { m.log = append(m.log[:1:1], m.log[3:]...) }, []Problem{{Seq: 2, Kind: Removed}}, false},
		{"removed first", 7, func(m *memStore) { m.log = m.log[1:] }, []Problem{{Seq: 1, Kind: Removed}}, false},
		{"removed and renumbered", 7, func(m *memStore) {
			m.log = append(m.log[:3:3], m.log[4:]...)
			for i := 3; i < len(m.log); i++ {
				m.log[i].Seq--
				m.log[i].Hash = m.log[i].ChainHash()
			}
		}, []Problem{{Seq: 3, Kind: Relinked}}, true},
		{"reordered", 7, func(m *memStore) {
			m.log[3].Seq, m.log[4].Seq = m.log[4].Seq, m.log[3].Seq
			m.log[3], m.log[4] = m.log[4], m.log[3]
		}, []Problem{{Seq: 4, Kind: Reordered}, {Seq: 5, Kind: Reordered}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := chain(t, tt.n)
			tt.tamper(m)
			r, err := Verify(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			var got []Problem
			for _, p := range r.Problems {
				if p.Message == "" || !strings.Contains(p.Message, fmt.Sprint(p.Seq)) {
					t.Errorf("problem %+v does not name its entry", p)
				}
				got = append(got, Problem{Seq: p.Seq, Kind: p.Kind})
			}
			if tt.first && len(got) > 1 {
				got = got[:1]
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("problems = %v, want %v\n%+v", got, tt.want, r.Problems)
			}
			if r.OK() != (len(tt.want) == 0) {
				t.Errorf("OK = %v with problems %v", r.OK(), got)
			}
			if r.Entries != len(m.log) {
				t.Errorf("Entries = %d, want %d", r.Entries, len(m.log))
			}
		})
	}
}

func TestVerifyPages(t *testing.T) {
	m := chain(t, pageSize*2+5)
	m.log[pageSize+1].Object = "fact:999999"
	r, err := Verify(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if r.Entries != pageSize*2+5 || len(r.Problems) != 1 || r.Problems[0].Seq != pageSize+2 {
		t.Errorf("across pages: %d entries, problems %+v", r.Entries, r.Problems)
	}
	if r.LastSeq != int64(pageSize*2+5) || r.LastHash != m.log[len(m.log)-1].Hash {
		t.Errorf("head = %d %s", r.LastSeq, r.LastHash)
	}
}

func TestCheckHead(t *testing.T) {
	ctx := context.Background()
	m := chain(t, 5)
	head := m.log[4]
	if err := CheckHead(ctx, m, head.Seq, head.Hash); err != nil {
		t.Fatalf("intact: %v", err)
	}
	if err := CheckHead(ctx, m, 3, head.Hash); err == nil {
		t.Error("wrong hash accepted")
	}
	// Cut the tail: Verify cannot see it, CheckHead must.
	m.log = m.log[:3]
	if r, _ := Verify(ctx, m); !r.OK() {
		t.Fatalf("Verify on a cut chain: %+v", r.Problems)
	}
	if err := CheckHead(ctx, m, head.Seq, head.Hash); err == nil {
		t.Error("CheckHead missed entries cut from the end")
	}
	// A chain rebuilt from scratch with a forged entry at the same seq.
	m2 := chain(t, 5)
	m2.log[4].Actor = "forger"
	m2.log[4].Hash = m2.log[4].ChainHash()
	if err := CheckHead(ctx, m2, head.Seq, head.Hash); err == nil {
		t.Error("CheckHead missed a rewritten head")
	}
}

func TestRecordCleans(t *testing.T) {
	m := &memStore{}
	long := strings.Repeat("가", 400) // 1200 bytes
	if err := Record(context.Background(), m, "", ActionExport, "events", "line one\nline two\r\x00"+long); err != nil {
		t.Fatal(err)
	}
	e := m.log[0]
	if e.Actor != System {
		t.Errorf("actor = %q, want %q", e.Actor, System)
	}
	if strings.ContainsAny(e.Detail, "\n\r\x00") {
		t.Errorf("detail keeps control characters: %q", e.Detail[:30])
	}
	if len(e.Detail) > maxDetail+len("…") || !strings.HasPrefix(e.Detail, "line one line two") {
		t.Errorf("detail is %d bytes: %q…", len(e.Detail), e.Detail[:20])
	}
	if !strings.HasSuffix(e.Detail, "…") || strings.ContainsRune(e.Detail, '\uFFFD') {
		t.Error("detail cut mid-character or without a mark")
	}
	if err := Record(context.Background(), m, "kim", "", "x", ""); err == nil {
		t.Error("an entry without action was recorded")
	}
	if e.At.IsZero() || e.At.Location() != time.UTC {
		t.Errorf("at = %v, want a UTC time", e.At)
	}
}
