// Package auth holds Kopuro's credentials maths, with no I/O: argon2id
// password hashes and random session and API tokens, of which only a
// SHA-256 hash is ever stored.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters. They are written into every hash,
// so raising them later leaves older hashes verifiable.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams is OWASP's argon2id setting (19 MiB, 2 passes, 1 lane):
// about 0.3 s per login on a 2-core server, where RFC 9106's 64 MiB × 3
// passes took 1.3–2.6 s and would let a few concurrent logins stall it.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Limits on parameters read back from a stored hash, so a tampered or
// corrupt row cannot make one login take a gigabyte or a minute.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 64
	maxKeyLen  = 1024
	maxSaltLen = 1024
)

// ErrMalformedHash reports a stored hash Kopuro cannot read.
var ErrMalformedHash = errors.New("auth: malformed password hash")

// HashPassword hashes password with a fresh random salt and returns the
// PHC-style encoding: $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH.
func HashPassword(password string, p Params) string {
	salt := make([]byte, p.SaltLen)
	rand.Read(salt) // never fails (crypto/rand)
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// CheckPassword reports whether password matches the encoded hash,
// comparing in constant time. A malformed hash is an error, never a match.
func CheckPassword(encoded, password string) (bool, error) {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// decodeHash parses what HashPassword writes.
func decodeHash(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, ErrMalformedHash
	}
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		n, perr := strconv.ParseUint(v, 10, 32)
		if !ok || perr != nil || n == 0 {
			return p, nil, nil, ErrMalformedHash
		}
		switch {
		case k == "m" && p.Memory == 0 && n <= maxMemory:
			p.Memory = uint32(n)
		case k == "t" && p.Time == 0 && n <= maxTime:
			p.Time = uint32(n)
		case k == "p" && p.Threads == 0 && n <= 255:
			p.Threads = uint8(n)
		default:
			return p, nil, nil, ErrMalformedHash
		}
	}
	// argon2 needs at least 8 KiB of memory per lane.
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || p.Memory < 8*uint32(p.Threads) {
		return p, nil, nil, ErrMalformedHash
	}
	b64 := base64.RawStdEncoding
	salt, serr := b64.DecodeString(parts[4])
	key, kerr := b64.DecodeString(parts[5])
	if serr != nil || kerr != nil || len(salt) < 8 || len(salt) > maxSaltLen || len(key) < 16 || len(key) > maxKeyLen {
		return p, nil, nil, ErrMalformedHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}
