package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// TokenBytes is the entropy of session and API tokens.
const TokenBytes = 32

// NewToken returns a fresh random token, to give to its holder once, and
// its hash, the only form that is stored.
func NewToken() (token, hash string) {
	b := make([]byte, TokenBytes)
	rand.Read(b) // never fails (crypto/rand)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the stored form of a token: the hex SHA-256 of its text.
// Tokens are 256 random bits, so a fast hash is enough: there is nothing
// to guess, and a leaked table of hashes opens nothing.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// NewPassword returns a random password for a user who did not choose one:
// 26 base32 characters (128 bits).
func NewPassword() string { return rand.Text() }
