package auth

import (
	"strings"
	"testing"
)

func TestHashPassword(t *testing.T) {
	const pw = "correct horse battery staple"
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Errorf("hash %q is not an argon2id PHC string with the current parameters", h)
	}
	if strings.Contains(h, pw) {
		t.Error("hash contains the password")
	}
	h2, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if h == h2 {
		t.Error("two hashes of one password are equal: salt is not random")
	}
	tests := []struct {
		name string
		hash string
		pw   string
		want bool
	}{
		{"right", h, pw, true},
		{"right, other salt", h2, pw, true},
		{"wrong", h, "correct horse battery stapler", false},
		{"case", h, strings.ToUpper(pw), false},
		{"empty", h, "", false},
		{"prefix", h, pw[:len(pw)-1], false},
		{"empty hash", "", pw, false},
		{"garbage hash", "$argon2id$v=19$m=65536,t=2,p=2$xx$yy", pw, false},
		{"bcrypt hash", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", pw, false},
		{"huge memory refused", strings.Replace(h, "m=65536", "m=4194304", 1), pw, false},
		{"edited hash", h[:len(h)-2] + "AA", pw, false},
		{"dummy", DummyHash(), pw, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckPassword(tt.hash, tt.pw); got != tt.want {
				t.Errorf("CheckPassword = %v, want %v", got, tt.want)
			}
		})
	}
	if NeedsRehash(h) {
		t.Error("a fresh hash needs rehash")
	}
	if !NeedsRehash(strings.Replace(h, "t=2", "t=1", 1)) {
		t.Error("a t=1 hash does not need rehash")
	}
}

// TestDummyHashCostsTheSame checks that an unknown user's login (checked
// against DummyHash) costs what a known user's does: the dummy hash has the
// same argon2 parameters and key length, so timing does not tell which names
// exist. (Parameters, not a stopwatch: wall time on a shared CI machine is
// too noisy to assert on.)
func TestDummyHashCostsTheSame(t *testing.T) {
	h, err := HashPassword("some password here")
	if err != nil {
		t.Fatal(err)
	}
	real, err := parsePHC(h)
	if err != nil {
		t.Fatal(err)
	}
	dummy, err := parsePHC(DummyHash())
	if err != nil {
		t.Fatalf("dummy hash does not parse: %v", err)
	}
	if dummy.memory != real.memory || dummy.time != real.time || dummy.threads != real.threads || len(dummy.key) != len(real.key) {
		t.Errorf("dummy hash parameters %+v differ from a real hash's %+v", dummy, real)
	}
	if CheckPassword(DummyHash(), "") || CheckPassword(DummyHash(), "casebook") {
		t.Error("the dummy hash matches a guessable password")
	}
}

func TestCheckPasswordPolicy(t *testing.T) {
	tests := []struct {
		pw string
		ok bool
	}{
		{"", false},
		{"short", false},
		{"elevenchars", false},
		{"twelve chars", true},
		{"            ", false},
		{"비밀번호는열두글자입니다요", true}, // 13 Hangul characters, 39 bytes
		{"비밀번호열한글자다", false},    // 9 characters though 27 bytes
		{strings.Repeat("x", MaxPasswordLength), true},
		{strings.Repeat("x", MaxPasswordLength+1), false},
		{"invalid \xff utf-8 here", false},
	}
	for _, tt := range tests {
		err := CheckPasswordPolicy(tt.pw)
		if (err == nil) != tt.ok {
			t.Errorf("CheckPasswordPolicy(%q) = %v, want ok=%v", tt.pw, err, tt.ok)
		}
	}
}

func TestToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok, err := NewToken()
		if err != nil {
			t.Fatal(err)
		}
		if len(tok) < 43 {
			t.Fatalf("token %q is shorter than 32 bytes of base64", tok)
		}
		if seen[tok] {
			t.Fatal("token repeated")
		}
		seen[tok] = true
		h := TokenHash(tok)
		if len(h) != 64 || strings.Contains(h, tok) || h != TokenHash(tok) {
			t.Fatalf("TokenHash(%q) = %q", tok, h)
		}
	}
	if TokenHash("a") == TokenHash("b") {
		t.Error("different tokens hash alike")
	}
}

// FuzzParsePHC: no hash string makes parsing panic or pass parameters that
// would let a planted hash exhaust the server.
func FuzzParsePHC(f *testing.F) {
	f.Add("$argon2id$v=19$m=65536,t=2,p=2$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo")
	f.Add("$argon2id$v=19$m=4294967295,t=1,p=1$AA$AA")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePHC(s)
		if err != nil {
			return
		}
		if p.memory > 256*1024 || p.time > 10 || p.threads > 16 || p.threads < 1 || len(p.key) > 64 {
			t.Fatalf("accepted costly parameters %+v from %q", p, s)
		}
	})
}

func BenchmarkCheckPassword(b *testing.B) {
	h, err := HashPassword("benchmark password 1")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		CheckPassword(h, "benchmark password 2")
	}
}
