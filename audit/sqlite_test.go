package audit_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"casebook/audit"
	"casebook/sqlite"
)

// TestVerifySQLiteTampering writes a real audit log, edits the SQLite file
// directly the way an intruder with the file would, and checks that Verify
// names the entry.
func TestVerifySQLiteTampering(t *testing.T) {
	tests := []struct {
		name     string
		sql      []string
		wantSeq  int64
		wantKind string
	}{
		{"edited", []string{`UPDATE audit SET detail = 'role=viewer' WHERE seq = 3`}, 3, audit.Edited},
		{"edited actor", []string{`UPDATE audit SET actor = 'nobody' WHERE seq = 5`}, 5, audit.Edited},
		{"removed", []string{`DELETE FROM audit WHERE seq = 4`}, 4, audit.Removed},
		{"reordered", []string{
			`UPDATE audit SET seq = -1 WHERE seq = 2`,
			`UPDATE audit SET seq = 2 WHERE seq = 3`,
			`UPDATE audit SET seq = 3 WHERE seq = -1`,
		}, 2, audit.Reordered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "casebook.db")
			st, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
			for i, a := range []string{audit.ActionInit, audit.ActionUserAdd, audit.ActionUserAdd, audit.ActionLogin, audit.ActionReview, audit.ActionExport} {
				if err := audit.RecordAt(ctx, st, at.Add(time.Duration(i)*time.Second), "admin", a, audit.Object("x", i), "role=analyst"); err != nil {
					t.Fatal(err)
				}
			}
			r, err := audit.Verify(ctx, st)
			if err != nil || !r.OK() || r.Entries != 6 {
				t.Fatalf("before tampering: %+v, %v", r, err)
			}
			st.Close()

			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range tt.sql {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			db.Close()

			st, err = sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			r, err = audit.Verify(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() {
				t.Fatal("Verify found nothing wrong")
			}
			if p := r.Problems[0]; p.Seq != tt.wantSeq || p.Kind != tt.wantKind {
				t.Errorf("first problem = %+v, want seq %d %s", p, tt.wantSeq, tt.wantKind)
			}
		})
	}
}
