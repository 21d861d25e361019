package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"casebook"
)

// Argon2id parameters: 64 MiB and two passes cost about a quarter second on
// the 2-core servers casebook targets, which is slow for a guesser and still
// fine for a person logging in. Parallelism 2 matches the cores.
const (
	argonTime    = 2
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password policy.
const (
	MinPasswordLength = 12  // characters, not bytes: Korean passphrases count fairly
	MaxPasswordLength = 256 // bounds hashing work per attempt
)

// CheckPasswordPolicy returns an EINVALID error when pw is too short, too long
// or not text.
func CheckPasswordPolicy(pw string) error {
	if !utf8.ValidString(pw) {
		return casebook.Errorf(casebook.EINVALID, "password is not valid UTF-8")
	}
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLength {
		return casebook.Errorf(casebook.EINVALID, "password must have at least %d characters", MinPasswordLength)
	}
	if n > MaxPasswordLength {
		return casebook.Errorf(casebook.EINVALID, "password must have at most %d characters", MaxPasswordLength)
	}
	if strings.TrimSpace(pw) == "" {
		return casebook.Errorf(casebook.EINVALID, "password is blank")
	}
	return nil
}

// HashPassword returns an argon2id PHC string for pw:
// $argon2id$v=19$m=65536,t=2,p=2$<salt>$<hash>, base64 without padding.
func HashPassword(pw string) (string, error) {
	if len(pw) > MaxPasswordLength*4 {
		return "", casebook.Errorf(casebook.EINVALID, "password is too long")
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// phc is a parsed argon2id PHC string.
type phc struct {
	memory  uint32
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// parsePHC reads an argon2id PHC string, refusing parameters that would let a
// planted hash make a login burn the server (memory above 256 MiB, and so on).
func parsePHC(s string) (phc, error) {
	var p phc
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, fmt.Errorf("not an argon2id PHC string")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, fmt.Errorf("unsupported argon2 version %q", parts[2])
	}
	var threads uint32
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &threads); err != nil {
		return p, fmt.Errorf("bad argon2 parameters %q", parts[3])
	}
	if p.memory < 8*1024 || p.memory > 256*1024 || p.time < 1 || p.time > 10 || threads < 1 || threads > 16 {
		return p, fmt.Errorf("argon2 parameters out of range %q", parts[3])
	}
	p.threads = uint8(threads)
	b64 := base64.RawStdEncoding
	var err error
	if p.salt, err = b64.DecodeString(parts[4]); err != nil || len(p.salt) < 8 {
		return p, fmt.Errorf("bad argon2 salt")
	}
	if p.key, err = b64.DecodeString(parts[5]); err != nil || len(p.key) < 16 || len(p.key) > 64 {
		return p, fmt.Errorf("bad argon2 hash")
	}
	return p, nil
}

// dummyHash is checked against when a user does not exist, so that a login
// for an unknown name costs the same as one for a known name.
// It is made on first use: hashing at package init would slow every command.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("casebook dummy password, never valid")
	if err != nil {
		return ""
	}
	return h
})

// DummyHash returns a valid hash no password is known for. Check the typed
// password against it when the user does not exist, so response time does not
// tell which user names exist.
func DummyHash() string { return dummyHash() }

// CheckPassword reports whether pw matches the PHC hash. It takes the same
// time whether or not the user exists when given a dummy hash. A malformed
// hash never matches.
func CheckPassword(hash, pw string) bool {
	p, err := parsePHC(hash)
	if err != nil || len(pw) > MaxPasswordLength*4 {
		return false
	}
	key := argon2.IDKey([]byte(pw), p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(key, p.key) == 1
}

// NeedsRehash reports whether hash was made with other parameters than the
// current ones, so a login can upgrade it.
func NeedsRehash(hash string) bool {
	p, err := parsePHC(hash)
	if err != nil {
		return true
	}
	return p.memory != argonMemory || p.time != argonTime || p.threads != argonThreads || len(p.key) != argonKeyLen
}
