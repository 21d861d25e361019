package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"fmt"

	"casebook"
)

// KeySize is the size of a source key: AES-256.
const KeySize = 32

// sealVersion is the first byte of every sealed record, so the format can
// change without guessing.
const sealVersion = 1

// sealAAD binds ciphertexts to their use: a sealed source cannot be replayed
// as anything else sealed with the same key.
var sealAAD = []byte("casebook source v1")

// Sealer encrypts and decrypts source records with AES-256-GCM. The key lives
// outside the database (see LoadKey), so a stolen database reveals no source.
// The zero Sealer has no key and refuses to seal or open.
type Sealer struct {
	aead cipher.AEAD
}

// NewSealer returns a Sealer for a 32-byte key.
func NewSealer(key []byte) (*Sealer, error) {
	if len(key) != KeySize {
		return nil, casebook.Errorf(casebook.EINVALID, "source key must be %d bytes, got %d", KeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("source key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("source key: %w", err)
	}
	return &Sealer{aead: aead}, nil
}

// sealedFields are the source fields that are sealed: all but the id, which
// the store assigns and keeps in clear.
type sealedFields struct {
	Pseudonym   string `json:"pseudonym"`
	Region      string `json:"region,omitempty"`
	Channel     string `json:"channel,omitempty"`
	Reliability string `json:"reliability,omitempty"`
	Credibility int    `json:"credibility,omitempty"`
	Notes       string `json:"notes,omitempty"`
	Contact     string `json:"contact,omitempty"`
}

// Seal encrypts a source's fields for storage: version byte, 12-byte random
// nonce, then the GCM ciphertext of the fields' JSON.
func (s *Sealer) Seal(src casebook.Source) ([]byte, error) {
	if s == nil || s.aead == nil {
		return nil, casebook.Errorf(casebook.EUNAVAILABLE, "no source key: run `casebook init` or set CASEBOOK_SOURCE_KEY")
	}
	plain, err := json.Marshal(sealedFields{
		Pseudonym: src.Pseudonym, Region: src.Region, Channel: src.Channel,
		Reliability: src.Reliability, Credibility: src.Credibility, Notes: src.Notes, Contact: src.Contact,
	})
	if err != nil {
		return nil, fmt.Errorf("seal source: %w", err)
	}
	out := make([]byte, 1+s.aead.NonceSize(), 1+s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	out[0] = sealVersion
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, fmt.Errorf("seal source: %w", err)
	}
	return s.aead.Seal(out, out[1:], plain, sealAAD), nil
}

// Open decrypts a sealed source. A record sealed with another key, or changed
// by one bit, is refused. The id is not sealed: use OpenSource to get it too.
func (s *Sealer) Open(sealed []byte) (casebook.Source, error) {
	if s == nil || s.aead == nil {
		return casebook.Source{}, casebook.Errorf(casebook.EUNAVAILABLE, "no source key: run `casebook init` or set CASEBOOK_SOURCE_KEY")
	}
	ns := s.aead.NonceSize()
	if len(sealed) < 1+ns+s.aead.Overhead() || sealed[0] != sealVersion {
		return casebook.Source{}, fmt.Errorf("open source: not a sealed source record")
	}
	plain, err := s.aead.Open(nil, sealed[1:1+ns], sealed[1+ns:], sealAAD)
	if err != nil {
		return casebook.Source{}, fmt.Errorf("open source: wrong key or altered record")
	}
	var f sealedFields
	if err := json.Unmarshal(plain, &f); err != nil {
		return casebook.Source{}, fmt.Errorf("open source: %w", err)
	}
	return casebook.Source{
		Pseudonym: f.Pseudonym, Region: f.Region, Channel: f.Channel,
		Reliability: f.Reliability, Credibility: f.Credibility, Notes: f.Notes, Contact: f.Contact,
	}, nil
}

// OpenSource decrypts a stored source and sets its id.
func (s *Sealer) OpenSource(ss casebook.SealedSource) (casebook.Source, error) {
	src, err := s.Open(ss.Sealed)
	if err != nil {
		return src, fmt.Errorf("source %d: %w", ss.ID, err)
	}
	src.ID = ss.ID
	return src, nil
}

// CheckSource returns an EINVALID error when a source's fields break the
// Admiralty grading or are empty where required.
func CheckSource(src casebook.Source) error {
	if src.Pseudonym == "" {
		return casebook.Errorf(casebook.EINVALID, "a source needs a pseudonym")
	}
	if src.Reliability != "" && (len(src.Reliability) != 1 || src.Reliability[0] < 'A' || src.Reliability[0] > 'F') {
		return casebook.Errorf(casebook.EINVALID, "reliability must be a grade A–F")
	}
	if src.Credibility != 0 && (src.Credibility < 1 || src.Credibility > 6) {
		return casebook.Errorf(casebook.EINVALID, "credibility must be 1–6")
	}
	return nil
}
