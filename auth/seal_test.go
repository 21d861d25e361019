package auth

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"casebook"
)

func testKey(t *testing.T) []byte {
	t.Helper()
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSealRoundTrip(t *testing.T) {
	s, err := NewSealer(testKey(t))
	if err != nil {
		t.Fatal(err)
	}
	src := casebook.Source{
		ID: 9, Pseudonym: "Magpie-7", Region: "North Hamgyong", Channel: "Chinese phone",
		Reliability: "B", Credibility: 2, Notes: "met in Yanji; 딸이 회령에 산다", Contact: "+86 138 0000 1111",
	}
	sealed, err := s.Seal(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, clear := range []string{src.Pseudonym, src.Region, src.Channel, src.Notes, src.Contact, "Magpie", "1111", "회령"} {
		if bytes.Contains(sealed, []byte(clear)) {
			t.Errorf("sealed record contains %q in clear", clear)
		}
	}
	got, err := s.OpenSource(casebook.SealedSource{ID: 9, Sealed: sealed})
	if err != nil {
		t.Fatal(err)
	}
	if got != src {
		t.Errorf("round trip: got %+v, want %+v", got, src)
	}
	again, err := s.Seal(src)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(again, sealed) {
		t.Error("sealing twice gives the same bytes: nonce is not random")
	}
}

func TestSealTamper(t *testing.T) {
	s, err := NewSealer(testKey(t))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := s.Seal(casebook.Source{Pseudonym: "Crane", Contact: "wechat:crane01"})
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		b := bytes.Clone(sealed)
		b[i] ^= 0x01
		return b
	}
	other, err := NewSealer(testKey(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		sealer *Sealer
		data   []byte
	}{
		{"version byte", s, flip(0)},
		{"nonce", s, flip(3)},
		{"ciphertext", s, flip(len(sealed) / 2)},
		{"tag", s, flip(len(sealed) - 1)},
		{"truncated", s, sealed[:len(sealed)-1]},
		{"short", s, sealed[:10]},
		{"empty", s, nil},
		{"appended", s, append(bytes.Clone(sealed), 0)},
		{"other key", other, sealed},
		{"no key", &Sealer{}, sealed},
		{"nil sealer", nil, sealed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if src, err := tt.sealer.Open(tt.data); err == nil {
				t.Errorf("opened a tampered record: %+v", src)
			}
		})
	}
	if _, err := (&Sealer{}).Seal(casebook.Source{Pseudonym: "x"}); err == nil {
		t.Error("a Sealer without a key sealed")
	}
}

func TestNewSealerKeySize(t *testing.T) {
	for _, n := range []int{0, 16, 24, 31, 33, 64} {
		if _, err := NewSealer(make([]byte, n)); err == nil {
			t.Errorf("NewSealer accepted a %d-byte key", n)
		}
	}
}

func TestCheckSource(t *testing.T) {
	tests := []struct {
		src casebook.Source
		ok  bool
	}{
		{casebook.Source{Pseudonym: "A"}, true},
		{casebook.Source{Pseudonym: "A", Reliability: "F", Credibility: 6}, true},
		{casebook.Source{}, false},
		{casebook.Source{Pseudonym: "A", Reliability: "G"}, false},
		{casebook.Source{Pseudonym: "A", Reliability: "AB"}, false},
		{casebook.Source{Pseudonym: "A", Credibility: 7}, false},
		{casebook.Source{Pseudonym: "A", Credibility: -1}, false},
	}
	for _, tt := range tests {
		if err := CheckSource(tt.src); (err == nil) != tt.ok {
			t.Errorf("CheckSource(%+v) = %v, want ok=%v", tt.src, err, tt.ok)
		}
	}
}

func TestKeyFile(t *testing.T) {
	dir := t.TempDir()
	noenv := func(string) string { return "" }
	if _, err := LoadKey(dir, noenv); casebook.ErrorKind(err) != casebook.ENOTFOUND {
		t.Fatalf("LoadKey with no key = %v, want not_found", err)
	}
	path, created, err := CreateKeyFile(dir)
	if err != nil || !created {
		t.Fatalf("CreateKeyFile = %v, %v", created, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", fi.Mode().Perm())
	}
	key, err := LoadKey(dir, noenv)
	if err != nil || len(key) != KeySize {
		t.Fatalf("LoadKey = %d bytes, %v", len(key), err)
	}
	// Idempotent: a second init keeps the key.
	_, created, err = CreateKeyFile(dir)
	if err != nil || created {
		t.Fatalf("second CreateKeyFile = %v, %v; want kept", created, err)
	}
	key2, err := LoadKey(dir, noenv)
	if err != nil || !bytes.Equal(key, key2) {
		t.Fatal("second CreateKeyFile changed the key")
	}
	// The environment wins over the file.
	envKey := testKey(t)
	got, err := LoadKey(dir, func(k string) string {
		if k == KeyEnv {
			return EncodeKey(envKey)
		}
		return ""
	})
	if err != nil || !bytes.Equal(got, envKey) {
		t.Errorf("LoadKey with %s = %v, want the env key", KeyEnv, err)
	}
	for _, bad := range []string{"not base64!", EncodeKey(make([]byte, 16))} {
		if _, err := LoadKey(dir, func(string) string { return bad }); err == nil {
			t.Errorf("LoadKey accepted env key %q", bad)
		}
	}
}

func TestKeyFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix file modes")
	}
	dir := t.TempDir()
	path, _, err := CreateKeyFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660, 0o666, 0o700 | 0o044} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := LoadKey(dir, nil)
		if err == nil {
			t.Errorf("LoadKey accepted a key file with mode %04o", mode)
		} else if !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("mode %04o: error %q does not say how to fix it", mode, err)
		}
		// init must not paper over it either.
		if _, _, err := CreateKeyFile(dir); err == nil {
			t.Errorf("CreateKeyFile accepted an existing key file with mode %04o", mode)
		}
	}
	for _, mode := range []os.FileMode{0o600, 0o400} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadKey(dir, nil); err != nil {
			t.Errorf("mode %04o refused: %v", mode, err)
		}
	}
	// A key file that is a directory or garbage is refused.
	dir2 := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir2, KeyFile), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKey(dir2, nil); err == nil {
		t.Error("LoadKey accepted a directory")
	}
	dir3 := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir3, KeyFile), []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKey(dir3, nil); err == nil {
		t.Error("LoadKey accepted a garbage key")
	}
}

// FuzzOpen: no input makes Open panic, and only well-formed sealed records
// (version byte, nonce, tag) can open at all.
func FuzzOpen(f *testing.F) {
	s, err := NewSealer(bytes.Repeat([]byte{7}, KeySize))
	if err != nil {
		f.Fatal(err)
	}
	good, err := s.Seal(casebook.Source{Pseudonym: "Finch"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{1})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := s.Open(b); err == nil && (len(b) < 1+12+16 || b[0] != sealVersion) {
			t.Fatalf("opened a malformed record %x", b)
		}
	})
}
