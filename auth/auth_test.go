package auth

import (
	"errors"
	"strings"
	"testing"
)

// cheap keeps the tests fast; the parameters travel inside the hash, so
// everything but the cost is the same as with DefaultParams.
var cheap = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndCheck(t *testing.T) {
	h := HashPassword("correct horse battery", cheap)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("encoding %q", h)
	}
	if h2 := HashPassword("correct horse battery", cheap); h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		pw   string
		want bool
	}{
		{"correct horse battery", true},
		{"correct horse battery ", false},
		{"Correct horse battery", false},
		{"", false},
	}
	for _, tt := range tests {
		ok, err := CheckPassword(h, tt.pw)
		if err != nil || ok != tt.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", tt.pw, ok, err, tt.want)
		}
	}
}

// A hash written with other parameters still verifies: they are read from
// the hash, not from the current defaults.
func TestParamsTravelWithHash(t *testing.T) {
	other := Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 8, KeyLen: 16}
	h := HashPassword("Бишкек-2025-ңөү", other)
	if ok, err := CheckPassword(h, "Бишкек-2025-ңөү"); !ok || err != nil {
		t.Errorf("%s: %v %v", h, ok, err)
	}
}

// The reference implementation's argon2id test vector (phc-winner-argon2,
// src/test.c): "password", salt "somesalt", m=65536 KiB, t=2, p=1, 32-byte
// tag 09316115…913cf7. Checking it pins both argon2id and the encoding.
func TestReferenceVector(t *testing.T) {
	h := "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
	if ok, err := CheckPassword(h, "password"); !ok || err != nil {
		t.Fatalf("reference vector: %v %v", ok, err)
	}
	if ok, _ := CheckPassword(h, "passwore"); ok {
		t.Fatal("reference vector matches a wrong password")
	}
}

func TestMalformedHashes(t *testing.T) {
	good := HashPassword("secret secret", cheap)
	parts := strings.Split(good, "$")
	tests := []string{
		"",
		"plain text password",
		"$2a$10$abcdefghijklmnopqrstuv", // bcrypt
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=64", "m=0", 1),
		strings.Replace(good, "m=64", "m=4194304", 1), // 4 GiB
		strings.Replace(good, "t=1", "t=1000", 1),
		strings.Replace(good, "p=1", "p=300", 1),
		strings.Replace(good, "m=64,t=1,p=1", "m=64,t=1", 1),
		strings.Replace(good, "m=64,t=1,p=1", "m=64,m=64,t=1,p=1", 1),
		strings.Replace(good, "m=64,t=1,p=1", "m=8,t=1,p=2", 1), // below 8 KiB per lane
		strings.Join(append(parts[:4:4], "!!", parts[5]), "$"),
		strings.Join(append(parts[:4:4], parts[4], ""), "$"),
		strings.Join(append(parts[:4:4], "c2FsdA", parts[5]), "$"), // 4-byte salt
		good + "$extra",
	}
	for _, h := range tests {
		ok, err := CheckPassword(h, "secret secret")
		if ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("%q: %v %v, want ErrMalformedHash", h, ok, err)
		}
	}
}

func TestTokens(t *testing.T) {
	a, ha := NewToken()
	b, hb := NewToken()
	if a == b || ha == hb {
		t.Fatal("two tokens are equal")
	}
	if len(a) != 43 || strings.ContainsAny(a, "+/=") {
		t.Errorf("token %q is not 32 bytes of unpadded base64url", a)
	}
	if ha != HashToken(a) || len(ha) != 64 || strings.Contains(ha, a) {
		t.Errorf("hash %q of %q", ha, a)
	}
	// SHA-256 of "abc", FIPS 180-2's first example.
	if got := HashToken("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("HashToken(abc) = %s", got)
	}
	if p := NewPassword(); len(p) != 26 || p == NewPassword() {
		t.Errorf("NewPassword() = %q", p)
	}
}

// FuzzCheckPassword: whatever is stored, checking never panics, and a
// match is only ever reported for a well-formed hash.
func FuzzCheckPassword(f *testing.F) {
	f.Add(HashPassword("correct horse battery", cheap), "correct horse battery")
	f.Add("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "x")
	f.Add("$argon2id$v=19$m=9,t=1,p=1$$", "")
	f.Add("$$$$$", "")
	f.Fuzz(func(t *testing.T, encoded, pw string) {
		p, _, _, err := decodeHash(encoded)
		if err == nil && (p.Memory > 4096 || p.Time > 4) {
			return // valid but too costly to run in a fuzz loop
		}
		ok, err := CheckPassword(encoded, pw)
		if ok && err != nil {
			t.Fatalf("match with error %v", err)
		}
	})
}

func BenchmarkHashDefault(b *testing.B) {
	for b.Loop() {
		HashPassword("correct horse battery", DefaultParams)
	}
}
