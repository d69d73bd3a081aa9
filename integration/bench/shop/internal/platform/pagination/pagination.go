// Package pagination implements keyset pagination: a page token names the
// last item of the previous page by its sort key, so pages stay stable
// while rows are inserted.
package pagination

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"example.com/shop/internal/platform/apperr"
)

const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Key is the position after which the next page starts: items are sorted
// by creation time, then id.
type Key struct {
	CreatedAt time.Time `json:"t"`
	ID        string    `json:"i"`
}

// IsZero reports whether k is the start of the listing.
func (k Key) IsZero() bool { return k.ID == "" && k.CreatedAt.IsZero() }

// Size clamps a requested page size to [1, MaxPageSize]; zero or negative
// means DefaultPageSize.
func Size(requested int) int {
	switch {
	case requested <= 0:
		return DefaultPageSize
	case requested > MaxPageSize:
		return MaxPageSize
	default:
		return requested
	}
}

// Encode returns the opaque token for k; the zero key has the empty token.
func Encode(k Key) string {
	if k.IsZero() {
		return ""
	}
	b, _ := json.Marshal(k)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode parses a token made by Encode; the empty token is the zero key.
func Decode(token string) (Key, error) {
	var k Key
	if token == "" {
		return k, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || json.Unmarshal(b, &k) != nil || k.ID == "" {
		return Key{}, apperr.Invalidf("invalid page token")
	}
	return k, nil
}

// Trim cuts items, fetched with a limit of size+1, to one page and reports
// whether a further page exists.
func Trim[T any](items []T, size int) ([]T, bool) {
	if len(items) > size {
		return items[:size], true
	}
	return items, false
}

// Next returns the token of the page after items: empty when there is
// none, otherwise the key of the last item.
func Next[T any](items []T, more bool, key func(T) Key) string {
	if !more || len(items) == 0 {
		return ""
	}
	return Encode(key(items[len(items)-1]))
}
