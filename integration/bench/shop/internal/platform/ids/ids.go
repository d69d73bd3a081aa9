// Package ids makes the identifiers of the shop's entities: a type prefix
// and 26 characters of Crockford base32 holding a millisecond timestamp
// and 80 random bits, so ids sort roughly by creation time.
package ids

import (
	"crypto/rand"
	"encoding/binary"
	"strings"
	"time"
)

// Prefixes of the entity types.
const (
	Product     = "prd"
	Category    = "cat"
	Reservation = "rsv"
	Customer    = "cus"
	Cart        = "crt"
	Order       = "ord"
	Payment     = "pay"
	Refund      = "ref"
	Request     = "req"
)

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"

const encodedLen = 26

// New returns a fresh id with the given prefix.
func New(prefix string) string {
	return NewAt(prefix, time.Now())
}

// NewAt returns a fresh id whose time component is t.
func NewAt(prefix string, t time.Time) string {
	var raw [16]byte
	binary.BigEndian.PutUint64(raw[:8], uint64(t.UnixMilli())<<16)
	_, _ = rand.Read(raw[6:])
	var b strings.Builder
	b.Grow(len(prefix) + 1 + encodedLen)
	b.WriteString(prefix)
	b.WriteByte('_')
	// 128 bits in 26 five-bit groups; the first group holds the top 3 bits.
	hi := binary.BigEndian.Uint64(raw[:8])
	lo := binary.BigEndian.Uint64(raw[8:])
	for i := encodedLen - 1; i >= 0; i-- {
		shift := uint(i * 5)
		var v uint64
		switch {
		case shift >= 64:
			v = hi >> (shift - 64)
		case shift > 59:
			v = lo>>shift | hi<<(64-shift)
		default:
			v = lo >> shift
		}
		b.WriteByte(alphabet[v&31])
	}
	return b.String()
}

// Valid reports whether id looks like an id made by New with prefix.
func Valid(prefix, id string) bool {
	rest, ok := strings.CutPrefix(id, prefix+"_")
	if !ok || len(rest) != encodedLen || rest[0] > '7' {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if strings.IndexByte(alphabet, rest[i]) < 0 {
			return false
		}
	}
	return true
}
