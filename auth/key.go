package auth

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"casebook"
)

// KeyFile is the name of the source key file in the data directory. It sits
// beside the database, not in it; back it up separately: without it no
// sealed source can be read.
const KeyFile = "source.key"

// KeyEnv is the environment variable that may carry the source key (base64),
// taking precedence over the key file: for deployments whose secrets come from
// the environment.
const KeyEnv = "CASEBOOK_SOURCE_KEY"

// CreateKeyFile writes a new random key to dataDir/source.key with mode 0600,
// unless the file exists: an existing key is never overwritten, since that
// would make every sealed source unreadable. It reports whether it created one.
func CreateKeyFile(dataDir string) (path string, created bool, err error) {
	path = filepath.Join(dataDir, KeyFile)
	key := make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return path, false, fmt.Errorf("create source key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		// Read it back so a broken or too-open key file is reported now.
		_, err := readKeyFile(path)
		return path, false, err
	}
	if err != nil {
		return path, false, fmt.Errorf("create source key: %w", err)
	}
	_, werr := f.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path)
		return path, false, fmt.Errorf("write source key %s: %w", path, err)
	}
	return path, true, nil
}

// LoadKey returns the source key: from the CASEBOOK_SOURCE_KEY variable when
// set (getenv may be nil), else from dataDir/source.key, which must not be
// readable or writable by group or others. A missing key is ENOTFOUND.
func LoadKey(dataDir string, getenv func(string) string) ([]byte, error) {
	if getenv != nil {
		if v := strings.TrimSpace(getenv(KeyEnv)); v != "" {
			key, err := decodeKey(v)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", KeyEnv, err)
			}
			return key, nil
		}
	}
	return readKeyFile(filepath.Join(dataDir, KeyFile))
}

// LoadSealer is LoadKey followed by NewSealer.
func LoadSealer(dataDir string, getenv func(string) string) (*Sealer, error) {
	key, err := LoadKey(dataDir, getenv)
	if err != nil {
		return nil, err
	}
	return NewSealer(key)
}

func readKeyFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "no source key at %s: run `casebook init` or set %s", path, KeyEnv)
	}
	if err != nil {
		return nil, fmt.Errorf("source key: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, casebook.Errorf(casebook.EINVALID, "source key %s is not a regular file", path)
	}
	// Windows has no Unix modes; its ACLs are the operator's to set.
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return nil, casebook.Errorf(casebook.EFORBIDDEN,
			"source key %s has permissions %04o: it must be readable by its owner only (chmod 600 %s)", path, fi.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("source key: %w", err)
	}
	key, err := decodeKey(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("source key %s: %w", path, err)
	}
	return key, nil
}

// decodeKey accepts standard or URL-safe base64, padded or not.
func decodeKey(s string) ([]byte, error) {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if key, err := enc.DecodeString(s); err == nil {
			if len(key) != KeySize {
				return nil, casebook.Errorf(casebook.EINVALID, "source key must be %d bytes of base64, got %d bytes", KeySize, len(key))
			}
			return key, nil
		}
	}
	return nil, casebook.Errorf(casebook.EINVALID, "source key is not base64")
}

// EncodeKey returns key as the base64 text the key file and CASEBOOK_SOURCE_KEY hold.
func EncodeKey(key []byte) string { return base64.StdEncoding.EncodeToString(key) }
