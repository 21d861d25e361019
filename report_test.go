package casebook

import "testing"

func TestReportCheck(t *testing.T) {
	const helloSHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" // sha256("hello")
	tests := []struct {
		name     string
		r        Report
		wantKind string
	}{
		{"sets the hash", Report{Original: []byte("hello"), Text: "hello"}, ""},
		{"matching hash", Report{Original: []byte("hello"), Text: "hello", SHA256: helloSHA}, ""},
		{"hash in capitals", Report{Original: []byte("hello"), Text: "hello", SHA256: "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"}, ""},
		{"wrong hash", Report{Original: []byte("hello"), Text: "hello", SHA256: "00"}, EINVALID},
		{"no original", Report{Text: "hello"}, EINVALID},
		{"invalid UTF-8", Report{Original: []byte("x"), Text: "\xff"}, EINVALID},
		{"NUL in text", Report{Original: []byte("x"), Text: "a\x00b"}, EINVALID},
		{"NUL in title", Report{Original: []byte("x"), Text: "a", Title: "t\x00"}, EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			err := r.Check()
			if got := ErrorKind(err); got != tt.wantKind {
				t.Fatalf("Check() = %v (kind %q), want kind %q", err, got, tt.wantKind)
			}
			if err == nil && (r.SHA256 != helloSHA || r.MediaType != "text/plain") {
				t.Errorf("after Check: SHA256 %q, media type %q", r.SHA256, r.MediaType)
			}
		})
	}
}
